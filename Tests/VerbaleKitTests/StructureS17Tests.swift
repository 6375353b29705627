import Testing
@testable import VerbaleKit

/// The session-17 cuts in the structure pass must answer as the general paths: the stopword
/// count that drops long words' starts before the look-up, a part's heads counted joined
/// rather than one by one, the vote by index, the formula matcher scanning lowered text with
/// its case-folded tables, and the quote closers answered by a switch.
@Suite("Structure pass, session 17: fast paths agree with the general ones")
struct StructureS17Tests {
    /// Pieces of generated texts: stopwords of every length (one to six bytes, `что` is six),
    /// words one byte past the longest stopword and longer, cases, accents, Cyrillic, odd bytes.
    static let pieces: [String] = [
        "y", "Y", "of", "OF", "the", "The", "and", "with", "which", "WHICH", "le", "les", "été", "ÉTÉ", "el", "está",
        "и", "в", "не", "что", "ЧТО", "для", "это", "как", "также", "abcdef", "abcdefg", "abcdefgh", "whiches",
        "théâtre", "government", "Привет", "д", "x", "1990", " ", "  ", ",", ".", "\n", "\u{00A0}", "«", "’", "ß", "日本", "😀",
    ]

    /// A reproducible text of `count` pieces, each followed now and then by a space or a comma.
    static func text(_ random: inout SeededRandom, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<count {
            bytes += Array(pieces[random.next(pieces.count)].utf8)
            if random.next(3) != 0 { bytes.append(random.next(5) == 0 ? 0x2C : 0x20) }
        }
        if random.next(4) == 0, !bytes.isEmpty { bytes.insert(0xC3, at: random.next(bytes.count)) }
        if random.next(4) == 0 { bytes.append(0xD0) }
        return bytes
    }

    /// The stopword counts of `bytes`, word by word: every maximal run of word bytes of at
    /// most eight bytes, lowered as `ByteCase.lower` lowers it, looked up in the stopword table.
    static func referenceCounts(_ bytes: [UInt8]) -> [Int] {
        var counts = [0, 0, 0, 0]
        var index = 0
        while index < bytes.count {
            guard LanguageDetector.isWordByte(bytes[index]) else { index += 1; continue }
            var end = index
            while end < bytes.count, LanguageDetector.isWordByte(bytes[end]) { end += 1 }
            if end - index <= 8 {
                let lowered = ByteCase.lower(Array(bytes[index..<end]))
                if let key = LanguageDetector.packLittleEndian(lowered[...]), let language = LanguageDetector.littleEndianTable.value(key) {
                    counts[language] += 1
                }
            }
            index = end
        }
        return counts
    }

    /// `countStopwords` of `bytes` as an array.
    static func counts(_ bytes: [UInt8]) -> [Int] {
        var counts = (0, 0, 0, 0)
        bytes.withUnsafeBufferPointer { LanguageDetector.countStopwords($0, into: &counts) }
        return [counts.0, counts.1, counts.2, counts.3]
    }

    @Test("the stopword count is the word-by-word count, long words on every map boundary")
    func stopwordCountsAgree() {
        var random = SeededRandom(seed: 17)
        for round in 0..<1500 {
            let bytes = Self.text(&random, count: random.next(220))
            #expect(Self.counts(bytes) == Self.referenceCounts(bytes), "round \(round)")
        }
        // A six-byte stopword and a seven-byte word at every offset across two map words.
        for word in ["что", "abcdefg", "Which", "и"] {
            for lead in 0..<140 {
                let bytes = [UInt8](repeating: 0x20, count: lead) + Array(word.utf8) + [0x20] + Array(word.utf8)
                #expect(Self.counts(bytes) == Self.referenceCounts(bytes), "\(word) at \(lead)")
            }
        }
        #expect(Self.counts([]) == [0, 0, 0, 0])
    }

    @Test("heads counted joined by spaces count as the heads counted one by one")
    func joinedHeadsCountAlike() {
        var random = SeededRandom(seed: 1717)
        for round in 0..<400 {
            let heads = (0..<random.next(12)).map { _ in Self.text(&random, count: random.next(40)) }
            var separate = [0, 0, 0, 0]
            for head in heads { for (index, count) in Self.counts(head).enumerated() { separate[index] += count } }
            let joined: [UInt8] = heads.flatMap { $0 + [UInt8(0x20)] }
            #expect(Self.counts(joined) == separate, "round \(round)")
        }
    }

