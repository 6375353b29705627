import Testing
@testable import VerbaleKit

/// `CiteScanner.mayStopTitle` lets a title walk skip its five word-list look-ups (stop words,
/// title heads, months, article words, break words): it may only say no where every one of
/// them finds nothing. Checked against the look-ups themselves on the lists' own words (in
/// several cases, cut short, run on, followed by periods, hyphens and non-ASCII) and on
/// generated texts.
@Suite("Title word rule-out keeps the look-ups' answers")
struct CiteTitleFilterTests {
    /// The words of the five lists as written, and near misses of them.
    static let words: [String] = {
        var base = ["law", "laws", "code", "act", "acts", "decree", "convention", "convención", "código", "the",
                    "this", "see", "véase", "vease", "no", "nos", "nr", "art", "arts", "article", "articles",
                    "artículo", "artigo", "стать", "статья", "ст.", "id", "ibid", "i", "we", "it", "moreover",
                    "furthermore", "pursuant", "according", "january", "jan", "sept", "september", "may", "mai",
                    "mayo", "décembre", "декабря", "мая", "federal", "civil", "kazakhstan", "republic", "geneva",
                    "charter", "constitution", "procedure", "administrative", "x", "q", "iv", "a", "an"]
        for (word, _) in CiteDates.monthTable { base.append(word) }
        var out: [String] = []
        for w in base {
            out += [w, w.prefix(1).uppercased() + w.dropFirst(), w.uppercased(), String(w.dropLast()), w + "s", w + "x", w + "1", "x" + w]
        }
        return out
    }()

    /// What follows a word in the checks: ends, spaces, periods, hyphens, non-ASCII.
    static let tails = ["", " ", ".", ". ", "-", "-x", ",", "\u{00A0}", "é", "\u{2019}", "1", "  of"]

    /// Whether any of the look-ups the rule-out stands for finds something at `s` of `b`.
    static func anyLookUp(_ b: [UInt8], _ s: Int) -> Bool {
        let n = b.count
        guard s < n else { return false }
        let we = CiteText.wordEnd(b, s, n)
        let scanner = CiteScanner(bytes: b, terms: CiteTerms(), quietRanges: [])
        if we > s {
            if CiteVocabulary.titleStopWords.contains(b, s, we) || CiteVocabulary.titleHeadSet.contains(b, s, we) { return true }
            if CiteVocabulary.titleBreakWords.contains(b, s, we) || CiteDates.month(b, s, we) != nil { return true }
        }
        if CiteDates.month(b, s, n) != nil { return true }
        if CiteVocabulary.articleLits.longest(b, s, n) != nil { return true }
        return scanner.articleWordEnd(s) != nil
    }

    @Test("Every word of the lists passes, in any case and with any tail")
    func listWordsPass() {
        var checked = 0
        for w in Self.words {
            for tail in Self.tails {
                let b = Array((w + tail).utf8)
                let scanner = CiteScanner(bytes: b, terms: CiteTerms(), quietRanges: [])
                if Self.anyLookUp(b, 0) {
                    #expect(scanner.mayStopTitle(0), "ruled out though a look-up matches: \(w + tail)")
                    checked += 1
                }
            }
        }
        #expect(checked > 300)
    }

    @Test("A ruled-out position has no look-up match, on generated texts")
    func generatedTexts() {
        var rng = CiteSplitMix(state: 0x7171)
        var ruledOut = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<12 {
                text += Self.words[rng.below(Self.words.count)]
                text += Self.tails[rng.below(Self.tails.count)]
                if rng.below(2) == 0 { text += " " }
            }
            let b = Array(text.utf8)
            let scanner = CiteScanner(bytes: b, terms: CiteTerms(), quietRanges: [])
            for s in b.indices where b[s] & 0xC0 != 0x80 && !scanner.mayStopTitle(s) {
                ruledOut += 1
                #expect(!Self.anyLookUp(b, s), "ruled out at \(s) of \(text)")
            }
        }
        // The rule-out must be doing something.
        #expect(ruledOut > 1000)
    }

    /// `CiteScanner.adjacentWordBefore` by the general path alone.
    static func referenceWordBefore(_ b: [UInt8], _ start: Int) -> (Int, Int)? {
        let j = CiteText.skipSpacesBack(b, start)
        guard j < start, j > 0, CiteText.isWordBefore(b, j) else { return nil }
        let s = CiteText.wordStart(b, j)
        return s < j ? (s, j) : nil
    }

    @Test("The word before a position: the ASCII path gives the general path's answer")
    func wordBefore() {
        var rng = CiteSplitMix(state: 0x5151)
        let joins = [" ", "  ", "\n", " \t", "\u{00A0}", "-", "- ", ",", "", " é ", "й "]
        var checked = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<10 {
                text += Self.words[rng.below(Self.words.count)]
                text += joins[rng.below(joins.count)]
            }
            let b = Array(text.utf8)
            let scanner = CiteScanner(bytes: b, terms: CiteTerms(), quietRanges: [])
            for s in 0...b.count where s == b.count || b[s] & 0xC0 != 0x80 {
                let fast = scanner.adjacentWordBefore(s)
                let slow = Self.referenceWordBefore(b, s)
                #expect(fast?.start == slow?.0 && fast?.end == slow?.1, "at \(s) of \(text)")
                checked += 1
            }
        }
        #expect(checked > 10000)
    }

    @Test("Edge cases: end of text, one letter, digits first, empty")
    func edges() {
        for text in ["", "A", "a", "I", "1", "No", "May", "Art", "St", "ab", "x\u{00A0}", "Q."] {
            let b = Array(text.utf8)
            let scanner = CiteScanner(bytes: b, terms: CiteTerms(), quietRanges: [])
            for s in 0...b.count where s == b.count || b[s] & 0xC0 != 0x80 {
                if Self.anyLookUp(b, s) { #expect(scanner.mayStopTitle(s), "\(text) at \(s)") }
            }
        }
    }
}
