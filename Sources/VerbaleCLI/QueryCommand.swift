import ArgumentParser
import FoundationEssentials
import VerbaleIndex

/// `verbale query`: ask a citation index which documents cite what.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Query a citation index.",
        discussion: """
        Kinds:
          cites "ICCPR art. 19(3)"       citations of a pinpoint, parsed like text
                                         ("ICCPR art. 19" also finds its ¶ 3)
          key iccpr/art19                citations by key (and keys under it)
          instrument "Criminal Code"     citations of an instrument
          communication "AL KAZ 4/2019"  citations of a communication
          text "peaceful assembly"       blocks whose text matches (FTS5;
                                         plain words are a phrase)
          exhibit-gaps                   exhibit-gap, exhibit-not-enclosed
        Output: an aligned table with path:line first, or --format json|tsv.
        The index schema and the query language: docs/index.md.
        """
    )

    @Argument(help: "The index database (made by verbale index).")
    var db: String

    @Argument(help: "cites, key, instrument, communication, text or exhibit-gaps.")
    var kind: String

    @Argument(help: "What to look for (words are joined with spaces; none for exhibit-gaps).")
    var value: [String] = []

    @Option(name: .long, help: "Output format: table, json or tsv.")
    var format: String = "table"

    @Flag(name: .long, help: "Do not print how the query was understood and the match count on standard error.")
    var quiet = false

    static let kinds = ["cites", "key", "instrument", "communication", "text", "exhibit-gaps"]

    func validate() throws {
        guard ResultFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)'; use table, json or tsv")
        }
        guard Self.kinds.contains(kind) else {
            throw ValidationError("unknown query '\(kind)'; use one of \(Self.kinds.joined(separator: ", "))")
        }
        if kind == "exhibit-gaps" {
            if !value.isEmpty { throw ValidationError("exhibit-gaps takes no argument") }
        } else if value.joined().isEmpty {
            throw ValidationError("\(kind) needs something to look for, e.g. verbale query \(db) cites \"ICCPR art. 19(3)\"")
        }
        guard FileManager.default.fileExists(atPath: db) else {
            throw ValidationError("\(db): no such index; build it with verbale index OUT --db \(db)")
        }
    }

    func run() throws {
        let text = value.joined(separator: " ")
        let query: IndexQuery
        switch kind {
        case "cites": query = .cites(text)
        case "key": query = .key(text)
        case "instrument": query = .instrument(text)
        case "communication": query = .communication(text)
        case "text": query = .text(text)
        default: query = .exhibitGaps
        }
        let result: QueryResult
        do {
            let index = try CitationIndex(path: db, readOnly: true)
            result = try index.query(query)
        } catch let error as QueryError {
            // The user's query, not the index, is at fault: a usage error (exit 2), said plainly
            // rather than followed by the root command's usage.
            Output.stderr("verbale: error: \(error)")
            throw ExitCode(2)
        } catch {
            Output.stderr("verbale: error: \(db): \(error)")
            throw ExitCode(1)
        }
        Output.stdout(result.rendered(ResultFormat(rawValue: format) ?? .table))
        if !quiet {
            Output.stderr("\(result.rows.count) \(result.rows.count == 1 ? "match" : "matches") (\(result.interpretation))")
        }
    }
}
