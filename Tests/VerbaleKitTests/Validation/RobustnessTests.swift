import Testing
@testable import VerbaleKit

/// Validation must never trap, whatever the parser hands it: truncated documents, cut UTF-8,
/// hand-built models with empty or odd spans.
@Suite struct RobustnessTests {
    @Test func everyPrefixOfTheSeedValidates() throws {
        let path = CorpusValidationTests.corpus + "/seed/000_43be0010ffe11e27.txt"
        let document = try DocumentParser.parse(fileAt: path)
        #expect(document.source.bytes > 20_000)
        // Re-parse prefixes cut at arbitrary bytes (often inside a UTF-8 sequence or a tag).
        let bytes = try #require(CorpusValidationTests.bytes(path))
        var cut = 1
        while cut < bytes.count {
            let prefix = Array(bytes[0..<cut])
            _ = Validator.validate(DocumentParser.parse(bytes: prefix, path: "prefix"))
            cut += 997
        }
    }

    @Test func oddHandBuiltModels() {
        var document = ValidationFixture.parse("Text.\n")
        document.citations = [
            Citation(kind: .id, text: "", span: ByteSpan(0, 0)),
            Citation(kind: .registration, text: "BIN", span: ByteSpan(99_999, 99_999)),
            Citation(kind: .exhibit, text: "Exhibit", span: ByteSpan(3, 2)),
            Citation(kind: .communication, text: "AL", span: ByteSpan(1, 3)),
            Citation(kind: .case, text: "/", span: ByteSpan(0, 1)),
            Citation(kind: .resolution, text: "/", span: ByteSpan(0, 1)),
        ]
        document.footnotes = [Footnote(id: "fn_1", number: 1, text: "", start: 5, end: 2, references: [])]
        document.questions = [Question(id: "q_1", numbers: [], question: "", response: "", start: 0, end: 0, responseStart: nil)]
        document.definitions = [Definition(term: "", meaning: "", start: 0, end: 0, termSpan: ByteSpan(0, 0))]
        _ = Validator.validate(document)
    }
}
