#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): sixteen-byte loads and `pmovmskb`, which gathers the
// bytes' sign bits (the non-ASCII ones) into one bit each.
import _Builtin_intrinsics.intel
#endif

/// The encoding an input is read in.
///
/// `automatic` is what every command uses unless told otherwise: a UTF-16 byte-order mark
/// selects UTF-16, anything else is read as UTF-8 (with or without its byte-order mark).
/// Windows-1252 cannot be told apart from UTF-8 with stray bad bytes reliably, so it is used
/// only when asked for (`--encoding windows-1252`).
public enum InputEncoding: String, Sendable, CaseIterable {
    /// UTF-16 by byte-order mark, else UTF-8.
    case automatic = "auto"
    /// UTF-8, with or without a byte-order mark; bad sequences become U+FFFD with a diagnostic.
    case utf8 = "utf-8"
    /// UTF-16 little-endian (a byte-order mark, if present, is dropped).
    case utf16LE = "utf-16le"
    /// UTF-16 big-endian (a byte-order mark, if present, is dropped).
    case utf16BE = "utf-16be"
    /// Windows-1252 (Western European), the usual "ANSI" of Windows converters.
    case windows1252 = "windows-1252"

    /// The encoding named `name` (`utf-8`, `utf8`, `UTF-16LE`, `cp1252`, `auto`…), or nil.
    public init?(name: String) {
        var key = ""
        for byte in name.utf8 where byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") {
            key.unicodeScalars.append(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte))
        }
        switch key {
        case "auto", "automatic": self = .automatic
        case "utf8": self = .utf8
        case "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "windows1252", "cp1252", "win1252", "ansi": self = .windows1252
        default: return nil
        }
    }
}

/// Recognizes files that are not text at all from their first bytes.
enum BinarySniffer {
    /// The longest signature looked at.
    static let prefixLength = 16

    /// What a binary file given by mistake looks like, and what to do with it.
    struct Kind: Sendable, Equatable {
        /// "a PDF", "a PNG image"…
        var name: String
        /// What the user should do instead.
        var advice: String
    }

    static let convertAdvice = "convert it to text first (pdftotext, or your converter's Markdown export)"

    /// The kind of binary file `prefix` (the first bytes of the input) starts, if any.
    static func detect(_ prefix: [UInt8]) -> Kind? {
        func starts(_ signature: [UInt8]) -> Bool { prefix.starts(with: signature) }
        if starts(Array("%PDF-".utf8)) {
            return Kind(name: "a PDF", advice: "run pdftotext (or a PDF-to-Markdown converter) first and convert its output")
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return Kind(name: "a ZIP archive (DOCX, ODT and XLSX files are ZIP archives)",
                        advice: "save or export the document as plain text (.txt) or Markdown first")
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Kind(name: "a legacy Microsoft Office file (.doc, .xls)",
                        advice: "save the document as plain text (.txt) first")
        }
        if starts(Array("{\\rtf".utf8)) {
            return Kind(name: "an RTF document", advice: "save the document as plain text (.txt) first")
        }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return Kind(name: "a PNG image", advice: "run OCR on it first, then convert the text") }
        if starts([0xFF, 0xD8, 0xFF]) { return Kind(name: "a JPEG image", advice: "run OCR on it first, then convert the text") }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            return Kind(name: "a GIF image", advice: "run OCR on it first, then convert the text")
        }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            return Kind(name: "a TIFF image", advice: "run OCR on it first, then convert the text")
        }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return Kind(name: "an ELF executable", advice: "pass the text file, not a program") }
        if starts([0x1F, 0x8B]) { return Kind(name: "a gzip-compressed file", advice: "decompress it first (gunzip)") }
        if starts(Array("BZh".utf8)) && prefix.count >= 10 && prefix[4...9].elementsEqual([0x31, 0x41, 0x59, 0x26, 0x53, 0x59]) {
            return Kind(name: "a bzip2-compressed file", advice: "decompress it first (bunzip2)")
        }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return Kind(name: "an xz-compressed file", advice: "decompress it first (unxz)") }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return Kind(name: "a 7-Zip archive", advice: "extract it first") }
        if starts([0x52, 0x61, 0x72, 0x21, 0x1A, 0x07]) { return Kind(name: "a RAR archive", advice: "extract it first") }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return Kind(name: "a zstd-compressed file", advice: "decompress it first (unzstd)") }
        if starts([0xFF, 0xFE, 0x00, 0x00]) || starts([0x00, 0x00, 0xFE, 0xFF]) {
            return Kind(name: "UTF-32 text", advice: "convert it to UTF-8 first (iconv -f UTF-32 -t UTF-8)")
        }
        return nil
    }
}

