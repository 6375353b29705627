import Testing
@testable import VerbaleKit

/// The byte-level fast paths of the validation checks give what the general paths they
/// replace give: written-out tables against the standard library's answers, the honorific
/// table against the word-by-word match, the vector keyword search against the byte loop,
/// and the byte tests of plain text, blank text and lower case against Unicode's.
@Suite struct ValidationFastPathTests {
    /// Random texts of `pieces`, the same on every run.
    static func texts(_ count: Int, _ pieces: [String], seed: UInt64, length: Int = 40) -> [String] {
        var random = SeededRandom(seed: seed)
        func next(_ bound: Int) -> Int { random.next(bound) }
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<(1 + next(length)) { text += pieces[next(pieces.count)] }
            return text
        }
    }

    /// `NameChecks.nameClasses` as written out is what the standard library says.
    @Test func nameClassesTableEqualsUnicode() {
        #expect(NameChecks.nameClasses == NameChecks.nameClassesFromUnicode())
    }

    /// `Bytes.latin1` as written out is what Unicode's case mapping and properties say.
    @Test func latin1TableEqualsUnicode() {
        let computed = Bytes.latin1FromUnicode()
        #expect(Bytes.latin1.count == computed.count)
        for (written, reference) in zip(Bytes.latin1, computed) {
            #expect(written?.lead == reference?.lead && written?.trail == reference?.trail && written?.isWord == reference?.isWord)
        }
    }

    /// The honorific table finds the honorific the word-by-word match finds, with the word's
    /// end, whether or not the word's end is known (`limit`), on words of honorifics, their
    /// prefixes and extensions, brackets and quotes, and other scripts.
    @Test func honorificTableEqualsWordMatch() {
        let pieces = ["Mr.", "Mr", "Mrs", "Ms.", "M.", "Mme", "Mme.", "Madame", "Miss", "Mlle", "Monsieur", "Sir", "Sr.", "Sra.",
                      "Srta.", "Señor", "Señora", "Don", "Doña", "Dr", "Dr.", "Dra.", "Prof.", "H.E.", "Lady", "г-н", "г-жа",
                      "Г-н", "господин", "Госпожа", "(", "\"", "[", "“", "«", "M", "D", "S", "г", "Г", "r", ".", "s", "a",
                      "Ministry", "Dona", "Sirs", " ", " ", "  ", "é", "\u{301}"]
        let table = NameChecks.honorificTable
        var matched = 0
        for text in Self.texts(6000, pieces, seed: 0x51E5_7A11_0B5E_C0DE, length: 12) {
            let bytes = Array(text.utf8)
            var start = 0
            while start < bytes.count {
                guard bytes[start] != 0x20 else { start += 1; continue }
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                let reference = NameChecks.honorific(bytes, start..<end)
                let known = table.match(bytes, start, limit: end)
                let open = table.match(bytes, start, limit: bytes.count)
                #expect(known.map { table.texts[$0.0].text } == reference?.0, "\(text)")
                #expect(known.map(\.1) == reference?.1, "\(text)")
                #expect(known.map(\.2) == (reference == nil ? nil : end), "\(text)")
                #expect(open.map { table.texts[$0.0].text } == reference?.0, "\(text)")
                #expect(open.map(\.2) == (reference == nil ? nil : end), "\(text)")
                if reference != nil { matched += 1 }
                start = end
            }
        }
        #expect(matched > 500)
    }

    /// `Bytes.containsAny` as the plain loop over every position makes it.
    static func containsAnyReference(_ keywords: Keywords, _ hay: [UInt8], from: Int, to end: Int) -> Bool {
        let end = min(end, hay.count)
        var index = max(0, from)
        while index < end {
            for word in keywords.words where index + word.count <= end && Bytes.matches(word, in: hay, at: index) { return true }
            index += 1
        }
        return false
    }

    /// The vector keyword search finds a keyword exactly where the byte loop does, on texts
    /// of the keywords of every list, their capitals, near misses and other bytes, over
    /// many ranges (ends inside and outside the vector steps).
    @Test func containsAnyEqualsByteLoop() {
        let lists = [DateChecks.transmitWords, DateChecks.dateJoiners, DateChecks.responseWords,
                     IdentifierChecks.registrationWords, IdentifierChecks.birthWords]
        let pieces = ["transmit", "TRANSMIT", "Forward", "enclos", "attach", "ci-joint", "remet", "adjunt", "препровожд",
                      "ПРЕПРОВОЖД", "направля", "прилага", "from", "of", "dated", "du", "en date du", "de", "от", "ОТ",
                      "response to", "your", "réponse à", "в ответ на", "regist", "Incorporat", "créé", "зарегистр",
                      "born", "né ", "née", "рождени", "tr", "fo", "en", "re", "пр", "на", "t", "r", "n", "é", "\r",
                      "\u{0D}\u{0A}", " ", "  ", ".", "1", "x", "Z", "п", "о", "\u{2019}", "-", "\u{301}"]
        var random = SeededRandom(seed: 0xC0FF_EE15_600D_F00D)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var found = 0
        for text in Self.texts(3000, pieces, seed: 0xBADC_0DE5_1234_5678, length: 30) {
            let hay = Array(text.utf8)
            for keywords in lists {
                for _ in 0..<4 {
                    let from = next(hay.count + 2) - 1
                    let to = next(hay.count + 3)
                    let fast = Bytes.containsAny(keywords, in: hay, from: from, to: to)
                    #expect(fast == Self.containsAnyReference(keywords, hay, from: from, to: to), "\(text) \(from) \(to)")
                    if fast { found += 1 }
                }
                #expect(Bytes.containsAny(keywords, in: hay) == Self.containsAnyReference(keywords, hay, from: 0, to: hay.count), "\(text)")
            }
        }
        #expect(found > 1000)
    }

    /// `Bytes.isPlainText` on bytes is the scalar test; `NameChecks.isPlainName` agrees.
    @Test func plainTextBytesEqualScalars() {
        func reference(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { scalar in
                let value = scalar.value
                return (value < 0x250 || (value >= 0x400 && value < 0x483)) && value != 0x0D
            }
        }
        let pieces = ["a", "Z", " ", "\r", "\n", "é", "ß", "ÿ", "Ł", "ǿ", "ȿ", "ɏ", "ɐ", "ʃ", "Ѐ", "я", "џ", "Ѡ", "ҁ", "҂", "҃",
                      "Ґ", "\u{301}", "\u{300}", "’", "“", "«", "中", "👍", "\u{A0}", "\u{AD}"]
        for text in Self.texts(8000, pieces, seed: 0x1234_ABCD_5678_EF01, length: 10) {
            #expect(Bytes.isPlainText(text) == reference(text), "\(text)")
            let bytes = Array(text.utf8)
            #expect(NameChecks.isPlainName(bytes, 0..<bytes.count) == reference(text), "\(text)")
        }
    }

    /// `FootnoteChecks.isBlank` answers ASCII from the bytes as Unicode's white space does.
    @Test func blankBytesEqualScalars() {
        func reference(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "*" || $0 == "_" }
        }
        let pieces = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "*", "_", "a", ".", "\u{A0}", "\u{2003}", "\u{85}", "\u{1C}", "é", ""]
        for text in Self.texts(5000, pieces, seed: 0x0DDB_A11_5EED_0001, length: 8) {
            #expect(FootnoteChecks.isBlank(text) == reference(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// `NameChecks.loweredScalars` is `lowercased()`'s scalars.
    @Test func loweredScalarsEqualLowercased() {
        let pieces = ["A", "z", "É", "é", "Ø", "Þ", "ß", "×", "İ", "Ł", "Ё", "Я", "я", "Ѐ", "Ѡ", "Ґ", "’", "-", "'", "Σ", "ǅ"]
        for text in Self.texts(5000, pieces, seed: 0xFACE_B00C_0000_0042, length: 10) {
            #expect(NameChecks.loweredScalars(text) == Array(text.lowercased().unicodeScalars), "\(text)")
        }
    }

    /// Basic Cyrillic is made of letters: `isWordScalar`'s shortcut for it gives Unicode's answer.
    @Test func cyrillicWordScalars() {
        for value in UInt32(0x3F0)..<0x470 {
            let scalar = Unicode.Scalar(value)!
            #expect(Bytes.isWordScalar(scalar) == (scalar.properties.isAlphabetic || scalar.properties.numericType != nil), "\(value)")
        }
    }

    /// Names counted by their bytes are those counted by strings: the same spellings, counts
    /// and first places, on documents of plain names, the same surname under two classes
    /// among them.
    @Test func spellingsByBytesEqualByStrings() {
        let pieces = ["Ms. Sekerbaeva ", "Ms. Sekerbayeva ", "Mr. Ivanov ", "Ms. Ivanova ", "Dr. Ivanov ", "(Ms. Gómez) ",
                      "Mrs. Gomez ", "г-н Иванов ", "Г-жа Иванова ", "H.E. Mr. Marat Beketayev ", "Ms. Fonova’s ",
                      "the text ", "Mr. ", "and ", "\n\n"]
        var compared = 0
        for text in Self.texts(300, pieces, seed: 0x5EE5_B7E5_0000_0007, length: 25) {
            let document = ValidationFixture.parse(text)
            let context = ValidationContext(document: document)
            var occurrences: [NameChecks.Occurrence] = []
            for index in context.blocks.indices {
                _ = NameChecks.scanNames(context.blockBytes[index], spaces: context.scans.spaces[index], block: index,
                                         table: NameChecks.honorificTable, into: &occurrences)
            }
            let plain = occurrences.allSatisfy { NameChecks.isPlainName(context.blockBytes[$0.block], $0.surname) }
            guard plain else { continue }
            let fast = NameChecks.seenByBytes(occurrences, context)
            let slow = NameChecks.seenByStrings(occurrences, context)
            #expect(fast.map { "\($0.name)|\($0.honorific)|\($0.gender)|\($0.first)|\($0.count)" }
                    == slow.map { "\($0.name)|\($0.honorific)|\($0.gender)|\($0.first)|\($0.count)" }, "\(text)")
            compared += 1
        }
        #expect(compared > 250)
    }
}
