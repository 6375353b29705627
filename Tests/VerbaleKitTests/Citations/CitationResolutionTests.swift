import Foundation
import Testing
@testable import VerbaleKit

/// Builds a block from `text` where `*…*` emphasis is stripped, as the assembler does, so the
/// engine sees text offsets that differ from source offsets.
func citeStrippedSource(_ text: String, block: String, footnote: Int?, offset: Int) -> CitationSource {
    var mapped = MappedText()
    for (k, byte) in text.utf8.enumerated() where byte != 0x2A { mapped.append(byte, from: offset + k) }
    return CitationSource(block: block, footnote: footnote, text: mapped)
}

@Suite("Citation keys and resolution")
struct CitationResolutionTests {
    /// Key of the first article citation in `text`.
    func articleKey(_ text: String) -> String? {
        citeScanText(text).first(where: { $0.kind == .article })?.key
    }

    @Test("Citation: equivalent pinpoints share a key in every language", arguments: [
        [
            "ICCPR Art. 19 ¶ 3",
            "article 19, paragraph 3, of the International Covenant on Civil and Political Rights",
            "l'article 19, paragraphe 3, du Pacte international relatif aux droits civils et politiques",
            "artículo 19, párrafo 3, del Pacto Internacional de Derechos Civiles y Políticos",
            "пункт 3 статьи 19 Международного пакта о гражданских и политических правах",
            "paragraph 3 of article 19 of the ICCPR",
            "Art. 19(3) ICCPR",
            "ICCPR, Art. 19, para. 3",
            "статья 19, пункт 3 МПГПП",
        ],
        [
            "Art. 20, ¶¶ 1-2 of the Constitution",
            "article 20, paragraphs 1 and 2, of the Constitution",
            "пункты 1 и 2 статьи 20 Конституции",
            "artículo 20, párrafos 1 y 2, de la Constitución",
        ],
        [
            "Article 5 of the Convention on the Rights of the Child",
            "article 5 de la Convention relative aux droits de l'enfant",
            "artículo 5 de la Convención sobre los Derechos del Niño",
            "статья 5 Конвенции о правах ребенка",
            "CRC, Art. 5",
        ],
        [
            "Article 7 of the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
            "CAT, art. 7",
            "article 7 de la Convention contre la torture et autres peines ou traitements cruels, inhumains ou dégradants",
        ],
        [
            "Article 16 of the Criminal Code",
            "Criminal Code, § 1, Art. 16",
            "статья 16 Уголовного кодекса",
            "article 16 du Code pénal",
        ],
    ])
    func equalKeys(_ group: [String]) {
        let keys = group.map(articleKey)
        #expect(keys.allSatisfy { $0 != nil })
        #expect(Set(keys.compactMap { $0 }).count == 1, "\(zip(group, keys).map { "\($0.0) → \($0.1 ?? "nil")" })")
    }

    @Test("Citation: different pinpoints get different keys")
    func differentKeys() {
        let texts = [
            "ICCPR Art. 19 ¶ 3", "ICCPR Art. 19 ¶ 2", "ICCPR Art. 19", "ICCPR Art. 20", "ICESCR Art. 19 ¶ 3",
            "ICCPR Art. 19(3)(a)", "Art. 19 ¶ 3 of the Constitution",
        ]
        let keys = texts.map(articleKey)
        #expect(Set(keys.compactMap { $0 }).count == texts.count, "\(keys)")
    }

    @Test("Citation: a query string yields the key an index prefix-matches")
    func queryKey() {
        #expect(CitationEngine.key(forQuery: "ICCPR art. 19(3)") == "iccpr/art19/para3")
        #expect(CitationEngine.key(forQuery: "ICCPR art. 19") == "iccpr/art19")
        #expect(CitationEngine.key(forQuery: "article 19 du PIDCP") == "iccpr/art19")
        #expect(CitationEngine.key(forQuery: "AL KAZ 4/2019") == "communication/KAZ/4/2019")
        #expect(CitationEngine.key(forQuery: "BIN 011040008019") == "registration/kz-bin/011040008019")
        #expect(CitationEngine.key(forQuery: "nothing to see here") == nil)
        // Prefix on a segment boundary finds every paragraph of the article, not article 190.
        let key = "iccpr/art19"
        #expect("iccpr/art19/para3".hasPrefix(key + "/"))
        #expect(!"iccpr/art190".hasPrefix(key + "/"))
    }

