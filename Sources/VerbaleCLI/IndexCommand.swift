import ArgumentParser
import FoundationEssentials
import VerbaleIndex
#if canImport(Glibc)
import Glibc
#endif

/// `verbale index`: load converted documents (`verbale/1` JSON) into a SQLite citation index,
/// or merge shard indexes into one.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Load converted documents into a SQLite citation index.",
        discussion: """
        Inputs are the outputs of verbale convert: directories (searched recursively for .json \
        files) or verbale/1 JSON files. Each document replaces the rows of the document with the \
        same source path, so re-running after a new conversion updates the index in place. A file \
        that is not verbale/1 JSON is reported and skipped; the exit status is then 1. \
        With --merge the inputs are shard indexes (e.g. one per --shard K/N job), copied into --db. \
        The schema is documented in docs/index.md.
        """
    )

    @Argument(help: "Converted outputs (directories or .json files); with --merge, shard index files.")
    var inputs: [String]

    @Option(name: .long, help: "The index database to create or update.")
    var db: String

    @Flag(name: .long, help: "Merge the shard indexes given as inputs into --db.")
    var merge = false

    @Flag(name: .long, help: "No progress output and no summary.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give converted outputs to index (or shard indexes with --merge)") }
        if db.isEmpty { throw ValidationError("--db needs a file name, e.g. --db index.sqlite") }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("\(input): no such file or directory; check the path")
        }
        if merge, inputs.contains(db) { throw ValidationError("--merge cannot merge \(db) into itself") }
    }

    func run() throws {
        let index: CitationIndex
        do { index = try CitationIndex(path: db) } catch {
            Output.stderr("verbale: error: \(db): \(error)")
            throw ExitCode(1)
        }
        if merge {
            do {
                let started = Date()
                let copied = try index.merge(shards: inputs)
                if !quiet {
                    let total = (try? index.documentCount) ?? 0
                    let seconds = Formatting.fixed(Date().timeIntervalSince(started), decimals: 2)
                    Output.stderr("merged \(copied) documents from \(inputs.count) shards into \(db) (\(total) documents) in \(seconds) s")
                }
            } catch {
                Output.stderr("verbale: error: \(error)")
                throw ExitCode(1)
            }
            return
        }

        let files: [String]
        do { files = try CitationIndex.jsonFiles(inputs) } catch {
            Output.stderr("verbale: error: \(error)")
            throw ExitCode(2)
        }
        let terminal = isatty(2) != 0
        var lastReport = Date()
        let started = Date()
        let report: CitationIndex.LoadReport
        do {
            report = try index.load(files: files) { done, total, bytes in
                guard !quiet else { return }
                let now = Date()
                // A terminal gets a line rewritten in place; a log gets a line every 5 seconds.
                guard done == total || now.timeIntervalSince(lastReport) >= (terminal ? 0.2 : 5) else { return }
                lastReport = now
                let seconds = max(now.timeIntervalSince(started), 0.001)
                let line = "indexing \(done)/\(total) documents, \(Formatting.fixed(Double(bytes) / 1e6 / seconds, decimals: 1)) MB/s"
                if terminal {
                    let rewritten = "\r" + line + (done == total ? "\n" : "")
                    _ = rewritten.withCString { write(2, $0, strlen($0)) }
                } else {
                    Output.stderr(line)
                }
            }
        } catch {
            Output.stderr("verbale: error: \(db): \(error)")
            throw ExitCode(1)
        }
        for failure in report.failures { Output.stderr("verbale: error: \(failure)") }
        if !quiet {
            let megabytes = Double(report.bytes) / 1e6
            let rate = Formatting.fixed(megabytes / max(report.seconds, 0.001), decimals: 1)
            Output.stderr("indexed \(report.documents) documents (\(report.replaced) replaced), "
                          + "\(Formatting.fixed(megabytes, decimals: 1)) MB of JSON in \(Formatting.fixed(report.seconds, decimals: 2)) s "
                          + "(\(rate) MB/s) into \(db); \(report.failures.count) failed")
        }
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
