import Testing
@testable import VerbaleKit

/// The eight-bytes-at-a-time language vote must count exactly the words a byte-by-byte scan
/// counts, whatever the word lengths and wherever the text ends.
@Suite("Language detection")
struct LanguageDetectorTests {
    /// The vote as a plain byte loop would take it: the reference the fast scan is held to.
    static func naiveDetect(_ bytes: [UInt8]) -> String {
        var counts = [Int](repeating: 0, count: LanguageDetector.languages.count)
        var index = 0
        while index < bytes.count {
            while index < bytes.count, !LanguageDetector.isWordByte(bytes[index]) { index += 1 }
            let start = index
            while index < bytes.count, LanguageDetector.isWordByte(bytes[index]) { index += 1 }
            guard index > start, index - start <= 8 else { continue }
            let word = ByteCase.lower(Array(bytes[start..<index]))
            guard let key = PackedWordTable.pack(word[...]), let language = LanguageDetector.table.value(key) else { continue }
            counts[language] += 1
        }
        var best = 0
        for language in counts.indices where counts[language] > counts[best] { best = language }
        return counts[best] >= 2 ? LanguageDetector.languages[best] : "und"
    }

    /// Deterministic pseudo-random texts of stopwords in mixed case, long words, digits,
    /// punctuation and non-ASCII letters, of every length from 0 up.
    static func texts(count: Int) -> [[UInt8]] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = LanguageDetector.stopwords.values.flatMap { $0 }
            + ["THE", "Les", "ЧТО", "Также", "aboutness", "abcdefgh", "abcdefghi", "Été", "x", "Z",
                   "abcdefg", "Abcdef", "Étéé", "ЧТОБЫ", "были", "ÉTÉ"]
        let separators = [" ", "  ", ", ", ".", "\n", "1", "(", "@", "[", "`", "{", "’", "\u{00A0}"]
        return (0..<count).map { number in
            var text: [UInt8] = []
            let length = number % 97
            while text.count < length {
                text += Array(words[next(words.count)].utf8)
                if next(5) > 0 { text += Array(separators[next(separators.count)].utf8) }
            }
            return text
        }
    }

    @Test("the fast vote agrees with a byte-by-byte one")
    func agreesWithNaive() {
        for text in Self.texts(count: 3000) {
            #expect(LanguageDetector.detect(text) == Self.naiveDetect(text), "\(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test("six-byte stopwords (three Cyrillic letters) are counted as the byte loop counts them")
    func longestStopwords() {
        var state: UInt64 = 0x9E37_79B9
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ["что", "для", "это", "как", "ЧТО", "Для", "КАК", "the", "le", "el", "abcdef", "abcdefg", "Étéé", "été"]
        for _ in 0..<3000 {
            var text: [UInt8] = []
            for _ in 0..<(1 + next(6)) { text += Array(words[next(words.count)].utf8) + [0x20] }
            #expect(LanguageDetector.detect(text) == Self.naiveDetect(text), "\(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test("word bytes are letters and every byte from 0x80")
    func wordBits() {
        for byte in 0...255 {
            let chunk = UInt64(byte) << 24 | 0x2020_2020_2020_2020 & ~(0xFF << 24)
            let bits = LanguageDetector.wordBits(chunk)
            #expect((bits >> 31 & 1 == 1) == LanguageDetector.isWordByte(UInt8(byte)), "\(byte)")
            #expect(bits & ~(0x80 << 24) == 0)
        }
    }

    @Test("languages by their function words")
    func languages() {
        #expect(LanguageDetector.detect(Array("The Mission of the State to the Office".utf8)) == "en")
        #expect(LanguageDetector.detect(Array("La Mission permanente et les autorités du pays".utf8)) == "fr")
        #expect(LanguageDetector.detect(Array("La Misión Permanente y los órganos del Estado".utf8)) == "es")
        #expect(LanguageDetector.detect(Array("Постоянное представительство и что по".utf8)) == "ru")
        #expect(LanguageDetector.detect(Array("12345".utf8)) == "und")
    }
}