    @Test("Citation: bare articles take the instrument of the sentence, then of the chain")
    func context() {
        let cites = citeScanText("The Constitution guarantees speech. See Art. 20, ¶¶ 1-2, Art. 32. The Criminal Code punishes it. Art. 5.")
        let articles = cites.filter { $0.kind == .article }
        #expect(articles.map(\.instrument) == ["Constitution", "Constitution", "Criminal Code"])
        #expect(articles.map(\.instrumentSource) == ["context", "context", "context"])
        #expect(articles.map(\.key) == ["constitution/art20/para1-2", "constitution/art32", "criminal-code/art5"])
    }

    @Test("Citation: an article with nothing to resolve against keeps no instrument")
    func noInstrument() {
        let c = citeScanText("See Art. 5, ¶ 1.").first
        #expect(c?.instrument == nil)
        #expect(c?.instrumentSource == nil)
        #expect(c?.key == "unknown/art5/para1")
    }

    @Test("Citation: a defined term gives its meaning as instrument")
    func definitionTerm() {
        let text = "The Law on State Registration of Legal Entities of April 17, 1995 (the \"Law on State Registration\") applies. See Law on State Registration, Art. 3."
        let bytes = Array(text.utf8)
        let termStart = SeedHarness.find(bytes, Array("Law on State Registration\"".utf8), from: 60)!
        let d = Definition(term: "Law on State Registration", meaning: "Law on State Registration of Legal Entities of April 17, 1995",
                           start: 4, end: termStart + 27, termSpan: ByteSpan(termStart, termStart + 25))
        let cites = citeScanText(text, definitions: [d])
        let article = cites.first { $0.kind == .article }
        #expect(article?.instrument == "Law on State Registration of Legal Entities")
        #expect(article?.instrumentSource == "definition")
        #expect(article?.key == "law-on-state-registration-of-legal-entities/art3")
        // The definition site itself is not cited again.
        #expect(cites.filter { $0.kind == .instrument }.count == 1)
        // A defined abbreviation that the table knows stays explicit.
        let iccpr = Definition(term: "ICCPR", meaning: "International Covenant on Civil and Political Rights", start: 0, end: 0,
                               termSpan: ByteSpan(0, 0))
        let c = citeScanText("Article 19 of the ICCPR", definitions: [iccpr]).first
        #expect(c?.instrumentSource == "explicit")
        #expect(c?.instrument == "International Covenant on Civil and Political Rights")
    }

    @Test("Citation: `the Convention` refers back to the last convention named")
    func genericHead() {
        let cites = citeScanText("Slovenia ratified the International Convention for the Protection of All Persons from Enforced Disappearance, recognising Articles 31 and 32 of the Convention.")
        let article = cites.first { $0.kind == .article }
        #expect(article?.key == "cped/art31-32")
        #expect(article?.instrumentSource == "context")
    }

    @Test("Citation: spans map through stripped markup to source bytes")
    func spans() {
        let source = "Intro. *See* Art. 20, ¶¶ 1-2. *Id.*"
        let cites = CitationEngine.scan([citeStrippedSource(source, block: "p_9", footnote: nil, offset: 100)], definitions: [])
        let bytes = Array(source.utf8)
        #expect(cites.count == 2)
        for c in cites {
            let slice = String(decoding: bytes[(c.span.start - 100)..<(c.span.end - 100)], as: UTF8.self)
            #expect(slice.replacingOccurrences(of: "*", with: "") == c.text)
            #expect(c.block == "p_9")
            #expect(c.footnote == nil)
        }
        #expect(cites[0].signal == "See")
        #expect(cites[1].antecedent == "c_1")
    }

