/// A half-open range of byte offsets into the original input bytes (for UTF-16 and
/// Windows-1252 input too, once the document is finished: `OffsetMap`).
public struct ByteSpan: Sendable, Hashable, Comparable {
    /// First byte of the span.
    public var start: Int
    /// One past the last byte of the span.
    public var end: Int

    /// Creates a span; `end` must not be before `start`.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// Number of bytes covered.
    public var count: Int { end - start }

    /// Orders spans by start, then end.
    public static func < (a: ByteSpan, b: ByteSpan) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }
}

/// A 1-based line and byte column, as compilers print them (`path:line:column`).
public struct LineColumn: Sendable, Hashable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in UTF-8 bytes.
    public var column: Int
}

/// Maps byte offsets to lines and columns. Built once from the line starts the tokenizer saw,
/// so no second pass over the input is needed.
///
/// Lines and columns are those of the UTF-8 text the tokenizer read: for a transcoded input
/// (UTF-16, Windows-1252) `lineStarts` are offsets into its UTF-8 transcoding, and `location(of:)`
/// takes an offset into the original bytes (as every span of a finished document is) and counts
/// the column in UTF-8 bytes of the transcoding.
public struct LineTable: Sendable {
    /// Byte offset at which each line begins; `lineStarts[0] == 0` (or, once lines were
    /// dropped, the start of line `droppedLines + 1`).
    public private(set) var lineStarts: [Int] = [0]
    /// Lines forgotten from the front (`dropLines(before:)`), which still count in line numbers.
    public private(set) var droppedLines = 0
    /// For a transcoded input, once its document's spans are original offsets: the map back.
    var transcoding: OffsetMap? = nil

    /// An empty table (one line starting at 0).
    public init() {}

    /// Records that a new line begins at `offset`.
    mutating func appendLineStart(_ offset: Int) {
        lineStarts.append(offset)
    }

    /// Moves the most recent line start (a CR that ended a chunk turned out to be half a CRLF).
    mutating func replaceLastLineStart(_ offset: Int) {
        lineStarts[lineStarts.count - 1] = offset
    }

    /// Forgets the starts of the lines that end before `offset` (a large document's earlier
    /// windows, written already), so the table holds what is read and not yet written;
    /// offsets before the line holding `offset` have no location afterwards.
    mutating func dropLines(before offset: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        guard low > 0 else { return }
        lineStarts.removeFirst(low)
        droppedLines += low
    }

    /// The 1-based line and column of `offset`.
    public func location(of offset: Int) -> LineColumn {
        let offset = transcoding?.decodedStart(ofOriginal: offset) ?? offset
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return LineColumn(line: droppedLines + low + 1, column: offset - lineStarts[low] + 1)
    }
}

/// Text with markup removed, with an exact map from each text byte back to its source byte.
///
/// Blocks and the citation engine work on this text; every span they report is translated
/// back through `sourceOffset(_:)`, so spans always point into the original input. (For a
/// transcoded input the map points into the UTF-8 transcoding while the document is built; a
/// finished document's blocks map into the original bytes, each text byte of a character to a
/// byte of that character's original bytes.)
public struct MappedText: Sendable {
    /// The UTF-8 bytes of the stripped text.
    public private(set) var bytes: [UInt8] = []
    /// A run of text bytes that are contiguous in the source.
    private struct Run: Sendable {
        /// Text offset where the run begins.
        var text: Int
        /// Source offset of the run's first byte.
        var source: Int
    }
    /// The runs, in text order. One array of pairs rather than two parallel arrays: half the
    /// allocations, growths and frees per block.
    private var runs: [Run] = []

    /// An empty text.
    public init() {}

    /// Number of text bytes.
    public var count: Int { bytes.count }

    /// Whether there is no text.
    public var isEmpty: Bool { bytes.isEmpty }

    /// Makes room for `count` text bytes in all, so a text built line by line is allocated
    /// once, at its final size, rather than grown by doubling (which also leaves up to half
    /// of each block's buffer unused for the document's lifetime).
    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    /// Makes room for `count` runs, so a text whose runs are known to be at least that many
    /// (one per line joined) does not grow its run array by doubling from one.
    mutating func reserveRunCapacity(_ count: Int) {
        runs.reserveCapacity(count)
    }

    /// What is known of whether the bytes are well-formed UTF-8.
    private enum UTF8Validity: UInt8, Sendable {
        /// Not known: `isValidUTF8` reads the bytes.
        case unknown
        /// Well-formed: set by a builder that knows it (made from input in which the decoder
        /// found no bad byte), or settled by reading them once.
        case valid
        /// Holds a bad sequence, settled by reading the bytes once.
        case invalid
    }

    /// `isValidUTF8` answers from this when it is known, without reading the bytes, which
    /// the JSON writer, validation and the structure passes each asked of every block: a
    /// damaged paragraph was read five times. Any append makes it unknown again.
    private var utf8Validity = UTF8Validity.unknown

