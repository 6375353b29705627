import Testing
@testable import VerbaleKit

/// The line stage's cheaper representations against the general ones they replace: a group's
/// lines as a `LineList` (a run held as two integers) against an array of the same edits, and
/// marks found into the tokenizer's reused scratch array against marks found afresh per line.
@Suite("Line stage fast paths")
struct LineStageFastPathTests {
    /// The shared seeded generator (`Support/SeededRandom.swift`).
    typealias Generator = SeededRandom

    /// Whether `list` holds `expected`, through every way the assembler and the footnote
    /// finder read it: subscript, count, iteration, `forEachLine`, `first`, slices, and
    /// `run` (a run only when the lines are consecutive, and then exactly them).
    static func matches(_ list: LineList, _ expected: [Int]) -> Bool {
        var walked: [Int] = []
        list.forEachLine { walked.append($0) }
        var indexed: [Int] = []
        for position in list.indices { indexed.append(list[position]) }
        var runMatches = true
        if let run = list.run { runMatches = Array(run) == expected }
        return Array(list) == expected && walked == expected && indexed == expected
            && list.count == expected.count && list.isEmpty == expected.isEmpty
            && list.first == expected.first && runMatches
            && (expected.count < 2 || Array(list[1...]) == Array(expected[1...]))
    }

    @Test("LineList edits give the lines an array given the same edits gives")
    func lineListMatchesArray() {
        var generator = Generator(seed: 0x2545_F491_4F6C_DD1D)
        for round in 0..<400 {
            // Start from a single line, a run, a list that is not a run, or nothing.
            let base = generator.next(50)
            var expected: [Int]
            switch round % 4 {
            case 0: expected = [base]
            case 1: expected = Array(base..<(base + 1 + generator.next(6)))
            case 2: expected = [base, base + 2, base + 3]
            default: expected = []
            }
            var list = round % 4 == 0 ? LineList(line: base) : LineList(expected)
            #expect(Self.matches(list, expected), "start \(expected)")
            for _ in 0..<12 {
                let next = (expected.last ?? base) + 1
                switch generator.next(7) {
                case 0, 1:
                    // The next line (the grouping pass), or a line further on.
                    let line = generator.next(3) == 0 ? next + generator.next(4) : next
                    list.append(line)
                    expected.append(line)
                case 2:
                    // Another group's lines appended (a note continued after a blank line).
                    let other = generator.next(2) == 0 ? Array(next..<(next + generator.next(4)))
                                                      : [next + 1, next + 3]
                    let otherList = LineList(other)
                    list.append(contentsOf: otherList)
                    expected.append(contentsOf: other)
                case 3:
                    // A tail split off (splitNotes).
                    guard !expected.isEmpty else { continue }
                    let position = generator.next(expected.count + 1)
                    #expect(Array(list[position...]) == Array(expected[position...]))
                    list.removeSubrange(position...)
                    expected.removeSubrange(position...)
                case 4:
                    // A line replaced in the middle (no caller does; the general path).
                    guard !expected.isEmpty else { continue }
                    let position = generator.next(expected.count)
                    let line = generator.next(60)
                    list.replaceSubrange(position..<(position + 1), with: [line])
                    expected.replaceSubrange(position..<(position + 1), with: [line])
                case 5:
                    // An element removed at the front.
                    guard !expected.isEmpty else { continue }
                    list.removeFirst()
                    expected.removeFirst()
                default:
                    // Everything removed, then one line.
                    if generator.next(4) == 0 {
                        list.removeAll()
                        expected.removeAll()
                        list.append(next)
                        expected.append(next)
                    }
                }
                #expect(Self.matches(list, expected), "round \(round): \(expected)")
            }
        }
    }

