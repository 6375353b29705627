import Testing
@testable import VerbaleKit

/// The fast paths of the citation scanner's main loop and of its string builders must give what
/// the general paths give.
///
/// The main loop passes a capitalised ASCII word (`capitalRunsTable`) or a word that starts with
/// a non-ASCII letter (`anyCasePairsTable`, `capitalPairsTable`) without routing it when no
/// trigger can match there. The general path tries every trigger of the word's slot; the
/// reference here tries every trigger of both tables, whatever its slot, so a word the tables
/// rule out must be one no trigger matches. `CiteKeys.article` writes ASCII keys straight into
/// the string and `CiteText.asciiSlug` maps bytes through a table: both are compared with the
/// general byte paths.
@Suite("Citation rule-out tables and key builders keep their answers")
struct CiteRuleOutTests {
    /// Every trigger literal, as text: folded units turned back into scalars.
    static let triggerWords: [String] = {
        let vocab = CiteVocabulary.shared
        var words: [String] = []
        for dispatch in [vocab.anyCase, vocab.capital] {
            for t in 0..<dispatch.triggers.count {
                let trigger = dispatch.triggers[t]
                var scalars = String.UnicodeScalarView()
                for k in 0..<trigger.count {
                    let u = vocab.units[trigger.start + k]
                    // A stem ending matches a few letters: written as two.
                    if u == 0x7E { scalars.append("a"); scalars.append("x"); continue }
                    if let scalar = Unicode.Scalar(u) { scalars.append(scalar) }
                }
                words.append(String(scalars))
            }
        }
        return words
    }()

    /// A trigger word as a capital would start it, and in capitals.
    static func capitalised(_ word: String) -> [String] {
        guard let first = word.first else { return [] }
        return [String(first).uppercased() + word.dropFirst(), word.uppercased()]
    }

    /// Pieces of the generated texts: the byte-match pieces, every trigger capitalised, and
    /// words that start like triggers and part from them.
    static let pieces: [String] = {
        var pieces = CiteByteMatchTests.pieces
        for word in triggerWords { pieces += capitalised(word) }
        pieces += ["Mr", "The", "Government", "Ministry", "CHN", "KAZ", "A", "AB", "Ab.", "Конвенции", "Министерство",
                   "Республики", "Приложение", "Статья", "Ст", "Пп.", "Éxhibit", "Ídem", "Annexe", "Annexes", "Exhibitx",
                   "IDs", "No5", "A1", "Z9", "ICCPRS", "Con", "Conv", "/", "4/2021", "4", "-", "A-1", "Art-", "Ст-"]
        return pieces
    }()

    /// A generated text of `count` pieces, joined by nothing or a space.
    static func text(_ rng: inout CiteSplitMix, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<count {
            bytes += Array(pieces[rng.below(pieces.count)].utf8)
            if rng.below(3) != 0 { bytes.append(0x20) }
        }
        return bytes
    }

    /// Whether some trigger of `dispatch` (any slot) matches as a word at `i`.
    static func anyTriggerMatches(_ dispatch: CiteDispatch, _ b: [UInt8], _ i: Int) -> Bool {
        let vocab = CiteVocabulary.shared
        for t in 0..<dispatch.triggers.count {
            let trigger = dispatch.triggers[t]
            if CiteText.matchWord(vocab.units.pointer(trigger.start), trigger.count, b, i, b.count) != nil { return true }
        }
        return false
    }

    /// The main loop's rule-out of the capitalised ASCII word at `i` (`CiteScanner.run`),
    /// without defined terms.
    static func capitalRuledOut(_ b: [UInt8], _ i: Int) -> Bool {
        let vocab = CiteVocabulary.shared
        let n = b.count
        var j = i + 1
        while j < n && CiteText.isAsciiWord(b[j]) { j += 1 }
        guard i + 2 < n && (j == n || (b[j] < 0x80 && b[j] != 0x2D && b[j] != 0x2F)) else { return false }
        let k1 = CiteVocabulary.lowerClassTable[Int(b[i + 1])]
        let k2 = CiteVocabulary.lowerClassTable[Int(b[i + 2])]
        guard k1 | k2 < 31 else { return false }
        let mask = vocab.capitalRunsTable[Int(b[i] &- 0x41) << 10 | Int(k1) << 5 | Int(k2)]
        return mask & (1 << UInt16(min(j - i, 15))) == 0
            && !(j - i == 3 && j + 1 < n && b[j] == 0x20 && b[j + 1] &- 0x30 < 10)
    }

    /// The main loop's pair rule-out of the word at `i`, whose first scalar is non-ASCII and
    /// folds to a letter or digit (`CiteScanner.run`), without defined terms.
    static func pairRuledOut(_ b: [UInt8], _ i: Int) -> Bool {
        let vocab = CiteVocabulary.shared
        let n = b.count
        let (f, len) = CiteText.fold(b, i)
        let upper = CiteText.isUpperAt(b, i)
        let f2 = i + len < n ? CiteText.fold(b, i + len).0 : 0
        let pair = CiteVocabulary.pairIndex(f) << 8 | CiteVocabulary.pairIndex(f2)
        if upper ? vocab.capitalPairsTable[pair] : vocab.anyCasePairsTable[pair] { return false }
        let we = CiteText.wordEnd(b, i, n)
        return !upper || !((we < n && b[we] == 0x2F) || (we - i == 3 && we + 1 < n && b[we] == 0x20 && b[we + 1] &- 0x30 < 10))
    }

