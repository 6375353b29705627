import Testing
@testable import VerbaleKit

/// The line stage's word-at-a-time scans (CR/LF search in the tokenizer, the run scan of
/// `TextBuilder`, the digit skip of `FootnoteFinder.gluedNumber`) must find what a byte loop
/// finds wherever the byte falls against an eight-byte word.
@Suite("Line stage scans")
struct LineStageScanTests {
    /// The letters a line is made of: long enough to span several words on either side.
    static let letters = Array("abcdefghijklmnopqrstuvwxyzabcdefghij".utf8)

    /// The text of the only block of a one-line document.
    static func blockText(_ line: [UInt8]) -> String {
        let document = DocumentParser.parse(bytes: line + [0x0A], path: "test.md")
        return document.parts.flatMap(\.blocks).map(\.text).joined(separator: "|")
    }

    @Test("White space that folds is folded at every offset", arguments: [
        [0x20, 0x20], [0x09], [0x0B], [0x20, 0x09], [0xC2, 0xA0], [0x20, 0xC2, 0xA0], [0x20, 0x20, 0x20],
    ] as [[UInt8]])
    func foldsAtEveryOffset(space: [UInt8]) {
        for offset in 1..<(Self.letters.count - 1) {
            let line = Array(Self.letters[..<offset]) + space + Array(Self.letters[offset...])
            let expected = String(decoding: Self.letters[..<offset], as: UTF8.self) + " "
                + String(decoding: Self.letters[offset...], as: UTF8.self)
            #expect(Self.blockText(line) == expected, "\(space) at \(offset)")
        }
    }

    @Test("A single space stays in the run at every offset")
    func singleSpacesStay() {
        for offset in 1..<(Self.letters.count - 1) {
            var line = Self.letters
            line[offset] = 0x20
            #expect(Self.blockText(line) == String(decoding: line, as: UTF8.self), "space at \(offset)")
        }
    }

    @Test("Line ends are found at every offset, past tabs and vertical tabs")
    func lineEndsAtEveryOffset() {
        for offset in 0..<Self.letters.count {
            for end in [[0x0A], [0x0D], [0x0D, 0x0A]] as [[UInt8]] {
                var first = Self.letters
                // A tab and a vertical tab before the line end stop the word scan too.
                if offset > 2 { first[offset - 2] = 0x09; first[offset - 1] = 0x0B }
                let input = Array(first[..<offset]) + end + Array(Self.letters[offset...])
                var tokens: [LineToken] = []
                var tokenizer = LineTokenizer()
                tokenizer.feed(input) { tokens.append($0) }
                tokenizer.finish { tokens.append($0) }
                #expect(tokens.map(\.bytes) == [Array(first[..<offset]), Array(Self.letters[offset...])], "\(end) at \(offset)")
                #expect(tokens.last?.start == offset + end.count)
            }
        }
    }

    @Test("A glued call-out is found at every offset", arguments: Array(2..<30))
    func gluedCalloutAtEveryOffset(offset: Int) {
        let word = String(decoding: Self.letters[..<offset], as: UTF8.self)
        let text = "The \(word)7 said so. And more text follows here.\n\n7 The note.\n"
        var tokens: [LineToken] = []
        var tokenizer = LineTokenizer()
        tokenizer.feed(Array(text.utf8)) { tokens.append($0) }
        tokenizer.finish { tokens.append($0) }
        let finder = FootnoteFinder(tokens: tokens, groups: [])
        let span = finder.gluedNumber(7, in: tokens[0], from: 0)
        #expect(span == ByteSpan(4 + offset, 5 + offset))
    }

    @Test("Leading dates, connectors and articles are not part of a meaning")
    func leadingPiecesDropped() {
        let text = "On May 27, 2019, the Medeu District Court (the “Court”) ruled.\n"
        let found = DocumentParser.parse(bytes: Array(text.utf8), path: "test.md").definitions
        #expect(found.map(\.term) == ["Court"])
        #expect(found.map(\.meaning) == ["Medeu District Court"])
    }
}
