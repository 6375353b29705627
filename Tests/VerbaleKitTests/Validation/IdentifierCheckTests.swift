import Testing
@testable import VerbaleKit

@Suite struct IdentifierCheckTests {
    /// Footnote 2 of the seed, verbatim.
    static let seedSentence = """
    Such associations include the Gay and Lesbian Alliance (BIN 011040008019, registered October 16, 2001); Community Foundation (BIN 100540005544, registered May 12, 2010); OO Zhemchuzhina (BIN 971140002687, registered March 11, 1997); and Amulet (BIN 081240011049, registered December 18, 2008).

    """

    static func bin(_ number: String, in text: String, valid: Bool? = true, encoded: String? = nil) -> Citation {
        ValidationFixture.cite(.registration, "BIN \(number)", in: text) {
            $0.number = number
            $0.scheme = "KZ-BIN"
            $0.valid = valid
            $0.encodedDate = encoded
        }
    }

    @Test func seedBINsOnlyTheSwappedOneIsFlagged() {
        let text = Self.seedSentence
        let citations = [("011040008019", "2001-10"), ("100540005544", "2010-05"), ("971140002687", "1997-11"), ("081240011049", "2008-12")]
            .map { Self.bin($0.0, in: text, encoded: $0.1) }
        let found = ValidationFixture.validate(text, citations: citations)
        #expect(found.count == 1)
        let mismatch = found.first
        #expect(mismatch?.code == "registration-date-mismatch")
        #expect(mismatch?.severity == .warning)
        #expect(mismatch?.message.contains("971140002687") == true)
        #expect(mismatch?.message.contains("1997-11") == true)
        #expect(mismatch?.message.contains("March 11, 1997") == true)
        #expect(mismatch?.message.contains("day/month swap") == true)
        #expect(mismatch?.span == citations[2].span)
    }

    @Test func encodedDateWorkedOutWhenTheEngineLeftItEmpty() {
        let text = Self.seedSentence
        let citations = ["011040008019", "100540005544", "971140002687", "081240011049"].map { Self.bin($0, in: text, valid: nil) }
        let found = ValidationFixture.validate(text, citations: citations)
        #expect(ValidationFixture.codes(found) == ["registration-date-mismatch"])
    }

    @Test func dateOfAnotherEventIsNotCompared() {
        let text = "The Fund (BIN 971140002687) held a rally on March 11, 2019.\n"
        #expect(ValidationFixture.validate(text, citations: [Self.bin("971140002687", in: text, encoded: "1997-11")]).isEmpty)
    }

    @Test func iinBirthDate() {
        // IIN 850312300123: born 1985-03-12 (century digit 3: 1900s).
        #expect(IdentifierChecks.kazakhEncodedDate(Array("850312300123".utf8), scheme: "KZ-IIN").map { [$0.0, $0.1, $0.2] } == [1985, 3, 12])
        let text = "The applicant (IIN 850312300123, born 3 December 1985) appealed.\n"
        let iin = ValidationFixture.cite(.registration, "IIN 850312300123", in: text) {
            $0.number = "850312300123"; $0.scheme = "KZ-IIN"; $0.valid = true; $0.encodedDate = "1985-03-12"
        }
        let found = ValidationFixture.validate(text, citations: [iin])
        #expect(found.first?.message.contains("day/month swap") == true)
        let right = "The applicant (IIN 850312300123, born 12 March 1985) appealed.\n"
        let same = ValidationFixture.cite(.registration, "IIN 850312300123", in: right) {
            $0.number = "850312300123"; $0.scheme = "KZ-IIN"; $0.valid = true; $0.encodedDate = "1985-03-12"
        }
        #expect(ValidationFixture.validate(right, citations: [same]).isEmpty)
    }

    @Test func kazakhCheckDigits() {
        for number in ["011040008019", "100540005544", "971140002687", "081240011049"] {
            #expect(IdentifierChecks.kazakhCheckDigitValid(Array(number.utf8)) == true)
        }
        #expect(IdentifierChecks.kazakhCheckDigitValid(Array("971140002688".utf8)) == false)
    }

    @Test func failedCheckDigitIsAnError() {
        let text = "OO Zhemchuzhina (BIN 971140002688, registered November 11, 1997).\n"
        for valid in [false, nil] as [Bool?] {
            let found = ValidationFixture.validate(text, citations: [Self.bin("971140002688", in: text, valid: valid)])
            #expect(found.count == 1)
            #expect(found.first?.code == "registration-check-digit")
            #expect(found.first?.severity == .error)
            #expect(found.first?.message.contains("971140002688") == true)
        }
    }

