import Testing
@testable import VerbaleKit

@Suite("Dates")
struct DateParserTests {
    @Test("Forms found in correspondence", arguments: [
        ("Geneva, December « 23 », 2019", "2019-12-23"),
        ("December 19, 2019", "2019-12-19"),
        ("23 December 2019", "2019-12-23"),
        ("25/10/2019", "2019-10-25"),
        ("19.12.19", "2019-12-19"),
        ("Paris, le 1er décembre 1994", "1994-12-01"),
        ("Paris, le 15 fèvrier 1995", "1995-02-15"),
        ("Ginebra, 23 de junio de 2022", "2022-06-23"),
        ("Женева, 15 мая 2023 г.", "2023-05-15"),
        ("CANBERRA, 8 September 1947", "1947-09-08"),
        ("2020-02-19", "2020-02-19"),
    ])
    func forms(text: String, iso: String) {
        #expect(DateParser.firstDate(in: text)?.iso == iso)
    }

    @Test("Numbers that are not dates", arguments: ["case No. 7517-19-00-2/10338", "USD 10,000", "130 separate gatherings", "A/HRC/43/15"])
    func notDates(text: String) {
        #expect(DateParser.firstDate(in: text) == nil)
    }

    @Test("February 30 is found but not valid")
    func impossible() {
        let date = DateParser.firstDate(in: "30 February 2019")
        #expect(date?.isValid == false)
        #expect(DateParser.firstDate(in: "29 February 2020")?.isValid == true)
    }
}
