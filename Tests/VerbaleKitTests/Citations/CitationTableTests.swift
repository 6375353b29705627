import Testing
@testable import VerbaleKit

/// One row of the citation table: an input text, the kind and key expected of its first
/// citation of that kind, and fields (by name, lists comma-joined). `kind == nil` means the
/// text must yield no citation of a strictly scored kind.
struct CiteCase: CustomStringConvertible, Sendable {
    let text: String
    let kind: CitationKind?
    let key: String?
    let fields: [String: String]
    /// Expected number of citations of `kind`, when it matters.
    let count: Int?

    init(_ text: String, _ kind: CitationKind?, key: String? = nil, _ fields: [String: String] = [:], count: Int? = nil) {
        self.text = text
        self.kind = kind
        self.key = key
        self.fields = fields
        self.count = count
    }

    var description: String { text }
}

/// Scans `text` as one main-text block.
func citeScanText(_ text: String, footnote: Int? = nil, definitions: [Definition] = []) -> [Citation] {
    var mapped = MappedText()
    mapped.append(contentsOf: Array(text.utf8), from: 0)
    return CitationEngine.scan([CitationSource(block: "b_1", footnote: footnote, text: mapped)], definitions: definitions)
}

/// A field of a citation as a string, for table comparison.
func citeField(_ c: Citation, _ name: String) -> String? {
    switch name {
    case "articles": return c.articles.joined(separator: ",")
    case "paragraphs": return c.paragraphs.joined(separator: ",")
    case "subparagraphs": return c.subparagraphs.joined(separator: ",")
    case "range": return c.range?.joined(separator: ",")
    case "instrument": return c.instrument
    case "source": return c.instrumentSource
    case "number": return c.number
    case "body": return c.body
    case "court": return c.court
    case "date": return c.date
    case "symbol": return c.symbol
    case "type": return c.type
    case "country": return c.country
    case "year": return c.year.map(String.init)
    case "scheme": return c.scheme
    case "valid": return c.valid.map { $0 ? "true" : "false" }
    case "encodedDate": return c.encodedDate
    case "label": return c.label
    case "exhibit": return c.exhibit
    case "title": return c.title
    case "signal": return c.signal
    case "part": return c.part
    case "chapter": return c.chapter
    case "section": return c.section
    case "text": return c.text
    default: return "?unknown field \(name)"
    }
}

/// Kinds whose extras the gold scores as false positives.
let citeStrictKinds: Set<CitationKind> = [.article, .exhibit, .case, .registration, .resolution, .communication, .id, .document]

