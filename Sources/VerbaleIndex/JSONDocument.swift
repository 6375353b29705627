internal import FoundationEssentials
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A `verbale/1` JSON file that could not be indexed, and why.
public struct IndexInputError: Error, CustomStringConvertible, Sendable {
    /// The JSON file.
    public var path: String
    /// What is wrong, in a sentence that says what to do.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

/// `read(2)`, named apart from `JSONDocumentReader.read`, which would shadow it.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Reads and checks one JSON file, before any database work, so a bad file costs nothing but
/// its report.
enum JSONDocumentReader {
    /// Parses the bytes already in `reader` (see `read`), naming `path` in the error.
    static func parse(_ reader: inout JSONReader, path: String) throws(IndexInputError) {
        do {
            try reader.parse()
        } catch {
            throw IndexInputError(path: path, reason: "not valid JSON (\(error)); re-run verbale convert on its input")
        }
    }

    /// The root object of the parsed `verbale/1` document `root`, after checking what
    /// identifies a document (the schema and the source's path, sha256 and size).
    static func check(_ root: JSONValue, path: String) throws(IndexInputError) -> JSONObject {
        guard let object = root.object else {
            throw IndexInputError(path: path, reason: "not a verbale/1 document: the top level is not a JSON object")
        }
        guard let schema = object.string("schema") else {
            throw IndexInputError(path: path, reason: "not a verbale/1 document: no \"schema\" field")
        }
        guard schema == "verbale/1" else {
            throw IndexInputError(path: path, reason: "schema \"\(schema.string)\" is not verbale/1; convert it again with this version of verbale")
        }
        guard let source = object.object("source"), source.string("path") != nil, source.string("sha256") != nil,
              source.int("bytes") != nil else {
            throw IndexInputError(path: path, reason: "not a verbale/1 document: \"source\" lacks path, sha256 or bytes")
        }
        return object
    }

    /// Reads the whole file at `path` into `reader` (straight into its buffer: no `Data`, no
    /// copy).
    static func read(_ path: String, into reader: inout JSONReader) throws(IndexInputError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IndexInputError(path: path, reason: "cannot open the file (\(describeErrno())); check the path and its permissions")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw IndexInputError(path: path, reason: "cannot read the file (\(describeErrno()))")
        }
        // One byte more than the size, so a file read whole is seen to end without a second
        // buffer; a file that grows meanwhile is read on in chunks.
        let expected = max(Int(status.st_size), 0) + 1
        var failure: Int32 = 0
        var full = false
        reader.bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            while initialized < expected {
                let got = systemRead(descriptor, buffer.baseAddress! + initialized, expected - initialized)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { return }
                initialized += got
            }
            full = true
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while full && failure == 0 {
            let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno != EINTR { failure = errno }
            } else if got == 0 {
                full = false
            } else {
                reader.bytes.append(contentsOf: chunk[..<got])
            }
        }
        if failure != 0 {
            errno = failure
            throw IndexInputError(path: path, reason: "cannot read the file (\(describeErrno()))")
        }
    }

    private static func describeErrno() -> String { String(cString: strerror(errno)) }

    /// Expands inputs: files as given, directories recursively for `*.json` (sorted, so runs
    /// are deterministic). `manifest.jsonl` and other non-`.json` files are skipped.
    static func collect(_ inputs: [String]) throws(IndexInputError) -> [String] {
        let manager = FileManager.default
        var result: [String] = []
        for input in inputs {
            var isDirectory = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw IndexInputError(path: input, reason: "no such file or directory; check the path")
            }
            if !isDirectory { result.append(input); continue }
            var found: [String] = []
            walk(input, manager: manager, into: &found)
            result.append(contentsOf: found.sorted())
        }
        return result
    }

    private static func walk(_ directory: String, manager: FileManager, into found: inout [String]) {
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory {
                walk(path, manager: manager, into: &found)
            } else if name.lowercased().hasSuffix(".json") {
                found.append(path)
            }
        }
    }
}
