/// Where each character of a transcoded input (UTF-16, Windows-1252) came from: offsets in the
/// UTF-8 the tokenizer read ("decoded") → offsets in the original bytes.
///
/// `InputDecoder` records it while transcoding, one character at a time, as run-length
/// segments: characters that each take the same number of UTF-8 bytes and of original bytes, and
/// follow each other in the original, form one segment (a line of ASCII in UTF-16 is one
/// segment). Lookups are binary searches over the segments. UTF-8 input has no map: its offsets
/// already are offsets into the original bytes.
struct OffsetMap: Sendable {
    /// `count` characters, each `decodedWidth` UTF-8 bytes from `decoded` on and `originalWidth`
    /// original bytes from `original` on.
    struct Segment: Sendable {
        var decoded: Int
        var original: Int
        var count: Int
        var decodedWidth: Int32
        var originalWidth: Int32
    }

    private(set) var segments: [Segment] = []
    /// UTF-8 bytes produced so far (the decoded offset of the next character).
    private(set) var decodedCount = 0

    /// Records the next character: `decodedWidth` UTF-8 bytes, from `originalWidth` original
    /// bytes at `originalStart`.
    @inline(__always)
    mutating func append(decodedWidth: Int, originalStart: Int, originalWidth: Int) {
        let last = segments.count - 1
        if last >= 0, segments[last].decodedWidth == decodedWidth, segments[last].originalWidth == originalWidth,
           segments[last].original + segments[last].count * originalWidth == originalStart {
            segments[last].count += 1
        } else {
            segments.append(Segment(decoded: decodedCount, original: originalStart, count: 1,
                                    decodedWidth: Int32(decodedWidth), originalWidth: Int32(originalWidth)))
        }
        decodedCount += decodedWidth
    }

    /// Index of the segment holding decoded byte `offset` (`0..<decodedCount`).
    private func segmentIndex(decoded offset: Int) -> Int {
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].decoded <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The character holding decoded byte `offset` (`0..<decodedCount`): its segment, and its
    /// index in the segment and the byte's index in the character.
    private func locate(decoded offset: Int) -> (segment: Segment, character: Int, byte: Int) {
        let segment = segments[segmentIndex(decoded: offset)]
        let within = max(0, offset - segment.decoded)
        let width = Int(segment.decodedWidth)
        return (segment, within / width, within % width)
    }

    /// One past the last original byte of the last character.
    private var endOfLastCharacter: Int {
        guard let last = segments.last else { return 0 }
        return last.original + last.count * Int(last.originalWidth)
    }

    /// Original offset of the start of the character holding decoded byte `offset`; at or past
    /// the end, the end of the last character.
    func originalStart(_ offset: Int) -> Int {
        guard !segments.isEmpty else { return offset }
        guard offset < decodedCount else { return endOfLastCharacter }
        let (segment, character, _) = locate(decoded: max(0, offset))
        return segment.original + character * Int(segment.originalWidth)
    }

    /// Original offset of the end of the character holding decoded byte `offset - 1`: the image
    /// of a half-open span's end (an end inside a character takes the whole character).
    func originalEnd(_ offset: Int) -> Int {
        guard !segments.isEmpty else { return offset }
        guard offset > 0 else { return originalStart(0) }
        guard offset <= decodedCount else { return endOfLastCharacter }
        let (segment, character, _) = locate(decoded: offset - 1)
        return segment.original + (character + 1) * Int(segment.originalWidth)
    }

    /// The original byte standing for decoded byte `offset`: byte k of a character maps to byte
    /// k of its original bytes, or their last when it has fewer. Non-decreasing, and a
    /// character's first byte maps to its original start, so a `MappedText` remapped with it
    /// still places spans (the first text byte at or after a span's start is the same one).
    func originalByte(_ offset: Int) -> Int {
        var cursor = 0
        return originalByte(offset, cursor: &cursor)
    }

