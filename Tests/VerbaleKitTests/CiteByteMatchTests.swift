import Testing
@testable import VerbaleKit

/// The byte paths of the citation matchers (plain literals compared as bytes, trigger heads
/// compared as bytes, folded-word look-ups without strings) must give what
/// the general paths give; the general forms are kept here as the reference, and compared on
/// many generated texts.
@Suite("Citation byte match paths keep their answers")
struct CiteByteMatchTests {
    /// Pieces the generated texts are made of: literal words of the tables in several cases,
    /// with look-alike letters, accents, stray suffixes, punctuation and odd spaces.
    static let pieces: [String] = [
        "the", "The", "THE", "of", "Of", "of the", "art", "Art.", "Arts", "ARTICLE", "article", "articles", "artículo",
        "Artículo", "artigo", "статья", "Статьи", "ст.", "para.", "paras", "paragraph", "¶", "¶¶", "al.", "lit.", "§",
        "Section", "Sec.", "Ch.", "Chapter", "Part", "Partie", "Special Part", "special  part", "General\nPart", "Глава",
        "Law", "law", "LAW", "Laws", "Code", "Act", "Acts", "Decree", "Loi", "loi", "Ley", "Закон", "Закона", "Treaty",
        "Convention", "Convenio", "Convención", "convention", "Covenant", "on", "On", "relating", "and", "et", "y", "и",
        "see", "See", "cf", "voir", "véase", "No.", "No", "Nos.", "nr", "N°", "Nº", "№", "id", "Id.", "ibid", "to",
        "January", "Jan.", "Sept.", "mai", "mayo", "décembre", "декабря", "мая", "dated", "du", "de", "del", "de l'",
        "à la", "au", "from", "en date du", "от", "le", "note", "Note", "NOTE", "notes", "nota", "нота", "ноты",
        "verbale", "letter", "lettre", "ref", "Reference", "исх", "case", "Case", "affaire", "дело", "decision",
        "Court", "суд", "resolution", "Résolution", "резолюции", "law-on", "co-operation", "ARTS", "arte", "artx",
        "а", "е", "о", "р", "с", "Ѐ", "ё", "é", "É", "ß", "×", "\u{0301}", "\u{00A0}", "\u{2013}", "\u{2019}", "'", "-",
        ".", ",", ";", ":", "(", ")", "\"", "«", "»", " ", "  ", "\t", "\n", "1", "19", "2019", "5a", "IV", "x", "Q",
    ]

    /// A generated text of `count` pieces, joined by nothing or a space.
    static func text(_ rng: inout CiteSplitMix, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<count {
            bytes += Array(pieces[rng.below(pieces.count)].utf8)
            if rng.below(3) != 0 { bytes.append(0x20) }
        }
        return bytes
    }

    /// Scalar starts of `b`: the offsets a matcher may be asked about.
    static func starts(_ b: [UInt8]) -> [Int] {
        b.indices.filter { b[$0] & 0xC0 != 0x80 }
    }

    /// The lists of literals the scanner looks words up in.
    static let lists: [CiteLits] = [
        CiteVocabulary.articleLits, CiteVocabulary.paragraphMarkers, CiteVocabulary.subparagraphMarkers,
        CiteVocabulary.chapterWords, CiteVocabulary.sectionWords, CiteVocabulary.partWords, CiteVocabulary.namedParts,
        CiteVocabulary.ofWords, CiteVocabulary.listConnectors, CiteVocabulary.rangeConnectors,
        CiteVocabulary.definiteArticles, CiteVocabulary.titleConnectors, CiteVocabulary.titlePrepositions,
        CiteVocabulary.titleStopWords, CiteVocabulary.titleHeadSet, CiteVocabulary.romanceHeads,
        CiteVocabulary.formalHeadLast, CiteVocabulary.treatyHeads, CiteVocabulary.titleBreakWords,
        CiteVocabulary.designatorWords, CiteVocabulary.headLastConnectors, CiteVocabulary.numberSignLits,
        CiteVocabulary.dateIntroducers, CiteVocabulary.communicationContextWords, CiteVocabulary.courtHeads,
        CiteVocabulary.bodies, CiteVocabulary.genericHeadLits, CiteDates.months, CiteDates.ordinals,
    ]

