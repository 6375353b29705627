import VerbaleKit
#if canImport(Glibc)
import Glibc
#endif

/// A batch conversion into an output directory: parallel, incremental, failure-isolating.
///
/// The manifest (`OUT/manifest.jsonl`) gets one line per finished input as soon as it finishes
/// (append, flushed), so a killed run loses nothing it completed; at the end it is rewritten
/// atomically with one line per input. A half-written last line from a killed run is ignored.
struct Batch {
    /// How progress is shown.
    enum Progress {
        /// Nothing (`--quiet`).
        case none
        /// A redrawn bar on a terminal.
        case bar
        /// A plain line every few seconds (logs, CI).
        case lines
    }

    var output: String
    var job: ConversionJob
    var jobs: Int
    var force: Bool
    var progress: Progress

    static let manifestName = "manifest.jsonl"

    static func cores() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// What the batch did.
    struct Outcome {
        var converted = 0
        var skipped = 0
        var failed = 0
    }

    /// One manifest line.
    struct Entry: Sendable {
        var path: String
        var sha256: String
        var bytes: Int
        var status: String
        var citations: Int
        var diagnostics: Int
        var version: String
        var error: String?

        func json() -> [UInt8] {
            var out = JSONOutput(indent: 0)
            out.beginObject()
            out.key("path"); out.string(path)
            out.key("sha256"); out.string(sha256)
            out.key("bytes"); out.int(bytes)
            out.key("status"); out.string(status)
            out.key("citations"); out.int(citations)
            out.key("diagnostics"); out.int(diagnostics)
            out.key("version"); out.string(version)
            if let error { out.key("error"); out.string(error) }
            out.endObject()
            out.raw(0x0A)
            return out.takeBytes()
        }
    }

    func run(_ files: [InputFile]) async -> Outcome {
        Output.makeDirectories(output)
        let manifestPath = output + "/" + Self.manifestName
        var entries = Manifest.read(manifestPath)
        var outcome = Outcome()
        var pending: [InputFile] = []
        for file in files {
            if !force, let entry = entries[file.relative], entry.status == "ok", entry.version == Verbale.version,
               outputsExist(file), let digest = Manifest.sha256(of: file.path), digest == entry.sha256 {
                outcome.skipped += 1
                continue
            }
            pending.append(file)
        }
        let appender = fopen(manifestPath, "ab")
        var meter = ProgressMeter(total: pending.count, mode: progress, skipped: outcome.skipped)
        // Summaries are printed at the end in input order: the jobs finish in any order.
        var summaries: [(String, String)] = []
        let job = self.job
        let directory = output
        await withTaskGroup(of: ConversionResult.self) { group in
            var next = 0
            func launch() {
                guard next < pending.count else { return }
                let file = pending[next]
                next += 1
                group.addTask { job.convert(file, into: directory) }
            }
            for _ in 0..<min(jobs, pending.count) { launch() }
            while let result = await group.next() {
                launch()
                let entry = Entry(path: result.file.relative, sha256: result.sha256, bytes: result.bytes,
                                  status: result.error == nil ? "ok" : "failed", citations: result.citations,
                                  diagnostics: result.diagnostics, version: Verbale.version, error: result.error)
                entries[entry.path] = entry
                if let appender {
                    let line = entry.json()
                    _ = line.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, appender) }
                    fflush(appender)
                }
                if let error = result.error {
                    outcome.failed += 1
                    meter.clear()
                    Output.stderr("verbale: error: \(error)")
                } else {
                    outcome.converted += 1
                }
                if let line = result.summary { summaries.append((result.file.relative, line)) }
                meter.advance(bytes: result.bytes)
            }
        }
        if let appender { fclose(appender) }
        // Compact: one line per input, sorted, written atomically.
        var compacted: [UInt8] = []
        for key in entries.keys.sorted() { compacted.append(contentsOf: entries[key]!.json()) }
        do { try Output.writeAtomically(compacted, to: manifestPath) } catch {
            Output.stderr("verbale: error: \(error)")
        }
        meter.finish()
        for (_, line) in summaries.sorted(by: { $0.0 < $1.0 }) { Output.stderr(line) }
        if progress != .none || outcome.failed > 0 {
            Output.stderr("verbale: \(outcome.converted) converted, \(outcome.skipped) unchanged, \(outcome.failed) failed (\(meter.rateText(withETA: false)))")
        }
        return outcome
    }

    private func outputsExist(_ file: InputFile) -> Bool {
        job.formats.allSatisfy { access(output + "/" + Convert.outputName(file.relative, extension: $0), F_OK) == 0 }
    }
}

