#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): sixteen-byte compares and `pmovmskb`, which turns a
// compare's lanes into one bit each, so a scan jumps straight to the first candidate byte.
import _Builtin_intrinsics.intel
#endif

/// Builds a block's text from its lines: markup and call-outs dropped, white space folded,
/// lines joined with one space (none after a hyphen that ends a word, so
/// `awareness-` + `raising` reads `awareness-raising`, `Inter-` + `Ministerial` reads `Inter-Ministerial`).
struct TextBuilder {
    let tokens: [LineToken]
    /// Source spans of inferred call-outs (glued digits), dropped from text like explicit ones.
    let extraStrips: [Int: [ByteSpan]]
    /// Bracketed numbers that are real call-outs, by footnote number.
    let footnoteNumbers: Set<Int>

    /// Appends the content of the lines `run` to `text`.
    func append(run: Range<Int>, to text: inout MappedText) {
        tokens.withUnsafeBufferPointer { tokens in
            for line in run { appendLine(line, of: tokens, to: &text) }
        }
    }

    /// Appends the content of `lines`.
    func append(lines: LineList, to text: inout MappedText) {
        // A run (almost every group) is walked as a range, not through the list's iterator.
        tokens.withUnsafeBufferPointer { tokens in
            lines.forEachLine { appendLine($0, of: tokens, to: &text) }
        }
    }

    /// Appends one line's content. The token is read where it lies in `tokens`: a copy of it
    /// per line retained and released its two arrays. A line without marks (most lines) is
    /// given an empty buffer of them: entering its empty array retained and released it.
    @inline(__always)
    private func appendLine(_ line: Int, of tokens: UnsafeBufferPointer<LineToken>, to text: inout MappedText) {
        let start = tokens[line].start
        let contentStart = tokens[line].contentStart
        tokens[line].bytes.withUnsafeBufferPointer { bytes in
            if let extra = extraStrips[line] {
                var marks = tokens[line].marks
                marks.append(contentsOf: extra.map { InlineMark(kind: .markup, start: $0.start, end: $0.end) })
                marks.sort { $0.start < $1.start }
                marks.withUnsafeBufferPointer { marks in
                    appendContent(bytes, start: start, contentStart: contentStart, marks: marks, to: &text)
                }
            } else if tokens[line].marks.isEmpty {
                appendContent(bytes, start: start, contentStart: contentStart,
                              marks: UnsafeBufferPointer(start: nil, count: 0), to: &text)
            } else {
                tokens[line].marks.withUnsafeBufferPointer { marks in
                    appendContent(bytes, start: start, contentStart: contentStart, marks: marks, to: &text)
                }
            }
        }
    }

    /// Appends the content of a line whose bytes begin at source offset `start`, with its
    /// marks (and the inferred call-outs to strip) in source order.
    @inline(__always)
    private func appendContent(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, contentStart: Int,
                               marks: UnsafeBufferPointer<InlineMark>, to text: inout MappedText) {
        var index = contentStart
        var markIndex = 0
        while markIndex < marks.count, marks[markIndex].end <= start + index { markIndex += 1 }
        var joined = text.isEmpty
        while index < bytes.count {
            let source = start + index
            if markIndex < marks.count, marks[markIndex].start <= source {
                let mark = marks[markIndex]
                markIndex += 1
                var strip = true
                if case .bracketedNumber(let number) = mark.kind { strip = footnoteNumbers.contains(number) }
                if strip && mark.end > source {
                    index = mark.end - start
                }
                continue
            }
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B {
                if !text.isEmpty, text.bytes.last != 0x20 { text.append(0x20, from: source) }
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                // A no-break space folds like a space: converters scatter them at line ends.
                if !text.isEmpty, text.bytes.last != 0x20 { text.append(0x20, from: source) }
                index += 2
                continue
            }
            if !joined {
                joinLines(&text, nextByte: byte, at: source)
                joined = true
            }
            // Copy the run up to the next white space that needs folding (a tab, a no-break
            // space, two spaces, a space before the line end) or mark in one append: a single
            // space between words is already folded, so it stays inside the run.
            let limit = markIndex < marks.count ? min(bytes.count, marks[markIndex].start - start) : bytes.count
            var stop = index + 1
            while stop < limit {
                stop = Self.skipRun(bytes, from: stop, limit: limit)
                guard stop < limit else { break }
                let next = bytes[stop]
                if next == 0x20 {
                    guard stop + 1 < limit, !Self.isFoldable(bytes, stop + 1) else { break }
                } else if next == 0x09 || next == 0x0C || next == 0x0B || (next == 0xC2 && Self.isFoldable(bytes, stop)) {
                    break
                }
                stop += 1
            }
            text.append(run: UnsafeBufferPointer(rebasing: bytes[index..<stop]), from: source)
            index = stop
        }
    }

