import ArgumentParser
import VerbaleIndex

/// `verbale index` (being written; see issue #6).
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "index", abstract: "Load converted documents into a SQLite citation index.")
    func run() throws { throw ValidationError("not yet available") }
}
