import Testing
@testable import VerbaleKit

/// The structure pass's newer byte paths must give what the code they replaced gave, on many
/// generated inputs; the replaced forms are kept here (or in the library) as the reference.
@Suite("Structure pass byte paths keep their answers")
struct StructurePassSpeedTests {
    @Test("the addressee ends where the first of its stops, searched one by one, begins")
    func addresseeEnd() {
        let pieces = [" and ", " and,", " et ", " et,", " y ", " y,", " и ", ",", " ", "and", "et", "y", "и", "the Office",
                      " And ", "Y ", " yy", " etc", " andes", " и,", "\u{00A0}", "é", "Ж", "—", ";", " a", "  "]
        for text in StructureBytesTests.texts(pieces, count: 20000, maxPieces: 10, seed: 23) {
            let bytes = Array(text.utf8)
            var expected = bytes.count
            for stop in StructureBuilder.addresseeStops {
                if let found = Phrases.find(stop, in: bytes), found < expected { expected = found }
            }
            let found = bytes.withUnsafeBufferPointer { StructureBuilder.addresseeEnd($0) }
            #expect(found == expected, "\(text.debugDescription)")
        }
    }

    @Test("reference numbers read on bytes from accented, Cyrillic and ASCII text agree with the character search")
    func bytewiseReferenceNumber() {
        let pieces = ["Ref.", "REF", "ref:", "Reference", "Référence", "RÉFÉRENCE", "Réf.", "RÉF", "réf:", "No.", "no", "NO:",
                      "Nº", "N°", "nº", "№", "Núm.", "NÚM.", "Nr.", "Исх.", "ИСХ.", "исх", ":", " ", "  ", "123/45", "A-7",
                      ",12;", "\n9", "x", "Note", "Nota", "(1)", ";;", "\t", "2021", "abc", "²", "½", "ª1", "º", "µ3", "×4",
                      "÷", "É-12", "Ж-5/2020", "«12»", "—", "–7", "\u{00A0}", "\u{00A0}3", "\u{00AD}", "ß", "Ѣ", "é",
                      "e\u{0301}", "\r\n", "\r", "Ω", "中", "🙂", "…", "’", "\u{2028}", "\u{0483}", "ÿ"]
        var fastPaths = 0
        for text in StructureBytesTests.texts(pieces, count: 40000, maxPieces: 9, seed: 29) {
            guard case .some(let fast) = StructureBuilder.bytewiseReferenceNumber(in: text) else { continue }
            fastPaths += 1
            #expect(fast == StructureBuilder.characterReferenceNumber(in: text), "\(text.debugDescription)")
        }
        // Long texts: the 160-character window ends inside multi-byte scalars.
        let long = ["Nº 7 ", "référence ", "Ж", "é", "a", " ", "№ 12/3 ", "Réf. ", "x1 "]
        for text in StructureBytesTests.texts(long, count: 4000, maxPieces: 120, seed: 31) {
            guard case .some(let fast) = StructureBuilder.bytewiseReferenceNumber(in: text) else { continue }
            fastPaths += 1
            #expect(fast == StructureBuilder.characterReferenceNumber(in: text), "\(text.debugDescription)")
        }
        #expect(fastPaths > 20000)
        #expect(StructureBuilder.referenceNumber(in: "Réf. № 123/2021") == "123/2021")
        #expect(StructureBuilder.referenceNumber(in: "Исх. № 45-н") == "45-н")
    }

