import Testing
@testable import VerbaleKit

/// The fast phrase searches (prefix-hash `PhraseSet`, Wu–Manber `GroupMatcher`, word-at-a-time
/// `ByteCase.lower`) must answer exactly what a naive search answers.
@Suite("Phrase matching")
struct PhraseMatchingTests {
    /// A naive substring test, the reference the fast searches are held to.
    static func naiveContains(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        guard phrase.count <= text.count else { return false }
        for start in 0...(text.count - phrase.count) where Array(text[start..<(start + phrase.count)]) == phrase {
            return true
        }
        return false
    }

    /// Deterministic pseudo-random texts: filler drawn from the phrases' own letters (so that
    /// near misses abound), with whole phrases and truncated ones planted at random places.
    static func texts(count: Int, phrases: [String]) -> [[UInt8]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array(Set(phrases.joined().utf8)) + Array(" .,é".utf8)
        return (0..<count).map { _ in
            var text: [UInt8] = []
            let length = next(400)
            while text.count < length {
                switch next(10) {
                case 0:
                    text += Array(phrases[next(phrases.count)].utf8)
                case 1:
                    let phrase = Array(phrases[next(phrases.count)].utf8)
                    text += phrase.prefix(max(1, phrase.count - 1 - next(4)))
                default:
                    text.append(alphabet[next(alphabet.count)])
                }
            }
            return text
        }
    }

    @Test("Wu–Manber note formulas agree with a naive search, group by group")
    func noteFormulas() {
        let openings = Phrases.noteOpeningsText
        let closings = Phrases.noteClosingsText
        var hits = 0
        for text in Self.texts(count: 2000, phrases: openings + closings) {
            let expected: UInt8 = (openings.contains { Self.naiveContains(text, Array($0.utf8)) } ? 1 : 0)
                | (closings.contains { Self.naiveContains(text, Array($0.utf8)) } ? 2 : 0)
            #expect(Phrases.noteFormulas(in: text) == expected)
            if expected != 0 { hits += 1 }
        }
        // The generator plants phrases often enough that both answers are exercised.
        #expect(hits > 200 && hits < 1900)
    }

    @Test("A formula at the very start, the very end, and alone")
    func edges() {
        let phrase = Array("presents its compliments".utf8)
        #expect(Phrases.noteFormulas(in: phrase) == 1)
        #expect(Phrases.noteFormulas(in: Array("the mission ".utf8) + phrase) == 1)
        #expect(Phrases.noteFormulas(in: phrase + Array(" to the office".utf8)) == 1)
        #expect(Phrases.noteFormulas(in: Array(phrase.dropLast())) == 0)
        #expect(Phrases.noteFormulas(in: []) == 0)
        #expect(Phrases.noteFormulas(in: Array("saisit cette occasion".utf8)) == 2)
    }

    @Test("PhraseSet: first phrase in list order and its first occurrence, as a naive search finds")
    func firstMatch() {
        let list = Phrases.letterClosingsText
        let set = PhraseSet(list)
        for text in Self.texts(count: 1000, phrases: list) {
            var expected: (Int, Int)? = nil
            for (index, phrase) in list.enumerated() {
                if let offset = Phrases.find(Array(phrase.utf8), in: text) { expected = (index, offset); break }
            }
            let found = Phrases.firstMatch(text, set)
            #expect(found?.phrase == expected.map { Array(list[$0.0].utf8) })
            #expect(found?.offset == expected?.1)
            #expect(Phrases.containsAny(text, set) == (expected != nil))
        }
    }

    @Test("ByteCase.lower: ASCII, Latin-1 and Cyrillic capitals, whatever the alignment")
    func lower() {
        let upper = "PRÉSENTE SES COMPLIMENTS — СВИДЕТЕЛЬСТВУЕТ СВОЁ УВАЖЕНИЕ, Ñ É À @[`{"
        let lower = "présente ses compliments — свидетельствует своё уважение, ñ é à @[`{"
        for shift in 0..<9 {
            let prefix = String(repeating: "x", count: shift)
            #expect(ByteCase.lower(Array((prefix + upper).utf8)) == Array((prefix + lower).utf8))
        }
    }
}