    @Test("a capitalised ASCII word the table rules out matches no trigger")
    func capitalWords() {
        var rng = CiteSplitMix(state: 0xC0FFEE)
        var ruledOut = 0
        for _ in 0..<600 {
            let b = Self.text(&rng, count: 24)
            for i in b.indices where b[i] &- 0x41 < 26 && !CiteText.isWordBefore(b, i) && Self.capitalRuledOut(b, i) {
                ruledOut += 1
                let vocab = CiteVocabulary.shared
                #expect(!Self.anyTriggerMatches(vocab.anyCase, b, i) && !Self.anyTriggerMatches(vocab.capital, b, i),
                        "ruled out at \(i) but a trigger matches: \(String(decoding: b[i...], as: UTF8.self).prefix(40))")
            }
        }
        #expect(ruledOut > 1000)
    }

    @Test("a non-ASCII word the pair tables rule out matches no trigger")
    func foldedWords() {
        var rng = CiteSplitMix(state: 0xFACADE)
        var ruledOut = 0
        for _ in 0..<600 {
            let b = Self.text(&rng, count: 24)
            for i in b.indices where b[i] >= 0xC0 && CiteText.isAlnum(CiteText.fold(b, i).0)
                && !CiteText.isWordBefore(b, i) && Self.pairRuledOut(b, i) {
                ruledOut += 1
                let vocab = CiteVocabulary.shared
                let matches = Self.anyTriggerMatches(vocab.anyCase, b, i)
                    || (CiteText.isUpperAt(b, i) && Self.anyTriggerMatches(vocab.capital, b, i))
                #expect(!matches, "ruled out at \(i) but a trigger matches: \(String(decoding: b[i...], as: UTF8.self).prefix(40))")
            }
        }
        #expect(ruledOut > 200)
    }

    @Test("every trigger, capitalised, passes the tables")
    func triggersPass() {
        for word in Self.triggerWords {
            for written in Self.capitalised(word) {
                let b = Array((written + " 5").utf8)
                guard let c = b.first else { continue }
                if c &- 0x41 < 26 {
                    #expect(!Self.capitalRuledOut(b, 0), "\(written)")
                } else if c >= 0xC0 && CiteText.isAlnum(CiteText.fold(b, 0).0) {
                    #expect(!Self.pairRuledOut(b, 0), "\(written)")
                }
            }
        }
    }

    /// `CiteKeys.article` by the byte-array path it keeps for non-ASCII items.
    static func referenceArticle(_ slug: String, _ articles: [String], _ paragraphs: [String], _ subparagraphs: [String]) -> String {
        var out: [UInt8] = Array(slug.utf8) + Array("/art".utf8)
        CiteKeys.appendList(articles, to: &out)
        if !paragraphs.isEmpty { out += Array("/para".utf8); CiteKeys.appendList(paragraphs, to: &out) }
        if !subparagraphs.isEmpty { out += Array("/sub".utf8); CiteKeys.appendList(subparagraphs, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("article keys written straight into the string equal the byte-array path")
    func articleKeys() {
        let items = ["1", "2", "3", "4", "19", "20", "007", "0", "+5", "-5", "-4", "6 bis", "IV", "iv", "a", "B", "",
                     "99999999999999999", "123456789012345678901", "13a", "1er", "б", "İ", "10", "11", "12"]
        let slugs = ["iccpr", "unknown", "law-on-public-associations", "закон", ""]
        var rng = CiteSplitMix(state: 0xA57)
        var scratch: [UInt8] = []
        for _ in 0..<3000 {
            func list(_ max: Int) -> [String] { (0..<rng.below(max + 1)).map { _ in items[rng.below(items.count)] } }
            let slug = slugs[rng.below(slugs.count)]
            let articles = list(4)
            let paragraphs = list(3)
            let subparagraphs = list(2)
            let key = CiteKeys.article(slug: slug, articles: articles, paragraphs: paragraphs, subparagraphs: subparagraphs,
                                       scratch: &scratch)
            #expect(key == Self.referenceArticle(slug, articles, paragraphs, subparagraphs), "\(slug) \(articles) \(paragraphs) \(subparagraphs)")
        }
    }

    /// `CiteText.slug` by folding every scalar (the path it keeps for non-ASCII names).
    static func referenceSlug(_ s: String) -> String { CitationKeyBytesTests.referenceSlug(s) }

    @Test("ASCII slugs by table equal the folding path")
    func slugs() {
        let names = ["", "A", "ICCPR", "Law on Public Associations", "  Law  on\tX  ", "O'Brien Act", "'", "Act No. 2 of 2021",
                     "Code (Special Part)", "a-b--c", "1990", "Convention_on_Y", "Ley 19.880", "Exactly8", "Sixteen bytes ok",
                     "Law on State Registration of Legal Entities and Branch Offices", "Закон о", "Décret n° 5", "x\u{7F}y"]
        for name in names {
            #expect(CiteText.slug(name) == Self.referenceSlug(name), "\(name)")
            if name.utf8.allSatisfy({ $0 < 0x80 }) { #expect(CiteText.asciiSlug(name) == Self.referenceSlug(name), "\(name)") }
            else { #expect(CiteText.asciiSlug(name) == nil, "\(name)") }
        }
        // Every ASCII byte, alone and between letters.
        for c in 0..<128 {
            let s = String(decoding: [0x41, UInt8(c), 0x62, UInt8(c)], as: UTF8.self)
            #expect(CiteText.slug(s) == Self.referenceSlug(s), "\(c)")
        }
    }
}
