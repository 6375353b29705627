import Testing
@testable import VerbaleKit

/// A comparable summary of a token: kind, span and marks.
private struct TokenShape: Equatable, CustomStringConvertible {
    var kind: LineKind
    var start: Int
    var bytes: [UInt8]
    var marks: [InlineMark]
    var description: String { "\(kind)@\(start) \(String(decoding: bytes, as: UTF8.self)) \(marks)" }
}

private func tokenize(_ text: [UInt8], chunkSizes: [Int]) -> ([TokenShape], LineTable) {
    var tokenizer = LineTokenizer()
    var shapes: [TokenShape] = []
    var offset = 0
    var sizeIndex = 0
    while offset < text.count {
        let size = max(1, chunkSizes[sizeIndex % chunkSizes.count])
        sizeIndex += 1
        let end = min(text.count, offset + size)
        tokenizer.feed(Array(text[offset..<end])) { shapes.append(TokenShape(kind: $0.kind, start: $0.start, bytes: $0.bytes, marks: $0.marks)) }
        offset = end
    }
    tokenizer.finish { shapes.append(TokenShape(kind: $0.kind, start: $0.start, bytes: $0.bytes, marks: $0.marks)) }
    return (shapes, tokenizer.lineTable)
}

@Suite("Streaming tokenizer")
struct TokenizerTests {
    static let sample = Array("""
    # Heading\r
    Text with <sup>12</sup> call-out, **bold** and *See* Art. 20 — «Genève» № 20-404.\r
    \r
    ---
    <sup>1</sup> Footnote text [^2] and [3].
    - a list item
    \u{0C}A/HRC/43/15/Add.1
    Кириллица 2а-6757/19\rlast line without newline
    """.utf8)

    @Test("Chunk boundaries anywhere give the same tokens as one chunk")
    func chunkBoundaries() {
        let (whole, wholeTable) = tokenize(Self.sample, chunkSizes: [Self.sample.count])
        for size in 1...17 {
            let (chunked, table) = tokenize(Self.sample, chunkSizes: [size])
            #expect(chunked == whole, "chunk size \(size)")
            #expect(table.lineStarts == wholeTable.lineStarts, "chunk size \(size)")
        }
        // Irregular sizes put boundaries inside `<sup>`, inside Cyrillic letters, between CR and LF.
        let (irregular, _) = tokenize(Self.sample, chunkSizes: [3, 1, 7, 2, 11, 5])
        #expect(irregular == whole)
    }

    @Test("Line kinds")
    func lineKinds() {
        let (tokens, _) = tokenize(Self.sample, chunkSizes: [4096])
        let kinds = tokens.map(\.kind)
        #expect(kinds == [
            .heading(level: 1), .text, .blank, .pageSeparator, .footnoteDefinition(number: 1), .listItem,
            .pageBreak, .text, .text, .text,
        ])
    }

    @Test("CR, LF and CRLF each end one line; offsets count every byte")
    func lineEnds() {
        let text = Array("a\r\nb\rc\nd".utf8)
        let (tokens, table) = tokenize(text, chunkSizes: [2])
        #expect(tokens.map { String(decoding: $0.bytes, as: UTF8.self) } == ["a", "b", "c", "d"])
        #expect(tokens.map(\.start) == [0, 3, 5, 7])
        #expect(table.lineStarts == [0, 3, 5, 7])
        #expect(table.location(of: 8) == LineColumn(line: 4, column: 2))
    }

    @Test("Inline marks: call-outs, emphasis, escapes, bracketed numbers")
    func inlineMarks() {
        let line = Array("*See* Art. 5<sup>3</sup> [4] \\$30 snake_case x * y".utf8)
        let (tokens, _) = tokenize(line, chunkSizes: [100])
        let marks = tokens[0].marks
        #expect(marks.contains(InlineMark(kind: .markup, start: 0, end: 1)))
        #expect(marks.contains(InlineMark(kind: .markup, start: 4, end: 5)))
        #expect(marks.contains(InlineMark(kind: .callout(number: 3), start: 12, end: 24)))
        #expect(marks.contains(InlineMark(kind: .bracketedNumber(number: 4), start: 25, end: 28)))
        #expect(marks.contains(InlineMark(kind: .markup, start: 29, end: 30)))
        // `snake_case` and a lone `*` between spaces are text, not markup.
        #expect(marks.count == 5)
    }

    @Test("Separators: three or more of -, * or _ alone")
    func separators() {
        let (tokens, _) = tokenize(Array("---\n* * *\n___\n--\n- item\n".utf8), chunkSizes: [5])
        #expect(tokens.map(\.kind) == [.pageSeparator, .pageSeparator, .pageSeparator, .text, .listItem])
    }
}
