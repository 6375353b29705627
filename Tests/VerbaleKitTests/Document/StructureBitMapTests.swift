import Testing
@testable import VerbaleKit

/// The bit-map stopword count and the question heading parsed on bytes must answer as the
/// scans they replaced: the word-by-word detector and the heading parsed from the text.
@Suite("Stopword bit map and question headings on bytes agree with the general paths")
struct StructureBitMapTests {
    /// Pieces of generated texts: stopwords of each language in several cases, words at the
    /// stopword length limit and past it, accents, Cyrillic, punctuation and odd bytes.
    static let pieces: [String] = [
        "the", "The", "THE", "and", "of", "to", "is", "which", "Which", "le", "les", "Les", "des", "et", "été", "ÉTÉ",
        "el", "los", "que", "está", "ESTÁ", "sobre", "и", "в", "не", "что", "ЧТО", "для", "это", "также", "Также",
        "government", "Covenant", "abcdefgh", "abcdefghi", "théâtre", "x", "Q", "\u{00A0}", " ", "  ", ",", ".", "-",
        "1990", "\n", "\r", "«", "»", "“", "”", "ß", "ǅ", "ﬁ", "日本", "e\u{0301}", "😀", "\t", "'", "’",
    ]

    /// A reproducible text of `count` pieces joined by `separator` choices.
    static func text(seed: UInt64, count: Int) -> [UInt8] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var bytes: [UInt8] = []
        for _ in 0..<count {
            bytes += Array(pieces[next() % pieces.count].utf8)
            if next() % 3 != 0 { bytes.append(next() % 5 == 0 ? 0x2C : 0x20) }
        }
        // Stray bytes: a bad sequence or a cut one, now and then.
        if next() % 4 == 0, !bytes.isEmpty { bytes.insert(0xC3, at: next() % bytes.count) }
        if next() % 4 == 0 { bytes.append(0xD0) }
        return bytes
    }

    @Test("the bit-map stopword vote is the word-by-word vote, at every length and alignment")
    func detectAgrees() {
        for seed in 0..<3000 as Range<UInt64> {
            let bytes = Self.text(seed: seed, count: Int(seed % 200))
            #expect(LanguageDetector.detect(bytes) == LanguageDetector.detectWordByWord(bytes), "seed \(seed)")
            // Every cut of a short text: words at the text's end, and across the map's words.
            if seed < 60 {
                for end in 0...bytes.count {
                    let cut = Array(bytes[..<end])
                    #expect(LanguageDetector.detect(cut) == LanguageDetector.detectWordByWord(cut), "seed \(seed) end \(end)")
                }
            }
        }
        #expect(LanguageDetector.detect([]) == "und")
        let english = Array(String(repeating: "the cat and the dog ", count: 300).utf8)
        #expect(LanguageDetector.detect(english) == "en")
    }

    @Test("a question heading parsed on bytes gives the numbers and rest the text parse gives")
    func headingBoundsAgree() {
        let headings = [
            "Question 1: What is the law?", "Questions 6 and 7: Both.", "Question No. 2. Rest", "Вопрос 4: ответ",
            "Pregunta 3: ¿Cuál?", "question 12)  spaced  ", "Question 3-5: range", "Question  9", "Question x: none",
            "Questions 6 et 7 : réponse", "Question\u{00A0}8: nbsp", "Question 1:\u{00A0}", "Question 10: e\u{0301}", "Question",
            "Question 2 : " + String(repeating: "long text ", count: 40), "Question 7: café\r\nnext",
        ]
        for heading in headings {
            let bytes = Array(heading.utf8)
            let byBounds: ([Int], String)?? = bytes.withUnsafeBufferPointer { buffer in
                switch StructureBuilder.bytewiseQuestionHeadingBounds(buffer) {
                case .heading(let numbers, let start, let end):
                    return .some((numbers, String(decoding: buffer[start..<end], as: UTF8.self)))
                case .none: return .some(nil)
                case .unknown: return nil
                }
            }
            let expected = StructureBuilder.characterQuestionHeading(heading)
            switch byBounds {
            case .some(.some(let found)):
                #expect(found.0 == expected?.0 && found.1 == expected?.1, "\(heading)")
            case .some(.none):
                #expect(expected == nil, "\(heading)")
            case .none:
                break  // the character parse answers for these
            }
        }
    }

    /// The introducer the general path finds: the lower-cased 32-character head's first
    /// introducer with the same first byte that it has as a prefix.
    static func generalIntroducer(_ rest: Substring) -> Int? {
        let lowerHead = String(rest.prefix(32)).lowercased()
        let first = lowerHead.utf8.first
        return DefinitionFinder.introducers.firstIndex { $0.utf8.first == first && lowerHead.hasPrefix($0) }
    }

    @Test("an introducer told on bytes is the one the lower-cased characters give")
    func plainIntroducerAgrees() {
        let heads = [
            "ci-après dénommée « la Loi »", "Ci-Après Dénommés « les Parties »", "CI-APRÈS DÉNOMMÉES", "ci-après « la Loi »",
            "ci-après", "ci-aprè", "ci-apre\u{0300}s « la Loi »", "ci-après\u{0301} x", "ci-après\u{200D}x", "ci-après\u{00A0}« x »",
            "collectively, the \"Parties\"", "CEDAW", "c", "далее – «Закон»", "Далее — «Закон»", "ДАЛЕЕ «Закон»", "далее\u{0306}",
            "далеко", "Закон", "«Закон»", "“ICCPR”", "— далее", "hereinafter", "en adelante, «la Ley»", "ёлка далее",
            "ci-après dénommé\u{2019}", "ci-après\u{2028}", "ci-après dénommée\u{0327}", "ЙЦУКЕН", "ѠѡѢ",
        ]
        var told = 0
        for head in heads {
            for cut in 0...head.count {
                let rest = Substring(head.prefix(cut))
                guard let byBytes = DefinitionFinder.plainIntroducer(rest) else { continue }
                told += 1
                #expect(byBytes == Self.generalIntroducer(rest), "\(rest)")
            }
        }
        #expect(told > 100)
    }

    /// `plainWindowEnd` as the scalar walk alone answers it (no ASCII fast path).
    static func walkedWindowEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ characters: Int) -> Int? {
        var index = 0
        var scalars = 0
        var window = bytes.count
        while index < bytes.count {
            if scalars == characters { window = index } else if scalars > characters { break }
            let width = StructureBuilder.plainScalarWidth(bytes, index)
            if width == 0 { return nil }
            index += width
            scalars += 1
        }
        return window
    }

    @Test("the window end found eight ASCII bytes at a time is the scalar walk's")
    func plainWindowEndAgrees() {
        for seed in 0..<400 as Range<UInt64> {
            var bytes = Self.text(seed: seed, count: Int(seed % 60))
            // Mostly ASCII texts too, with a CR or an accent at every place now and then.
            if seed % 2 == 0 { bytes = bytes.map { $0 >= 0x80 ? 0x61 : $0 } }
            if seed % 5 == 0, !bytes.isEmpty { bytes[Int(seed) % bytes.count] = seed % 10 == 0 ? 0x0D : 0xC3 }
            for characters in [0, 1, 7, 8, 9, 15, 16, 40, 160] {
                for end in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 20)) {
                    let cut = Array(bytes[..<end])
                    cut.withUnsafeBufferPointer { buffer in
                        #expect(StructureBuilder.plainWindowEnd(buffer, characters) == Self.walkedWindowEnd(buffer, characters),
                                "seed \(seed) end \(end) characters \(characters)")
                    }
                }
            }
        }
    }
}
