import Testing
@testable import VerbaleKit

/// `Citation` keeps the fields few kinds have out of line; it must still behave as a value.
@Suite("Citation value semantics")
struct CitationValueTests {
    @Test("A copy changed in an out-of-line field leaves the original alone")
    func copyOnWrite() {
        var original = Citation(kind: .case, text: "No. 2-123/2019", span: ByteSpan(10, 24))
        original.court = "Supreme Court"
        original.year = 2019
        var copy = original
        copy.court = "Court of Appeal"
        copy.subparagraphs.append("a")
        #expect(original.court == "Supreme Court")
        #expect(original.subparagraphs.isEmpty)
        #expect(copy.court == "Court of Appeal")
        #expect(copy.subparagraphs == ["a"])
        #expect(copy.year == 2019)
        #expect(original != copy)
    }

    @Test("Equality reads the fields, not whether they were ever set")
    func equality() {
        let plain = Citation(kind: .article, text: "art. 19", span: ByteSpan(0, 7))
        var touched = plain
        touched.court = "X"
        touched.court = nil
        #expect(plain == touched)
        touched.range = []
        #expect(plain != touched)
    }

    @Test("Out-of-line fields read as unset until written")
    func defaults() {
        let citation = Citation(kind: .registration, text: "BIN 971140002687", span: ByteSpan(0, 16))
        #expect(citation.scheme == nil && citation.valid == nil && citation.encodedDate == nil)
        #expect(citation.subparagraphs.isEmpty && citation.range == nil && citation.title == nil)
    }
}
