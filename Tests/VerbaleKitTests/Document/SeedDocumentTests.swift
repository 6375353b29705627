import Testing
@testable import VerbaleKit

/// The facts of the seed that issue #2 lists, written out by hand from reading the document.
@Suite("Seed document structure")
struct SeedDocumentTests {
    static func seed() -> Document? {
        guard Paths.sharedAvailable("seed structure tests") else { return nil }
        return DocumentParser.parse(bytes: Paths.read(Paths.seed), path: "seed.txt")
    }

    @Test("Parts: letterhead, note verbale of 2019-12-23 at Geneva, letter of 2019-12-19 signed by Marat Beketayev")
    func parts() throws {
        guard let document = Self.seed() else { return }
        #expect(document.parts.map(\.kind) == [.letterhead, .noteVerbale, .letter])
        let note = try #require(document.parts.first { $0.kind == .noteVerbale })
        #expect(note.date == "2019-12-23")
        #expect(note.place == "Geneva")
        #expect(note.reference == "20-404")
        #expect(note.to == "Office of the United Nations High Commissioner for Human Rights")
        let letter = try #require(document.parts.first { $0.kind == .letter })
        #expect(letter.date == "2019-12-19")
        #expect(letter.signatory?.name == "Marat Beketayev")
        #expect(letter.signatory?.title == "Minister of Justice of the Republic of Kazakhstan")
        #expect(document.parts.first?.language == "fr")
        #expect(document.language == "en")
    }

    @Test("Questions 1–9 with 6 and 7 answered together")
    func questions() {
        guard let document = Self.seed() else { return }
        #expect(document.questions.map(\.numbers) == [[1], [2], [3], [4], [5], [6, 7], [8], [9]])
        #expect(document.questions[0].response == "Please see the detailed responses below.")
        // The cross-reference in the response to Question 3 is not a question.
        #expect(document.questions[2].response.contains("as referenced in the response to Question 2"))
        // Questions 6 and 7 span two paragraphs and a page separator.
        #expect(document.questions[5].question.hasPrefix("Please indicate what measures"))
        #expect(document.questions[5].question.contains("Please provide information on any other measures"))
        #expect(document.questions[5].response.hasPrefix("As discussed above"))
    }

    @Test("Footnotes 1–4 with their call-out lines and full text")
    func footnotes() {
        guard let document = Self.seed() else { return }
        #expect(document.footnotes.map(\.number) == [1, 2, 3, 4])
        #expect(document.footnotes.map { $0.references.map { document.lineTable.location(of: $0.start).line } } == [[43], [69], [99], [142]])
        #expect(document.footnotes[0].text.hasPrefix("While the ICCPR provides strong protections"))
        #expect(document.footnotes[0].text.hasSuffix("ICCPR Art. 19 ¶ 3."))
        #expect(document.footnotes[3].text.hasPrefix("Two \"Public Organizations,\""))
    }

    @Test("Paragraphs interrupted by a page break or a footnote block come out whole")
    func rejoinedParagraphs() {
        guard let document = Self.seed() else { return }
        let texts = document.allBlocks.map(\.text)
        #expect(texts.contains { $0.contains("The ICCPR further protects the right to assemble peacefully.") })
        #expect(texts.contains { $0.contains("An additional requirement for non-profit associations is") })
        #expect(texts.contains { $0.contains("which would have reviewed the application materials and made a determination") })
        #expect(texts.contains { $0.contains("non-discrimination based on sexual orientation and gender identity.") })
        // No markup survives in text.
        #expect(!texts.contains { $0.contains("**") || $0.contains("<sup>") })
    }

    @Test("The six definitions")
    func definitions() {
        guard let document = Self.seed() else { return }
        let pairs = document.definitions.map { "\($0.term) = \($0.meaning)" }
        #expect(pairs == [
            "Republic = Republic of Kazakhstan",
            "ICCPR = International Covenant on Civil and Political Rights",
            "Law on State Registration = Law on State Registration of Legal Entities and the Registration of Branches and Representative Offices of April 17, 1995",
            "Feminita = Kazakhstan Feminist Initiative",
            "Department = Department of Justice",
            "District Court = Medeu District Court of Almaty",
        ])
    }

    @Test("Sections open at each question")
    func sections() {
        guard let document = Self.seed() else { return }
        #expect(document.sections.map(\.heading) == ["Question 1", "Question 2", "Question 3", "Question 4", "Question 5", "Questions 6 and 7", "Question 8", "Question 9"])
    }
}
