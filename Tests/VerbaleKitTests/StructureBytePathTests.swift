import Testing
@testable import VerbaleKit

/// The byte paths added to the structure pass and the definition finder must answer as the
/// general (string or copy) forms they stand in for; those forms are the reference here.
@Suite("Structure and definition byte paths keep their answers")
struct StructureBytePathTests {
    /// The shared seeded generator (`Support/SeededRandom.swift`).
    typealias Generator = SeededRandom

    /// `ByteCase.lower` as it was before words were tried only from ASCII bytes: one byte at a
    /// time but for eight ASCII bytes at once.
    static func referenceLower(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        let count = result.count
        var index = 0
        while index < count {
            let byte = result[index]
            if byte < 0x80 {
                if byte >= 0x41 && byte <= 0x5A { result[index] = byte | 0x20 }
            } else if byte == 0xC3, index + 1 < count, result[index + 1] >= 0x80, result[index + 1] <= 0x9E, result[index + 1] != 0x97 {
                result[index + 1] += 0x20
                index += 1
            } else if byte == 0xD0, index + 1 < count {
                let next = result[index + 1]
                if next >= 0x90 && next <= 0x9F { result[index + 1] = next + 0x20 }
                else if next >= 0xA0 && next <= 0xAF { result[index] = 0xD1; result[index + 1] = next - 0x20 }
                else if next >= 0x80 && next <= 0x8F { result[index] = 0xD1; result[index + 1] = next + 0x10 }
                index += 1
            }
            index += 1
        }
        return result
    }