/// Turns input bytes in any supported encoding into the UTF-8 the tokenizer reads, streaming,
/// and records what it had to repair (`invalid-utf8`, `invalid-utf16`) or why it refuses the
/// input (binary, NUL bytes).
///
/// Offsets: for UTF-8 input the bytes pass through unchanged, so every span of the document is
/// an offset into the original bytes, and no map is kept. For UTF-16 and Windows-1252 the
/// tokenizer reads the UTF-8 transcoding (without the byte-order mark), and the decoder records
/// in `offsetMap` where each character came from; `DocumentParser` applies it to the finished
/// document, so its spans are offsets into the original bytes too. The diagnostics this decoder
/// raises have original offsets from the start (spans and messages).
struct InputDecoder: Sendable {
    /// What the decoder is doing with the bytes it gets.
    enum Mode: Sendable {
        /// Collecting the first bytes to look for a byte-order mark or a binary signature.
        case sniffing
        /// Passing UTF-8 through, validating it.
        case utf8
        /// Transcoding UTF-16 (little-endian when true).
        case utf16(littleEndian: Bool)
        /// Transcoding Windows-1252.
        case windows1252
        /// The input is refused; later bytes are ignored.
        case refused
    }

    /// Where the UTF-8 validator stands between two bytes (and two chunks).
    enum UTF8State: Sendable {
        /// Between characters.
        case ready
        /// Inside a multi-byte sequence: `remaining` continuation bytes still expected, the next
        /// one in `low...high` (the first continuation's range is narrowed after E0, ED, F0, F4
        /// to exclude overlong forms, surrogates and values past U+10FFFF).
        case continuation(remaining: Int, low: UInt8, high: UInt8, start: Int)
    }

    /// At most this many repair diagnostics are kept; the last one says how many more there were.
    static let diagnosticLimit = 200

    let requested: InputEncoding
    private(set) var mode: Mode = .sniffing
    private var prefix: [UInt8] = []
    /// Original bytes consumed so far (the offset of the next original byte).
    private(set) var offset = 0
    private var utf8 = UTF8State.ready
    /// Start of the current run of bad bytes (original offset), if one is open.
    private var badRunStart: Int? = nil
    private var badRunEnd = 0
    /// UTF-16: a pending odd byte, and a pending high surrogate with its original offset.
    private var oddByte: UInt8? = nil
    private var highSurrogate: (value: UInt16, offset: Int)? = nil
    /// Repairs made, as diagnostics (spans into the original bytes for UTF-8 input).
    private(set) var diagnostics: [Diagnostic] = []
    private var suppressed = 0
    /// Why the input is refused, once it is.
    private(set) var refusal: String? = nil
    /// Output buffer for transcoding modes, reused across chunks.
    private var output: [UInt8] = []
    /// Transcoding modes: the original bytes of each character written to `output`.
    private(set) var offsetMap = OffsetMap()

    init(encoding: InputEncoding) {
        requested = encoding
        switch encoding {
        case .automatic, .utf8: mode = .sniffing
        case .utf16LE: mode = .utf16(littleEndian: true)
        case .utf16BE: mode = .utf16(littleEndian: false)
        case .windows1252: mode = .windows1252
        }
    }

    /// The `source.encoding` label of what was decoded.
    var label: String {
        switch mode {
        case .utf16(let little): return little ? "utf-16le" : "utf-16be"
        case .windows1252: return "windows-1252"
        default: return "utf-8"
        }
    }

    /// Whether the tokenizer sees different bytes than the input's (spans are then offsets into
    /// the UTF-8 transcoding).
    var transcodes: Bool {
        switch mode {
        case .utf16, .windows1252: return true
        default: return false
        }
    }

