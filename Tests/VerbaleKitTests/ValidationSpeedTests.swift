import Testing
@testable import VerbaleKit

/// `BlockScan` keeps only the hits its checks can use: each check, fed the scan's hits, must
/// find what it finds when it visits every position (the plain byte path), on many generated
/// texts that mix the shapes the checks look for with near misses.
@Suite struct ValidationSpeedTests {
    /// Pieces the generated texts are made of: honorifics (with brackets and quotes), names,
    /// reference shapes, question words and look-alikes, days and near days, other scripts.
    static let pieces: [String] = [
        "Mr. ", "Ms ", "Mrs. ", "Dr ", "Dra. ", "H.E. ", "Prof. ", "(Ms. ", "“Mr. ", "«Г-жа ", "[Sir ", "\"Don ",
        "г-н ", "Г-н ", "господин ", "Госпожа ", "Madame ", "Mlle ", "Señora ", "Doña ", "Lady ", "Miss ", "M. ",
        "Sekerbayeva", "Sekerbaeva", "Ivanov", "Ivanova’s", "Fonova's", "Serzhan)", "Иванов", "Ёлкин", "Émile",
        "MISSION ", "AL KAZ 4/2019", "JUA RUS 12/19", "OL OTH 3/2021", "AL", "UA", "JOL", "KAZ",
        "question ", "Questions ", "QUESTION", "pregunta ", "Preguntas", "present ", "process ", "interpret ",
        "express", "quality", "вопрос ", "Вопросы ", "ВОПРОСУ", "в ", "во ", "вода", "No. ", "and ",
        "29 ", "30", "31 ", "290", "2931", "330", "February ", "2019", " ", "  ", ", ", ".", "a", "x", "é", "Ü",
        "“", "«", "(", "[", "\"", "1", "2", "3", "9", "0", "q", "p", "r", "u", "e", "Q", "P", "D", "M", "S",
        "L", "H", "Мы", "д", "\u{A0}", "—",
    ]