    /// Records that the bytes are well-formed UTF-8 (see `utf8Validity`).
    mutating func markValidUTF8() {
        utf8Validity = .valid
    }

    /// Reads the bytes once, if need be, so that `isValidUTF8` answers without reading them
    /// until the next append.
    mutating func settleUTF8Validity() {
        guard utf8Validity == .unknown else { return }
        utf8Validity = Self.scanValidUTF8(bytes) ? .valid : .invalid
    }

    /// Whether the bytes are well-formed UTF-8 (then `string` holds exactly these bytes).
    public var isValidUTF8: Bool {
        switch utf8Validity {
        case .valid: return true
        case .invalid: return false
        case .unknown: return Self.scanValidUTF8(bytes)
        }
    }

    /// Whether `bytes` are well-formed UTF-8. ASCII is skipped eight bytes at a time.
    static func scanValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let count = buffer.count
            var index = 0
            while index < count {
                if index + 8 <= count, ByteWords.isASCII(ByteWords.load(base, index)) { index += 8; continue }
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                guard let (need, first, last) = UTF8Lead.expectation(lead), index + need < count else { return false }
                var low = first
                var high = last
                for offset in 1...need {
                    let next = buffer[index + offset]
                    if next < low || next > high { return false }
                    low = 0x80
                    high = 0xBF
                }
                index += need + 1
            }
            return true
        }
    }

    /// Source offset the next byte must come from to extend the current run (-1: no run).
    private var nextContiguousSource = -1

    /// Appends one byte that came from source offset `source`.
    @inline(__always)
    public mutating func append(_ byte: UInt8, from source: Int) {
        utf8Validity = .unknown
        if source != nextContiguousSource {
            runs.append(Run(text: bytes.count, source: source))
        }
        bytes.append(byte)
        nextContiguousSource = source + 1
    }

    /// Appends bytes that are contiguous in the source, starting at offset `source`: one run
    /// entry at most, one bulk copy.
    public mutating func append(run: ArraySlice<UInt8>, from source: Int) {
        run.withUnsafeBufferPointer { append(run: $0, from: source) }
    }

    /// Appends a run of source bytes starting at source offset `source`.
    public mutating func append<C: Collection>(contentsOf run: C, from source: Int) where C.Element == UInt8 {
        var offset = source
        for byte in run {
            append(byte, from: offset)
            offset += 1
        }
    }

    /// Appends bytes that are contiguous in the source, starting at offset `source`, read
    /// where they lie (a line's bytes, without a slice of its array).
    mutating func append(run: UnsafeBufferPointer<UInt8>, from source: Int) {
        guard !run.isEmpty else { return }
        utf8Validity = .unknown
        if source != nextContiguousSource {
            runs.append(Run(text: bytes.count, source: source))
        }
        bytes.append(contentsOf: run)
        nextContiguousSource = source + run.count
    }

    /// Appends another mapped text.
    public mutating func append(_ other: MappedText) {
        for index in 0..<other.bytes.count {
            append(other.bytes[index], from: other.sourceOffset(index))
        }
    }

    /// Removes trailing ASCII white space. What is known of the UTF-8 stays: ASCII cut off
    /// the end neither mends a bad sequence (a lead byte it followed is then cut short) nor
    /// makes one.
    public mutating func trimTrailingWhitespace() {
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
            bytes.removeLast()
            if let lastRun = runs.last, lastRun.text >= bytes.count {
                runs.removeLast()
            }
        }
        if let last = runs.last {
            nextContiguousSource = last.source + (bytes.count - last.text)
        } else {
            nextContiguousSource = -1
        }
    }

    /// Source offset of the text byte at `textOffset`. One past the end maps to one past the
    /// last byte's source, so half-open spans translate directly.
    public func sourceOffset(_ textOffset: Int) -> Int {
        guard !runs.isEmpty else { return 0 }
        if textOffset >= bytes.count {
            return bytes.isEmpty ? runs[0].source : sourceOffset(bytes.count - 1) + 1
        }
        var low = 0
        var high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].text <= textOffset { low = mid } else { high = mid - 1 }
        }
        return runs[low].source + (textOffset - runs[low].text)
    }

    /// The source span of the text range `start..<end` (end exclusive).
    /// The source offset of every text byte, in one pass over the runs: what `sourceOffset`
    /// answers for each, without a binary search per byte.
    public func allSourceOffsets() -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(bytes.count)
        for run in runs.indices {
            let end = run + 1 < runs.count ? runs[run + 1].text : bytes.count
            for textOffset in runs[run].text..<end { offsets.append(runs[run].source + (textOffset - runs[run].text)) }
        }
        // Runs always start at text offset 0; should they not, the slow answer is still right.
        return offsets.count == bytes.count ? offsets : bytes.indices.map(sourceOffset)
    }

    public func sourceSpan(_ start: Int, _ end: Int) -> ByteSpan {
        if end <= start { let s = sourceOffset(start); return ByteSpan(s, s) }
        return ByteSpan(sourceOffset(start), sourceOffset(end - 1) + 1)
    }

    /// Replaces the source offset of every text byte by `transform` of it (which must not
    /// decrease), e.g. to turn offsets into a transcoding into offsets into the original bytes.
    mutating func remapSources(_ transform: (Int) -> Int) {
        guard !runs.isEmpty else { return }
        var newRuns: [Run] = []
        var next = -1
        for run in runs.indices {
            let end = run + 1 < runs.count ? runs[run + 1].text : bytes.count
            for textOffset in runs[run].text..<end {
                let source = transform(runs[run].source + (textOffset - runs[run].text))
                if source != next {
                    newRuns.append(Run(text: textOffset, source: source))
                }
                next = source + 1
            }
        }
        runs = newRuns
        nextContiguousSource = next
    }

    /// The text with each ill-formed UTF-8 subpart replaced by U+FFFD, as `String(decoding:)`
    /// repairs it: the three bytes of each U+FFFD map to the subpart's first byte, every
    /// other byte keeps its source. The result is marked well-formed. One pass: the
    /// well-formed stretches between bad subparts are copied a source run at a time, where
    /// copying byte by byte through an array of every byte's offset cost more than the rest of
    /// a damaged document's conversion.
    func repairingInvalidUTF8() -> MappedText {
        var repaired = MappedText()
        repaired.reserveCapacity(bytes.count + 16)
        repaired.reserveRunCapacity(runs.count + 4)
        // The run holding the next byte to copy: it only moves forward.
        var run = 0
        var stretchStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let (length, wellFormed) = UTF8Lead.subpart(bytes, at: index)
            if wellFormed { index += length; continue }
            repaired.appendSourceRuns(of: self, stretchStart..<index, run: &run)
            while run + 1 < runs.count && runs[run + 1].text <= index { run += 1 }
            let source = runs[run].source + (index - runs[run].text)
            for byte: UInt8 in [0xEF, 0xBF, 0xBD] { repaired.append(byte, from: source) }
            index += length
            stretchStart = index
        }
        repaired.appendSourceRuns(of: self, stretchStart..<count, run: &run)
        repaired.markValidUTF8()
        return repaired
    }

    /// Appends `other`'s bytes in `range` with their sources, a source run at a time; `run`
    /// is a run of `other` at or before `range`'s start, moved to the run of its last byte.
    private mutating func appendSourceRuns(of other: MappedText, _ range: Range<Int>, run: inout Int) {
        var start = range.lowerBound
        other.bytes.withUnsafeBufferPointer { source in
            while start < range.upperBound {
                while run + 1 < other.runs.count && other.runs[run + 1].text <= start { run += 1 }
                let runEnd = run + 1 < other.runs.count ? other.runs[run + 1].text : other.bytes.count
                let end = min(runEnd, range.upperBound)
                append(run: UnsafeBufferPointer(rebasing: source[start..<end]),
                       from: other.runs[run].source + (start - other.runs[run].text))
                start = end
            }
        }
    }

    /// The text as a Swift string (invalid UTF-8 repaired).
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// What a UTF-8 lead byte asks of the bytes after it: the Unicode Standard's table 3-7 of
/// well-formed byte sequences, shared by the decoder and the checks that read text again.
enum UTF8Lead {
    /// The length of the character or maximal ill-formed subpart that starts at `index` (a
    /// non-ASCII byte), and whether it is a well-formed character: Unicode's maximal-subpart
    /// reading, under which each ill-formed subpart becomes one U+FFFD as `String(decoding:)`
    /// repairs it.
    static func subpart(_ bytes: [UInt8], at index: Int) -> (length: Int, wellFormed: Bool) {
        guard let (need, first, last) = expectation(bytes[index]) else { return (1, false) }
        var low = first
        var high = last
        var length = 1
        while length <= need, index + length < bytes.count {
            let next = bytes[index + length]
            if next < low || next > high { break }
            low = 0x80
            high = 0xBF
            length += 1
        }
        return (length, length == need + 1)
    }

    /// How many continuation bytes the non-ASCII `lead` needs and the range its first one must
    /// fall in (the others take 80–BF); nil for a byte that cannot lead a sequence
    /// (continuation bytes, C0, C1, F5–FF).
    @inline(__always)
    static func expectation(_ lead: UInt8) -> (need: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0xC2...0xDF: return (1, 0x80, 0xBF)
        case 0xE0: return (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: return (2, 0x80, 0xBF)
        case 0xED: return (2, 0x80, 0x9F)
        case 0xF0: return (3, 0x90, 0xBF)
        case 0xF1...0xF3: return (3, 0x80, 0xBF)
        case 0xF4: return (3, 0x80, 0x8F)
        default: return nil
        }
    }
}
