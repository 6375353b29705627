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

/// Words folded on bytes must find the codes the string fold finds.
@Suite("Date words folded on bytes")
struct DateWordFoldTests {
    @Test("byte folding agrees with the string fold on month names in every case and accent")
    func foldedCodes() {
        var words = DateParser.wordCodes.keys.flatMap { [$0, $0.uppercased(), String($0.prefix(1)).uppercased() + $0.dropFirst()] }
        words += ["Décembre", "DÉCEMBRE", "fèvrier", "Août", "AOÛT", "ДЕКАБРЯ", "Декабря", "ЁЛКА", "Ѐ", "ѡѠ", "ß", "×",
                  "éééééééééé", "сентябряя", "Сентябрь", "Ñoño", "çà", "Ωmega", "dé\u{301}cembre", "Ǆ", "İ", "ЙЦУКЕН"]
        for word in words {
            let bytes = Array(word.utf8)[...]
            guard bytes.contains(where: { $0 >= 0x80 }), let fast = DateParser.foldedCode(bytes) else { continue }
            let slow = DateParser.wordCodes[DateParser.folded(bytes, ascii: false)] ?? DateParser.WordCode.other
            #expect(fast == slow, "\(word)")
        }
        #expect(DateParser.foldedCode(Array("DÉCEMBRE".utf8)[...]) == 12)
        #expect(DateParser.foldedCode(Array("Декабря".utf8)[...]) == 12)
        #expect(DateParser.foldedCode(Array("Ǆ".utf8)[...]) == nil)
    }
}
