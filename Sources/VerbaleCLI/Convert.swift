import ArgumentParser
import VerbaleKit

/// `verbale convert`: documents → `verbale/1` JSON (and Akoma Ntoso XML).
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert communications to verbale/1 JSON.",
        discussion: "One input without -o writes to standard output; with -o DIR, each input becomes DIR/<name>.json, mirroring directory inputs."
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Output formats, comma-separated: json.")
    var format: String = "json"

    @Option(name: [.short, .customLong("output")], help: "Output directory.")
    var output: String?

    @Flag(name: .long, help: "Write JSON on one line.")
    var compact = false

    @Flag(name: .long, help: "Print a one-line summary of each document on standard error.")
    var summary = false

    func validate() throws {
        let formats = format.split(separator: ",").map { $0.trimmingSpacesCLI() }
        for name in formats where !["json"].contains(name) {
            throw ValidationError("unknown format '\(name)'; use json")
        }
    }

    func run() throws {
        let files: [InputFile]
        do { files = try InputCollector.collect(input.inputs) } catch {
            Output.stderr("verbale: error: \(error)")
            throw ExitCode(2)
        }
        if output == nil && files.count > 1 {
            Output.stderr("verbale: error: \(files.count) inputs need an output directory; add -o DIR")
            throw ExitCode(2)
        }
        var failed = 0
        for file in files {
            do {
                let document = try InputCollector.parse(file)
                let json = JSONWriter.write(document, indent: compact ? 0 : 1)
                if summary { Output.stderr(Self.summaryLine(file.relative, document)) }
                if let output {
                    try Output.writeAtomically(json, to: output + "/" + Self.outputName(file.relative, extension: "json"))
                } else {
                    Output.stdout(json)
                }
            } catch {
                failed += 1
                Output.stderr("verbale: error: \(error)")
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// `name: note-verbale 2019-12-23 Geneva; letter 2019-12-19 (Marat Beketayev); 8 questions, …`
    static func summaryLine(_ name: String, _ document: Document) -> String {
        let parts = document.parts.filter { $0.kind != .letterhead }.map { part -> String in
            var text = part.kind.rawValue
            if let date = part.date { text += " " + date }
            if let place = part.place { text += " " + place }
            if let signatory = part.signatory { text += " (\(signatory.name))" }
            return text
        }
        let counts = "\(document.questions.count) questions, \(document.footnotes.count) footnotes, "
            + "\(document.citations.count) citations, \(document.diagnostics.count) diagnostics"
        return "\(name): [\(document.language)] \(parts.joined(separator: "; ")); \(counts)"
    }

    /// `a/b/note.txt` → `a/b/note.json`.
    static func outputName(_ relative: String, extension ext: String) -> String {
        let name = relative == "stdin" ? "stdin" : relative
        if let dot = name.lastIndex(of: "."), !name[dot...].contains("/") {
            return String(name[..<dot]) + "." + ext
        }
        return name + "." + ext
    }
}

extension StringProtocol {
    func trimmingSpacesCLI() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
