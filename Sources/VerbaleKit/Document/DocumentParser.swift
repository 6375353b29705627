#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The streaming front of the pipeline: feed it chunks, then `finish()` for the document.
///
/// ```swift
/// var parser = DocumentParser(path: "note.txt")
/// parser.feed(chunk)                    // any number of times, any chunk size
/// let document = try parser.finishThrowing()
/// ```
///
/// Input goes through an `InputDecoder` first: UTF-8 passes through (bad sequences are kept,
/// read as U+FFFD in the text and reported as `invalid-utf8`), UTF-16 with a byte-order mark
/// and explicit Windows-1252 are transcoded to UTF-8, and binary files (PDF, ZIP/DOCX, images,
/// anything with a NUL byte) are refused: `refusal` is set as soon as that is known, so a
/// reader can stop reading, and `finishThrowing()` throws it.
public struct DocumentParser: Sendable {
    /// Size of the chunks `parse(fileAt:)` reads.
    public static let chunkSize = 64 * 1024

    let path: String
    private(set) var decoder: InputDecoder
    private(set) var tokenizer = LineTokenizer()
    /// The lines read and not yet assembled (a window of a large document takes them).
    var tokens: [LineToken] = []
    private var digest = SHA256()

    /// Which stages after the structure pass run (all by default; the benchmark turns them
    /// off to measure the structure pass alone). With `citationsOnly` the input is not hashed
    /// (`source.sha256` is empty): only citations are read from such a document. Set it
    /// before the first `feed`.
    public var stages: PipelineStages = .all

    /// A parser for the input named `path` (used in `source.path` and diagnostics), reading
    /// `encoding` (by default UTF-16 when it has a byte-order mark, else UTF-8).
    public init(path: String, encoding: InputEncoding = .automatic) {
        self.path = path
        self.decoder = InputDecoder(encoding: encoding)
    }

    /// Why the input is refused (it is binary, or has NUL bytes), once that is known; later
    /// chunks are then only counted and hashed, so a caller may stop feeding.
    public var refusal: InputError? {
        decoder.refusal.map { InputError(path: path, reason: $0) }
    }

