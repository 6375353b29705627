import Testing
@testable import VerbaleKit

@Suite struct CitationCheckTests {
    @Test func idWithNothingBeforeIt() {
        let text = "*Id.* The Republic guarantees the right. See Constitution, Art. 20.\n"
        let citations = [ValidationFixture.cite(.id, "Id.", in: text),
                         ValidationFixture.cite(.article, "Art. 20", in: text) { $0.instrument = "Constitution"; $0.articles = ["20"] }]
        let found = ValidationFixture.validate(text, citations: citations)
        #expect(ValidationFixture.codes(found) == ["id-no-antecedent"])
        #expect(found.first?.span == citations[0].span)
    }

    @Test func idAfterACitationIsFineEvenUnresolved() {
        // The engine may leave `antecedent` empty (as for the seed's lines 117 and 119); an
        // earlier citation exists, so there is no alarm.
        let text = "See Exhibit 5. Later events followed. *Id.* And more. *Id.*\n"
        let citations = [ValidationFixture.cite(.exhibit, "Exhibit 5", in: text) { $0.label = "Exhibit"; $0.exhibit = "5" },
                         ValidationFixture.cite(.id, "Id.", in: text, occurrence: 0),
                         ValidationFixture.cite(.id, "Id.", in: text, occurrence: 1)]
        #expect(ValidationFixture.validate(text, citations: citations).isEmpty)
    }

    @Test func articleWithoutInstrument() {
        let text = "See Art. 20, ¶¶ 1-2. See also Constitution, Art. 32.\n"
        let citations = [ValidationFixture.cite(.article, "Art. 20, ¶¶ 1-2", in: text) { $0.articles = ["20"] },
                         ValidationFixture.cite(.article, "Art. 32", in: text) { $0.articles = ["32"]; $0.instrument = "Constitution" }]
        let found = ValidationFixture.validate(text, citations: citations)
        #expect(ValidationFixture.codes(found) == ["article-unresolved-instrument"])
        #expect(found.first?.severity == .note)
        #expect(found.first?.message.contains("article 20") == true)
    }
}