    /// The first index from `from` on (before `limit`) where a byte may end a run, or one
    /// near `limit` where too few bytes are left for a whole step: the byte loop decides there.
    ///
    /// Sixteen bytes a step on SSE2, with the exact lane of the first candidate (a run breaks
    /// about once a line, so most text is crossed in whole vectors), then eight a step in the
    /// word test of `mayStopRun`. `vectors: false` gives the portable path alone (tests).
    @inline(__always)
    static func skipRun(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, limit: Int, vectors: Bool = true) -> Int {
        var stop = from
        #if arch(x86_64)
        if vectors, limit >= 17 {
            let base = UnsafeRawPointer(bytes.baseAddress!)
            // Each lane reads the byte after it too (the `next` load), so a step needs 17 bytes.
            while stop &+ 17 <= limit {
                let lanes = stopLanes(base + stop)
                if lanes != 0 { return stop &+ lanes.trailingZeroBitCount }
                stop &+= 16
            }
            // The last bytes before `limit` (fewer than a step): one more step over the 17
            // bytes that end at `limit`, its lanes before `stop` (crossed already) shifted out.
            // Without it the byte loop read the tail of every run a byte at a time. The last
            // byte is not a lane (no byte follows it in the load): the byte loop decides it.
            guard stop &+ 1 < limit else { return stop }
            let at = limit &- 17
            let lanes = stopLanes(base + at) >> UInt32(stop &- at)
            return lanes != 0 ? stop &+ lanes.trailingZeroBitCount : limit &- 1
        }
        #endif
        // Eight bytes at a time while none can stop the run, in a loop of its own so the
        // word test keeps its constants in registers.
        while stop &+ 9 <= limit, !mayStopRun(bytes, at: stop) { stop &+= 8 }
        return stop
    }

    #if arch(x86_64)
    /// One bit per lane of the sixteen bytes at `address` that may end a run: a byte up to
    /// 0x0C (tab, VT, FF and the rare other controls), 0xC2 (a no-break space's lead), or a
    /// space followed by a byte up to 0x20 (white space, any control) or by 0xC2. Reads
    /// seventeen bytes. The byte loop decides each candidate; every byte it would stop at is
    /// marked. The test after a space is wider than the byte loop's (one compare pair covers
    /// space, tab, VT and FF), which only adds candidates that almost never occur.
    @inline(__always)
    static func stopLanes(_ address: UnsafeRawPointer) -> UInt32 {
        @inline(__always) func splat(_ byte: UInt8) -> __m128i { _mm_set1_epi8(CChar(bitPattern: byte)) }
        // Unsigned `v <= bound` as `min(v, bound) == v` (SSE2 has no unsigned compare).
        @inline(__always) func atMost(_ vector: __m128i, _ bound: UInt8) -> __m128i {
            _mm_cmpeq_epi8(_mm_min_epu8(vector, splat(bound)), vector)
        }
        let here = _mm_loadu_si128(address.assumingMemoryBound(to: __m128i_u.self))
        let next = _mm_loadu_si128((address + 1).assumingMemoryBound(to: __m128i_u.self))
        let folds = _mm_or_si128(atMost(here, 0x0C), _mm_cmpeq_epi8(here, splat(0xC2)))
        let foldsAfterSpace = _mm_or_si128(atMost(next, 0x20), _mm_cmpeq_epi8(next, splat(0xC2)))
        let spaceBeforeFold = _mm_and_si128(_mm_cmpeq_epi8(here, splat(0x20)), foldsAfterSpace)
        return UInt32(truncatingIfNeeded: _mm_movemask_epi8(_mm_or_si128(folds, spaceBeforeFold)))
    }
    #endif

    /// Whether one of the eight bytes at `index` may end a run: a tab, vertical tab, form feed
    /// or 0xC2 (no-break space), or a space followed by one of those or by a space. Bit tricks
    /// may answer true wrongly, never false wrongly; the byte loop decides. Reads nine bytes.
    ///
    /// Nine lane compares over two overlapping words cost more than the copy they guard: any
    /// control byte below 0x0D stands in for tab, VT and FF (one subtraction), a space before
    /// a folding byte inside the word is either two spaces (the space lanes shifted by one) or
    /// a folding byte the word test already sees, and only the ninth byte is read alone.
    @inline(__always)
    private static func mayStopRun(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let base = bytes.baseAddress!
        let word = ByteWords.load(base, index)
        // Some byte below 0x0D (tab 09, VT 0B, FF 0C): the classic "has less than" test, exact
        // about whether one exists.
        let controls = (word &- ByteWords.ones &* 0x0D) & ~word & ByteWords.highs
        // The "has" tests: a lane they mark wrongly (a `!` after a space, seen as a second
        // space) only sends the run to the byte loop, which decides.
        let spaces = ByteWords.hasByte(word, 0x20)
        if controls | ByteWords.hasByte(word, 0xC2) | (spaces & (spaces >> 8)) != 0 { return true }
        // The last byte a space, the ninth one that folds.
        guard base[index + 7] == 0x20 else { return false }
        let ninth = base[index + 8]
        return ninth == 0x20 || ninth == 0x09 || ninth == 0x0B || ninth == 0x0C || ninth == 0xC2
    }

    /// Whether the byte at `index` starts white space that folds (space, tab, form feed,
    /// vertical tab, no-break space).
    @inline(__always)
    private static func isFoldable(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B { return true }
        return byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0
    }

    /// Called before the first content byte of a line that follows earlier text.
    private func joinLines(_ text: inout MappedText, nextByte: UInt8, at source: Int) {
        text.trimTrailingWhitespace()
        guard let last = text.bytes.last else { return }
        if last == UInt8(ascii: "-"), text.count >= 2 {
            let beforeHyphen = text.bytes[text.count - 2]
            if (beforeHyphen >= 0x61 && beforeHyphen <= 0x7A) || (beforeHyphen >= 0x41 && beforeHyphen <= 0x5A) {
                return  // hyphenated across the line end: no space
            }
        }
        text.append(0x20, from: max(0, source - 1))
    }
}
