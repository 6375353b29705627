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
                LineClassifier.emitLine(lineBytes, start: lineStart, lineEndLength: eolLength, emit: emit)
                state = crAtChunkEnd ? .afterCarriageReturn : .lineStart
                lineBegin = index
            } else {
                index += 1
                // Eight bytes at a time to the next CR or LF: one "has a byte below 0x0E" test
                // (three operations, exact about whether one exists) instead of two lane
                // compares; a tab or form feed it also stops at is stepped over by the byte loop.
                let bytes = chunk.assumingMemoryBound(to: UInt8.self).baseAddress!
                while index + 8 <= count {
                    let word = ByteWords.load(bytes, index)
                    if (word &- ByteWords.ones &* 0x0E) & ~word & ByteWords.highs != 0 { break }
                    index += 8
                }
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

    /// Feeds a byte array (convenience for tests and small inputs).
    public mutating func feed(_ bytes: [UInt8], emit: (consuming LineToken) -> Void) {
        bytes.withUnsafeBytes { feed($0, emit: emit) }
    }

    /// Flushes the last line if the input did not end with a line break.
    public mutating func finish(emit: (consuming LineToken) -> Void) {
        if case .inLine = state, !pending.isEmpty {
            LineClassifier.emitLine(pending, start: pendingStart, lineEndLength: 0, emit: emit)
        }
        pending.removeAll()
        state = .lineStart
    }
}