    @Test("ByteCase.lower lowers as byte-by-byte lowering does, at every boundary")
    func lowerMatchesByteByByte() {
        var random = Generator(state: 3)
        // Capitals, their neighbours, leads and continuations, and an ASCII capital after a
        // D0 lead (passed over, not lowered).
        let special: [UInt8] = [0x40, 0x41, 0x4D, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x20, 0xC3, 0xD0, 0xD1, 0xC2, 0xE2,
                                0x80, 0x8F, 0x90, 0x97, 0x9E, 0x9F, 0xA0, 0xAF, 0xBF]
        #expect(ByteCase.lower([]) == [])
        #expect(ByteCase.lower(Array("ABCDEFGH\u{D0}".utf8)) == Self.referenceLower(Array("ABCDEFGH\u{D0}".utf8)))
        #expect(ByteCase.lower([0x41, 0x42, 0xD0, 0x41, 0x43, 0x44, 0x45, 0x46, 0x47]) == [0x61, 0x62, 0xD0, 0x41, 0x63, 0x64, 0x65, 0x66, 0x67])
        for _ in 0..<20000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(40) { bytes.append(random.next(3) == 0 ? UInt8(random.next(256)) : special[random.next(special.count)]) }
            #expect(ByteCase.lower(bytes) == Self.referenceLower(bytes), "\(bytes)")
        }
        for text in ["Présente SES COMPLIMENTS à l’ÉTAT", "СВИДЕТЕЛЬСТВУЕТ своё УВАЖЕНИЕ Ѐ Џ", "MIXED Ω中文🙂 TEXT ÀÉÎÕÜÞ×ß"] {
            #expect(ByteCase.lower(Array(text.utf8)) == Self.referenceLower(Array(text.utf8)))
        }
    }

    @Test("a note formula found by the window is the one PhraseSet.firstMatch finds in a lowered copy")
    func noteFormulaFirstMatch() {
        var random = Generator(state: 5)
        let pieces: [String] = Phrases.noteOpeningsText + Phrases.noteClosingsText
            + (Phrases.noteOpeningsText + Phrases.noteClosingsText).map { $0.uppercased() }
            + ["Présente", "Свидетельствует", "ПОЛЬЗУЕТСЯ", "Ѐ", "ÀÉÎ×ß", "€", "«", " ", ",", "The ", "Mission ", "A", "🙂"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<random.next(20) { text += pieces[random.next(pieces.count)] }
            var bytes = Array(text.utf8)
            // Cut anywhere, even inside a sequence, as the 8 kB limit may.
            if !bytes.isEmpty, random.next(3) == 0 { bytes = Array(bytes.prefix(random.next(bytes.count))) }
            let limit = random.next(2) == 0 ? StructureBuilder.lowerLimit : max(1, bytes.count - random.next(8))
            for (indexes, set) in [(Phrases.noteOpeningIndexes, Phrases.noteOpenings), (Phrases.noteClosingIndexes, Phrases.noteClosings)] {
                var lowered = Array(bytes.prefix(limit))
                lowered.withUnsafeMutableBytes { _ = ByteCase.lower($0) }
                let expected = Phrases.firstMatch(lowered, set).map { ($0.phrase.count, $0.offset) }
                let found = Phrases.firstNoteFormula(bytes, validUTF8: true, limit: limit, indexes)
                #expect(found?.length == expected?.0 && found?.offset == expected?.1, "\(text)")
                let copied = Phrases.firstNoteFormula(bytes, validUTF8: false, limit: limit, indexes)
                #expect(copied?.length == expected?.0 && copied?.offset == expected?.1)
            }
        }
    }

    /// Words and spaces for the word-splitting tests: plain neighbours, combining marks
    /// after a space, a prepended scalar before one, and CR LF.
    static let wordPieces = ["Geneva", "New", "York", "le", "Genève", "Москва", "г.", " ", "  ", " ", ",", "\u{301}",
                             "\u{0600}", "\r\n", "中文", "🙂", "É", "a", "-", "\u{00A0}", "Ω"]

    @Test("the last words split on bytes are the last words split on characters")
    func lastWords() {
        var random = Generator(state: 9)
        #expect(StructureBuilder.lastWords("", 3).isEmpty)
        #expect(StructureBuilder.lastWords("   ", 3).isEmpty)
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<random.next(12) { text += Self.wordPieces[random.next(Self.wordPieces.count)] }
            let count = 1 + random.next(4)
            let expected = Array(text.split(separator: " ").suffix(count))
            #expect(StructureBuilder.lastWords(text, count) == expected, "\(text.unicodeScalars.map(\.value))")
            if let plain = StructureBuilder.plainLastWords(text, count) { #expect(plain == expected) }
        }
    }

    @Test("a line has more words by its bytes only when it has by its characters")
    func moreWords() {
        var random = Generator(state: 15)
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<random.next(16) { text += Self.wordPieces[random.next(Self.wordPieces.count)] }
            let count = random.next(7)
            if StructureBuilder.hasMoreWords(text, than: count) {
                #expect(text.split(separator: " ").count > count, "\(text.unicodeScalars.map(\.value))")
            }
            #expect(StructureBuilder.looksLikeName(text) == StructureBuilder.characterLooksLikeName(text)
                    || StructureBuilder.asciiLooksLikeName(text) != nil)
        }
        #expect(StructureBuilder.hasMoreWords("Ministère des Affaires étrangères de la République", than: 5))
        #expect(!StructureBuilder.hasMoreWords("Jean Dupont", than: 5))
    }

    @Test("long date words are found on bytes as in the word table")
    func longDateWords() {
        for (word, code) in DateParser.wordCodes {
            let bytes = Array(word.utf8)
            for form in [bytes, Array(word.uppercased().utf8)] {
                let ascii = form.allSatisfy { $0 < 0x80 }
                #expect(DateParser.code(form[...], ascii: ascii) == code, "\(word)")
            }
            if bytes.count > 8 && bytes.count <= LongWordTable.longest {
                #expect(bytes.withUnsafeBytes { DateParser.longCodes.value($0) } == code)
            }
        }
        for word in ["septembers", "septiembrex", "декабрьский", "abcdefghij", "ноябряя", "сентябрь"] {
            let bytes = Array(word.utf8)
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            let expected = DateParser.wordCodes[DateParser.folded(bytes[...], ascii: ascii)] ?? DateParser.WordCode.other
            #expect(DateParser.code(bytes[...], ascii: ascii) == expected, "\(word)")
        }
        #expect(DateParser.dates(in: "Moscou, le 12 septembre 2019").first?.month == 9)
        #expect(DateParser.dates(in: "23 Декабря 2019 г.").first?.month == 12)
    }

    @Test("an ASCII leading word is told on bytes as the connector set and month table tell it")
    func leadingWords() {
        let words = Array(DefinitionFinder.connectors) + DateParser.monthNames.map(\.0) + ["the", "The", "THE", "them", "on", "Mayor",
                     "September", "SEPTIEMBRE", "Decembers", "x", "of,", "Court", "noviembre", "sept", "de", "del", "st"]
        for word in words where word.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            let bare = word.lowercased()
            let expected = DefinitionFinder.connectors.contains(bare) || bare == "the" || DateParser.monthTable[bare] != nil
            #expect(DefinitionFinder.isASCIILeadingWord(Array(word.utf8)[...]) == expected, "\(word)")
        }
    }

    @Test("an ASCII word before a term is judged on bytes as the determiner strings judge it")
    func determinedStart() {
        let words = ["la", "La", "LE", "les", "l'", "L'", "el", "los", "las", "the", "The", "du", "del", "de", "l'accord",
                     "L'Office", "l'avion", "l'", "lx", "l'loi", "le,", "x", "laa", "l'\r\nloi", "Los"]
        let nexts = ["loi", "Loi", "décret", "Conseil", "avion", "ley", "code", "x", "CÓDIGO"]
        for word in words {
            for next in nexts + [""] {
                let text = Array((word + " " + next).utf8)
                let wordBytes = text[0..<word.utf8.count]
                let following: Range<Int>? = next.isEmpty ? nil : (word.utf8.count + 1)..<text.count
                // The string branch of `determinedPhraseBefore`.
                var expected: Int? = nil
                let lowerWord = DefinitionFinder.lowered(wordBytes)
                if DefinitionFinder.determiners.contains(lowerWord), let following,
                   DefinitionFinder.headNouns.contains(DefinitionFinder.lowered(text[following])) {
                    expected = wordBytes.endIndex + 1
                } else if lowerWord.utf8.first == UInt8(ascii: "l"), lowerWord.hasPrefix("l'") || lowerWord.hasPrefix("l’") {
                    let elided = lowerWord.hasPrefix("l'") ? 2 : 4
                    if DefinitionFinder.headNouns.contains(String(lowerWord.dropFirst(2))) { expected = wordBytes.startIndex + elided }
                }
                let found = DefinitionFinder.asciiDeterminedStart(wordBytes, following: following, text)
                #expect(found == .some(expected), "\(word) \(next)")
            }
        }
        #expect(DefinitionFinder.asciiDeterminedStart(Array("l’loi".utf8)[...], following: nil, []) == nil)
    }

    @Test("heading and definition helpers answer as the character forms")
    func smallHelpers() {
        let texts = ["", "A", "a", "Ab", "ab", "É", "Émile", "\r\nA", "\rA", "A\u{301}", "1", "IV", "Ω", "(A)", "Z", "[", "@"]
        for text in texts {
            #expect(StructureBuilder.startsUppercase(text) == (text.first?.isUppercase == true), "\(text)")
            let stop = text.utf8.withContiguousStorageIfAvailable { StructureBuilder.endsWithStop($0) } ?? nil
            if let stop { #expect(stop == StructureBuilder.endsWithStop(text)) }
        }
        for text in ["a.", "é.", "a,", ";", "", "abc", "e\u{301}.", "1."] {
            if let stop = Array(text.utf8).withUnsafeBufferPointer({ StructureBuilder.endsWithStop($0) }) {
                #expect(stop == StructureBuilder.endsWithStop(text), "\(text)")
            }
            #expect(Array(text.utf8).withUnsafeBufferPointer { StructureBuilder.mayHaveNumber($0) } == StructureBuilder.mayHaveNumber(text))
        }
        for numbers in [[], [0], [7], [6, 7], [10, 200, 3045], [-1, 2]] {
            #expect(StructureBuilder.joinedNumbers(numbers) == numbers.map(String.init).joined(separator: ","))
        }
        for character: Character in ["\"", "“", "«", "'", "‘", "”", "»", "a", "\"\u{301}"] {
            #expect(DefinitionFinder.isOpeningQuote(character) == "\"“«'‘".contains(character))
        }
        for quote in ["\"", "'", "”", "’", "»"] {
            #expect(DefinitionFinder.quoteByteLength(quote.utf8.first!) == quote.utf8.count)
        }
        for text in ["", " ", " \u{00A0}\t", " x ", "\u{00A0}", "\r\n", "a"] {
            #expect(DefinitionFinder.isBlank(text[...]) == text.trimmingSpaces().isEmpty)
        }
        for (introducer, length) in zip(DefinitionFinder.introducers, DefinitionFinder.introducerLengths) {
            #expect(introducer.count == length)
        }
    }
}