    @Test("Citation: look-alike Cyrillic letters match but stay as written")
    func lookAlikes() {
        // `2а` with Cyrillic а, `CК` with Cyrillic К, `Аrt.` with Cyrillic А.
        let cites = citeScanText("Decision, No. 2а-6757/19. Resolution No. 6-33/1323СК. Аrt. 5 of the Constitution.")
        let kinds = cites.map(\.kind)
        #expect(kinds == [.case, .resolution, .article])
        #expect(cites[0].number == "2а-6757/19")
        #expect(cites[0].key == "case/2a-6757/19")
        #expect(cites[1].text.hasSuffix("1323СК"))
        #expect(cites[1].key == "resolution/6-33/1323ck")
        #expect(cites[2].text.hasPrefix("Аrt."))
    }

    @Test("Citation: Id. in the main text skips notes; in a note it stays in the note or the one before")
    func idChains() {
        var sources: [CitationSource] = []
        var offset = 0
        func add(_ text: String, _ note: Int?) {
            sources.append(citeStrippedSource(text, block: "b_\(sources.count + 1)", footnote: note, offset: offset))
            offset += text.utf8.count + 2
        }
        add("See Exhibit 5.", nil) // c_1
        add("Resolution No. 6-33/1323CK.", 3) // c_2 in note 3
        add("Id.", nil) // c_3 → c_1, not the note's resolution
        add("Id.", 3) // c_4 → c_2, earlier in the same note
        add("Nothing cited here.", 4)
        add("Ibid.", 5) // c_5 → nothing: note 4 cites nothing, never further back
        add("See Exhibit 2.", 6) // c_6
        add("Ibid.", 7) // c_7 → c_6, last of the immediately preceding note
        add("Id.", nil) // c_8 → c_3's antecedent c_1: an Id. never points at an Id.
        let cites = CitationEngine.scan(sources, definitions: [])
        #expect(cites.map(\.id) == (1...8).map { "c_\($0)" })
        #expect(cites.map(\.antecedent) == [nil, nil, "c_1", "c_2", nil, nil, "c_6", "c_1"])
        #expect(cites[2].key == "exhibit/5")
        #expect(cites.map(\.footnote) == [nil, 3, nil, 3, 5, 6, 7, nil])
    }

    @Test("Citation: instruments cited as a whole are formal titles, not every mention")
    func instrumentPolicy() {
        // A head word inside a longer name is no title.
        #expect(citeScanText("the North Atlantic Treaty Organisation's reply").filter { $0.kind == .instrument }.isEmpty)
        // Generic national names and abbreviations are context, not citations…
        #expect(citeScanText("The Criminal Code and the ICCPR apply.").isEmpty)
        // …unless a signal introduces them.
        let signalled = citeScanText("See Criminal Code.")
        #expect(signalled.map(\.kind) == [.instrument])
        #expect(signalled.first?.signal == "See")
        #expect(signalled.first?.key == "criminal-code")
    }

    @Test("Citation: a short treaty name refers back to the full name mentioned before")
    func shortTreatyName() {
        let cites = citeScanText("Article 31 of the Vienna Convention on Diplomatic Relations applies. So does article 41 of the Vienna Convention.")
        let articles = cites.filter { $0.kind == .article }
        #expect(articles.map(\.key) == ["vcdr/art31", "vcdr/art41"])
        #expect(articles.last?.instrumentSource == "context")
        // With nothing to refer back to, the short name stays as written.
        #expect(citeScanText("article 41 of the Vienna Convention").first?.instrument == "Vienna Convention")
    }