/// Reads and writes the batch manifest.
enum Manifest {
    /// Entries by input path; the last line for a path wins; malformed lines are ignored.
    static func read(_ path: String) -> [String: Batch.Entry] {
        let bytes = InputCollector.readAll(path)
        var entries: [String: Batch.Entry] = [:]
        for line in bytes.split(separator: 0x0A) {
            guard let entry = parse(Array(line)) else { continue }
            entries[entry.path] = entry
        }
        return entries
    }

    /// A manifest line as written by `Entry.json()`; anything else (a torn line) is nil.
    static func parse(_ line: [UInt8]) -> Batch.Entry? {
        guard line.first == UInt8(ascii: "{"), line.last == UInt8(ascii: "}") else { return nil }
        var fields: [String: String] = [:]
        var index = 1
        func readString() -> String? {
            guard index < line.count, line[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var bytes: [UInt8] = []
            while index < line.count, line[index] != UInt8(ascii: "\"") {
                if line[index] == UInt8(ascii: "\\"), index + 1 < line.count {
                    index += 1
                    switch line[index] {
                    case UInt8(ascii: "n"): bytes.append(0x0A)
                    case UInt8(ascii: "t"): bytes.append(0x09)
                    case UInt8(ascii: "r"): bytes.append(0x0D)
                    case UInt8(ascii: "u"):
                        // Control characters only (the writer escapes nothing else this way).
                        if index + 4 < line.count, let value = UInt8(String(decoding: line[(index + 1)...(index + 4)], as: UTF8.self), radix: 16) {
                            bytes.append(value)
                        }
                        index += 4
                    default: bytes.append(line[index])
                    }
                } else {
                    bytes.append(line[index])
                }
                index += 1
            }
            guard index < line.count else { return nil }
            index += 1
            return String(decoding: bytes, as: UTF8.self)
        }
        while index < line.count - 1 {
            guard let key = readString(), index < line.count, line[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            if index < line.count, line[index] == UInt8(ascii: "\"") {
                guard let value = readString() else { return nil }
                fields[key] = value
            } else {
                let start = index
                while index < line.count, line[index] != UInt8(ascii: ","), line[index] != UInt8(ascii: "}") { index += 1 }
                fields[key] = String(decoding: line[start..<index], as: UTF8.self)
            }
            if index < line.count, line[index] == UInt8(ascii: ",") { index += 1 }
        }
        guard let path = fields["path"], let sha = fields["sha256"], let status = fields["status"], let version = fields["version"] else {
            return nil
        }
        return Batch.Entry(path: path, sha256: sha, bytes: Int(fields["bytes"] ?? "") ?? 0, status: status,
                           citations: Int(fields["citations"] ?? "") ?? 0, diagnostics: Int(fields["diagnostics"] ?? "") ?? 0,
                           version: version, error: fields["error"])
    }

    /// SHA-256 of a file, streamed.
    static func sha256(of path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var digest = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count <= 0 { break }
            buffer.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return digest.hexDigest()
    }
}

/// Documents done / total, MB/s and ETA on standard error.
struct ProgressMeter {
    let total: Int
    let mode: Batch.Progress
    let skipped: Int
    var done = 0
    var bytes = 0
    let started = ProgressMeter.now()
    var lastDraw = 0.0
    var drawn = false

    init(total: Int, mode: Batch.Progress, skipped: Int) {
        self.total = total
        self.mode = mode
        self.skipped = skipped
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    mutating func advance(bytes count: Int) {
        done += 1
        bytes += count
        let time = Self.now()
        switch mode {
        case .none: return
        case .bar:
            guard time - lastDraw > 0.1 || done == total else { return }
            lastDraw = time
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
            let line = "\r[\(bar)] \(done)/\(total) docs  \(rateText(at: time))"
            _ = line.withCString { write(2, $0, strlen($0)) }
            drawn = true
        case .lines:
            guard time - lastDraw > 5 || done == total else { return }
            lastDraw = time
            Output.stderr("verbale: \(done)/\(total) documents \(rateText(at: time))")
        }
    }

    func rateText(at time: Double = ProgressMeter.now(), withETA: Bool = true) -> String {
        let elapsed = max(time - started, 1e-6)
        let rate = Double(bytes) / 1e6 / elapsed
        let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let seconds = Int(remaining.rounded())
        let speed = Formatting.fixed(rate, decimals: 1) + " MB/s"
        return withETA ? speed + ", ETA \(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)" : speed
    }

    mutating func clear() {
        guard mode == .bar, drawn else { return }
        _ = "\r\u{1B}[K".withCString { write(2, $0, strlen($0)) }
        drawn = false
    }

    mutating func finish() {
        if mode == .bar && drawn { _ = "\n".withCString { write(2, $0, 1) } }
    }
}
