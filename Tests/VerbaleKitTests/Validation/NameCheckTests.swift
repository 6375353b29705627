import Testing
@testable import VerbaleKit

@Suite struct NameCheckTests {
    @Test func surnameSpelledTwoWaysIsANote() {
        let text = """
        The association was founded by Zhanar Sekerbaeva (Ms. Sekerbaeva) in 2017.

        On August 8, 2018, Ms. Sekerbayeva planned a rally. Later Ms. Sekerbayeva appealed.
        """
        let found = ValidationFixture.only(.nameVariant, ValidationFixture.validate(text))
        #expect(found.count == 1)
        #expect(found.first?.severity == .note)
        #expect(found.first?.message.contains("Sekerbaeva") == true)
        #expect(found.first?.message.contains("Sekerbayeva") == true)
    }

    @Test func distinctPeopleAndPossessivesAreNotVariants() {
        let text = """
        Ms. Fonova applied on February 13, 2019. Ms. Fonova’s application was denied. Ms. Veronica Fonova appealed.

        Mr. Ivanov and Ms. Ivanova attended, with Ms. Serzhan and H.E. Mr. Marat Beketayev.
        """
        #expect(ValidationFixture.only(.nameVariant, ValidationFixture.validate(text)).isEmpty)
    }

    @Test func surnamesFromHonorifics() {
        let bytes = Array("H.E. Mr. Marat Beketayev to Joint communication; (Ms. Sekerbaeva) and Ms. Fonova’s".utf8)
        let names = NameChecks.names(in: bytes).map(\.2)
        #expect(names == ["Beketayev", "Sekerbaeva", "Fonova"])
    }

    /// The scan in `names` visits only words after a space whose first byte is in
    /// `wordOpeners`: every honorific, and every opening the scan skips, must be in it.
    @Test func everyHonorificStartsWithAByteTheScanLooksFor() {
        for title in NameChecks.honorifics.keys {
            #expect(NameChecks.wordOpeners.contains(Array(title.utf8)[0]), "\(title)")
        }
        for opening: UInt8 in [0x28, 0x22, 0x5B, 0xE2, 0xC2] { #expect(NameChecks.wordOpeners.contains(opening)) }
        let bytes = Array("Report of Sir Nigel and Lady Smithson, with Dr. Petrova, Prof. Haldane, Don Alvarez, [Mme Leroy] and «Sra. Gómez».".utf8)
        #expect(NameChecks.names(in: bytes).map(\.2) == ["Nigel", "Smithson", "Petrova", "Haldane", "Alvarez", "Leroy", "Gómez"])
    }
}

@Suite struct NameDistanceTests {
    @Test func distance() {
        #expect(NameChecks.similar("Sekerbaeva", "Sekerbayeva"))
        #expect(!NameChecks.similar("Serzhan", "Sekerbaeva"))
        let doc = ValidationFixture.parse("Founded by (Ms. Sekerbaeva) in 2017.\n\nOn August 8, 2018, Ms. Sekerbayeva planned a rally.\n")
        let context = ValidationContext(document: doc)
        #expect(context.blocks.count == 2)
        #expect(NameChecks.run(context).count == 1)
    }
}

@Suite struct MultilingualNameTests {
    @Test(arguments: [
        ("La plainte de Mme Lefebvre a été reçue. Mme Lefèbvre a fait appel.", "Lefèbvre"),
        ("La Sra. Gonzálvez presentó la solicitud. La Sra. Gonzálves apeló.", "Gonzálvez"),
        ("Г-жа Секербаева подала жалобу. Г-жа Секербайева обжаловала.", "Секербаева"),
    ])
    func variantsInEveryLanguage(_ text: String, _ name: String) {
        let found = ValidationFixture.only(.nameVariant, ValidationFixture.validate(text + "\n"))
        #expect(found.count == 1, "\(text)")
        #expect(found.first?.message.contains(name) == true)
    }

    @Test func referencesInEveryLanguage() {
        let text = """
        **Question 1:** *Veuillez expliquer.*

        **Response:** Comme indiqué dans la réponse à la question 4, et en la pregunta 1.

        **Question 2:** *Пожалуйста, объясните.*

        **Response:** См. ответ на вопрос № 6.

        """
        let found = ValidationFixture.only(.questionReferenceMissing, ValidationFixture.validate(text))
        #expect(found.map(\.message).contains { $0.contains("Question 4") })
        #expect(found.map(\.message).contains { $0.contains("Question 6") })
        #expect(found.count == 2)
    }
}

/// `NameChecks.openerLanes` must let through every byte of `NameChecks.wordOpeners`, or the
/// name scan would step over an honorific.
@Suite struct OpenerLaneTests {
    @Test func everyOpenerPassesTheLaneTest() {
        for byte in 0...255 where NameChecks.wordOpeners.contains(UInt8(byte)) {
            let word = ByteWords.ones &* UInt64(byte)
            #expect(NameChecks.openerLanes(word) == ByteWords.highs, "byte \(byte)")
        }
    }
}
