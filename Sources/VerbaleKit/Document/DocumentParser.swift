#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The streaming front of the pipeline: feed it chunks, then `finish()` for the document.
///
/// ```swift
/// var parser = DocumentParser(path: "note.txt")
/// parser.feed(chunk)            // any number of times, any chunk size
/// let document = parser.finish()
/// ```
public struct DocumentParser: Sendable {
    /// Size of the chunks `parse(fileAt:)` reads.
    public static let chunkSize = 64 * 1024

    private let path: String
    private var tokenizer = LineTokenizer()
    private var tokens: [LineToken] = []
    private var digest = SHA256()

    /// A parser for the input named `path` (used in `source.path` and diagnostics).
    public init(path: String) {
        self.path = path
    }

    /// Feeds the next chunk of input bytes.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        digest.update(chunk)
        tokenizer.feed(chunk) { tokens.append($0) }
    }

    /// Feeds a byte array.
    public mutating func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Ends the input and assembles the document.
    public mutating func finish() -> Document {
        tokenizer.finish { tokens.append($0) }
        let source = SourceInfo(path: path, bytes: tokenizer.offset, sha256: digest.hexDigest(),
                                format: "markdown", encoding: "utf-8")
        var assembler = Assembler(tokens: tokens, lineTable: tokenizer.lineTable, source: source)
        return assembler.assemble()
    }

    /// Parses a whole byte array (tests, small inputs, standard input already read).
    public static func parse(bytes: [UInt8], path: String) -> Document {
        var parser = DocumentParser(path: path)
        parser.feed(bytes)
        return parser.finish()
    }

    /// Parses the file at `path`, reading it in `chunkSize` chunks.
    public static func parse(fileAt path: String) throws(InputError) -> Document {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(path: path, reason: InputError.describe(errno)) }
        defer { close(descriptor) }
        var parser = DocumentParser(path: path)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, reason: InputError.describe(errno))
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { parser.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return parser.finish()
    }
}

/// An input that could not be read at all.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The input's path.
    public var path: String
    /// What went wrong and what to do.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }

    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file; check the path"
        case EACCES: return "permission denied; check the file's permissions"
        case EISDIR: return "is a directory; pass files, or a directory to convert recursively"
        default:
            if let message = strerror(code) { return String(cString: message) }
            return "cannot read (errno \(code))"
        }
    }
}
