import Testing
@testable import VerbaleKit

@Suite struct DefinitionCheckTests {
    @Test func acronymUsedBeforeItsDefinition() {
        let text = """
        The ICCPR guarantees freedom of expression.

        On November 28, 2005, the Republic of Kazakhstan (the “Republic”) ratified the International Covenant on Civil and Political Rights (the “ICCPR”). The ICCPR applies.

        """
        let document = ValidationFixture.parse(text)
        #expect(document.definitions.map(\.term).contains("ICCPR"))
        let found = ValidationFixture.only(.definitionUsedBefore, Validator.validate(document))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("ICCPR") == true)
        #expect(found.first?.span == ByteSpan(4, 9))
    }

    @Test func definedPhraseItselfIsNotAnEarlyUse() {
        // `Republic of Kazakhstan` contains `Republic`, and `Law on State Registration of Legal
        // Entities` contains its short form: neither is a use before the definition.
        let text = """
        The Permanent Mission of the Republic of Kazakhstan presents its compliments.

        The Law on State Registration of Legal Entities of April 17, 1995, (the "Law on State Registration") governs registration. On behalf of the Republic of Kazakhstan (the “Republic”), I write. See Law on State Registration, Art. 3.

        """
        #expect(ValidationFixture.only(.definitionUsedBefore, ValidationFixture.validate(text)).isEmpty)
    }

    @Test func termDefinedTwiceWithDifferentMeanings() {
        let text = """
        The Law on Public Associations (the “Associations Law”) applies. Later, the Law on Mass Media (the “Associations Law”) was amended.

        """
        let document = ValidationFixture.parse(text)
        let found = ValidationFixture.only(.definitionConflict, Validator.validate(document))
        if document.definitions.count == 2 {
            #expect(found.count == 1)
            #expect(found.first?.message.contains("Law on Mass Media") == true)
        }
        var twice = document
        twice.definitions = [
            Definition(term: "Law", meaning: "Law on Public Associations", start: 4, end: 40, termSpan: ByteSpan(35, 38)),
            Definition(term: "Law", meaning: "Law on Mass Media", start: 70, end: 100, termSpan: ByteSpan(95, 98)),
            Definition(term: "Law", meaning: "the Law on Mass Media", start: 120, end: 150, termSpan: ByteSpan(145, 148)),
        ]
        #expect(ValidationFixture.only(.definitionConflict, Validator.validate(twice)).count == 1)
    }
}