    /// Decodes `chunk`, handing UTF-8 to `sink` (possibly several times, possibly not at all).
    mutating func feed(_ chunk: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) -> Void) {
        guard !chunk.isEmpty else { return }
        if case .sniffing = mode {
            prefix.append(contentsOf: chunk.prefix(BinarySniffer.prefixLength - prefix.count))
            // Wait for enough bytes to recognize every signature (or for `finish`).
            guard prefix.count >= BinarySniffer.prefixLength else {
                pendingSniff.append(contentsOf: chunk)
                return
            }
            // Usually the first chunk alone fills the prefix: it is fed as it is, not copied.
            if pendingSniff.isEmpty {
                decideMode()
                feedDecided(chunk, sink: sink)
            } else {
                let held = pendingSniff + Array(chunk)
                pendingSniff = []
                decideMode()
                held.withUnsafeBytes { feedDecided($0, sink: sink) }
            }
            return
        }
        feedDecided(chunk, sink: sink)
    }

    /// Bytes received while sniffing, replayed once the mode is known.
    private var pendingSniff: [UInt8] = []

    /// Ends the input: flushes a short input still being sniffed and reports a truncated
    /// character at the very end.
    mutating func finish(sink: (UnsafeRawBufferPointer) -> Void) {
        if case .sniffing = mode {
            let held = pendingSniff
            pendingSniff = []
            decideMode()
            held.withUnsafeBytes { feedDecided($0, sink: sink) }
        }
        switch mode {
        case .utf8:
            if case .continuation(_, _, _, let start) = utf8 { markBad(start, offset) }
            utf8 = .ready
            closeBadRun()
        case .utf16:
            // The last chunk's output was already handed over.
            output.removeAll(keepingCapacity: true)
            if let pending = highSurrogate {
                highSurrogate = nil
                emitReplacement(at: pending.offset, length: 2, code: "invalid-utf16",
                                what: "an unpaired high surrogate")
            }
            if oddByte != nil {
                oddByte = nil
                emitReplacement(at: offset - 1, length: 1, code: "invalid-utf16",
                                what: "an odd trailing byte (UTF-16 needs pairs of bytes)")
            }
            // No chunk loop flushes the output here.
            if !output.isEmpty { output.withUnsafeBytes { sink($0) } }
            output.removeAll()
        default: break
        }
        if suppressed > 0, let last = diagnostics.last {
            diagnostics.append(Diagnostic(code: last.code, severity: .warning,
                                          message: "\(suppressed) more runs of undecodable bytes not listed",
                                          span: last.span))
            suppressed = 0
        }
    }

    private mutating func decideMode() {
        if let kind = BinarySniffer.detect(prefix) {
            // UTF-32 is text, just not in an encoding read here.
            let what = kind.name.hasPrefix("UTF-32") ? "which is not supported" : "not text"
            refuse("this looks like \(kind.name), \(what); \(kind.advice)")
            return
        }
        // Explicit UTF-8 reads a UTF-16 byte-order mark as the bad bytes it then is.
        if requested == .automatic {
            if prefix.starts(with: [0xFF, 0xFE]) { mode = .utf16(littleEndian: true); bomToSkip = 2; return }
            if prefix.starts(with: [0xFE, 0xFF]) { mode = .utf16(littleEndian: false); bomToSkip = 2; return }
        }
        mode = .utf8
    }

    /// Bytes of a UTF-16 byte-order mark still to drop.
    private var bomToSkip = 0

    private mutating func refuse(_ reason: String) {
        mode = .refused
        refusal = reason
        pendingSniff = []
    }

    private mutating func feedDecided(_ chunk: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) -> Void) {
        switch mode {
        case .sniffing, .refused:
            offset += chunk.count
        case .utf8:
            validateUTF8(chunk, sink: sink)
        case .utf16(let little):
            transcodeUTF16(chunk, littleEndian: little, sink: sink)
        case .windows1252:
            transcodeWindows1252(chunk, sink: sink)
        }
    }

    // MARK: UTF-8

    /// Validates and passes `chunk` through unchanged; NUL refuses the input.
    private mutating func validateUTF8(_ chunk: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) -> Void) {
        let base = offset
        var index = 0
        let count = chunk.count
        while index < count {
            let byte = chunk[index]
            switch utf8 {
            case .ready:
                if byte < 0x80 {
                    if byte == 0 {
                        // The document is discarded, so nothing more goes to the tokenizer.
                        refuseNUL(at: base + index, chunk: chunk, index: index)
                        offset = base + count
                        return
                    }
                    closeBadRun()
                    // Fast path: a run of ASCII needs no state.
                    index = Self.skipASCII(chunk.assumingMemoryBound(to: UInt8.self).baseAddress!, from: index + 1, count: count)
                    continue
                }
                // Fast path for text in other scripts (Cyrillic, accented Latin): whole two-byte
                // sequences, three-byte ones without the special ranges of E0 and ED, and the
                // ASCII between them, checked without stepping the state machine byte by byte.
                var run = index
                while run + 1 < count {
                    let lead = chunk[run]
                    if lead >= 0xC2 && lead <= 0xDF {
                        guard chunk[run + 1] & 0xC0 == 0x80 else { break }
                        run += 2
                    } else if (lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF {
                        guard run + 2 < count, chunk[run + 1] & 0xC0 == 0x80, chunk[run + 2] & 0xC0 == 0x80 else { break }
                        run += 3
                    } else if lead < 0x80 && lead != 0 {
                        // Prose in an accented script is mostly ASCII between the letters.
                        run = Self.skipASCII(chunk.assumingMemoryBound(to: UInt8.self).baseAddress!, from: run + 1, count: count)
                    } else {
                        break
                    }
                }
                if run > index {
                    closeBadRun()
                    index = run
                    continue
                }
                if let (need, low, high) = UTF8Lead.expectation(byte) {
                    utf8 = .continuation(remaining: need, low: low, high: high, start: base + index)
                } else {
                    markBad(base + index, base + index + 1)
                }
                index += 1
            case .continuation(let remaining, let low, let high, let start):
                if byte >= low && byte <= high {
                    if remaining == 1 {
                        utf8 = .ready
                        closeBadRun()
                    } else {
                        utf8 = .continuation(remaining: remaining - 1, low: 0x80, high: 0xBF, start: start)
                    }
                    index += 1
                } else {
                    // A truncated sequence: its bytes are bad; this byte starts afresh.
                    markBad(start, base + index)
                    utf8 = .ready
                }
            }
        }
        offset = base + count
        sink(chunk)
    }

    /// The first index from `from` on whose byte is not in 0x01…0x7F (a NUL or a byte of a
    /// multi-byte sequence), or `count`.
    ///
    /// Sixteen bytes a step on SSE2: the sign bits (`pmovmskb` of the bytes themselves) mark
    /// bytes from 0x80 up, a compare with zero marks NULs, and the lowest bit set is the exact
    /// byte, so the caller lands on it rather than stepping to it a byte per pass of its loop.
    /// Then eight a step in words, then bytes. `vectors: false` gives the portable path alone.
    @inline(__always)
    static func skipASCII(_ bytes: UnsafePointer<UInt8>, from: Int, count: Int, vectors: Bool = true) -> Int {
        var index = from
        #if arch(x86_64)
        if vectors {
            let zero = _mm_setzero_si128()
            while index &+ 16 <= count {
                let vector = _mm_loadu_si128(UnsafeRawPointer(bytes + index).assumingMemoryBound(to: __m128i_u.self))
                let lanes = _mm_movemask_epi8(vector) | _mm_movemask_epi8(_mm_cmpeq_epi8(vector, zero))
                if lanes != 0 { return index &+ Int(lanes.trailingZeroBitCount) }
                index &+= 16
            }
        }
        #endif
        while index &+ 8 <= count, isNonZeroASCII(ByteWords.load(bytes, index)) { index &+= 8 }
        while index < count, bytes[index] < 0x80, bytes[index] != 0 { index &+= 1 }
        return index
    }

    /// Whether all eight bytes are in 0x01…0x7F, in three operations: a zero byte borrows
    /// into its high bit when one is subtracted from every lane, a byte from 0x80 up has it
    /// already; with neither, no lane borrows and no high bit is set.
    @inline(__always)
    static func isNonZeroASCII(_ word: UInt64) -> Bool {
        ((word &- ByteWords.ones) | word) & ByteWords.highs == 0
    }

    private mutating func refuseNUL(at position: Int, chunk: UnsafeRawBufferPointer, index: Int) {
        // Text with NULs at every other byte is UTF-16 that lost (or never had) its byte-order mark.
        var zeros = 0
        var sample = 0
        var probe = index
        while probe < chunk.count && sample < 64 { if chunk[probe] == 0 { zeros += 1 }; sample += 1; probe += 1 }
        if zeros * 3 >= sample && zeros * 3 <= sample * 2 && sample >= 8 {
            refuse("contains NUL bytes (first at byte \(position)); this looks like UTF-16 text without a byte-order mark: pass --encoding utf-16le (or utf-16be), or convert it to UTF-8 first (iconv -f UTF-16LE -t UTF-8)")
        } else {
            refuse("contains a NUL byte at byte \(position), so it is a binary file, not text; pass a text (.txt) or Markdown file (convert PDFs with pdftotext first)")
        }
    }

    /// Extends (or starts) the current run of bad bytes to cover `start..<end`.
    private mutating func markBad(_ start: Int, _ end: Int) {
        if let runStart = badRunStart, start <= badRunEnd {
            badRunEnd = max(badRunEnd, end)
            badRunStart = runStart
        } else {
            closeBadRun()
            badRunStart = start
            badRunEnd = end
        }
    }

    private mutating func closeBadRun() {
        guard let start = badRunStart else { return }
        badRunStart = nil
        let length = badRunEnd - start
        record(Diagnostic(code: "invalid-utf8", severity: .warning,
                          message: "\(length) byte\(length == 1 ? "" : "s") at byte \(start) \(length == 1 ? "is" : "are") not valid UTF-8 and read as U+FFFD; if the file is Windows-1252 (ANSI), pass --encoding windows-1252",
                          span: ByteSpan(start, badRunEnd)))
    }

    private mutating func record(_ diagnostic: Diagnostic) {
        if diagnostics.count < Self.diagnosticLimit { diagnostics.append(diagnostic) } else { suppressed += 1 }
    }

    /// Whether any bytes had to be replaced (the block texts then need their U+FFFD repair).
    var repaired: Bool { !diagnostics.isEmpty }

    // MARK: UTF-16

    private mutating func transcodeUTF16(_ chunk: UnsafeRawBufferPointer, littleEndian: Bool,
                                         sink: (UnsafeRawBufferPointer) -> Void) {
        output.removeAll(keepingCapacity: true)
        var index = 0
        while index < chunk.count {
            let byte = chunk[index]
            index += 1
            offset += 1
            if bomToSkip > 0 { bomToSkip -= 1; continue }
            guard let first = oddByte else { oddByte = byte; continue }
            oddByte = nil
            let unit = littleEndian ? UInt16(first) | UInt16(byte) << 8 : UInt16(first) << 8 | UInt16(byte)
            let unitOffset = offset - 2
            if let high = highSurrogate {
                highSurrogate = nil
                if unit >= 0xDC00 && unit <= 0xDFFF {
                    let scalar = 0x10000 + ((UInt32(high.value) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                    appendUTF8(scalar, from: high.offset, length: 4)
                    continue
                }
                emitReplacement(at: high.offset, length: 2, code: "invalid-utf16", what: "an unpaired high surrogate")
            }
            switch unit {
            case 0xD800...0xDBFF:
                highSurrogate = (unit, unitOffset)
            case 0xDC00...0xDFFF:
                emitReplacement(at: unitOffset, length: 2, code: "invalid-utf16", what: "an unpaired low surrogate")
            case 0:
                if !output.isEmpty { output.withUnsafeBytes { sink($0) } }
                output.removeAll()
                refuse("contains a NUL character at byte \(unitOffset), so it is a binary file, not text; pass a text (.txt) or Markdown file")
                offset += chunk.count - index
                return
            default:
                appendUTF8(UInt32(unit), from: unitOffset, length: 2)
            }
        }
        if !output.isEmpty { output.withUnsafeBytes { sink($0) } }
    }

    /// Writes U+FFFD for bad input and records a diagnostic.
    private mutating func emitReplacement(at start: Int, length: Int, code: String, what: String) {
        appendUTF8(0xFFFD, from: start, length: length)
        record(Diagnostic(code: code, severity: .warning,
                          message: "\(what) at byte \(start) of the input is read as U+FFFD",
                          span: ByteSpan(start, start + length)))
    }

    /// Writes `scalar` as UTF-8 and records that it came from the `length` original bytes at
    /// `start`.
    @inline(__always)
    private mutating func appendUTF8(_ scalar: UInt32, from start: Int, length: Int) {
        let before = output.count
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
        offsetMap.append(decodedWidth: output.count - before, originalStart: start, originalWidth: length)
    }

    // MARK: Windows-1252

    /// Code points of 0x80…0x9F in Windows-1252 (0 where the code page leaves a byte undefined;
    /// those are read as the C1 control of the same value, as browsers do).
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private mutating func transcodeWindows1252(_ chunk: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) -> Void) {
        output.removeAll(keepingCapacity: true)
        for (index, byte) in chunk.enumerated() {
            if byte == 0 {
                if !output.isEmpty { output.withUnsafeBytes { sink($0) } }
                output.removeAll()
                refuse("contains a NUL byte at byte \(offset + index), so it is a binary file, not text; pass a text (.txt) or Markdown file")
                offset += chunk.count
                return
            }
            let scalar = byte >= 0x80 && byte < 0xA0 ? UInt32(Self.windows1252High[Int(byte - 0x80)]) : UInt32(byte)
            appendUTF8(scalar, from: offset + index, length: 1)
        }
        offset += chunk.count
        if !output.isEmpty { output.withUnsafeBytes { sink($0) } }
    }
}