    @Test("the digit count read eight bytes at a time is the byte-by-byte count")
    func hasDigits() {
        var random = StructureSpeedTests.Generator(state: 37)
        let special: [UInt8] = [0x2F, 0x30, 0x35, 0x39, 0x3A, 0x40, 0xB0, 0xB9, 0xF0, 0x10, 0x19, 0x20, 0x3F, 0x70, 0x79]
        for _ in 0..<20000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(40) { bytes.append(random.next(2) == 0 ? special[random.next(special.count)] : UInt8(random.next(256))) }
            let digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count
            for count in 0...6 {
                #expect(DateParser.hasDigits(count, in: bytes) == (digits >= count), "\(bytes) \(count)")
            }
        }
    }

    @Test("no date is found in a text with fewer than four digits, so the digit test drops none")
    func datesNeedFourDigits() {
        let pieces = ["1", "12", "3", "2019", "19", "December", "décembre", "de", "del", "1er", "23rd", "г.", "года", "/", ".",
                      "-", ",", " ", "«", "»", "Dec", "mai", "мая", "2019-12-23", "25/10/2019", "1.2.19", "9 May 2020", "x"]
        var dated = 0
        for text in StructureBytesTests.texts(pieces, count: 30000, maxPieces: 8, seed: 43) {
            let bytes = Array(text.utf8)
            let found = DateParser.scanDates(in: bytes)
            if !found.isEmpty { dated += 1 }
            if bytes.filter({ $0 >= 0x30 && $0 <= 0x39 }).count < 4 {
                #expect(found.isEmpty, "\(text.debugDescription)")
            }
            #expect(DateParser.dates(in: bytes) == found, "\(text.debugDescription)")
        }
        #expect(dated > 1000)
    }
    /// Pieces of headings: numbers in every script the byte path reads, stops, spaces, and
    /// characters it must leave to the character path (marks, CR, other scripts).
    static let headingPieces = ["I", "IV", "XLC", "12", "3", "A", "b", "é", "Ж", "ª", "º", "µ", "²", "½", "×", "÷", ".", ")", ":",
                                " ", "  ", "\u{00A0}", "\t", "Introduction", "Légal", "Вопрос", "Question 3", "—", "’", "№",
                                "\u{00AD}", "ß", "e\u{0301}", "\u{0301}", "\r\n", "\r", "Ω", "中", "🙂", "1.2", "VII.", "(a)"]

    @Test("a heading's number split on bytes is the character split")
    func plainSplitNumber() {
        var fastPaths = 0
        for text in StructureBytesTests.texts(Self.headingPieces, count: 40000, maxPieces: 7, seed: 47) {
            guard let fast = StructureBuilder.plainSplitNumber(text) else { continue }
            fastPaths += 1
            let expected = StructureBuilder.characterSplitNumber(text)
            #expect(fast.0 == expected.0 && fast.1 == expected.1, "\(text.debugDescription)")
        }
        #expect(fastPaths > 20000)
    }

    @Test("a question label cut on bytes is the character cut")
    func plainQuestionLabel() {
        var fastPaths = 0
        for text in StructureBytesTests.texts(Self.headingPieces, count: 40000, maxPieces: 7, seed: 53) {
            guard let fast = StructureBuilder.plainQuestionLabel(text) else { continue }
            fastPaths += 1
            #expect(fast == String(text.prefix { $0 != ":" && $0 != "." }).trimmingSpaces(), "\(text.debugDescription)")
        }
        #expect(fastPaths > 20000)
    }
    /// `mayHoldReference` as it was: each word's head copied, lowered and compared with every
    /// prefix, and the 160-character window counted on characters.
    static func oldMayHoldReference(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let limit = bytes.count <= 640 ? bytes.count : text.prefix(160).utf8.count
        var index = 0
        while index < limit {
            let lead = bytes[index]
            if lead == 0x52 || lead == 0x72 || lead == 0x4E || lead == 0x6E || lead == 0xE2 || lead == 0xD0 {
                let lowered = ByteCase.lower(Array(bytes[index..<min(bytes.count, index + 8)]))
                if StructureBuilder.referencePrefixes.contains(where: { lowered.starts(with: $0) }) { return true }
            }
            while index < limit, bytes[index] != 0x20 { index += 1 }
            while index < limit, bytes[index] == 0x20 { index += 1 }
        }
        return false
    }

    @Test("a word starts like a reference word on bytes as its lowered head does")
    func startsLikeReferenceWord() {
        let pieces = ["r", "R", "e", "E", "f", "F", "n", "N", "o", "O", "m", "M", "é", "É", "ú", "Ú", "º", "°", "№", "и", "И",
                      "с", "С", "х", "Х", "ref", "RÉF", "Nº", "NÚM", "ИСХ", "Исх", "\u{00C3}", " ", "x", "ё", "Ё", "ā"]
        var random = StructureSpeedTests.Generator(state: 59)
        for text in StructureBytesTests.texts(pieces, count: 20000, maxPieces: 6, seed: 61) {
            var bytes = Array(text.utf8)
            // Bad bytes too: the scan reads bytes, not characters.
            if !bytes.isEmpty, random.next(4) == 0 { bytes[random.next(bytes.count)] = [0xC3, 0xD0, 0xD1, 0x89, 0x98, 0xA1][random.next(6)] }
            for index in bytes.indices {
                let lowered = ByteCase.lower(Array(bytes[index..<min(bytes.count, index + 8)]))
                let expected = StructureBuilder.referencePrefixes.contains { lowered.starts(with: $0) }
                let found = bytes.withUnsafeBufferPointer { StructureBuilder.startsLikeReferenceWord($0, index) }
                #expect(found == expected, "\(bytes) at \(index)")
            }
        }
    }

    @Test("texts that may hold a reference are the ones the old scan let through, long ones too")
    func mayHoldReference() {
        let pieces = ["Ref. 12 ", "Nº ", "исх ", "№5 ", "Note ", "the Mission ", "é", "Ж", "a", " ", "  ", "e\u{0301}", "🙂",
                      "word ", "NÚM ", "N° ", "\r\n", "x"]
        for text in StructureBytesTests.texts(pieces, count: 6000, maxPieces: 400, seed: 67) {
            #expect(StructureBuilder.mayHoldReference(text) == Self.oldMayHoldReference(text), "\(text.debugDescription)")
            let window = text.utf8.withContiguousStorageIfAvailable { StructureBuilder.plainWindowEnd($0, 160) } ?? nil
            if let window { #expect(window == text.prefix(160).utf8.count, "\(text.debugDescription)") }
        }
    }
    @Test("the addressee read on bytes is the one read from the string")
    func plainAddressee() {
        let pieces = ["to the ", "To The ", "TO ", "to ", "au ", "Au ", "à la ", "À LA ", "à l'", "À L’", "aux ", "a la ", "al ", "a ",
                      "в ", "В ", "Office", " and ", " et, ", " y ", " и ", ",", " ", "\u{00A0}", "Mission", "é", "Ѡ", "ß",
                      "e\u{0301}", "\r\n", "🙂", "中", "a", "t", "o", "Ministère ", "—"]
        var fastPaths = 0
        for text in StructureBytesTests.texts(pieces, count: 30000, maxPieces: 8, seed: 71) {
            let bytes = Array(text.utf8)
            guard case .some(let fast) = bytes.withUnsafeBufferPointer({ StructureBuilder.plainAddressee(afterCompliments: $0) }) else { continue }
            fastPaths += 1
            #expect(fast == StructureBuilder.addressee(afterCompliments: text), "\(text.debugDescription)")
        }
        #expect(fastPaths > 15000)
    }
    @Test("the ISO date written byte by byte is the padded one")
    func isoDate() {
        for year in [-1, 0, 7, 99, 100, 999, 1800, 1969, 2019, 2199, 9999, 10000, 123456] {
            for month in [-3, 0, 1, 9, 10, 12, 13, 99, 100] {
                for day in [-1, 0, 1, 9, 10, 29, 31, 99, 100, 1000] {
                    let date = FoundDate(year: year, month: month, day: day, range: 0..<0)
                    #expect(date.iso == date.paddedISO, "\(year) \(month) \(day)")
                }
            }
        }
    }
    @Test("an addressee cut inside a scalar is read on the bytes before it only when a stop ends it there")
    func plainAddresseeCutInScalar() {
        let pieces = ["to ", "Миссии ", "Мексики", " и ", ",", "é", "Ж", "ё", "🙂", " y ", "and", " ", "x", "Ministère "]
        var fastPaths = 0
        for text in StructureBytesTests.texts(pieces, count: 20000, maxPieces: 9, seed: 73) {
            let bytes = Array(text.utf8)
            guard bytes.count > 1 else { continue }
            // Cut anywhere, as the 400-byte limit may: the string repairs a broken end.
            for cut in [bytes.count - 1, bytes.count / 2] where cut > 0 {
                var end = cut
                while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
                guard case .some(let fast) = bytes[0..<end].withUnsafeBufferPointer({
                    StructureBuilder.plainAddressee(afterCompliments: $0, untilStop: end < cut)
                }) else { continue }
                fastPaths += 1
                let expected = StructureBuilder.addressee(afterCompliments: String(decoding: bytes[0..<cut], as: UTF8.self))
                #expect(fast == expected, "\(bytes[0..<cut])")
            }
        }
        #expect(fastPaths > 10000)
    }
}