    @Test("the vote by index is the vote by name")
    func voteIndexAgrees() {
        var random = SeededRandom(seed: 3)
        for _ in 0..<2000 {
            let counts = (random.next(5), random.next(5), random.next(5), random.next(5))
            let votes = [counts.0, counts.1, counts.2, counts.3]
            var best = 0
            for language in votes.indices where votes[language] > votes[best] { best = language }
            let expected = votes[best] >= 2 ? LanguageDetector.languages[best] : "und"
            #expect(LanguageDetector.language(counts) == expected)
            #expect(LanguageDetector.languageIndex(counts).map { LanguageDetector.languages[$0] } ?? "und" == expected)
        }
    }

    @Test("the formula matcher on lowered text finds the groups the phrase sets find")
    func matcherOnLoweredTextAgrees() {
        let phrases = Phrases.noteOpeningsText + Phrases.noteClosingsText + Phrases.firstPersonText
        let filler = ["the Ministry ", "présente ", "COMPLIMENTS ", "avails ", "opportunity ", "Свидетельствует ", "i ", "write ",
                      "\u{00A0}", "é", "\u{FF}", "\u{C3}", ", ", "I HAVE THE HONOUR ", "Je vous ", "saisit l’occasion "]
        var random = SeededRandom(seed: 99)
        for round in 0..<1500 {
            var text = ""
            for _ in 0..<random.next(30) {
                text += random.next(4) == 0 ? phrases[random.next(phrases.count)] : filler[random.next(filler.count)]
                if random.next(3) == 0 { text += " " }
            }
            var bytes = Array(text.utf8)
            // A cut phrase, a bad byte now and then.
            if random.next(3) == 0, !bytes.isEmpty { bytes.removeLast(random.next(min(bytes.count, 6))) }
            if random.next(5) == 0, !bytes.isEmpty { bytes.insert(0xC3, at: random.next(bytes.count)) }
            let lowered = ByteCase.lower(bytes)
            let expected = (Phrases.containsAny(lowered, Phrases.noteOpenings) ? 1 : 0) | (Phrases.containsAny(lowered, Phrases.noteClosings) ? 2 : 0)
            #expect(Phrases.noteFormulas(in: lowered) == UInt8(expected), "round \(round)")
            #expect(Phrases.containsFirstPerson(lowered) == Phrases.containsAny(lowered, Phrases.firstPerson), "round \(round)")
        }
        #expect(Phrases.noteFormulas(in: []) == 0)
    }

    @Test("the closing quote by switch is the dictionary's")
    func closerAgrees() {
        let characters: [Character] = ["\"", "“", "”", "«", "»", "'", "‘", "’", "a", " ", "e\u{0301}", "„", "\u{00A0}"]
        for character in characters {
            #expect(DefinitionFinder.closer(of: character) == DefinitionFinder.closers[character], "\(character)")
        }
    }

    @Test("lowering sixteen ASCII bytes at a time lowers as byte by byte, at every length and offset")
    func lowerAgrees() {
        let pieces = ["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abc", "@[`{", "Ministry OF Foreign Affairs ", "ÉTÉ", "Ж", "ПРИВЕТ", "\u{00D7}", "é",
                      "0123456789", " ", "\u{7F}", "日本", "😀", "Ѐ", "ǅ"]
        var random = SeededRandom(seed: 4242)
        for round in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(12) { bytes += Array(pieces[random.next(pieces.count)].utf8) }
            if random.next(4) == 0, !bytes.isEmpty { bytes.insert([0xC3, 0xD0, 0x80, 0xFF][random.next(4)], at: random.next(bytes.count)) }
            #expect(ByteCase.lower(bytes) == StructureBytePathTests.referenceLower(bytes), "round \(round)")
            // A cut at every length: the sixteen-byte step near the end of the buffer.
            if round < 100 {
                for end in 0...bytes.count {
                    let cut = Array(bytes[..<end])
                    #expect(ByteCase.lower(cut) == StructureBytePathTests.referenceLower(cut), "round \(round) end \(end)")
                }
            }
        }
        // Every byte value once in an all-ASCII run and once after it.
        let all = (0..<256).map { UInt8($0) }
        #expect(ByteCase.lower(all) == StructureBytePathTests.referenceLower(all))
        #expect(StructureBuilder.loweredHeadSpan >= StructureBuilder.headLength + 1 && StructureBuilder.loweredHeadSpan % 16 == 0)
    }
}
