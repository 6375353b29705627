import ArgumentParser
import VerbaleAKN
import VerbaleKit
#if canImport(Glibc)
import Glibc
#endif

/// `verbale convert`: documents → `verbale/1` JSON and/or Akoma Ntoso XML, one input or a
/// whole archive (parallel, incremental, sharded, atomic).
struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here, not derived from the type: deriving demangles the type's name at every
        // start (about half a million instructions each of the ten times it is asked for).
        commandName: "convert",
        abstract: "Convert communications to verbale/1 JSON and/or Akoma Ntoso 3.0 XML.",
        discussion: """
        One input without -o writes to standard output. With -o DIR every input becomes \
        DIR/<relative path>.json (and .xml), mirroring directory inputs; DIR/manifest.jsonl records \
        each input's sha256 and status, and a re-run skips inputs whose hash and tool version are \
        unchanged (--force redoes all). --shard K/N converts only the K-th of N deterministic \
        shares of the inputs, so the same command runs as a job array across machines.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Input encoding: auto (UTF-16 by byte-order mark, else UTF-8), utf-8, utf-16le, utf-16be, windows-1252.")
    var encoding: String = "auto"

    @Option(name: .long, help: "Output formats, comma-separated: json, xml.")
    var format: String = "json"

    @Option(name: [.short, .customLong("output")], help: "Output directory.")
    var output: String?

    @Option(name: .long, help: "Documents converted in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "Convert only share K of N (1-based), e.g. --shard 3/8.")
    var shard: String?

    @Option(name: .long, help: "Validate each XML output against this Akoma Ntoso schema (akomantoso30.xsd).")
    var schema: String?

    @Flag(name: .long, help: "Convert every input even if the manifest says it is unchanged.")
    var force = false

    @Flag(name: .long, help: "No progress output.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Stages after the structure pass: all, citations, structure (for benchmarks).", visibility: .hidden))
    var stages: String = "all"

    @Option(name: .long, help: ArgumentHelp(
        "Window size in MB for very large documents: a JSON-only conversion of a document over 64 MB reads it a window of whole parts at a time, in memory bounded by the window (0: every document whole).",
        valueName: "MB"))
    var window: Int = 4

    @Option(name: .customLong("whole-limit"), help: ArgumentHelp("Largest document (MB) converted whole when --window is set (tests).", visibility: .hidden))
    var wholeLimit: Int = 64

    @Flag(name: .long, help: "Write JSON on one line.")
    var compact = false

    @Flag(name: .long, help: "Print a one-line summary of each document on standard error.")
    var summary = false

    var formats: [String] { format.split(separator: ",").map { $0.trimmingSpacesCLI() } }

    func validate() throws {
        for name in formats where !["json", "xml"].contains(name) {
            throw ValidationError("unknown format '\(name)'; use json, xml or json,xml")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if window < 0 { throw ValidationError("--window takes a size in MB, or 0 to convert every document whole") }
        if wholeLimit < 0 { throw ValidationError("--whole-limit takes a size in MB") }
        if let shard, Self.parseShard(shard) == nil {
            throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. --shard 2/8")
        }
        if output == nil && formats.count > 1 {
            throw ValidationError("writing \(format) needs an output directory; add -o DIR")
        }
    }

    static func parseShard(_ text: String) -> (Int, Int)? {
        let pieces = text.split(separator: "/")
        guard pieces.count == 2, let k = Int(pieces[0]), let n = Int(pieces[1]), n >= 1, (1...n).contains(k) else { return nil }
        return (k, n)
    }

    func run() async throws {
        var files: [InputFile]
        do { files = try InputCollector.collect(input.inputs, encoding: encoding) } catch {
            Output.stderr("verbale: error: \(error)")
            throw ExitCode(2)
        }
        let selected: PipelineStages = stages == "structure" ? [] : stages == "citations" ? [.citations] : .all
        for index in files.indices { files[index].stages = selected }
        if let shard, let (k, n) = Self.parseShard(shard) {
            files = files.filter { Sharding.share(of: $0.relative, count: n) == k - 1 }
        }
        let loadedSchema: AKNSchema?
        if let schema {
            do { loadedSchema = try AKNSchema(path: schema) } catch {
                Output.stderr("verbale: error: \(schema): \(error)")
                throw ExitCode(2)
            }
        } else {
            loadedSchema = nil
        }
        let job = ConversionJob(formats: formats, compact: compact, schema: loadedSchema, summary: summary,
                                windowBytes: window * 1_000_000, wholeLimit: wholeLimit * 1_000_000)
        guard let output else {
            if files.count > 1 {
                Output.stderr("verbale: error: \(files.count) inputs need an output directory; add -o DIR")
                throw ExitCode(2)
            }
            var failed = 0
            for file in files {
                let result = job.convert(file, into: nil)
                if let error = result.error { failed += 1; Output.stderr("verbale: error: \(error)") }
            }
            if failed > 0 { throw ExitCode(1) }
            return
        }
        let batch = Batch(output: output, job: job, jobs: jobs ?? Batch.cores(), force: force,
                          progress: quiet ? .none : (isatty(2) != 0 ? .bar : .lines))
        let outcome = await batch.run(files)
        if outcome.failed > 0 { throw ExitCode(1) }
    }
}

/// Deterministic shares of an input list: the same path always falls in the same share, on
/// every machine, whatever order the inputs were listed in.
enum Sharding {
    /// FNV-1a of the relative path, modulo `count`.
    static func share(of path: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return Int(hash % UInt64(count))
    }
}

/// What one input produced.
struct ConversionResult: Sendable {
    var file: InputFile
    var bytes = 0
    var sha256 = ""
    var citations = 0
    var diagnostics = 0
    var error: String? = nil
    var summary: String? = nil
}

/// Converts one input into its outputs.
struct ConversionJob: Sendable {
    var formats: [String]
    var compact: Bool
    var schema: AKNSchema?
    var summary: Bool
    /// Window size for documents over `wholeLimit` bytes (0: every document whole).
    var windowBytes = 0
    /// Largest document converted whole (when `windowBytes` is set).
    var wholeLimit = 64_000_000

    /// Converts `file`; writes into `directory` (atomically) or to standard output.
    func convert(_ file: InputFile, into directory: String?) -> ConversionResult {
        var result = ConversionResult(file: file)
        do {
            if let directory, windowBytes > 0, formats == ["json"], !summary, file.path != "-",
               Output.fileSize(file.path) > wholeLimit {
                try convertInWindows(file, into: directory, result: &result)
                return result
            }
            var document = try InputCollector.parse(file)
            result.bytes = document.source.bytes
            result.sha256 = document.source.sha256
            var xml: [UInt8]? = nil
            if formats.contains("xml") {
                let written = try AKNWriter.write(document)
                document.diagnostics.append(contentsOf: written.diagnostics)
                if let schema {
                    let issues = schema.validate(written.bytes) + AKNReferenceCheck.check(written.bytes)
                    if !issues.isEmpty {
                        let list = issues.prefix(5).map(\.description).joined(separator: "; ")
                        throw InputError(path: file.path, reason: "the Akoma Ntoso output does not validate: \(list); please report this with the input")
                    }
                }
                xml = written.bytes
            }
            result.citations = document.citations.count
            result.diagnostics = document.diagnostics.count
            if summary { result.summary = Convert.summaryLine(file.relative, document) }
            for name in formats {
                // JSON streams out a megabyte at a time: a large document never holds its whole
                // output in memory.
                if let directory {
                    let path = directory + "/" + Convert.outputName(file.relative, extension: name)
                    if name == "xml" {
                        try Output.writeAtomically(xml!, to: path)
                    } else {
                        let output = try Output.AtomicFile(path)
                        JSONWriter.write(document, indent: compact ? 0 : 1, sink: output.write)
                        try output.commit()
                    }
                } else if name == "xml" {
                    Output.stdout(xml!)
                } else {
                    JSONWriter.write(document, indent: compact ? 0 : 1, sink: { Output.stdout($0) })
                }
            }
            if directory == nil, let line = result.summary { Output.stderr(line) }
        } catch let error as InputError {
            result.error = error.description
        } catch {
            result.error = "\(file.path): \(error)"
        }
        return result
    }
}

extension ConversionJob {
    /// Converts a very large document a window of whole parts at a time
    /// (`WindowedDocumentParser`), its JSON spooled next to the output and written atomically.
    func convertInWindows(_ file: InputFile, into directory: String, result: inout ConversionResult) throws(InputError) {
        let path = directory + "/" + Convert.outputName(file.relative, extension: "json")
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !folder.isEmpty { Output.makeDirectories(folder) }
        var writer = try JSONWindowWriter(directory: folder.isEmpty ? "." : folder, path: path, indent: compact ? 0 : 1)
        var parser = WindowedDocumentParser(path: file.path, encoding: file.encoding, windowBytes: windowBytes)
        parser.stages = file.stages
        try InputCollector.forEachChunk(of: file) { chunk throws(InputError) in
            parser.feed(chunk)
            if let refusal = parser.refusal { throw refusal }
            while let window = parser.nextWindow() { try writer.append(window) }
        }
        parser.finish()
        while let window = parser.nextWindow() { try writer.append(window) }
        let whole = parser.summary()
        let output = try Output.AtomicFile(path)
        try writer.finish(whole, sink: output.write)
        try output.commit()
        result.bytes = whole.source.bytes
        result.sha256 = whole.source.sha256
        result.citations = parser.citationCount
        result.diagnostics = parser.diagnosticCount + whole.diagnostics.count
    }
}

extension Convert {
    /// `name: [en] note-verbale 2019-12-23 Geneva; letter 2019-12-19 (Marat Beketayev); 8 questions, …`
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
