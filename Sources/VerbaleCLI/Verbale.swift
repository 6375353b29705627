import ArgumentParser
import VerbaleKit

/// The `verbale` command: a thin front over VerbaleKit.
@main
struct VerbaleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verbale",
        abstract: "Turn diplomatic communications into a normalized, validated, citation-indexed corpus.",
        discussion: """
        Inputs are notes verbales, letters and replies as text from PDF converters (Markdown-ish) \
        or pdftotext (plain, hard-wrapped), in English, French, Spanish or Russian.
        """,
        version: Verbale.version,
        subcommands: [Convert.self, Cites.self, Validate.self, IndexCommand.self, QueryCommand.self, BenchStages.self]
    )

    /// Parses and runs, mapping usage errors to exit status 2 (ArgumentParser's default is
    /// 64), as the documented exit codes promise: 0 success, 1 input failures, 2 usage.
    static func main() async {
        do {
            // Inputs are lifted out of long command lines: ArgumentParser is quadratic in them.
            var command = try InputLifting.parseAsRoot(Array(CommandLine.arguments.dropFirst()))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.stderr(fullMessage(for: error))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

/// Options shared by every command that reads inputs.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files, directories (searched recursively for .txt and .md files), or - for standard input.")
    var inputs: [String]
}
