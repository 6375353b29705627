#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): sixteen-byte compares and `pmovmskb`, which turns a
// compare's lanes into one bit each, so the scan jumps straight to the line end.
import _Builtin_intrinsics.intel
#endif

/// A streaming, byte-level tokenizer: feed it chunks of any size, it emits one `LineToken`
/// per physical line as soon as the line is complete.
///
/// It keeps at most one incomplete line between chunks, so a chunk boundary may fall anywhere:
/// inside `<sup>`, inside a multi-byte character, between CR and LF. Bytes are never decoded
/// to `Character`.
public struct LineTokenizer: Sendable {
    /// Where the tokenizer stands between two chunks.
    enum State: Sendable {
        /// At the start of a line, nothing pending.
        case lineStart
        /// Inside a line whose bytes so far are in `pending`.
        case inLine
        /// A line just ended with CR; an LF at the start of the next chunk belongs to it.
        case afterCarriageReturn
    }

    private var state: State = .lineStart
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// The marks of the line being classified; kept between lines for its capacity.
    private var scratchMarks: [InlineMark] = []
    /// Total bytes consumed so far; the source offset of the next byte.
    public private(set) var offset = 0
    /// Line starts seen so far.
    public private(set) var lineTable = LineTable()

    /// Forgets the line starts before the line holding `offset` (see `LineTable.dropLines`).
    mutating func dropLines(before offset: Int) {
        lineTable.dropLines(before: offset)
    }

    /// A tokenizer at offset 0.
    public init() {}

    /// Feeds the next chunk; `emit` receives every line completed by it.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, emit: (consuming LineToken) -> Void) {
        let count = chunk.count
        var index = 0
        if case .afterCarriageReturn = state {
            if count > 0 && chunk[0] == 0x0A {
                // The LF completes a CRLF whose CR ended the previous chunk.
                index = 1
                lineTable.replaceLastLineStart(offset + 1)
            }
            state = .lineStart
        }
        var lineBegin = index
        while index < count {
            let byte = chunk[index]
            if byte == 0x0A || byte == 0x0D {
                var eolLength = 1
                var crAtChunkEnd = false
                if byte == 0x0D {
                    if index + 1 < count {
                        if chunk[index + 1] == 0x0A { eolLength = 2 }
                    } else {
                        crAtChunkEnd = true
                    }
                }
                let lineBytes: [UInt8]
                let lineStart: Int
                if case .inLine = state {
                    pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[lineBegin..<index]))
                    lineBytes = pending
                    lineStart = pendingStart
                    pending.removeAll(keepingCapacity: true)
                } else {
                    lineBytes = Array(UnsafeRawBufferPointer(rebasing: chunk[lineBegin..<index]))
                    lineStart = offset + lineBegin
                }
                index += eolLength
                lineTable.appendLineStart(offset + index)
                LineClassifier.emitLine(lineBytes, start: lineStart, lineEndLength: eolLength, scratch: &scratchMarks, emit: emit)
                state = crAtChunkEnd ? .afterCarriageReturn : .lineStart
                lineBegin = index
            } else {
                index = Self.skipToControl(chunk.assumingMemoryBound(to: UInt8.self).baseAddress!,
                                           from: index + 1, count: count)
            }
        }
        if lineBegin < count {
            if case .inLine = state {
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[lineBegin..<count]))
            } else {
                pending.removeAll(keepingCapacity: true)
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[lineBegin..<count]))
                pendingStart = offset + lineBegin
                state = .inLine
            }
        }
        offset += count
    }

    /// The first index from `from` on that may hold a CR or LF: a byte below 0x0E, or one of
    /// the last few bytes (fewer than a step), which the byte loop reads one by one. A tab or
    /// form feed is a candidate too; the byte loop steps over it and calls this again.
    ///
    /// Sixteen bytes a step on SSE2, landing on the exact byte (a line is about 120 bytes, so
    /// most of it is crossed in whole vectors), then eight a step with one "has a byte below
    /// 0x0E" word test (three operations, exact about whether one exists). `vectors: false`
    /// gives the portable path alone (tests).
    @inline(__always)
    static func skipToControl(_ bytes: UnsafePointer<UInt8>, from: Int, count: Int, vectors: Bool = true) -> Int {
        var index = from
        #if arch(x86_64)
        if vectors {
            let limit = _mm_set1_epi8(0x0D)
            while index &+ 16 <= count {
                let vector = _mm_loadu_si128(UnsafeRawPointer(bytes + index).assumingMemoryBound(to: __m128i_u.self))
                // Unsigned `v <= 0x0D` as `min(v, 0x0D) == v` (SSE2 has no unsigned compare).
                let lanes = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(vector, limit), vector))
                if lanes != 0 { return index &+ Int(lanes.trailingZeroBitCount) }
                index &+= 16
            }
        }
        #endif
        while index &+ 8 <= count {
            let word = ByteWords.load(bytes, index)
            if (word &- ByteWords.ones &* 0x0E) & ~word & ByteWords.highs != 0 { break }
            index &+= 8
        }
        return index
    }

    /// Feeds a byte array (convenience for tests and small inputs).
    public mutating func feed(_ bytes: [UInt8], emit: (consuming LineToken) -> Void) {
        bytes.withUnsafeBytes { feed($0, emit: emit) }
    }

    /// Flushes the last line if the input did not end with a line break.
    public mutating func finish(emit: (consuming LineToken) -> Void) {
        if case .inLine = state, !pending.isEmpty {
            LineClassifier.emitLine(pending, start: pendingStart, lineEndLength: 0, scratch: &scratchMarks, emit: emit)
        }
        pending.removeAll()
        state = .lineStart
    }
}