    /// Texts of 1 to 60 random pieces, the same on every run.
    static func texts(_ count: Int) -> [[UInt8]] {
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ bound: Int) -> Int { random.next(bound) }
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<(1 + next(60)) { text += pieces[next(pieces.count)] }
            return Array(text.utf8)
        }
    }

    /// Names found from the scan's spaces are those found from every space.
    @Test func nameScanFromHitsEqualsEverySpace() {
        for bytes in Self.texts(4000) {
            let everySpace = ArraySlice(bytes.indices.filter { bytes[$0] == 0x20 })
            let fast = NameChecks.names(in: bytes, spaces: BlockScan([bytes]).spaces[0])
            let plain = NameChecks.names(in: bytes, spaces: everySpace)
            #expect(fast.map { "\($0.0)|\($0.1)|\($0.2)|\($0.3)" } == plain.map { "\($0.0)|\($0.1)|\($0.2)|\($0.3)" },
                    "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// Reference shapes found from the scan's capital pairs are those found from every index.
    @Test func referenceShapesFromHitsEqualEveryIndex() {
        for bytes in Self.texts(4000) {
            let fast = IdentifierChecks.referenceShapes(bytes, capitalPairs: BlockScan([bytes]).capitalPairs[0])
            let plain = IdentifierChecks.referenceShapes(bytes, capitalPairs: ArraySlice(bytes.indices))
            #expect(fast.map { "\($0.0)|\($0.1)|\(String(describing: $0.2))|\($0.3)" }
                    == plain.map { "\($0.0)|\($0.1)|\(String(describing: $0.2))|\($0.3)" },
                    "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// The question words the cross-reference scan accepts from the scan's leads (as
    /// `QuestionChecks.crossReferences` visits them) are those it accepts from every index.
    @Test func questionWordsFromHitsEqualEveryIndex() {
        func accepted(_ bytes: [UInt8], _ hits: ArraySlice<Int>) -> [Int] {
            var found: [Int] = []
            BlockScan.visit(hits) { hit in
                let cyrillicV = bytes[hit] >= 0x80
                guard !cyrillicV || (hit > 0 && bytes[hit - 1] == 0xD0) else { return hit + 1 }
                let position = cyrillicV ? hit - 1 : hit
                guard !Bytes.wordBefore(position, in: bytes) else { return position + 1 }
                let words = cyrillicV ? QuestionChecks.cyrillicQuestionWords : QuestionChecks.latinQuestionWords(bytes[position])
                guard let word = words.first(where: { QuestionChecks.matchesFolded($0, bytes, position) }) else { return position + 1 }
                found.append(position)
                return position + word.count
            }
            return found
        }
        for bytes in Self.texts(4000) {
            // Every index the plain scan could start a word at: a Latin letter `q`/`p`, or the
            // second byte of `в`/`В`.
            let every = ArraySlice(bytes.indices.filter { index in
                let byte = bytes[index]
                return byte | 0x21 == UInt8(ascii: "q") || byte == 0xB2 || byte == 0x92
            })
            #expect(accepted(bytes, BlockScan([bytes]).questionLeads[0]) == accepted(bytes, every),
                    "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// Day hits are exactly the `29`/`30`/`31` not followed by a digit, found byte by byte.
    @Test func dayHitsEqualByteLoop() {
        for bytes in Self.texts(4000) {
            var plain: [Int] = []
            for index in bytes.indices where index + 1 < bytes.count {
                let pair = (bytes[index], bytes[index + 1])
                let isDay = pair == (0x32, 0x39) || pair == (0x33, 0x30) || pair == (0x33, 0x31)
                if isDay, index + 2 >= bytes.count || !Bytes.isDigit(bytes[index + 2]) { plain.append(index) }
            }
            #expect(Array(BlockScan([bytes]).days[0]) == plain, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// Hits of several blocks scanned together are each block's own hits.
    @Test func blocksScannedTogetherEqualAlone() {
        Self.expectTogetherEqualAlone(Self.texts(300))
    }

    /// Each block's hits in one scan of all `blocks` are its hits scanned alone.
    static func expectTogetherEqualAlone(_ blocks: [[UInt8]]) {
        let together = BlockScan(blocks)
        for (index, bytes) in blocks.enumerated() {
            let alone = BlockScan([bytes])
            #expect(Array(together.spaces[index]) == Array(alone.spaces[0]))
            #expect(Array(together.days[index]) == Array(alone.days[0]))
            #expect(Array(together.questionLeads[index]) == Array(alone.questionLeads[0]))
            #expect(Array(together.capitalPairs[index]) == Array(alone.capitalPairs[0]))
        }
    }

    /// Texts of 0 to 120 bytes drawn from the bytes the scan's tests single out (space,
    /// brackets and quotes and their UTF-8 leads, honorific letters, day digits, question
    /// letters, `в`/`о` bytes, capitals, `/`) and a few others (zero, 0xFF, a continuation
    /// byte), so that every lane test meets its hits, its near misses and the block's end at
    /// every position of a sixteen-byte step.
    static func byteTexts(_ count: Int) -> [[UInt8]] {
        let alphabet: [UInt8] = Array(" (\"[MrsDHLPSe.o2931q0uepQPRUEAZ/a5".utf8)
            + [0xD0, 0xD1, 0xB2, 0x92, 0xBE, 0x9E, 0xB3, 0x93, 0xE2, 0x80, 0x9C, 0xC2, 0xAB, 0x00, 0xFF, 0x7F]
        var random = SeededRandom(seed: 0x2545_F491_4F6C_DD1D)
        func next(_ bound: Int) -> Int { random.next(bound) }
        return (0..<count).map { _ in (0..<next(121)).map { _ in alphabet[next(alphabet.count)] } }
    }

    /// The sixteen-byte vector scan (x86-64) finds exactly the hits of the eight-byte word
    /// scan, list by list, with and without question leads, block by block and for blocks
    /// scanned together, on generated texts and on byte soups of every length up to 120.
    @Test func vectorScanEqualsWordScan() {
        Self.expectVectorScanEqualsWordScan(Self.texts(1500) + Self.byteTexts(6000))
    }

    /// Every list of the vector scan of `blocks` equals the word scan's, block by block, with
    /// and without question leads.
    static func expectVectorScanEqualsWordScan(_ blocks: [[UInt8]]) {
        for questions in [true, false] {
            let marks = [Bool](repeating: questions, count: blocks.count)
            let fast = BlockScan(blocks, questionBlocks: marks)
            let plain = BlockScan(blocks, questionBlocks: marks, portable: true)
            for index in blocks.indices {
                let text = "\(blocks[index])"
                #expect(Array(fast.spaces[index]) == Array(plain.spaces[index]), "\(text)")
                #expect(Array(fast.days[index]) == Array(plain.days[index]), "\(text)")
                #expect(Array(fast.questionLeads[index]) == Array(plain.questionLeads[index]), "\(text)")
                #expect(Array(fast.capitalPairs[index]) == Array(plain.capitalPairs[index]), "\(text)")
            }
        }
    }

    /// `BlockScan.honorificStarts` holds a pair exactly when the word scan keeps a space
    /// before it: one of `NameChecks.honorificPairs`, or any pair after a bracket or quote.
    @Test func honorificStartsEqualsPairTest() {
        let starts = BlockScan.honorificStarts
        for first in 0..<256 {
            let opens = [0x28, 0x22, 0x5B, 0xE2, 0xC2].contains(first)
            for second in 0..<256 {
                let index = first | second << 8
                let set = starts[index >> 6] & (UInt64(1) << UInt64(index & 63)) != 0
                #expect(set == (opens || NameChecks.honorificPairs[first].contains(UInt8(second))))
            }
        }
    }

    /// `Validator.deduplicated` (one sort, then a pass) gives what a set of (code, span) keys
    /// and a sort after it gave: the first of each finding, in span then code order, on many
    /// lists with repeats of spans, codes and both.
    @Test func deduplicatedEqualsSetThenSort() {
        struct Key: Hashable { var code: String; var span: ByteSpan }
        func reference(_ found: [Diagnostic]) -> [Diagnostic] {
            var seen: Set<Key> = []
            var result: [Diagnostic] = []
            for diagnostic in found where seen.insert(Key(code: diagnostic.code, span: diagnostic.span)).inserted {
                result.append(diagnostic)
            }
            result.sort { $0.span != $1.span ? $0.span < $1.span : $0.code < $1.code }
            return result
        }
        let codes = DiagnosticCode.allCases.prefix(6).map(\.rawValue)
        var random = SeededRandom(seed: 0x5851_F42D_4C95_7F2D)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<3000 {
            let found = (0..<next(40)).map { index in
                let start = next(8)
                return Diagnostic(code: codes[next(codes.count)], severity: .warning, message: "\(index)",
                                  span: ByteSpan(start, start + next(3)))
            }
            let fast = Validator.deduplicated(found).map { "\($0.code)|\($0.message)|\($0.span)" }
            #expect(fast == reference(found).map { "\($0.code)|\($0.message)|\($0.span)" })
        }
    }

    /// `IdentifierChecks.communicationParts` reads the text only when a field is missing: with
    /// every mix of filled and missing fields, it gives what reading the text always gave.
    @Test func communicationPartsEqualsTextReading() {
        func reference(_ citation: Citation) -> (String?, String?, Int?) {
            var type = citation.type
            var country = citation.country
            var year = citation.year
            let words = citation.text.split(separator: " ")
            if type == nil, let first = words.first { type = String(first) }
            if country == nil, words.count >= 2 { country = String(words[1]) }
            if year == nil, let last = words.last, let slash = last.lastIndex(of: "/") {
                let digits = last[last.index(after: slash)...]
                if let value = Int(digits) { year = digits.count == 2 ? 2000 + value : value }
            }
            return (type, country, year)
        }
        let texts = ["AL KAZ 4/2019", "JUA RUS 12/19", "UA OTH 3/2021", "AL  KAZ 4/-19", "AL", "", " ", "OL KAZ",
                     "AL KAZ 4/20x9", "Г КАЗ 1/2020", "AL KAZ\u{301} 5/2020"]
        for text in texts {
            for mask in 0..<8 {
                var citation = Citation(kind: .communication, text: text, span: ByteSpan(0, text.utf8.count))
                if mask & 1 != 0 { citation.type = "UA" }
                if mask & 2 != 0 { citation.country = "RUS" }
                if mask & 4 != 0 { citation.year = 2018 }
                let fast = IdentifierChecks.communicationParts(citation)
                let plain = reference(citation)
                #expect(fast.type == plain.0 && fast.country == plain.1 && fast.year == plain.2, "\(text) \(mask)")
            }
        }
    }

    /// `NameChecks.scalarName` gives what `cleanName`, `isCapitalisedName` and the span end
    /// of the string path give, on many words of Cyrillic, Latin-1 and Latin Extended-A
    /// letters of both cases, apostrophes, hyphens and punctuation; words with a scalar it
    /// does not handle (combining marks, the soft hyphen, a prepended mark, emoji, other
    /// scripts) are left to the string path.
    @Test func scalarNameEqualsStringPath() {
        let pieces = ["И", "в", "а", "н", "о", "Ё", "ё", "Ж", "щ", "Ѐ", "ѝ", "A", "a", "s", "S", "é", "É", "ñ", "Ł", "ł",
                      "ß", "ÿ", "×", "’", "'", "-", ".", ")", ",", "1", "\u{301}", "\u{AD}", "\u{600}", "👍", "ա", "ّ", "\u{A0}"]
        let handled = Set(["\u{301}", "\u{AD}", "\u{600}", "👍", "ա", "ّ"].map { $0.unicodeScalars.first!.value })
        var random = SeededRandom(seed: 0xDA94_2042_E4DD_58B5)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var fastCount = 0
        for _ in 0..<20000 {
            let count = 1 + next(8)
            // Mostly the shapes of names (a capital, small letters, a possessive), some soup.
            var word = ""
            if next(2) == 0 {
                word = ["И", "Ё", "Ж", "É", "Ł", "A", "ß", "в"][next(8)]
                for _ in 0..<count { word += ["в", "а", "н", "о", "ё", "щ", "é", "ñ", "ł", "a", "ÿ"][next(11)] }
                word += ["", "", "’s", "'s", "’", "'", ")", ",", ".", "-", "’s)", "\u{301}"][next(12)]
            } else {
                for _ in 0..<count { word += pieces[next(pieces.count)] }
            }
            let bytes = Array(word.utf8)
            guard let fast = NameChecks.scalarName(bytes, 0..<bytes.count) else {
                #expect(word.unicodeScalars.contains { handled.contains($0.value) }, "\(word)")
                continue
            }
            fastCount += 1
            let (clean, stops) = NameChecks.cleanName(word)
            #expect(fast.stops == stops, "\(word)")
            #expect(fast.end == clean.map { word.hasPrefix($0) ? $0.utf8.count : bytes.count }, "\(word)")
            if let clean { #expect(fast.capitalised == NameChecks.isCapitalisedName(clean), "\(word)") }
        }
        #expect(fastCount > 5000)
    }

    /// `DefinitionChecks.isDistinctive` on ASCII terms (runs and capitals counted on bytes)
    /// gives what splitting the string and asking each scalar's case gave, on many terms of
    /// spaces, capitals, small letters, digits and punctuation.
    @Test func distinctiveASCIIEqualsStringPath() {
        func reference(_ term: String) -> Bool {
            if term.contains(" ") { return term.split(separator: " ").count >= 2 }
            return term.unicodeScalars.filter { $0.properties.isUppercase }.count >= 2
        }
        let pieces = [" ", "  ", "A", "Z", "a", "z", "IC", "CPR", "Republic", "of", "1", "-", ".", "\t", "\r\n", "@", "[", "`", "{"]
        var random = SeededRandom(seed: 0x1405_7B7E_F767_814F)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<20000 {
            let term = (0..<next(7)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(DefinitionChecks.isDistinctive(term) == reference(term), "\(term)")
        }
    }

    /// `EnclosureList.listOfHeading` gives up on an ASCII first byte outside
    /// `listOpeningLeads`: at every such position of many texts, no opening matches.
    @Test func listOpeningGateRejectsOnlyNonMatches() {
        let extra = ["List of enclosed exhibits: ", "LISTE DES annexes:", "Lista de anexos: ", "Перечень приложений:",
                     "СПИСОК документов:", "list of", "Liste"].map { Array($0.utf8) }
        for bytes in Self.texts(1500) + extra {
            for start in bytes.indices where bytes[start] < 0x80 && !EnclosureList.listOpeningLeads.contains(bytes[start]) {
                #expect(!EnclosureList.listOpenings.contains { EnclosureList.lowerMatches($0, bytes, start) })
                #expect(EnclosureList.listOfHeading(bytes, from: start) == nil)
            }
            for start in bytes.indices where EnclosureList.listOpenings.contains(where: { EnclosureList.lowerMatches($0, bytes, start) }) {
                #expect(bytes[start] >= 0x80 || EnclosureList.listOpeningLeads.contains(bytes[start]))
            }
        }
    }

    /// `NameChecks.editDistance` (two rows swapped) gives what a fresh row per letter gave,
    /// early stop included, on many pairs of short Latin and Cyrillic words.
    @Test func editDistanceEqualsRowPerLetter() {
        func reference(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
            var previous = Array(0...y.count)
            for i in 1...x.count {
                var current = [i] + Array(repeating: 0, count: y.count)
                var rowMin = current[0]
                for j in 1...y.count {
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                    rowMin = min(rowMin, current[j])
                }
                if rowMin > limit { return rowMin }
                previous = current
            }
            return previous[y.count]
        }
        let letters = Array("abeknoсеквaá".unicodeScalars)
        var random = SeededRandom(seed: 12345)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<3000 {
            let x = (0..<(1 + next(10))).map { _ in letters[next(letters.count)] }
            let y = (0..<(1 + next(10))).map { _ in letters[next(letters.count)] }
            let limit = next(4)
            #expect(NameChecks.editDistance(x, y, limit: limit) == reference(x, y, limit: limit))
        }
    }
}