/// The table: 150+ citation strings in English, French, Spanish and Russian.
let citationTable: [CiteCase] = [
    // MARK: Articles, English
    CiteCase("See Art. 20, ¶¶ 1-2 of the Constitution.", .article, key: "constitution/art20/para1-2",
             ["articles": "20", "paragraphs": "1,2", "range": "1,2", "instrument": "Constitution", "source": "explicit", "signal": "See"]),
    CiteCase("Law on Equality, Art. 4, 9, 10, 12.", .article, key: "law-on-equality/art4,9-10,12",
             ["articles": "4,9,10,12", "instrument": "Law on Equality"], count: 1),
    CiteCase("ICCPR Art. 19 ¶ 3", .article, key: "iccpr/art19/para3",
             ["articles": "19", "paragraphs": "3", "instrument": "International Covenant on Civil and Political Rights", "source": "explicit"]),
    CiteCase("ICCPR, Art. 19, ¶ 2", .article, key: "iccpr/art19/para2", ["articles": "19", "paragraphs": "2"]),
    CiteCase("Article 19 of the ICCPR protects opinion.", .article, key: "iccpr/art19",
             ["articles": "19", "paragraphs": "", "text": "Article 19 of the ICCPR"]),
    CiteCase("See Criminal Code, Special Part, Ch. 3, Art. 145.", .article, key: "criminal-code/art145",
             ["articles": "145", "part": "Special Part", "chapter": "3", "instrument": "Criminal Code"]),
    CiteCase("Criminal Code, § 1, Art. 16, ¶ 4", .article, key: "criminal-code/art16/para4", ["section": "1", "paragraphs": "4"]),
    CiteCase("as provided in article 13(2) of the ICESCR", .article, key: "icescr/art13/para2",
             ["articles": "13", "paragraphs": "2", "instrument": "International Covenant on Economic, Social and Cultural Rights"]),
    CiteCase("articles 9, 10 and 11 of the ICCPR", .article, key: "iccpr/art9-11", ["articles": "9,10,11"], count: 1),
    CiteCase("paragraph 3 of article 19 of the ICCPR", .article, key: "iccpr/art19/para3", ["articles": "19", "paragraphs": "3"]),
    CiteCase("paragraphs 1 and 2 of article 5 of the Covenant on X", .article, ["articles": "5", "paragraphs": "1,2"]),
    CiteCase("article 19, paragraph 3, of the International Covenant on Civil and Political Rights", .article, key: "iccpr/art19/para3"),
    CiteCase("Article 4, ¶ 3 of the Constitution provides", .article, key: "constitution/art4/para3",
             ["instrument": "Constitution", "paragraphs": "3"]),
    CiteCase("Articles 31 and 32 of the CPED", .article, key: "cped/art31-32", ["articles": "31,32"]),
    CiteCase("Articles 2-5 of the CRC", .article, key: "crc/art2-5", ["articles": "2,3,4,5", "range": "2,5"]),
    CiteCase("articles 2 to 4 of the CRPD", .article, key: "crpd/art2-4", ["articles": "2,3,4"]),
    CiteCase("Art. 9(1)(a) CEDAW", .article, key: "cedaw/art9/para1/suba", ["paragraphs": "1", "subparagraphs": "a"]),
    CiteCase("article 2, paragraph 1 (a), of the ICERD", .article, ["articles": "2", "paragraphs": "1", "subparagraphs": "a"]),
    CiteCase("article 6 bis of the Law on Media", .article, ["articles": "6 bis", "instrument": "Law on Media"]),
    CiteCase("Article 20a of the Act on Courts", .article, ["articles": "20a", "instrument": "Act on Courts"]),
    CiteCase("Article IV of the Agreement on Privileges", .article, ["articles": "IV", "instrument": "Agreement on Privileges"]),
    CiteCase("Article 27 of the Vienna Convention on the Law of Treaties", .article, key: "vclt/art27",
             ["instrument": "Vienna Convention on the Law of Treaties"]),
    CiteCase("Article 22 of the Vienna Convention on Diplomatic Relations", .article, key: "vcdr/art22"),
    CiteCase("Article 36 VCCR", .article, key: "vccr/art36"),
    CiteCase("Article 3 common to the Geneva Conventions", .article, ["articles": "3"]),
    CiteCase("Article 75 of Additional Protocol I", .article, key: "gc-ap1/art75"),
    CiteCase("Article 4 of Additional Protocol II", .article, key: "gc-ap2/art4"),
    CiteCase("Article 3 of the Fourth Geneva Convention", .article, key: "gc4/art3"),
    CiteCase("Article 13 of the Third Geneva Convention", .article, key: "gc3/art13"),
    CiteCase("Article 10 of the ECHR", .article, key: "echr/art10", ["instrument": "European Convention on Human Rights"]),
    CiteCase("Article 13 of the American Convention on Human Rights", .article, key: "achr/art13"),
    CiteCase("Article 9 of the African Charter on Human and Peoples' Rights", .article, key: "achpr/art9"),
    CiteCase("Article 19 of the Universal Declaration of Human Rights", .article, key: "udhr/art19"),
    CiteCase("Article 2(4) of the Charter of the United Nations", .article, key: "un-charter/art2/para4"),
    CiteCase("Article 1 of the Convention against Torture", .article, key: "cat/art1"),
    CiteCase("Article 5 of the Optional Protocol to the International Covenant on Civil and Political Rights", .article, key: "iccpr-op1/art5"),
    CiteCase("Article 1 of the Second Optional Protocol to the International Covenant on Civil and Political Rights", .article,
             key: "iccpr-op2/art1"),
    CiteCase("Article 4 of the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict",
             .article, key: "crc-opac/art4"),
    CiteCase("Article 3 of the ICMW", .article, key: "icmw/art3"),
    CiteCase("Article 24 of the International Convention for the Protection of All Persons from Enforced Disappearance", .article, key: "cped/art24"),
    CiteCase("Article 12 of the CRPD", .article, key: "crpd/art12"),
    CiteCase("Article 1 of the Convention on the Elimination of All Forms of Discrimination against Women", .article, key: "cedaw/art1"),
    CiteCase("art. 14 of the Code of Criminal Procedure", .article, key: "criminal-procedure-code/art14"),
    CiteCase("Article 131 of the Criminal Code", .article, key: "criminal-code/art131"),
    CiteCase("Article 5 of the Labour Code", .article, key: "labour-code/art5", ["instrument": "Labour Code"]),
    CiteCase("Article 5 of the Labor Code", .article, key: "labour-code/art5"),
    CiteCase("Article 12 of the Civil Code", .article, key: "civil-code/art12"),
    CiteCase("Article 8 of the Family Code", .article, key: "family-code/art8"),
    CiteCase("Article 434 of the Code of Administrative Offences", .article, key: "administrative-offences-code/art434"),
    CiteCase("Article 20 of the Public Order Act", .article, key: "public-order-act/art20", ["instrument": "Public Order Act"]),
    CiteCase("Article 3 of the Law on Non-Profit Organizations", .article, key: "law-on-non-profit-organizations/art3"),
    CiteCase("Art 5 of the Constitution", .article, key: "constitution/art5"),
    CiteCase("Arts. 5 and 6 of the Constitution", .article, key: "constitution/art5-6", ["articles": "5,6"]),
    CiteCase("Article 19, para. 3 of the ICCPR", .article, key: "iccpr/art19/para3"),
    CiteCase("Article 19, paragraph 2 ICCPR", .article, key: "iccpr/art19/para2"),
    CiteCase("Article 14, paras. 1-3, of the ICCPR", .article, key: "iccpr/art14/para1-3", ["paragraphs": "1,2,3"]),
    CiteCase("article 2, sub-paragraph (b), of the CAT", .article, ["subparagraphs": "b"]),
    CiteCase("Article 7 of the Constitution of the Republic", .article, key: "constitution/art7"),

    // MARK: Articles, French
    CiteCase("l'article 19, paragraphe 3, du Pacte international relatif aux droits civils et politiques", .article,
             key: "iccpr/art19/para3", ["articles": "19", "paragraphs": "3", "instrument": "International Covenant on Civil and Political Rights"]),
    CiteCase("art. 20, al. 1", .article, key: "unknown/art20/sub1", ["articles": "20", "subparagraphs": "1"]),
    CiteCase("l'article 9 du Pacte international relatif aux droits économiques, sociaux et culturels", .article, key: "icescr/art9"),
    CiteCase("le paragraphe 2 de l'article 5 de la Convention relative aux droits de l'enfant", .article, key: "crc/art5/para2"),
    CiteCase("les articles 2 et 3 de la Convention européenne des droits de l'homme", .article, key: "echr/art2-3", ["articles": "2,3"]),
    CiteCase("article 31 de la Convention de Vienne sur le droit des traités", .article, key: "vclt/art31"),
    CiteCase("l'article 37 de la Convention de Vienne sur les relations diplomatiques", .article, key: "vcdr/art37"),
    CiteCase("article 1er de la Constitution", .article, ["articles": "1"]),
    CiteCase("article 14 du Pacte", .article, ["articles": "14"]),
    CiteCase("l'article 3 de la Déclaration universelle des droits de l'homme", .article, key: "udhr/art3"),
    CiteCase("article 6 du Code pénal", .article, key: "criminal-code/art6"),
    CiteCase("article 15 de la Convention sur l'élimination de toutes les formes de discrimination à l'égard des femmes", .article,
             key: "cedaw/art15"),
    CiteCase("article 12 de la Convention relative aux droits des personnes handicapées", .article, key: "crpd/art12"),
    CiteCase("articles 4 et 5 du PIDCP", .article, key: "iccpr/art4-5"),
    CiteCase("article 7 de la Charte africaine des droits de l'homme et des peuples", .article, key: "achpr/art7"),

    // MARK: Articles, Spanish
    CiteCase("artículo 19, párrafo 3, del Pacto Internacional de Derechos Civiles y Políticos", .article, key: "iccpr/art19/para3",
             ["articles": "19", "paragraphs": "3"]),
    CiteCase("el artículo 19, párrafo 3", .article, key: "unknown/art19/para3"),
    CiteCase("el párrafo 3 del artículo 19 del PIDCP", .article, key: "iccpr/art19/para3"),
    CiteCase("artículos 2 y 3 de la Convención sobre los Derechos del Niño", .article, key: "crc/art2-3", ["articles": "2,3"]),
    CiteCase("artículo 8 de la Convención Americana sobre Derechos Humanos", .article, key: "achr/art8"),
    CiteCase("artículo 5 del Código Penal", .article, key: "criminal-code/art5"),
    CiteCase("artículo 11 de la Constitución", .article, key: "constitution/art11"),
    CiteCase("artículo 2 de la Declaración Universal de Derechos Humanos", .article, key: "udhr/art2"),
    CiteCase("artículo 1 de la Convención contra la Tortura y Otros Tratos o Penas Crueles, Inhumanos o Degradantes", .article, key: "cat/art1"),
    CiteCase("artículo 6 del Pacto Internacional de Derechos Económicos, Sociales y Culturales", .article, key: "icescr/art6"),
    CiteCase("artículo 27 de la Convención de Viena sobre el Derecho de los Tratados", .article, key: "vclt/art27"),
    CiteCase("artículos 9 a 11 del PIDCP", .article, key: "iccpr/art9-11", ["articles": "9,10,11"]),

    // MARK: Articles, Russian
    CiteCase("статья 19, пункт 3", .article, key: "unknown/art19/para3", ["articles": "19", "paragraphs": "3"]),
    CiteCase("пункт 3 статьи 19 Международного пакта о гражданских и политических правах", .article, key: "iccpr/art19/para3",
             ["instrument": "International Covenant on Civil and Political Rights"]),
    CiteCase("в пункте 3 статьи IV Соглашения", .article, ["articles": "IV", "paragraphs": "3"]),
    CiteCase("ст. 19 Конституции", .article, key: "constitution/art19", ["articles": "19", "instrument": "Constitution"]),
    CiteCase("статьи 20 Конституции Республики Казахстан", .article, key: "constitution/art20"),
    CiteCase("часть 2 статьи 5 Уголовного кодекса", .article, key: "criminal-code/art5/para2"),
    CiteCase("статьей 14 Международного пакта об экономических, социальных и культурных правах", .article, key: "icescr/art14"),
    CiteCase("статьи 2 и 3 Конвенции о правах ребенка", .article, key: "crc/art2-3", ["articles": "2,3"]),
    CiteCase("статья 5 Всеобщей декларации прав человека", .article, key: "udhr/art5"),
    CiteCase("статьи 1 Конвенции против пыток", .article, ["articles": "1"]),
    CiteCase("статьи 174 Уголовного кодекса Республики Казахстан", .article, key: "criminal-code/art174"),
    CiteCase("статьи 10 Европейской конвенции о защите прав человека и основных свобод", .article, key: "echr/art10"),
    CiteCase("стaтья 7 (Latin a inside)", .article, ["articles": "7"]),

    // MARK: Instruments cited as a whole
    CiteCase("See Law On the Procedure for Organizing and Conducting Peaceful Meetings, Rallies, Marches, Pickets and Demonstrations.",
             .instrument, ["instrument": "Law On the Procedure for Organizing and Conducting Peaceful Meetings, Rallies, Marches, Pickets and Demonstrations",
                           "signal": "See"]),
    CiteCase("the Republic's Law on State Registration of Legal Entities and the Registration of Branches of April 17, 1995, governs",
             .instrument, ["instrument": "Law on State Registration of Legal Entities and the Registration of Branches", "date": "1995-04-17"]),
    CiteCase("ratified the International Covenant on Civil and Political Rights in 2005", .instrument, key: "iccpr"),
    CiteCase("the Convention on the Rights of the Child was ratified", .instrument, key: "crc"),
    CiteCase("le Pacte international relatif aux droits civils et politiques", .instrument, key: "iccpr"),
    CiteCase("el Pacto Internacional de Derechos Civiles y Políticos", .instrument, key: "iccpr"),
    CiteCase("Международный пакт о гражданских и политических правах", .instrument, key: "iccpr"),
    CiteCase("the Public Finance Act was amended", .instrument, key: "public-finance-act", ["instrument": "Public Finance Act"]),
    CiteCase("the Protection against Discrimination Act defines", .instrument, ["instrument": "Protection against Discrimination Act"]),
    CiteCase("are included in the Citizenship of the Republic of Slovenia Act.", .instrument,
             ["instrument": "Citizenship of the Republic of Slovenia Act"]),
    CiteCase("the ratification of the Convention for the Protection of All Persons from Enforced Disappearance", .instrument,
             key: "cped"),
    CiteCase("Law on the Elimination of All Forms of Violence, Art. 3", .article,
             ["instrument": "Law on the Elimination of All Forms of Violence", "articles": "3"]),
    CiteCase("the Agreement on the Status of the North Atlantic Treaty Organisation, signed at Ottawa", .instrument,
             ["instrument": "Agreement on the Status of the North Atlantic Treaty Organisation"]),

    // MARK: Resolutions
    CiteCase("See Maslikhat City Council Resolution No. 6-33/1323CK, December 15, 2017.", .resolution,
             key: "resolution/maslikhat-city-council/6-33/1323ck",
             ["number": "6-33/1323CK", "body": "Maslikhat City Council", "date": "2017-12-15"]),
    CiteCase("Human Rights Council resolution 43/16", .resolution, key: "resolution/hrc/43/16", ["number": "43/16", "body": "Human Rights Council"]),
    CiteCase("resolutions 43/16, 42/22 and 45/3", .resolution, key: "resolution/43/16", ["number": "43/16"], count: 3),
    CiteCase("Human Rights Council resolutions 5/1 and 16/21", .resolution, key: "resolution/hrc/5/1", count: 2),
    CiteCase("la résolution 43/16 du Conseil des droits de l'homme", .resolution, key: "resolution/hrc/43/16", ["body": "Human Rights Council"]),
    CiteCase("la resolución 43/16 del Consejo de Derechos Humanos", .resolution, key: "resolution/hrc/43/16"),
    CiteCase("резолюция 43/16 Совета по правам человека", .resolution, key: "resolution/hrc/43/16"),
    CiteCase("Security Council resolution 1325 (2000)", .resolution, key: "resolution/sc/1325", ["number": "1325", "date": "2000"]),
    CiteCase("General Assembly resolution 60/251", .resolution, key: "resolution/ga/60/251", ["body": "General Assembly"]),
    CiteCase("Resolution 6-33/1323СК (Cyrillic С and К)", .resolution, key: "resolution/6-33/1323ck", ["number": "6-33/1323СК"]),
    CiteCase("the Resolution on the National Programme for Culture", nil),

    // MARK: UN documents
    CiteCase("A/HRC/10/12/Add.1, para. 586-591", .document, key: "document/A/HRC/10/12/Add.1/para586-591",
             ["symbol": "A/HRC/10/12/Add.1", "paragraphs": "586,587,588,589,590,591"]),
    CiteCase("CCPR/C/GC/35", .document, key: "document/CCPR/C/GC/35", ["symbol": "CCPR/C/GC/35"]),
    CiteCase("see A/HRC/43/15/Add.1.", .document, ["symbol": "A/HRC/43/15/Add.1"]),
    CiteCase("E/C.12/GC/24, paras. 5 and 6", .document, ["symbol": "E/C.12/GC/24", "paragraphs": "5,6"]),
    CiteCase("S/2020/123", .document, ["symbol": "S/2020/123"]),
    CiteCase("A/HRC/WG.6/48/SVN/1", .document, ["symbol": "A/HRC/WG.6/48/SVN/1"]),
    CiteCase("CAT/C/KAZ/CO/3, paragraph 12", .document, ["symbol": "CAT/C/KAZ/CO/3", "paragraphs": "12"]),

    // MARK: Communications
    CiteCase("in reference to letter AL KAZ 4/2019 from 25/10/2019", .communication, key: "communication/KAZ/4/2019",
             ["type": "AL", "country": "KAZ", "number": "4", "year": "2019"]),
    CiteCase("UA CHN 12/2020", .communication, key: "communication/CHN/12/2020", ["type": "UA", "number": "12"]),
    CiteCase("OL USA 3/2021", .communication, ["type": "OL", "country": "USA"]),
    CiteCase("JAL RUS 7/2022", .communication, ["type": "JAL", "country": "RUS"]),
    CiteCase("JUA IRN 14/2023", .communication, ["type": "JUA"]),
    CiteCase("JOL GBR 2/2024", .communication, ["type": "JOL"]),
    CiteCase("AL OTH 74/2022", .communication, key: "communication/OTH/74/2022", ["country": "OTH"]),
    CiteCase("our communication CHN 4/2021 of 3 May", .communication, key: "communication/CHN/4/2021", ["country": "CHN", "number": "4"]),
    CiteCase("UA G/SO 218/2 G/SO 214 (53-24) SAU 5/2014", .communication, key: "communication/SAU/5/2014",
             ["type": "UA", "country": "SAU", "number": "5", "year": "2014"]),
    CiteCase("AL XYZ 4/2019", nil),
    CiteCase("The USA 4/2019 figures", nil),
    CiteCase("AL KAZ 04/2019", .communication, ["number": "4"]),

    // MARK: References
    CiteCase("Réf. № 20-404", .reference, key: "reference/20-404", ["number": "20-404"]),
    CiteCase("No. 39.658 L'Ambassade du Royaume des Pays-Bas présente ses compliments", .reference, ["number": "39.658"]),
    CiteCase("MINISTERE DES AFFAIRES ETRANGERES No 110/SEC 9412NVERB  REPUBLIQUE", .reference, ["number": "110/SEC 9412NVERB"]),
    CiteCase("accuser réception de sa note no 39658 du ler décembre 1994", .reference, ["number": "39658", "date": "1994-12-01"]),
    CiteCase("with reference to Note No. 141 of 12 March 1954", .reference, ["number": "141", "date": "1954-03-12"]),
    CiteCase("the Legation's Note (C.15/4351) concerning", .reference, ["number": "C.15/4351"]),
    CiteCase("Ref.: 12/345", .reference, ["number": "12/345"]),
    CiteCase("Исх. № 15-2/1234 от 5 мая 2020 г.", .reference, ["number": "15-2/1234", "date": "2020-05-05"]),

    // MARK: Cases
    CiteCase("Exhibit 3, Court Decision, case No. 7517-19-00-2/10338, May 27, 2019.", .case, key: "case/7517-19-00-2/10338",
             ["number": "7517-19-00-2/10338", "date": "2019-05-27"]),
    CiteCase("Decision of Judicial Chamber, No. 2a-6757/19, September 3, 2019", .case, key: "case/2a-6757/19",
             ["number": "2a-6757/19", "court": "Judicial Chamber", "date": "2019-09-03"]),
    CiteCase("No. 2а-6757/19 (Cyrillic а)", nil),
    CiteCase("the appellate decision, No. 2а-6757/19", .case, key: "case/2a-6757/19", ["number": "2а-6757/19"]),
    CiteCase("the Medeu District Court, case No. 2-1234/2019", .case, ["court": "Medeu District Court"]),
    CiteCase("affaire n° 12345/06", .case, ["number": "12345/06"]),
    CiteCase("caso Nº 12.345", .case, ["number": "12.345"]),
    CiteCase("по делу № 2-345/2020", .case, ["number": "2-345/2020"]),
    CiteCase("communication No. 2155/2012", .case, ["number": "2155/2012"]),
    CiteCase("Application No. 12345/06", .case, ["number": "12345/06"]),

    // MARK: Registrations
    CiteCase("Gay and Lesbian Alliance (BIN 011040008019, registered October 16, 2001)", .registration,
             key: "registration/kz-bin/011040008019",
             ["scheme": "KZ-BIN", "number": "011040008019", "valid": "true", "encodedDate": "2001-10", "date": "2001-10-16"]),
    CiteCase("OO Zhemchuzhina (BIN 971140002687, registered March 11, 1997)", .registration,
             ["valid": "true", "encodedDate": "1997-11", "date": "1997-03-11"]),
    CiteCase("BIN 100540005544", .registration, ["valid": "true", "encodedDate": "2010-05"]),
    CiteCase("BIN 081240011049", .registration, ["valid": "true", "encodedDate": "2008-12"]),
    CiteCase("BIN 011040008018", .registration, ["valid": "false"]),
    CiteCase("БИН 011040008019", .registration, ["scheme": "KZ-BIN", "valid": "true"]),
    CiteCase("ИНН 7707083893", .registration, key: "registration/ru-inn/7707083893", ["scheme": "RU-INN", "valid": "true"]),
    CiteCase("INN 7707083894", .registration, ["valid": "false"]),
    CiteCase("ИНН 500100732259", .registration, ["scheme": "RU-INN", "valid": "true"]),
    CiteCase("ОГРН 1027700132195", .registration, ["scheme": "RU-OGRN", "valid": "true"]),
    CiteCase("OGRN 1027700132196", .registration, ["valid": "false"]),
    CiteCase("BIN 12345", nil),
    CiteCase("the inn 7707083893 was closed", nil),

    // MARK: Exhibits
    CiteCase("See Exhibit 1, Feminita Charter, § 2.", .exhibit, key: "exhibit/1",
             ["label": "Exhibit", "exhibit": "1", "title": "Feminita Charter", "section": "2", "signal": "See"]),
    CiteCase("See Exhibit 5, Approved Permit Applications.", .exhibit, ["exhibit": "5", "title": "Approved Permit Applications"]),
    CiteCase("See Exhibit 2.", .exhibit, key: "exhibit/2", ["exhibit": "2"]),
    CiteCase("Annex I", .exhibit, key: "annex/i", ["label": "Annex", "exhibit": "I"]),
    CiteCase("as set out in annex II to the present report", .exhibit, ["exhibit": "II"]),
    CiteCase("Attachment 2", .exhibit, key: "attachment/2", ["exhibit": "2"]),
    CiteCase("Enclosure 1", .exhibit, ["exhibit": "1"]),
    CiteCase("Enclosure: as stated, 101 pages.", nil),
    CiteCase("Annexe 3", .exhibit, key: "annex/3"),
    CiteCase("Anexo 4", .exhibit, key: "annex/4"),
    CiteCase("Приложение 2", .exhibit, key: "annex/2"),
    CiteCase("Appendix B", .exhibit, key: "appendix/b", ["exhibit": "B"]),
    CiteCase("Exhibit 4, Decision of Judicial Chamber, No. 2a-6757/19", .exhibit, ["title": "Decision of Judicial Chamber"]),
    CiteCase("patients exhibit 3 symptoms", nil),

    // MARK: Id.
    CiteCase("See Exhibit 2. Id.", .id, key: "exhibit/2", count: 1),
    CiteCase("Art. 5 of the Constitution. Ibid.", .id, key: "constitution/art5"),
    CiteCase("ICCPR, Art. 21. ibidem", .id, key: "iccpr/art21"),
    CiteCase("Статья 5 Конституции. Там же.", .id, key: "constitution/art5"),
    CiteCase("The ID. card was issued", nil),

    // MARK: Negatives: dates, money, counts, phone-like numbers
    CiteCase("with the minimum prize set at USD 10,000 total per category", nil),
    CiteCase("on December 8, 2019, Feminita held a rally", nil),
    CiteCase("more than 130 separate public gatherings", nil),
    CiteCase("Enclosure: as stated, 101 pages.", nil),
    CiteCase("Call +7 (727) 123-45-67 or 8 800 555 35 35", nil),
    CiteCase("Geneva, December « 23 », 2019", nil),
    CiteCase("on 25/10/2019 the letter arrived", nil),
    CiteCase("Questions 6 and 7: Please indicate", nil),
    CiteCase("the art of diplomacy and arts 5 stars", nil),
    CiteCase("No one may be subjected to discrimination", nil),
    CiteCase("approximately USD 3,000 per organization", nil),
    CiteCase("from 11:00am-12:00pm for purposes of holding a rally", nil),
    CiteCase("in 2019 year to date, 93 member states", nil),
    CiteCase("paragraph 15 of the annex", nil),
    CiteCase("1 July 2012 and 20 September 1951", nil),
]

@Suite("Citation table")
struct CitationTableTests {
    @Test("Citation: table row", arguments: citationTable)
    func row(_ row: CiteCase) {
        let citations = citeScanText(row.text)
        guard let kind = row.kind else {
            let strict = citations.filter { citeStrictKinds.contains($0.kind) }
            #expect(strict.isEmpty, "unexpected: \(strict.map { "\($0.kind) \($0.text)" })")
            return
        }
        let ofKind = citations.filter { $0.kind == kind }
        guard let c = ofKind.first else {
            Issue.record("no \(kind) in \(citations.map { "\($0.kind) \($0.text)" })")
            return
        }
        if let key = row.key { #expect(c.key == key) }
        for (name, value) in row.fields.sorted(by: { $0.key < $1.key }) {
            #expect(citeField(c, name) ?? "" == value, "field \(name)")
        }
        if let count = row.count { #expect(ofKind.count == count) }
    }

    @Test("Citation: the table holds at least 150 rows")
    func size() {
        #expect(citationTable.count >= 150)
    }
}
