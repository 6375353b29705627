import ArgumentParser
import VerbaleIndex

/// `verbale query` (being written; see issue #6).
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query", abstract: "Query a citation index.")
    func run() throws { throw ValidationError("not yet available") }
}
