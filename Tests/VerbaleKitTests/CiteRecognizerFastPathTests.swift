import FoundationEssentials
import Testing
@testable import VerbaleKit

/// The recognizers' shortcuts (a list ruled out on the text's first byte, an article trigger's
/// literal taken as the longest article word, the year read off the clock by arithmetic, the
/// engine's name tests) must answer as the general paths they stand for; those are kept here
/// as the reference and compared on generated and edge-case input.
@Suite("Citation recognizer fast paths keep their answers")
struct CiteRecognizerFastPathTests {
    /// Generated texts over the byte-match pieces (words of every table, look-alikes, accents,
    /// odd spaces and punctuation), plus edge cases: empty, one byte, non-ASCII at the ends.
    static func texts() -> [[UInt8]] {
        var rng = CiteSplitMix(state: 0x5EED_C17E)
        var out: [[UInt8]] = [[], [0x20], [0x61], Array("é".utf8), Array("\u{2116}".utf8), [0xD0], [0x80, 0x41]]
        for _ in 0..<400 { out.append(CiteByteMatchTests.text(&rng, count: 1 + rng.below(12))) }
        return out
    }

    @Test("mayMatchWord is false only where every literal of the list fails")
    func mayMatchWordRulesOutOnlyFailures() {
        for bytes in Self.texts() {
            for lits in CiteByteMatchTests.lists {
                for i in 0...bytes.count where i == bytes.count || bytes[i] & 0xC0 != 0x80 {
                    for limit in [bytes.count, min(bytes.count, i + 1)] where !lits.mayMatchWord(bytes, i, limit) {
                        for k in 0..<lits.count {
                            #expect(lits.matchWord(k, bytes, i, limit) == nil, "literal \(k) at \(i) of \(bytes)")
                        }
                    }
                }
            }
        }
    }

    @Test("An article trigger's literal is the longest article word where it matches")
    func articleLiteralIsLongest() {
        let lits = CiteVocabulary.articleLits
        for bytes in Self.texts() {
            let scanner = CiteScanner(bytes: bytes, terms: CiteTerms(), quietRanges: [])
            for i in CiteByteMatchTests.starts(bytes) {
                let longest = lits.longest(bytes, i, bytes.count)
                for k in 0..<lits.count {
                    guard let e = lits.matchWord(k, bytes, i, bytes.count) else { continue }
                    #expect(e == longest?.end, "literal \(k) at \(i) of \(bytes)")
                    if !CiteText.isWordBefore(bytes, i) {
                        #expect(scanner.articleWordEnd(i, literalEnd: e) == scanner.articleWordEnd(i))
                    }
                }
            }
        }
    }

