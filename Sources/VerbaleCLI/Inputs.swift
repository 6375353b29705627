#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VerbaleKit

/// One input document to process: its path and the path relative to the directory it was
/// found under (for mirroring the tree under an output directory).
struct InputFile: Sendable {
    var path: String
    var relative: String
    /// How to decode it (`--encoding`; by default UTF-16 by byte-order mark, else UTF-8).
    var encoding: InputEncoding = .automatic
    /// Which stages run after the structure pass (the benchmark's `--stages`).
    var stages: PipelineStages = .all
}

/// Expands command-line inputs: files as given, directories recursively (sorted, so runs are
/// deterministic), `-` for standard input.
enum InputCollector {
    static let extensions: Set<String> = ["txt", "md", "markdown", "text"]

    static func collect(_ inputs: [String], encoding: String = "auto") throws(InputError) -> [InputFile] {
        guard let decoding = InputEncoding(name: encoding) else {
            throw InputError(path: "--encoding", reason: "unknown encoding '\(encoding)'; use auto, utf-8, utf-16le, utf-16be or windows-1252")
        }
        var result: [InputFile] = []
        for input in inputs {
            if input == "-" { result.append(InputFile(path: "-", relative: "stdin")); continue }
            var info = stat()
            guard stat(input, &info) == 0 else {
                throw InputError(path: input, reason: "no such file or directory; check the path")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                walk(input, into: &found)
                for path in found.sorted() {
                    var relative = String(path.dropFirst(input.count))
                    while relative.hasPrefix("/") { relative.removeFirst() }
                    result.append(InputFile(path: path, relative: relative))
                }
            } else {
                result.append(InputFile(path: input, relative: baseName(input)))
            }
        }
        for index in result.indices { result[index].encoding = decoding }
        return result
    }

    static func baseName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    private static func walk(_ directory: String, into found: inout [String]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &found)
            } else if let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
                found.append(path)
            }
        }
    }

    /// Parses one input (a file, or standard input for `-`), reading it in chunks.
    static func parse(_ input: InputFile) throws(InputError) -> Document {
        var parser = DocumentParser(path: input.path, encoding: input.encoding)
        parser.stages = input.stages
        try forEachChunk(of: input) { chunk throws(InputError) in
            parser.feed(chunk)
            // A refused input (binary, NUL bytes) need not be read to the end.
            if let refusal = parser.refusal { throw refusal }
        }
        return try parser.finishThrowing()
    }

    /// Reads an input (a file, or standard input for `-`) in `DocumentParser.chunkSize` chunks,
    /// handing each to `body`, which may stop the reading by throwing.
    static func forEachChunk(of input: InputFile, _ body: (UnsafeRawBufferPointer) throws(InputError) -> Void) throws(InputError) {
        let descriptor = input.path == "-" ? 0 : open(input.path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(path: input.path, reason: InputError.describe(errno)) }
        defer { if descriptor != 0 { close(descriptor) } }
        // Left uninitialised: `read` fills what is then read, and zeroing 64 KiB per document
        // was a fifth of the instructions a short note costs.
        var buffer = [UInt8](unsafeUninitializedCapacity: DocumentParser.chunkSize) { _, initialized in
            initialized = DocumentParser.chunkSize
        }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, DocumentParser.chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path: input.path, reason: InputError.describe(errno))
            }
            if count == 0 { return }
            // `withUnsafeBytes` rethrows untyped errors: the body's error is carried out by hand.
            var failure: InputError? = nil
            buffer.withUnsafeBytes { bytes in
                do throws(InputError) { try body(UnsafeRawBufferPointer(rebasing: bytes[0..<count])) } catch { failure = error }
            }
            if let failure { throw failure }
        }
    }

    /// Reads a whole file (for printing source excerpts under diagnostics).
    static func readAll(_ path: String) -> [UInt8] {
        guard path != "-", let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, file) }
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }
}

/// Output helpers: standard streams and atomic files.
enum Output {
    static func stdout(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(1, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { if errno == EINTR { continue }; return }
                offset += written
            }
        }
    }

    static func stdout(_ text: String) { stdout(Array(text.utf8)) }

    static func stderr(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    /// Writes `bytes` to `path` through a temporary file and a rename, so a reader never sees
    /// a half-written output, even if the run is killed.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(InputError) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !directory.isEmpty { makeDirectories(directory) }
        let temporary = path + ".partial"
        guard let file = fopen(temporary, "wb") else {
            throw InputError(path: path, reason: "cannot create output file; check that the directory is writable")
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushed = fflush(file) == 0
        fclose(file)
        guard written == bytes.count, flushed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw InputError(path: path, reason: "cannot write output (disk full?)")
        }
    }

    /// A file being written through a temporary name; `commit()` renames it into place.
    final class AtomicFile: @unchecked Sendable {
        let path: String
        let temporary: String
        private let file: UnsafeMutablePointer<FILE>
        private(set) var failed = false

        init(_ path: String) throws(InputError) {
            let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            if !directory.isEmpty { Output.makeDirectories(directory) }
            self.path = path
            temporary = path + ".partial"
            guard let file = fopen(temporary, "wb") else {
                throw InputError(path: path, reason: "cannot create output file; check that the directory is writable")
            }
            self.file = file
        }

        /// Appends bytes (the JSON writer's sink).
        func write(_ bytes: UnsafeRawBufferPointer) {
            guard !failed, bytes.count > 0 else { return }
            if fwrite(bytes.baseAddress, 1, bytes.count, file) != bytes.count { failed = true }
        }

        /// Flushes, closes and renames into place; on any failure removes the temporary file.
        func commit() throws(InputError) {
            let flushed = fflush(file) == 0
            fclose(file)
            guard !failed, flushed, rename(temporary, path) == 0 else {
                unlink(temporary)
                throw InputError(path: path, reason: "cannot write output (disk full?)")
            }
        }
    }

    /// Writes bytes to standard output (a streaming sink).
    static func stdout(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { if errno == EINTR { continue }; return }
            offset += written
        }
    }

    /// Size in bytes of the file at `path` (0 when it cannot be read: the conversion says why).
    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    static func makeDirectories(_ path: String) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            mkdir(current, 0o755)
        }
    }
}
