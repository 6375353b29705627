import Testing
@testable import VerbaleKit

/// The citation engine's faster string builders and look-ups must give what the code they
/// replaced gave; the replaced forms are kept here as the reference.
@Suite("Citation engine speed-ups keep their answers")
struct CiteSpeedTests {
    /// A scanner over `text`, for the byte readers.
    static func scanner(_ text: String) -> CiteScanner {
        CiteScanner(bytes: Array(text.utf8), terms: CiteTerms(), quietRanges: [])
    }

    /// The scalar-appending `keyNumber` the byte writer replaced.
    static func referenceKeyNumber(_ b: [UInt8], _ s: Int, _ e: Int) -> String {
        var out = ""
        var k = s
        while k < e {
            let (f, l) = CiteText.fold(b, k)
            if let scalar = Unicode.Scalar(f) { out.unicodeScalars.append(scalar) }
            k += l
        }
        return out
    }

    /// The scalar-by-scalar `wordStart` the ASCII path was added to.
    static func referenceWordStart(_ b: [UInt8], _ end: Int) -> Int {
        var j = end
        while j > 0 {
            let s = CiteText.scalarStart(b, j - 1)
            let f = CiteText.fold(b, s).0
            if CiteText.isAlnum(f) { j = s; continue }
            if f == CiteText.dash && s > 0 && CiteText.isWordBefore(b, s) && j < end { j = s; continue }
            break
        }
        return j
    }

    @Test("keyNumber writes what appending folded scalars wrote, ASCII or not")
    func keyNumber() {
        let texts = ["6-33/1323CK", "2а-6757/19", "C.15/4351", "№ 12", "É-Ü/ß", "ДЕЛО-5", "a", "0123456789012345678",
                     "x\u{2013}y", "🙂1"]
        for text in texts {
            let scanner = Self.scanner(text)
            let b = Array(text.utf8)
            #expect(scanner.keyNumber(0, b.count) == Self.referenceKeyNumber(b, 0, b.count), "\(text)")
        }
        // A stray continuation byte folds to a two-byte scalar: the capacity must hold it.
        let stray: [UInt8] = [0x31, 0x80, 0x81, 0x32]
        let scanner = CiteScanner(bytes: stray, terms: CiteTerms(), quietRanges: [])
        #expect(scanner.keyNumber(0, stray.count) == Self.referenceKeyNumber(stray, 0, stray.count))
    }

    @Test("wordStart gives the scalar walk's answer at every offset")
    func wordStart() {
        let text = "Art. 5-bis of the Закон–Law, e.g. 2а-6757/19 — Décret n° 45; co-operation -x y- "
        let b = Array(text.utf8)
        for end in 0...b.count where end == b.count || b[end] & 0xC0 != 0x80 {
            #expect(CiteText.wordStart(b, end) == Self.referenceWordStart(b, end), "end \(end)")
        }
    }

    @Test("ISO dates and citation ids equal their interpolated forms")
    func isoAndIds() {
        for (y, m, d) in [(2019, 5, 27 as Int?), (1995, 12, nil), (2000, 1, 1), (1800, 10, 31), (12345, 3, 9), (7, 11, nil)] {
            let mm = m < 10 ? "0\(m)" : "\(m)"
            let expected = d.map { "\(y)-\(mm)-\($0 < 10 ? "0\($0)" : "\($0)")" } ?? "\(y)-\(mm)"
            #expect(CiteDates.iso(y, m, d) == expected)
        }
        for n in [0, 1, 9, 10, 99, 100, 12345, 1_000_000_000_000, -3] {
            #expect(CitationEngine.citationId(n) == "c_\(n)")
        }
    }

    @Test("CiteKeys.path joins its pieces with slashes")
    func path() {
        #expect(CiteKeys.path("reference", "20-404") == "reference/20-404")
        #expect(CiteKeys.path("resolution", "hrc", "43/16") == "resolution/hrc/43/16")
        #expect(CiteKeys.path("communication", "KAZ", "4", "2019") == "communication/KAZ/4/2019")
        #expect(CiteKeys.path("a", "") == "a/")
        #expect(CiteKeys.path("a", "b", "") == "a/b/")
        #expect(CiteKeys.path("annex", "ⅳ-δ") == "annex/ⅳ-δ")
    }

    @Test("article keys built in a kept buffer equal fresh ones")
    func articleScratch() {
        var scratch: [UInt8] = Array("left over".utf8)
        let cases: [(String, [String], [String], [String])] = [
            ("iccpr", ["19", "20"], ["3"], ["a", "b"]), ("unknown", ["6 bis"], [], []), ("law-on-x", ["1", "2", "3"], [], ["c"]),
        ]
        for (slug, articles, paragraphs, subparagraphs) in cases {
            #expect(CiteKeys.article(slug: slug, articles: articles, paragraphs: paragraphs, subparagraphs: subparagraphs,
                                     scratch: &scratch)
                    == CiteKeys.article(slug: slug, articles: articles, paragraphs: paragraphs, subparagraphs: subparagraphs))
        }
    }

    @Test("a meaning's instrument is the same read afresh or remembered")
    func meaningMemo() {
        let meanings = ["Law on State Registration of Legal Entities of April 17, 1995", "Republic of Kazakhstan",
                        "International Covenant on Civil and Political Rights", "the Public Finance Act"]
        for meaning in meanings {
            let fresh = CitationEngine.instrument(inMeaningBytes: Array(meaning.utf8))
            #expect(CitationEngine.instrument(inMeaning: meaning) == fresh)
            #expect(CitationEngine.instrument(inMeaning: meaning) == fresh) // now from the memo
        }
        // Canonically equivalent spellings are different bytes: each keeps its own answer.
        let composed = "Loi sur la société", decomposed = "Loi sur la socie\u{301}te\u{301}"
        #expect(CitationEngine.instrument(inMeaning: composed) == CitationEngine.instrument(inMeaningBytes: Array(composed.utf8)))
        #expect(CitationEngine.instrument(inMeaning: decomposed) == CitationEngine.instrument(inMeaningBytes: Array(decomposed.utf8)))
    }
}