    static func communication(_ text: String, _ reference: String) -> Citation {
        ValidationFixture.cite(.communication, reference, in: text)
    }

    static let note = """
    The Permanent Mission presents its compliments to the Office of the High Commissioner and in reference to letter REF from 25/10/2019 has the honor to transmit the response.

    Geneva, December 23, 2019

    """

    @Test func communicationCountryAndYear() {
        for (reference, code) in [("AL XYZ 4/2019", "communication-country"), ("AL KAZ 4/2025", "communication-year"), ("UA KAZ 1/1985", "communication-year")] {
            let text = Self.note.validationReplacing("REF", reference)
            let found = ValidationFixture.validate(text, citations: [Self.communication(text, reference)])
            #expect(found.contains { $0.code == code && $0.message.contains(reference) }, "\(reference)")
        }
        let good = Self.note.validationReplacing("REF", "AL KAZ 4/2019")
        #expect(ValidationFixture.validate(good, citations: [Self.communication(good, "AL KAZ 4/2019")]).filter { $0.code.hasPrefix("communication") }.isEmpty)
        let other = Self.note.validationReplacing("REF", "OL OTH 12/2019")
        #expect(ValidationFixture.validate(other, citations: [Self.communication(other, "OL OTH 12/2019")]).filter { $0.code.hasPrefix("communication") }.isEmpty)
    }

    @Test func referenceTheEngineLeftOutIsStillChecked() {
        let text = Self.note.validationReplacing("REF", "AL KAX 4/2019")
        var document = ValidationFixture.parse(text)
        document.citations = []
        let found = Validator.validate(document)
        #expect(found.contains { $0.code == "communication-country" && $0.message.contains("KAX") })
        let shapes = IdentifierChecks.referenceShapes(Array("see JUA KAZ 12/19 and UA ABC 1/2020, not XAL KAZ 1/2019".utf8))
        #expect(shapes.map(\.0) == ["JUA KAZ 12/19", "UA ABC 1/2020"])
    }

    @Test func caseNumberYearAfterItsDecision() {
        let good = "See Exhibit 3, Court Decision, case No. 7517-19-00-2/10338, May 27, 2019. See Exhibit 4, No. 2a-6757/19, September 3, 2019.\n"
        let citations = ["7517-19-00-2/10338", "2a-6757/19"].map { number in
            ValidationFixture.cite(.case, number, in: good) { $0.number = number }
        }
        #expect(ValidationFixture.validate(good, citations: citations).isEmpty)
        let bad = good.validationReplacing("7517-19-00", "7517-20-00")
        let badCitation = ValidationFixture.cite(.case, "7517-20-00-2/10338", in: bad) { $0.number = "7517-20-00-2/10338" }
        let found = ValidationFixture.validate(bad, citations: [badCitation])
        #expect(found.count == 1)
        #expect(found.first?.code == "case-number-scheme")
        #expect(found.first?.message.contains("2020") == true)
    }

    @Test func resolutionSessionAgainstDate() {
        let text = "See General Assembly resolution 60/251 of 15 March 2006.\n"
        let ok = ValidationFixture.cite(.resolution, "resolution 60/251", in: text) { $0.number = "60/251"; $0.body = "General Assembly" }
        #expect(ValidationFixture.validate(text, citations: [ok]).isEmpty)
        let wrong = text.validationReplacing("2006", "2012")
        let bad = ValidationFixture.cite(.resolution, "resolution 60/251", in: wrong) { $0.number = "60/251"; $0.body = "General Assembly" }
        #expect(ValidationFixture.codes(ValidationFixture.validate(wrong, citations: [bad])) == ["resolution-number-scheme"])
        // A local council's numbering has no known scheme: nothing to say.
        let local = "See Maslikhat City Council Resolution No. 6-33/1323CK, December 15, 2017.\n"
        let council = ValidationFixture.cite(.resolution, "6-33/1323CK", in: local) { $0.number = "6-33/1323CK"; $0.body = "Maslikhat City Council" }
        #expect(ValidationFixture.validate(local, citations: [council]).isEmpty)
    }

    @Test func engineSchemeFailures() {
        let text = "See case No. 12-XX, and resolution 99/99/99.\n"
        let failed = [ValidationFixture.cite(.case, "12-XX", in: text) { $0.valid = false; $0.scheme = "KZ-CASE" },
                      ValidationFixture.cite(.resolution, "99/99/99", in: text) { $0.valid = false }]
        #expect(ValidationFixture.codes(ValidationFixture.validate(text, citations: failed)) == ["case-number-scheme", "resolution-number-scheme"])
    }
}