    /// `originalByte(_:)` for offsets that mostly come in order: `cursor` is the index of the
    /// segment of the previous answer, tried (and the next one) before a binary search.
    func originalByte(_ offset: Int, cursor: inout Int) -> Int {
        guard !segments.isEmpty else { return offset }
        guard offset < decodedCount else { return endOfLastCharacter }
        let offset = max(0, offset)
        if cursor >= segments.count { cursor = 0 }
        var segment = segments[cursor]
        if offset < segment.decoded || offset >= segment.decoded + segment.count * Int(segment.decodedWidth) {
            cursor = cursor + 1 < segments.count && segments[cursor + 1].decoded <= offset
                && (cursor + 2 == segments.count || offset < segments[cursor + 2].decoded)
                ? cursor + 1 : segmentIndex(decoded: offset)
            segment = segments[cursor]
        }
        let within = offset - segment.decoded
        let decodedWidth = Int(segment.decodedWidth)
        let originalWidth = Int(segment.originalWidth)
        return segment.original + within / decodedWidth * originalWidth + min(within % decodedWidth, originalWidth - 1)
    }

    /// Decoded offset of the start of the character whose original bytes hold `offset` (0
    /// before the first character, e.g. inside a byte-order mark; `decodedCount` past the last).
    func decodedStart(ofOriginal offset: Int) -> Int {
        guard !segments.isEmpty, offset >= segments[0].original else { return 0 }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].original <= offset { low = mid } else { high = mid - 1 }
        }
        let segment = segments[low]
        let character = min(segment.count, (offset - segment.original) / Int(segment.originalWidth))
        return segment.decoded + character * Int(segment.decodedWidth)
    }

    /// The original-byte span of the decoded span `span`.
    func original(_ span: ByteSpan) -> ByteSpan {
        ByteSpan(originalStart(span.start), originalEnd(span.end))
    }

    /// Rewrites every offset of `document` (parsed from the transcoding) as an offset into the
    /// original bytes: parts, blocks (spans and their text maps), sections, questions, footnotes
    /// and call-outs, citations, definitions and diagnostics. The line table keeps its decoded
    /// line starts and gets the map, so `line`/`column` are still counted in the UTF-8 text.
    /// Call it once, after every stage that reads the decoded bytes by span, and before the
    /// decoder's own diagnostics (already in original offsets) are added.
    func apply(to document: inout Document) {
        var cursor = 0
        for part in document.parts.indices {
            document.parts[part].start = originalStart(document.parts[part].start)
            document.parts[part].end = max(document.parts[part].start, originalEnd(document.parts[part].end))
            for block in document.parts[part].blocks.indices {
                for span in document.parts[part].blocks[block].spans.indices {
                    document.parts[part].blocks[block].spans[span] = original(document.parts[part].blocks[block].spans[span])
                }
                document.parts[part].blocks[block].mapped.remapSources { originalByte($0, cursor: &cursor) }
            }
        }
        for index in document.sections.indices {
            let span = original(ByteSpan(document.sections[index].start, document.sections[index].end))
            document.sections[index].start = span.start
            document.sections[index].end = span.end
        }
        for index in document.questions.indices {
            let span = original(ByteSpan(document.questions[index].start, document.questions[index].end))
            document.questions[index].start = span.start
            document.questions[index].end = span.end
            document.questions[index].responseStart = document.questions[index].responseStart.map { originalStart($0) }
        }
        for index in document.footnotes.indices {
            let span = original(ByteSpan(document.footnotes[index].start, document.footnotes[index].end))
            document.footnotes[index].start = span.start
            document.footnotes[index].end = span.end
            for reference in document.footnotes[index].references.indices {
                document.footnotes[index].references[reference] = original(document.footnotes[index].references[reference])
            }
        }
        for index in document.citations.indices {
            document.citations[index].span = original(document.citations[index].span)
        }
        for index in document.definitions.indices {
            let span = original(ByteSpan(document.definitions[index].start, document.definitions[index].end))
            document.definitions[index].start = span.start
            document.definitions[index].end = span.end
            document.definitions[index].termSpan = original(document.definitions[index].termSpan)
        }
        for index in document.diagnostics.indices {
            document.diagnostics[index].span = original(document.diagnostics[index].span)
        }
        document.lineTable.transcoding = self
    }
}