    /// `CiteLits.longest` by the general matcher: every literal in list order, the first of the
    /// longest matches kept.
    static func referenceLongest(_ lits: CiteLits, _ b: [UInt8], _ i: Int, _ limit: Int) -> (Int, Int)? {
        guard i < limit else { return nil }
        var best: (Int, Int)? = nil
        for k in 0..<lits.count {
            if let e = lits.matchWord(k, b, i, limit), e > (best?.1 ?? -1) { best = (k, e) }
        }
        return best
    }

    /// `CiteLits.contains` by the general matcher.
    static func referenceContains(_ lits: CiteLits, _ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        guard s < e else { return false }
        return (0..<lits.count).contains { lits.matchWord($0, b, s, b.count) == e }
    }

    @Test("longest and contains give the general matcher's answers on generated texts")
    func litsLookups() {
        var rng = CiteSplitMix(state: 0x5EED_0001)
        var checked = 0
        for _ in 0..<150 {
            let b = Self.text(&rng, count: 1 + rng.below(14))
            let offsets = Self.starts(b)
            for lits in Self.lists {
                for i in offsets {
                    // Full limit, and a limit cut inside the text (callers bound some look-ups).
                    for limit in [b.count, min(b.count, i + rng.below(12))] {
                        let fast = lits.longest(b, i, limit)
                        let slow = Self.referenceLongest(lits, b, i, limit)
                        #expect(fast?.index == slow?.0 && fast?.end == slow?.1, "longest at \(i) of \(String(decoding: b, as: UTF8.self))")
                    }
                    let we = CiteText.wordEnd(b, i, b.count)
                    var ends = [we, min(b.count, i + 1 + rng.below(8))]
                    if we < b.count { ends.append(we + 1) }
                    for e in ends where e > i && (e == b.count || b[e] & 0xC0 != 0x80) {
                        #expect(lits.contains(b, i, e) == Self.referenceContains(lits, b, i, e),
                                "contains \(i)..<\(e) of \(String(decoding: b, as: UTF8.self))")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 10_000)
    }

    @Test("trigger heads compared as bytes match what folding matched, with or without a miss")
    func triggerHeads() {
        var rng = CiteSplitMix(state: 0x5EED_0002)
        let vocab = CiteVocabulary.shared
        let tables = [vocab.anyCase, vocab.capital]
        var matched = 0
        for _ in 0..<300 {
            let b = Self.text(&rng, count: 1 + rng.below(10))
            for i in Self.starts(b) where CiteText.isWordAt(b, i) && !CiteText.isWordBefore(b, i) {
                let (run, ascii) = CiteText.alnumRunASCII(b, i)
                #expect(run == CiteText.alnumRunScalars(b, i))
                for table in tables {
                    // In table order through one miss each, as the scanner walks a slot, and
                    // each trigger afresh.
                    var fastMiss = CiteMiss()
                    var slowMiss = CiteMiss()
                    for t in 0..<table.triggers.count {
                        let trigger = table.triggers[t]
                        guard trigger.run < 0 || trigger.run == run else { continue }
                        let lit = vocab.units.pointer(trigger.start)
                        let head = ascii && trigger.asciiHead ? run : 0
                        let fast = CiteText.matchWord(lit, trigger.count, b, i, b.count, miss: &fastMiss, head: head)
                        let slow = CiteText.matchWord(lit, trigger.count, b, i, b.count, miss: &slowMiss)
                        var freshMiss = CiteMiss()
                        let fresh = CiteText.matchWord(lit, trigger.count, b, i, b.count, miss: &freshMiss, head: head)
                        let plain = CiteText.matchWord(lit, trigger.count, b, i, b.count)
                        #expect(fast == plain && slow == plain && fresh == plain, "trigger \(t) at \(i) of \(String(decoding: b, as: UTF8.self))")
                        if plain != nil { matched += 1 }
                    }
                }
            }
        }
        // A floor on how much matching the random text exercised (481 matches since the case
        // words stopped being triggers), not a count of any behaviour.
        #expect(matched > 400)
    }

    @Test("number context words read off the bytes equal the folded-string dictionary")
    func numberContext() {
        var rng = CiteSplitMix(state: 0x5EED_0003)
        var hits = 0
        for _ in 0..<400 {
            let b = Self.text(&rng, count: 1 + rng.below(8))
            let s = CiteScanner(bytes: b, terms: CiteTerms(), quietRanges: [])
            for i in Self.starts(b) {
                var ends = [CiteText.wordEnd(b, i, b.count)]
                for _ in 0..<3 { ends.append(min(b.count, i + 1 + rng.below(16))) }
                for e in ends where e > i && (e == b.count || b[e] & 0xC0 != 0x80) {
                    let fast = CiteVocabulary.numberContextWords.value(b, i, e)
                    let slow = CiteVocabulary.numberContext[s.foldedWord(i, e)]
                    #expect(fast == slow, "\(i)..<\(e) of \(String(decoding: b, as: UTF8.self))")
                    if slow != nil { hits += 1 }
                    #expect(s.context(i, e) == (slow ?? 0))
                }
            }
        }
        #expect(hits > 200)
        // Every key, as written in the tables and in capitals, is found.
        for (key, value) in CiteVocabulary.numberContext {
            for written in [key, key.uppercased()] {
                let b = Array(written.utf8)
                #expect(CiteVocabulary.numberContextWords.value(b, 0, b.count) == value, "\(written)")
            }
        }
    }

    @Test("no article word, designator, date or date introducer starts at an ASCII byte that is no letter or digit")
    func asciiPunctuationRuleOuts() {
        for c in UInt8(0x21)..<0x80 where !CiteText.isAsciiWord(c) {
            for tail in ["", "Art. 5", "Part II", "§ 1", "12 March 2019", "of 12 March 2019", "May 27, 2019", "1er mai 2019"] {
                let b = [c] + Array(tail.utf8)
                let s = CiteScanner(bytes: b, terms: CiteTerms(), quietRanges: [])
                #expect(s.articleWordEnd(0) == nil)
                for lits in [CiteVocabulary.namedParts, CiteVocabulary.partWords, CiteVocabulary.chapterWords,
                             CiteVocabulary.sectionWords] {
                    #expect(s.marker(lits, 0) == nil, "\(c)")
                }
                // What `dateAfter` tried at such a byte before it was ruled out there.
                #expect(CiteDates.parse(b, 0, b.count) == nil, "\(c) \(tail)")
                for w in 0..<CiteVocabulary.dateIntroducers.count {
                    #expect(CiteVocabulary.dateIntroducers.matchWord(w, b, 0, b.count) == nil)
                }
                if c != 0x2C { #expect(s.dateAfter(0) == nil) }
            }
        }
    }

    @Test("the pair table read by raw second byte answers as the folded-column table did")
    func rawPairs() {
        // The table as it was built: by first unit and a column for the second (capitals
        // lower-cased, other ASCII as is, 127 for any non-ASCII byte).
        let vocab = CiteVocabulary.shared
        var pairs = [Bool](repeating: false, count: 128 * 128)
        for t in 0..<vocab.anyCase.triggers.count {
            let trigger = vocab.anyCase.triggers[t]
            let f1 = vocab.units[trigger.start]
            let f2 = trigger.count > 1 ? vocab.units[trigger.start + 1] : 0
            guard f1 < 0x80 else { continue }
            pairs[Int(f1) * 128 + (f2 < 0x80 ? Int(f2) : 127)] = true
            pairs[Int(f1) * 128 + 127] = true
        }
        var set = 0
        for c in UInt8(0x61)...0x7A {  // the rows the main loop reads
            for c1 in 0..<256 {
                let b = UInt8(c1)
                let column = b >= 0x80 ? 127 : Int(b &- 0x41 < 26 ? b | 0x20 : b)
                #expect(vocab.lowerPairsTable[Int(c) << 8 | c1] == pairs[Int(c) * 128 + column], "\(c) \(c1)")
                if pairs[Int(c) * 128 + column] { set += 1 }
            }
        }
        #expect(set > 100)
    }

    @Test("dispatch groups triggers by slot in list order, as the stable sort did")
    func dispatchOrder() {
        var rng = CiteSplitMix(state: 0x5EED_0005)
        for round in 0..<40 {
            // Few slots in some rounds, so slots hold many triggers whose order must be kept.
            let slots = round % 2 == 0 ? 5 : CiteVocabulary.slotCount
            var list: [(slot: Int, trigger: CiteTrigger)] = []
            for k in 0..<rng.below(300) {
                let trigger = CiteTrigger(start: k, count: 1 + rng.below(9), action: .article, upperOnly: rng.below(2) == 0,
                                          run: rng.below(6) - 1, asciiHead: rng.below(2) == 0)
                list.append((rng.below(slots), trigger))
            }
            let dispatch = CiteDispatch(list)
            let sorted = list.sorted { $0.slot < $1.slot }
            #expect(dispatch.triggers.count == sorted.count)
            for (k, entry) in sorted.enumerated() { #expect(dispatch.triggers[k].start == entry.trigger.start) }
            // The slot starts as the loop the counting sort replaced found them.
            var k = 0
            var mismatches = 0
            for s in 0...CiteVocabulary.slotCount {
                if dispatch.slotStart[s] != k { mismatches += 1 }
                while k < sorted.count && sorted[k].slot == s { k += 1 }
            }
            #expect(mismatches == 0)
        }
    }

    @Test("country codes read by letters are the accepted set")
    func countryCodes() {
        let letters = Array(UInt8(0x41)...0x5A)
        var accepted = 0
        for c0 in letters {
            for c1 in letters {
                for c2 in letters {
                    let code = String(decoding: [c0, c1, c2], as: UTF8.self)
                    let expected = CiteCountryCodes.accepted.contains(code)
                    if CiteCountryCodes.isAccepted(c0, c1, c2) != expected { Issue.record("\(code)") }
                    if expected { accepted += 1 }
                }
            }
        }
        #expect(accepted == CiteCountryCodes.accepted.count)
    }

    /// `CiteText.wordEnd` as it was before its byte-table prefix: one scalar at a time.
    static func referenceWordEnd(_ b: [UInt8], _ i: Int, _ limit: Int) -> Int {
        var j = i
        while j < limit {
            let c = b[j]
            if c < 0x80 {
                if CiteText.isAsciiWord(c) { j += 1; continue }
                if c == 0x2D && j + 1 < limit && CiteText.isWordAt(b, j + 1) && j > i { j += 1; continue }
                break
            }
            if (c == 0xD0 || c == 0xD1) && j + 1 < b.count { j += 2; continue }
            let (f, n) = CiteText.fold(b, j)
            if CiteText.isAlnum(f) { j += n; continue }
            if f == CiteText.dash && j + n < limit && CiteText.isWordAt(b, j + n) && j > i { j += n; continue }
            break
        }
        return j
    }

    @Test("word ends, starts and runs walked through the byte table equal the scalar walks")
    func wordBounds() {
        var rng = CiteSplitMix(state: 0x5EED_0006)
        for _ in 0..<300 {
            let b = Self.text(&rng, count: 1 + rng.below(12))
            for i in Self.starts(b) {
                for limit in [b.count, min(b.count, i + rng.below(10))] {
                    #expect(CiteText.wordEnd(b, i, limit) == Self.referenceWordEnd(b, i, limit), "\(i) \(limit)")
                }
                #expect(CiteText.alnumRun(b, i) == CiteText.alnumRunScalars(b, i))
            }
            for end in 0...b.count where end == b.count || b[end] & 0xC0 != 0x80 {
                #expect(CiteText.wordStart(b, end) == CiteSpeedTests.referenceWordStart(b, end), "end \(end)")
            }
        }
    }

    @Test("key integers read from the bytes are Int(s)")
    func keyIntegers() {
        var samples = ["", "0", "5", "05", "007", "19", "20a", "6 bis", "IV", "a", "+5", "-5", "-0", "1-2", " 1", "1 ",
                       "999999999999999999", "9999999999999999999", "99999999999999999999", "١٢", "１２", "1.5", "x1"]
        var rng = CiteSplitMix(state: 0x5EED_0007)
        let alphabet = Array("0123456789+- aIVbé٣".unicodeScalars)
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<(1 + rng.below(21)) { s.unicodeScalars.append(alphabet[rng.below(rng.below(4) == 0 ? alphabet.count : 10)]) }
            samples.append(s)
        }
        for s in samples { #expect(CiteKeys.integer(s) == Int(s), "\(s)") }
        // `appendList` changed only `Int(s)` for `integer(s)`: equal answers, equal keys.
    }
}