    @Test("hasLowerPrefix and containsASCII answer as the Unicode string operations")
    func engineNameTests() {
        let names = ["", "V", "Vienna Convention on Diplomatic Relations", "vienna convention", "VIENNA CONVENTION X",
                     "Viennese", "Éclair Convention", "Vienna\u{301} Convention", "Convention", "the Covenant",
                     "Международный пакт", "Covenant on Civil", "International Covenant", "Law on Covenants",
                     "Optional Protocol to the Covenant", "Ärger Protocol", "Protocol", "a Protocol"]
        let prefixes = ["vienna convention ", "v ", "éclair convention ", "optional protocol ", "convention ", "a "]
        for name in names {
            for prefix in prefixes where prefix.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(CitationEngine.hasLowerPrefix(name, prefix) == name.lowercased().hasPrefix(prefix), "\(name) / \(prefix)")
            }
            for head in ["Convention", "Covenant", "Protocol", "C", "Law"] {
                #expect(CitationEngine.containsASCII(name, head, bytes: Array(head.utf8)) == name.contains(head), "\(name) / \(head)")
            }
        }
    }

    /// `signal(before:)` as it read before the two-byte rule-out: `matchBack` at the first
    /// non-space before `start`, the signal collapsed, a trailing comma dropped.
    static func referenceSignal(_ b: [UInt8], _ start: Int) -> String? {
        let j = CiteText.skipSpacesBack(b, start)
        guard j > 0, let (_, from) = CiteVocabulary.signals.matchBack(b, j) else { return nil }
        let written = CiteText.collapsed(b, from, j)
        return written.hasSuffix(",") ? String(written.dropLast()) : written
    }

    @Test("signal(before:) with its two-byte rule-out finds what matchBack finds")
    func signalRuleOut() {
        var rng = CiteSplitMix(state: 0x516A)
        var texts = Self.texts()
        let pieces = CiteVocabulary.signalTexts + ["the", "under", "See,", "see,e.g.", "cf", "Cf", "voir\taussi",
                                                   "véase", "См.", "см", "e.g.", "E.G.,", "x", ",", ".", "\n"]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + rng.below(5)) {
                bytes += Array(pieces[rng.below(pieces.count)].utf8)
                bytes += rng.below(4) == 0 ? [0x09] : [0x20]
            }
            bytes += Array("Article 19".utf8)
            texts.append(bytes)
        }
        for bytes in texts {
            let scanner = CiteScanner(bytes: bytes, terms: CiteTerms(), quietRanges: [])
            for i in 0...bytes.count where i == bytes.count || bytes[i] & 0xC0 != 0x80 {
                #expect(scanner.signal(before: i) == Self.referenceSignal(bytes, i), "at \(i) of \(bytes)")
            }
        }
    }

    @Test("fold with the two-byte table at hand is fold")
    func foldWithTable() {
        let table = CiteText.twoByteFoldTable.buffer
        var cases: [[UInt8]] = [[0xC3], [0xC3, 0x89], [0xD0, 0x90], [0xD1], [0xDF, 0xBF], [0xC2, 0x20], [0xC0, 0x41],
                                [0xE2, 0x80, 0x93], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0x41], [0x09], [0xFF]]
        for first in 0xC0...0xDF {
            for second in [0x00, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF] { cases.append([UInt8(first), UInt8(second)]) }
        }
        for b in cases + Self.texts() {
            for i in b.indices {
                let fast = CiteText.fold(b, i, twoByte: table), slow = CiteText.fold(b, i)
                #expect(fast == slow, "\(b) at \(i)")
            }
        }
    }

    /// `collapsed` as it read before the byte-class table: the text itself when it has no tab,
    /// line break, doubled or outer space, nor the lead byte of a non-ASCII space.
    static func referenceCollapsed(_ b: [UInt8], _ i: Int, _ end: Int) -> String {
        if i < end && b[i] != 0x20 && b[end - 1] != 0x20 {
            var plain = true
            var previous: UInt8 = 0
            for k in i..<end {
                let c = b[k]
                if c == 0x09 || c == 0x0A || c == 0x0D || c == 0xC2 || c == 0xE2 || c == 0xE3 || (c == 0x20 && previous == 0x20) {
                    plain = false
                    break
                }
                previous = c
            }
            if plain { return CiteText.string(b, i, end) }
        }
        var out: [UInt8] = []
        var j = i
        var pendingSpace = false
        while j < end {
            if CiteText.isSpaceAt(b, j) {
                pendingSpace = true
                j += b[j] < 0x80 ? 1 : CiteText.fold(b, j).1
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b[j])
            j += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("collapsed by byte class gives the text as collapsed before")
    func collapsedByClass() {
        let extra: [[UInt8]] = [Array("Law  on".utf8), Array("Law\ton".utf8), Array("Law\u{00A0}on".utf8),
                                Array("Law\u{2009}on the\u{3000}Act".utf8), Array(" Law".utf8), Array("Law ".utf8),
                                Array("a b c".utf8), Array("é ü".utf8), Array("\r\n".utf8)]
        for b in Self.texts() + extra {
            for i in 0...b.count where i == b.count || b[i] & 0xC0 != 0x80 {
                for end in i...b.count where end == b.count || b[end] & 0xC0 != 0x80 {
                    #expect(CiteText.collapsed(b, i, end) == Self.referenceCollapsed(b, i, end), "\(b) \(i)..<\(end)")
                }
            }
        }
    }

    @Test("wordBefore's ASCII path finds the word wordStart finds")
    func wordBeforeASCII() {
        var texts = Self.texts()
        texts += [Array("co-operation No. 5".utf8), Array("дело No 5".utf8), Array("case, No. 5".utf8),
                  Array("caseé No. 5".utf8), Array("5".utf8), Array(" , No".utf8), Array("a-b.".utf8)]
        for bytes in texts {
            let scanner = CiteScanner(bytes: bytes, terms: CiteTerms(), quietRanges: [])
            for end in 0...bytes.count where end == bytes.count || bytes[end] & 0xC0 != 0x80 {
                var j = CiteText.skipSpacesBack(bytes, end)
                if j > 0 && (bytes[j - 1] == 0x2E || bytes[j - 1] == 0x2C) { j -= 1 }
                j = CiteText.skipSpacesBack(bytes, j)
                let s = CiteText.wordStart(bytes, j)
                let expected: (Int, Int)? = s < j ? (s, j) : nil
                let got = scanner.wordBefore(end)
                #expect(got?.start == expected?.0 && got?.end == expected?.1, "\(bytes) before \(end)")
            }
        }
    }

    @Test("Table slugs are never empty (the instrument look-up relies on it)")
    func tableSlugsNonEmpty() {
        #expect(!CiteInstrumentTable.all.contains { $0.slug.isEmpty })
        #expect(!CiteInstrumentTable.slugs.contains(""))
    }
}