    @Test("A run stays a run when extended by the next line or cut at the tail")
    func runsStayRuns() {
        var list = LineList(line: 7)
        for line in 8..<20 { list.append(line) }
        #expect(list.run == 7..<20)
        list.removeSubrange(5...)
        #expect(list.run == 7..<12)
        list.append(contentsOf: LineList([12, 13]))
        #expect(list.run == 7..<14)
        list.append(20)
        #expect(list.run == nil)
        #expect(Array(list) == [7, 8, 9, 10, 11, 12, 13, 20])
        #expect(LineList([3, 4, 5]).run == 3..<6)
        #expect(LineList([3, 5]).run == nil)
        #expect(LineList([]).run == 0..<0)
        #expect(LineGroup(kind: .paragraph, lines: [4, 5, 6]).lines.run == 4..<7)
    }

    /// Lines that exercise the marks: none, one, many (past any small capacity), a link (its
    /// marks found out of order), a BOM, headings, notes, non-ASCII and form feeds.
    static let lines: [String] = [
        "\u{FEFF}# Title with *emphasis*",
        "Plain text with no markup at all, long enough to cross a vector or two of bytes.",
        "",
        "**bold** and _under_ and \\* escaped, <sup>3</sup> and [^4] and [5] and <em>x</em>",
        "See [the report](https://example.org/a_b*c) and *more* [2](x) after it.",
        "A link with *emphasis* inside: [a *b*](u) and [^2] after it.",
        "   \t",
        "Жалоба *важно* — «цитата» [7]",
        "\u{0C}\u{0C}Page text after two form feeds with **marks**",
        "<sup>12</sup> A footnote definition with *emphasis* and [^3]",
        "[^9]: A caret note with _marks_",
        "- a list item with **bold**",
        "\u{2022} bullet with <br/> a tag",
        "---",
        String(repeating: "*a* ", count: 40),
        "[a [b](c) d](e) *x*",
        "last line without end of line *y*",
    ]

    @Test("Marks found through the tokenizer's scratch array equal marks found afresh per line")
    func scratchMarksMatchFreshMarks() {
        let text = Array(Self.lines.joined(separator: "\n").utf8)
        // Every chunk size, so a line may end or be split anywhere.
        for chunk in [1, 2, 3, 7, 16, 64, text.count] {
            var tokenizer = LineTokenizer()
            var tokens: [LineToken] = []
            var offset = 0
            while offset < text.count {
                let end = min(offset + chunk, text.count)
                tokenizer.feed(Array(text[offset..<end])) { tokens.append($0) }
                offset = end
            }
            tokenizer.finish { tokens.append($0) }
            var fresh: [LineToken] = []
            var start = 0
            for line in Self.lines {
                let bytes = Array(line.utf8)
                LineClassifier.emitLine(bytes, start: start, lineEndLength: 1) { fresh.append($0) }
                start += bytes.count + 1
            }
            #expect(tokens.count == fresh.count, "chunk \(chunk)")
            for (token, expected) in zip(tokens, fresh) {
                #expect(token.kind == expected.kind && token.start == expected.start && token.bytes == expected.bytes)
                #expect(token.marks == expected.marks, "chunk \(chunk), line at \(token.start)")
                // In source order, whatever order the scan found them in.
                #expect(zip(token.marks, token.marks.dropFirst()).allSatisfy { $0.start < $1.start })
            }
        }
    }

    @Test("Link marks found out of order are sorted; marks in order are left as found")
    func markOrder() {
        func marks(_ text: String) -> [Int] {
            LineClassifier.classify(Array(text.utf8), start: 0, lineEndLength: 1).marks.map(\.start)
        }
        // `[` at 4 is marked, then `*` inside the link text (7), then `](u)` at 9.
        #expect(marks("See [a *b](u)") == [4, 7, 9])
        #expect(marks("See [a *b*](u) *c*") == [4, 7, 9, 10, 15, 17])
        #expect(marks("*a* _b_ [3]") == [0, 2, 4, 6, 8])
        #expect(marks("") == [])
    }
}
