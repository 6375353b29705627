import Testing
@testable import VerbaleKit

@Suite struct FootnoteCheckTests {
    @Test func wellFormedFootnotesGiveNothing() {
        let text = """
        The Republic ratified the Covenant.<sup>1</sup> It protects assembly.<sup>2</sup>

        ---

        <sup>1</sup> Ratified on November 28, 2005.

        <sup>2</sup> See article 21.

        """
        let found = ValidationFixture.validate(text)
        #expect(found.filter { $0.code.hasPrefix("footnote") }.isEmpty)
    }

    @Test func noteWithoutCallOut() {
        let text = """
        The Republic ratified the Covenant.<sup>1</sup> It protects assembly.

        ---

        <sup>1</sup> Ratified on November 28, 2005.

        <sup>2</sup> See article 21.

        """
        let found = ValidationFixture.only(.footnoteUnreferenced, ValidationFixture.validate(text))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("footnote 2") == true)
    }

    /// Builds a document with hand-made footnotes (the parser drops what it cannot place, so
    /// some of these situations only reach validation through the model).
    static func document(_ notes: [Footnote]) -> Document {
        var document = ValidationFixture.parse("Body text.\n")
        document.footnotes = notes
        return document
    }

    static func note(_ number: Int, _ text: String, at start: Int, callouts: [Int]) -> Footnote {
        Footnote(id: "fn_\(number)", number: number, text: text, start: start, end: start + max(1, text.utf8.count),
                 references: callouts.map { ByteSpan($0, $0 + 1) })
    }

    @Test func duplicateOutOfOrderSkippedAndEmptyNotes() {
        let found = Validator.validate(Self.document([
            Self.note(1, "First.", at: 100, callouts: [10]),
            Self.note(3, "Third.", at: 200, callouts: [30]),
            Self.note(3, "Third again.", at: 300, callouts: [40]),
            Self.note(2, "", at: 400, callouts: [20]),
        ]))
        let codes = ValidationFixture.codes(found)
        #expect(codes.contains("footnote-duplicate"))
        #expect(codes.contains("footnote-empty"))
        #expect(found.contains { $0.code == "footnote-order" && $0.message.contains("footnote 2 comes after footnote 3") })
        // 2 exists (later), so 1 → 3 is an order problem, not a skipped number.
        #expect(!found.contains { $0.message.contains("jump") })
    }

    @Test func skippedNumber() {
        let found = Validator.validate(Self.document([
            Self.note(1, "First.", at: 100, callouts: [10]),
            Self.note(3, "Third.", at: 200, callouts: [30]),
        ]))
        #expect(found.contains { $0.code == "footnote-order" && $0.message.contains("footnote 2 is missing") })
    }

    @Test func callOutWithoutNote() {
        var missing = Self.note(4, "", at: 0, callouts: [50])
        missing.start = 0
        missing.end = 0
        let found = Validator.validate(Self.document([Self.note(1, "First.", at: 100, callouts: [10]), missing]))
        let notes = ValidationFixture.only(.footnoteMissingNote, found)
        #expect(notes.count == 1)
        #expect(notes.first?.span == ByteSpan(50, 51))
    }

    @Test func callOutsOutOfOrder() {
        let found = Validator.validate(Self.document([
            Self.note(1, "First.", at: 100, callouts: [30]),
            Self.note(2, "Second.", at: 200, callouts: [10]),
        ]))
        #expect(found.contains { $0.code == "footnote-order" && $0.message.contains("call-out 2 comes before call-out 1") })
    }
}