    /// Feeds the next chunk of input bytes.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        if !stages.contains(.citationsOnly) { digest.update(chunk) }
        // The decoder's sink cannot capture `self` while `decoder` is being mutated, so the
        // tokenizer and the tokens are moved out and back (swapped, not copied: a copy would
        // make the next append copy the whole token array and line table, quadratically).
        var tokenizer = LineTokenizer()
        swap(&tokenizer, &self.tokenizer)
        var tokens: [LineToken] = []
        swap(&tokens, &self.tokens)
        // Room for the first chunk's lines at once, at one token per 64 bytes (lines in
        // diplomatic text average over a hundred), so a document read in one chunk does not
        // grow its token array by doubling from one (each growth copied every token so far).
        // Later chunks grow it as usual; the estimate is never above doubling's own slack.
        if tokens.capacity == 0 { tokens.reserveCapacity(chunk.count / 64) }
        decoder.feed(chunk) { decoded in tokenizer.feed(decoded) { tokens.append($0) } }
        self.tokenizer = tokenizer
        self.tokens = tokens
    }

    /// Feeds a byte array.
    public mutating func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Ends the input and assembles the document.
    ///
    /// A refused input (see `refusal`) gives a document with no parts and one `input-refused`
    /// error diagnostic; use `finishThrowing()` to get the refusal as an error instead.
    public mutating func finish() -> Document {
        endInput()
        var source = sourceInfo()
        if let reason = decoder.refusal {
            source.format = "refused"
            return Document(source: source, language: "und", parts: [], sections: [], questions: [],
                            footnotes: [], citations: [], definitions: [], exhibits: [],
                            diagnostics: [Diagnostic(code: "input-refused", severity: .error, message: reason,
                                                     span: ByteSpan(0, 0))],
                            lineTable: LineTable())
        }
        // The token array moves into the assembler (not shared), so it frees the lines once
        // the blocks hold their text.
        var assembler = Assembler(tokens: [], lineTable: tokenizer.lineTable, source: source)
        swap(&assembler.tokens, &tokens)
        assembler.stages = stages
        assembler.inputIsValidUTF8 = decoder.diagnostics.isEmpty
        var document = assembler.assemble()
        finishAssembled(&document, decoderDiagnostics: decoder.diagnostics)
        return document
    }

    /// Ends the input: the decoder and the tokenizer hand on what they held back.
    mutating func endInput() {
        var tokenizer = LineTokenizer()
        swap(&tokenizer, &self.tokenizer)
        var tokens: [LineToken] = []
        swap(&tokens, &self.tokens)
        decoder.finish { decoded in tokenizer.feed(decoded) { tokens.append($0) } }
        tokenizer.finish { tokens.append($0) }
        self.tokenizer = tokenizer
        self.tokens = tokens
    }

    /// Forgets the line starts before the line holding `offset` (windows written already).
    mutating func dropLines(before offset: Int) {
        tokenizer.dropLines(before: offset)
    }

    /// What is known of the input read so far (its size and hash are final after `endInput`).
    func sourceInfo() -> SourceInfo {
        SourceInfo(path: path, bytes: decoder.offset, sha256: stages.contains(.citationsOnly) ? "" : digest.hexDigest(),
                   format: "markdown", encoding: "utf-8")
    }

    /// The decoder's part of an assembled document (or window): its encoding, spans into the
    /// original bytes of a transcoded input, repaired bad UTF-8, and `decoderDiagnostics`
    /// (the decoder's own, for this stretch) merged into the diagnostics in source order.
    func finishAssembled(_ document: inout Document, decoderDiagnostics: [Diagnostic]) {
        if decoder.transcodes {
            document.source.encoding = decoder.label
            // Last, after every stage that read the transcoded bytes by span, and before the
            // decoder's diagnostics (original offsets already) join: spans into the original bytes.
            decoder.offsetMap.apply(to: &document)
        }
        if decoder.repaired {
            if !decoder.transcodes { Self.repairInvalidUTF8(&document) }
            document.diagnostics = (decoderDiagnostics + document.diagnostics).sorted {
                $0.span != $1.span ? $0.span < $1.span : $0.code < $1.code
            }
        }
    }

    /// Ends the input and assembles the document, or throws the refusal of a binary input.
    public mutating func finishThrowing() throws(InputError) -> Document {
        let document = finish()
        if let refusal { throw refusal }
        return document
    }

    /// Replaces the bad UTF-8 bytes kept in each block's mapped text by U+FFFD, each of its
    /// three bytes mapped to the first bad byte, so writers that copy mapped bytes stay valid
    /// UTF-8 (`Block.text` is made from them, so it reads the same); question and response
    /// texts, gathered from those blocks' bytes, are repaired as `String(decoding:as:)` does.
    static func repairInvalidUTF8(_ document: inout Document) {
        for index in document.questions.indices {
            Self.repairUTF8(&document.questions[index].questionUTF8)
            Self.repairUTF8(&document.questions[index].responseUTF8)
        }
        for part in document.parts.indices {
            for block in document.parts[part].blocks.indices {
                // Answered without reading the bytes: the assembler settled each block's UTF-8.
                guard !document.parts[part].blocks[block].mapped.isValidUTF8 else { continue }
                let repaired = document.parts[part].blocks[block].mapped.repairingInvalidUTF8()
                document.parts[part].blocks[block].mapped = repaired
            }
        }
    }

    /// `bytes` with each maximal ill-formed subpart replaced by U+FFFD (unchanged when
    /// well-formed, the common case, read once).
    static func repairUTF8(_ bytes: inout [UInt8]) {
        if !MappedText.scanValidUTF8(bytes) { bytes = Array(String(decoding: bytes, as: UTF8.self).utf8) }
    }

    /// A stretch of bytes: a valid UTF-8 character, or a maximal ill-formed subpart (which
    /// becomes one U+FFFD, as `String(decoding:)` does).
    enum UTF8Run { case valid(Int), invalid(Int) }

    /// Splits `bytes` into valid characters and ill-formed subparts.
    static func utf8Runs(_ bytes: [UInt8]) -> [UTF8Run] {
        var runs: [UTF8Run] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 { runs.append(.valid(1)); index += 1; continue }
            let (length, wellFormed) = UTF8Lead.subpart(bytes, at: index)
            runs.append(wellFormed ? .valid(length) : .invalid(length))
            index += length
        }
        return runs
    }

    /// Parses a whole byte array (tests, small inputs, standard input already read). A refused
    /// input gives the `input-refused` document `finish()` describes.
    public static func parse(bytes: [UInt8], path: String, encoding: InputEncoding = .automatic) -> Document {
        var parser = DocumentParser(path: path, encoding: encoding)
        parser.feed(bytes)
        return parser.finish()
    }

    /// Parses the file at `path`, reading it in `chunkSize` chunks; throws if it cannot be
    /// read or is refused (binary, NUL bytes), without reading the rest of a refused file.
    public static func parse(fileAt path: String, encoding: InputEncoding = .automatic) throws(InputError) -> Document {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(path: path, reason: InputError.describe(errno)) }
        defer { close(descriptor) }
        var parser = DocumentParser(path: path, encoding: encoding)
        // Left uninitialised: `read` fills what is then read (as the CLI's reader does).
        var buffer = [UInt8](unsafeUninitializedCapacity: chunkSize) { _, initialized in initialized = chunkSize }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, reason: InputError.describe(errno))
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { parser.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            if let refusal = parser.refusal { throw refusal }
        }
        return try parser.finishThrowing()
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

    /// A sentence for an `errno` value that says what to do.
    public static func describe(_ code: Int32) -> String {
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
