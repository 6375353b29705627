import ArgumentParser
import VerbaleKit

/// `verbale validate`: compiler-style diagnostics.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here, not derived from the type: deriving demangles the type's name at every
        // start (about half a million instructions each of the ten times it is asked for).
        commandName: "validate",
        abstract: "Check exhibits, footnotes, questions, identifiers and dates; print diagnostics like a compiler.",
        discussion: "Exit status: 0 without errors (1 with --werror when there are warnings), 1 on errors, 2 on usage errors. Codes are listed in docs/diagnostics.md."
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Input encoding: auto (UTF-16 by byte-order mark, else UTF-8), utf-8, utf-16le, utf-16be, windows-1252.")
    var encoding: String = "auto"

    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    @Flag(name: .long, help: "Treat warnings as errors.")
    var werror = false

    @Option(name: .long, help: "Only these codes, comma-separated.")
    var only: String?

    @Option(name: .long, help: "Ignore these codes, comma-separated.")
    var ignore: String?

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("unknown format '\(format)'; use text or json") }
    }

    func run() throws {
        let files: [InputFile]
        do { files = try InputCollector.collect(input.inputs, encoding: encoding) } catch {
            Output.stderr("verbale: error: \(error)")
            throw ExitCode(2)
        }
        let onlyCodes = only.map { Set($0.split(separator: ",").map { $0.trimmingSpacesCLI() }) }
        let ignoredCodes = Set((ignore ?? "").split(separator: ",").map { $0.trimmingSpacesCLI() })
        var errors = 0
        var warnings = 0
        var notes = 0
        var failed = 0
        var json = JSONOutput(indent: 1)
        if format == "json" { json.beginArray() }
        for file in files {
            let document: Document
            do { document = try InputCollector.parse(file) } catch {
                failed += 1
                Output.stderr("verbale: error: \(error)")
                continue
            }
            let diagnostics = document.diagnostics.filter {
                (onlyCodes?.contains($0.code) ?? true) && !ignoredCodes.contains($0.code)
            }
            // The excerpt is cut from the file's bytes as UTF-8, which a transcoded input's are not.
            let transcoded = !["utf-8", "utf-8-bom"].contains(document.source.encoding)
            let source = format == "text" && !transcoded ? InputCollector.readAll(file.path) : []
            for diagnostic in diagnostics {
                switch diagnostic.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .note: notes += 1
                }
                let location = document.lineTable.location(of: diagnostic.span.start)
                if format == "json" {
                    json.beginObject()
                    json.key("path"); json.string(file.path)
                    json.key("line"); json.int(location.line)
                    json.key("column"); json.int(location.column)
                    json.key("start"); json.int(diagnostic.span.start)
                    json.key("end"); json.int(diagnostic.span.end)
                    json.key("severity"); json.string(diagnostic.severity.rawValue)
                    json.key("code"); json.string(diagnostic.code)
                    json.key("message"); json.string(diagnostic.message)
                    json.endObject()
                } else {
                    var text = "\(file.path):\(location.line):\(location.column): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]\n"
                    text += DiagnosticExcerpt.render(source: source, span: diagnostic.span, lineTable: document.lineTable)
                    Output.stdout(text)
                }
            }
        }
        if format == "json" {
            json.endArray()
            json.raw(0x0A)
            Output.stdout(json.takeBytes())
        } else {
            func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
            var summary = "\(plural(warnings, "warning")), \(plural(errors, "error"))"
            if notes > 0 { summary += ", \(plural(notes, "note"))" }
            summary += " in \(plural(files.count, "file"))"
            if failed > 0 { summary += " (\(failed) could not be read)" }
            Output.stdout(summary + "\n")
        }
        if failed > 0 || errors > 0 || (werror && warnings > 0) { throw ExitCode(1) }
    }
}

/// The source line under a diagnostic with a caret and tildes under its span, cut to a window
/// around the span when the line is long (hard-wrapped PDF text has very long lines).
enum DiagnosticExcerpt {
    static func render(source: [UInt8], span: ByteSpan, lineTable: LineTable) -> String {
        guard span.start < source.count else { return "" }
        let location = lineTable.location(of: span.start)
        let lineStart = span.start - (location.column - 1)
        var lineEnd = span.start
        while lineEnd < source.count, source[lineEnd] != 0x0A, source[lineEnd] != 0x0D { lineEnd += 1 }
        let window = 60
        var from = lineStart
        var prefix = ""
        if scalarCount(source, lineStart, span.start) > window {
            from = span.start
            var steps = 0
            while from > lineStart, steps < window / 2 {
                from -= 1
                if source[from] & 0xC0 != 0x80 { steps += 1 }
            }
            prefix = "... "
        }
        var to = lineEnd
        var suffix = ""
        if scalarCount(source, span.end, lineEnd) > window {
            to = min(lineEnd, span.end)
            var steps = 0
            while to < lineEnd, steps < window {
                to += 1
                if to < source.count, source[to] & 0xC0 != 0x80 { steps += 1 }
            }
            suffix = " ..."
        }
        let lineText = String(decoding: source[from..<to], as: UTF8.self)
        let pad = prefix.count + scalarCount(source, from, span.start)
        let width = max(1, scalarCount(source, span.start, min(span.end, to)))
        return "  " + prefix + lineText + suffix + "\n  " + String(repeating: " ", count: pad) + "^" + String(repeating: "~", count: width - 1) + "\n"
    }

    static func scalarCount(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
        var count = 0
        var index = from
        while index < to && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}
