import Testing
@testable import VerbaleKit

@Suite struct ExhibitCheckTests {
    static func exhibit(_ number: String, _ text: String, occurrence: Int = 0, title: String? = nil) -> Citation {
        ValidationFixture.cite(.exhibit, "Exhibit \(number)", in: text, occurrence: occurrence) {
            $0.label = "Exhibit"
            $0.exhibit = number
            $0.title = title
        }
    }

    @Test func gapInCitedExhibitsNamesTheMissingNumber() {
        let text = "See Exhibit 1. See Exhibit 2. See Exhibit 3. See Exhibit 4. See Exhibit 5. See Exhibit 6. See Exhibit 8.\n"
        let citations = ["1", "2", "3", "4", "5", "6", "8"].map { Self.exhibit($0, text) }
        let found = ValidationFixture.only(.exhibitGap, ValidationFixture.validate(text, citations: citations))
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("Exhibit 7 is never cited") == true)
        // Points at Exhibit 8, where a reader notices the jump.
        #expect(found.first?.span == citations.last?.span)
    }

    @Test func contiguousOrScatteredExhibitsHaveNoGap() {
        let text = "See Exhibit 1, then Exhibit 2 and Exhibit 3.\n"
        #expect(ValidationFixture.only(.exhibitGap, ValidationFixture.validate(text, citations: ["1", "2", "3"].map { Self.exhibit($0, text) })).isEmpty)
        // Two scattered numbers read as another document's annexes, not as a slip.
        let scattered = "See Exhibit 5 and Exhibit 9.\n"
        #expect(ValidationFixture.only(.exhibitGap, ValidationFixture.validate(scattered, citations: ["5", "9"].map { Self.exhibit($0, scattered) })).isEmpty)
    }

    @Test func romanAnnexGap() {
        let text = "See Annex I, Annex II and Annex IV.\n"
        let citations = ["I", "II", "IV"].map { number in
            ValidationFixture.cite(.exhibit, "Annex \(number)", in: text) { $0.label = "Annex"; $0.exhibit = number }
        }
        let found = ValidationFixture.only(.exhibitGap, ValidationFixture.validate(text, citations: citations))
        #expect(found.map(\.message).first?.contains("Annex III") == true)
    }

    @Test func exhibitWithTwoTitles() {
        let text = "See Exhibit 3, Court Decision. Later, see Exhibit 3, Appellate Ruling.\n"
        let citations = [Self.exhibit("3", text, occurrence: 0, title: "Court Decision"),
                         Self.exhibit("3", text, occurrence: 1, title: "Appellate Ruling")]
        let found = ValidationFixture.only(.exhibitTitleConflict, ValidationFixture.validate(text, citations: citations))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("Court Decision") == true)
        #expect(found.first?.message.contains("Appellate Ruling") == true)
    }

    @Test func sameTitleShortenedOrMissingIsNoConflict() {
        let text = "See Exhibit 5, Approved Permit Applications. See Exhibit 5. See Exhibit 5, the approved permit applications of 2019.\n"
        let citations = [Self.exhibit("5", text, occurrence: 0, title: "Approved Permit Applications"),
                         Self.exhibit("5", text, occurrence: 1),
                         Self.exhibit("5", text, occurrence: 2, title: "the approved permit applications of 2019")]
        #expect(ValidationFixture.only(.exhibitTitleConflict, ValidationFixture.validate(text, citations: citations)).isEmpty)
    }

    static let listed = """
    Enclosures:

    - Exhibit 1: Feminita Charter (12 pages)
    - Exhibit 2: Decision of the Department (3 pages)

    Total: 16 pages

    See Exhibit 1. See also Exhibit 2 and Exhibit 3.

    """

    @Test func enclosureListDisagreements() {
        let text = Self.listed
        let citations = [Self.exhibit("1", text, occurrence: 1), Self.exhibit("2", text, occurrence: 1), Self.exhibit("3", text)]
        let found = ValidationFixture.validate(text, citations: citations)
        let missing = ValidationFixture.only(.exhibitNotEnclosed, found)
        #expect(missing.count == 1)
        #expect(missing.first?.message.contains("Exhibit 3") == true)
        let pages = ValidationFixture.only(.enclosurePageCount, found)
        #expect(pages.count == 1)
        #expect(pages.first?.message.contains("16") == true)
        #expect(pages.first?.message.contains("15") == true)
        #expect(ValidationFixture.only(.exhibitNotCited, found).isEmpty)
    }

    @Test func enclosureListThatAgrees() {
        let text = Self.listed.validationReplacing("16 pages", "15 pages").validationReplacing(" and Exhibit 3", "")
        let citations = [Self.exhibit("1", text, occurrence: 1), Self.exhibit("2", text, occurrence: 1)]
        let found = ValidationFixture.validate(text, citations: citations)
        #expect(ValidationFixture.codes(found).filter { $0.hasPrefix("exhibit") || $0.hasPrefix("enclosure") }.isEmpty)
    }

    @Test func listedButNeverCited() {
        let text = Self.listed
        let found = ValidationFixture.validate(text, citations: [Self.exhibit("1", text, occurrence: 1)])
        let uncited = ValidationFixture.only(.exhibitNotCited, found)
        #expect(uncited.count == 1)
        #expect(uncited.first?.message.contains("Exhibit 2") == true)
        #expect(uncited.first?.severity == .note)
    }

    @Test func listHeadingWithWordsBetween() {
        let text = """
        See Exhibit 1, Notification. See Exhibit 2. See Exhibit 3.

        **Annex**

        List of enclosed exhibits:

        Exhibit 1 – Notification of the assembly, 18 April 2023 (2 pages)

        Exhibit 2 – Decree No. 45 of 1 February 2023 (extract, 6 pages)

        """
        let citations = ["1", "2", "3"].map { Self.exhibit($0, text) }
        let found = ValidationFixture.validate(text, citations: citations)
        #expect(ValidationFixture.codes(found) == ["exhibit-not-enclosed"])
        #expect(found.first?.message.contains("Exhibit 3") == true)
        // No exhibit cited at all: the list has nothing to be compared with.
        var uncited = ValidationFixture.parse(text)
        uncited.citations = []
        #expect(Validator.validate(uncited).isEmpty)
    }

    @Test func totalInTheCoverNoteEntriesInTheAnnex() {
        let text = """
        The Mission has the honor to transmit the response.

        *Enclosure: as stated, 12 pages.*

        See Exhibit 1. See Exhibit 2.

        List of enclosed exhibits:

        Exhibit 1 – Notification (2 pages)

        Exhibit 2 – Decree (extract, 6 pages)

        """
        let citations = ["1", "2"].map { Self.exhibit($0, text) }
        let found = ValidationFixture.validate(text, citations: citations)
        #expect(ValidationFixture.codes(found) == ["enclosure-page-count"])
        #expect(found.first?.message.contains("12 pages in total") == true)
        #expect(found.first?.message.contains("add up to 8") == true)
        let agreeing = text.validationReplacing("12 pages", "8 pages")
        #expect(ValidationFixture.validate(agreeing, citations: ["1", "2"].map { Self.exhibit($0, agreeing) }).isEmpty)
    }

    @Test func enclosedButUncitedIsNotAGap() {
        let text = """
        See Exhibit 1. See Exhibit 3.

        Enclosures:

        - Exhibit 1: Charter
        - Exhibit 2: Decision
        - Exhibit 3: Permit

        """
        let citations = [Self.exhibit("1", text), Self.exhibit("3", text)]
        let found = ValidationFixture.validate(text, citations: citations)
        #expect(ValidationFixture.codes(found) == ["exhibit-not-cited"])
        #expect(found.first?.message.contains("Exhibit 2") == true)
    }

    @Test func statedTotalWithoutListIsNotChecked() {
        let text = "The Mission has the honor to transmit the response.\n\n*Enclosure: as stated, 101 pages.*\n\nSee Exhibit 1.\n"
        let found = ValidationFixture.validate(text, citations: [Self.exhibit("1", text)])
        #expect(found.filter { $0.code.hasPrefix("exhibit") || $0.code.hasPrefix("enclosure") }.isEmpty)
    }
}

extension String {
    /// Test helper: every occurrence of `target` replaced (no Foundation in the test target).
    func validationReplacing(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
