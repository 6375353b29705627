import Testing
@testable import VerbaleKit

@Suite struct DateCheckTests {
    @Test func impossibleDatesAreErrors() {
        let text = "The application was filed on February 30, 2019 and denied on 31/04/2019. A hearing on 29 February 2019 followed.\n"
        let found = ValidationFixture.only(.dateImpossible, ValidationFixture.validate(text))
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.first?.message.contains("February 30, 2019") == true)
        #expect(found.last?.message.contains("not a leap year") == true)
        // The span covers the date as written.
        let bytes = Array(text.utf8)
        if let first = found.first {
            #expect(String(decoding: bytes[first.span.start..<first.span.end], as: UTF8.self) == "February 30, 2019")
        }
    }

    @Test func realDatesAndNumbersAreNot() {
        let text = "Filed on February 29, 2020, on 31 January 2019, on 30/11/2019, under Art. 30, and in case 7517-19-00-2/10338 of 30.12.19.\n"
        #expect(ValidationFixture.only(.dateImpossible, ValidationFixture.validate(text)).isEmpty)
    }

    /// The seed's opening, cut down: a note verbale transmitting a minister's letter.
    static func exchange(noteDay: String, letterReference: String, referenceText: String = "AL KAZ 4/2019") -> String {
        """
        Réf. № 20-404

        The Permanent Mission of the Republic of Kazakhstan to the United Nations Office in Geneva presents its compliments to the Office of the United Nations High Commissioner for Human Rights and in reference to letter \(referenceText) from 25/10/2019 has the honor to transmit the following response of the Minister of Justice.

        The Permanent Mission avails itself of this opportunity to renew to the OHCHR the assurances of its highest consideration.

        **Geneva, December « \(noteDay) », 2019**



        **Office of the High Commissioner for  
        Human Rights**

        December 19, 2019

        On behalf of the Republic of Kazakhstan, I write in response to the \(letterReference) letter to Ms. Zhanar Aitzhanova, Ambassador of the Republic.

        I would welcome the opportunity to engage with UN Special Procedures further.

        **Respectfully Submitted,**

        **Minister of Justice  
        Marat Beketayev**

        """
    }

    @Test func noteDatedBeforeTheLetterItTransmits() {
        let text = Self.exchange(noteDay: "13", letterReference: "October 25, 2019")
        let document = ValidationFixture.parse(text)
        #expect(document.parts.map(\.kind).contains(.noteVerbale))
        let found = ValidationFixture.only(.transmittalDateOrder, ValidationFixture.validate(text))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("December 19, 2019") == true)
        let inOrder = Self.exchange(noteDay: "23", letterReference: "October 25, 2019")
        #expect(ValidationFixture.only(.transmittalDateOrder, ValidationFixture.validate(inOrder)).isEmpty)
    }

    @Test func communicationDatedDifferentlyByNoteAndLetter() {
        let text = Self.exchange(noteDay: "23", letterReference: "October 24, 2019")
        let citation = ValidationFixture.cite(.communication, "AL KAZ 4/2019", in: text) { $0.type = "AL"; $0.country = "KAZ"; $0.number = "4"; $0.year = 2019 }
        let found = ValidationFixture.only(.communicationDateMismatch, ValidationFixture.validate(text, citations: [citation]))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("25/10/2019") == true)
        #expect(found.first?.message.contains("October 24, 2019") == true)
        let agreeing = Self.exchange(noteDay: "23", letterReference: "October 25, 2019")
        let same = ValidationFixture.cite(.communication, "AL KAZ 4/2019", in: agreeing) { $0.type = "AL"; $0.country = "KAZ"; $0.number = "4"; $0.year = 2019 }
        #expect(ValidationFixture.validate(agreeing, citations: [same]).isEmpty)
    }

    @Test func communicationNumberedInAnotherYearThanItsDate() {
        let text = Self.exchange(noteDay: "23", letterReference: "October 25, 2019", referenceText: "AL KAZ 4/2018")
        let citation = ValidationFixture.cite(.communication, "AL KAZ 4/2018", in: text) { $0.type = "AL"; $0.country = "KAZ"; $0.number = "4"; $0.year = 2018 }
        let found = ValidationFixture.only(.communicationDateMismatch, ValidationFixture.validate(text, citations: [citation]))
        #expect(found.contains { $0.message.contains("numbered in 2018") })
    }
}

@Suite struct MultilingualDateTests {
    @Test(arguments: [
        ("El 31 de abril de 2019 se presentó la solicitud.", "31 de abril de 2019"),
        ("La note du 31 avril 2019 a été reçue.", "31 avril 2019"),
        ("Письмо от 30 февраля 2019 г. получено.", "30 февраля 2019"),
        ("Dated 30.02.19 at Geneva.", "30.02.19"),
    ])
    func impossibleInEveryLanguage(_ text: String, _ date: String) {
        let found = ValidationFixture.only(.dateImpossible, ValidationFixture.validate(text + "\n"))
        #expect(found.count == 1, "\(text)")
        #expect(found.first?.message.contains(date) == true, "\(found.first?.message ?? "")")
    }

    @Test(arguments: [
        "El 30 de abril de 2019 se presentó la solicitud.",
        "La note du 1er décembre 1994 a été reçue.",
        "Письмо от 23 декабря 2019 г. получено.",
        "Dated 19.12.19 at Geneva, 29 February 2024.",
    ])
    func realDatesInEveryLanguage(_ text: String) {
        #expect(ValidationFixture.only(.dateImpossible, ValidationFixture.validate(text + "\n")).isEmpty)
    }
}

@Suite struct DateWindowFilterTests {
    /// The byte filter before `DateParser` must never drop a window the parser finds a date in.
    @Test(arguments: ["1.2.19", "1/2/19", "1 May 2019", "May 1, 2019", "2019-01-02", "le 1er mai 1994",
                      "23 декабря 2019 г.", "December « 3 », 2019", "1-2-19"])
    func windowsWithADateReachTheParser(_ text: String) {
        let bytes = Array("see \(text) here".utf8)
        #expect(ValidationCalendar.mayHoldDate(bytes, 0, bytes.count))
        #expect(!ValidationCalendar.dates(in: bytes, 0..<bytes.count).isEmpty)
        #expect(ValidationCalendar.dates(in: bytes, 0..<bytes.count).map(\.iso) == DateParser.dates(in: bytes).map(\.iso))
    }

    @Test func windowsWithoutEnoughDigitsAreSkipped() {
        for text in ["paragraph 30 of the Covenant", "1 2 3", "May 19", "on 31 May"] {
            let bytes = Array(text.utf8)
            #expect(!ValidationCalendar.mayHoldDate(bytes, 0, bytes.count), "\(text)")
            #expect(DateParser.dates(in: bytes).isEmpty, "\(text)")
        }
    }
}