    @Test("Citation: titles with numbers, headings in capitals and French verbs")
    func titleEdges() {
        let act = citeScanText("Cyber Security and Cyber Crimes Act No. 2 of 2021, s. 34(1)-(3).").filter { $0.kind == .instrument }
        #expect(act.map(\.instrument) == ["Cyber Security and Cyber Crimes Act No. 2 of 2021"])
        #expect(citeScanText("JOHN McEWEN CRESCENT BARTON ACT 2600").isEmpty)
        #expect(citeScanText("La Loi a été adoptée en 2019.").isEmpty)
        let loi = citeScanText("la Loi relative à la liberté de la presse, article 24").first { $0.kind == .article }
        #expect(loi?.instrument == "Loi relative à la liberté de la presse")
        // An Ibid. in the next note repeats the Act.
        var sources: [CitationSource] = []
        for (k, text) in ["Cyber Security and Cyber Crimes Act No. 2 of 2021, s. 34(1)-(3).", "Ibid., s. 34(5)."].enumerated() {
            sources.append(citeStrippedSource(text, block: "b_\(k)", footnote: k + 3, offset: k * 100))
        }
        let notes = CitationEngine.scan(sources, definitions: [])
        #expect(notes.map(\.kind) == [.instrument, .id])
        #expect(notes.last?.antecedent == notes.first?.id)
    }

    @Test("Citation: registration check digits and encoded dates follow the scheme table")
    func registrations() {
        let kz: [CiteCheckRule] = [.mod11Passes(weights: CiteRegistrationSchemes.kzWeights, digit: 11)]
        // 00000000010: first pass 1·0+…+10·1 = 10 → second pass 3·0+…+1·1 = 1, so check digit 1.
        #expect(CiteRegistrationSchemes.check([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1], kz))
        #expect(!CiteRegistrationSchemes.check([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0], kz))
        // Century window: YY 50–99 is 19YY, 00–49 is 20YY, in whatever year the tool runs.
        #expect(CiteRegistrationSchemes.encodedDate([9, 7, 1, 1, 4, 0, 0, 0, 2, 6, 8, 7], .yymmRegistration) == "1997-11")
        #expect(CiteRegistrationSchemes.encodedDate([5, 0, 0, 1, 4, 0, 0, 0, 2, 6, 8, 7], .yymmRegistration) == "1950-01")
        #expect(CiteRegistrationSchemes.encodedDate([4, 9, 0, 1, 4, 0, 0, 0, 2, 6, 8, 7], .yymmRegistration) == "2049-01")
        #expect(CiteRegistrationSchemes.encodedDate([2, 5, 0, 1, 4, 0, 0, 0, 2, 6, 8, 7], .yymmRegistration) == "2025-01")
        #expect(CiteRegistrationSchemes.encodedDate([2, 7, 0, 1, 4, 0, 0, 0, 2, 6, 8, 7], .yymmRegistration) == "2027-01")
        // IIN: the seventh digit gives the century of birth.
        #expect(CiteRegistrationSchemes.encodedDate([8, 5, 1, 2, 0, 1, 3, 0, 0, 0, 0, 0], .yymmddCenturyDigit) == "1985-12")
        #expect(CiteRegistrationSchemes.encodedDate([0, 5, 0, 3, 0, 1, 5, 0, 0, 0, 0, 0], .yymmddCenturyDigit) == "2005-03")
        // Month 13 is impossible: no encoded date.
        #expect(CiteRegistrationSchemes.encodedDate([9, 7, 1, 3, 4, 0, 0, 0, 2, 6, 8, 7], .yymmRegistration) == nil)
    }

    @Test("Citation: the engine and the validation read a BIN's year by one fixed window, not the clock")
    func registrationYearWindow() throws {
        for yy in 0..<100 {
            let digits = [yy / 10, yy % 10, 0, 6, 4, 0, 0, 0, 2, 6, 8, 7]
            let engine = try #require(CiteRegistrationSchemes.encodedDate(digits, .yymmRegistration))
            let validation = try #require(IdentifierChecks.kazakhEncodedDate(digits.map { UInt8($0) + 0x30 }, scheme: "KZ-BIN"))
            let expected = yy >= 50 ? 1900 + yy : 2000 + yy
            #expect(engine == "\(expected)-06", "engine, YY \(yy)")
            #expect(validation.0 == expected, "validation, YY \(yy)")
        }
    }
}
