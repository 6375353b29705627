/// What a trigger word starts. The scanner looks a word up by its first two folded letters and
/// only then tries the recognizer named here, so most words cost one table probe.
enum CiteAction: Sendable, Equatable {
    /// An article word (`Art.`, `Article`, `artículo`, `статья`).
    case article
    /// A paragraph word that may open `paragraph 3 of article 19` (`пункт 3 статьи 19`).
    case paragraphFirst
    /// An exhibit label; the associated value is the key's label (`exhibit`, `annex`…).
    case exhibit(String)
    /// `Id.`, `Ibid.`, `ibidem`, `Там же`.
    case id
    /// A registration label; the associated value indexes `CiteRegistrationSchemes.all`.
    case registration(Int)
    /// A number sign (`No.`, `Nr.`, `n°`, `núm.`): a reference, case or resolution number follows.
    case numberSign
    /// A note or letter word (`Note`, `nota`, `нота`): `No. 141` or `(C.15/4351)` may follow.
    case noteWord
    /// A reference word (`Réf.`, `Ref.`, `Our ref.`).
    case refWord
    /// A resolution word (`resolution`, `résolutions`, `резолюция`).
    case resolution
    /// A case word (`case`, `affaire`, `дело`) that may be followed directly by a number sign.
    case caseWord
    /// A communication type (`AL`, `UA`, `OL`, `JAL`, `JUA`, `JOL`).
    case communicationType
    /// An instrument of the table; `abbreviation` when matched by an abbreviation.
    case instrument(index: Int, abbreviation: Bool)
    /// The head word of a national title (`Law`, `Code`, `Act`, `Loi`, `Ley`, `Закон`).
    case titleHead
}

/// One trigger literal with what it starts and how strictly it must be written.
struct CiteTrigger: Sendable {
    /// Folded literal.
    let lit: [UInt32]
    /// What it starts.
    let action: CiteAction
    /// The word must be written in capitals (`BIN`, `AL`, abbreviations).
    let upperOnly: Bool
    /// The word must start with a capital (`Exhibit`, instrument names, title heads).
    let capitalized: Bool
}

/// The trigger vocabulary and its dispatch table.
struct CiteVocabulary: Sendable {
    /// Buckets of triggers, found through `slots`.
    let buckets: [[CiteTrigger]]
    /// Hash of the first two folded units → bucket index, or -1.
    let slots: [Int32]

    /// Number of slots (a power of two).
    static let slotCount = 4096

    /// Slot of a pair of folded units.
    @inline(__always)
    static func slot(_ f1: UInt32, _ f2: UInt32) -> Int {
        Int(truncatingIfNeeded: (f1 &* 0x9E37_79B1) ^ (f2 &* 0x85EB_CA6B)) >> 3 & (slotCount - 1)
    }

    /// The shared vocabulary, built once.
    static let shared = CiteVocabulary()

    init() {
        var triggers: [CiteTrigger] = []
        func add(_ words: [String], _ action: CiteAction, upper: Bool = false, capital: Bool = false) {
            for w in words { triggers.append(CiteTrigger(lit: CiteText.foldString(w), action: action, upperOnly: upper, capitalized: capital)) }
        }
        add(CiteVocabulary.articleWords, .article)
        add(CiteVocabulary.paragraphFirstWords, .paragraphFirst)
        add(["Exhibit", "Exhibits"], .exhibit("exhibit"), capital: true)
        add(["Attachment", "Pièce jointe"], .exhibit("attachment"), capital: true)
        add(["Enclosure"], .exhibit("enclosure"), capital: true)
        add(["Annex", "Annexe", "Anexo", "Приложени~"], .exhibit("annex"))
        add(["Appendix", "Appendice", "Apéndice"], .exhibit("appendix"))
        add(["Id.", "Ibid.", "Ibid", "Ibidem", "Там же"], .id)
        for (index, scheme) in CiteRegistrationSchemes.all.enumerated() { add(scheme.labels, .registration(index), upper: true) }
        add(["No.", "No", "Nos.", "Nr.", "N°", "n°", "Nº", "nº", "núm.", "Núm."], .numberSign)
        add(["Note", "note", "notes", "Notes", "nota", "Nota", "нота", "ноту", "ноты", "ноте"], .noteWord)
        add(["Réf.", "Ref.", "Réf", "Ref", "Our ref.", "Our Ref.", "Your ref.", "Исх.", "Reference No.", "Référence"], .refWord)
        add(["resolution", "resolutions", "Resolution", "Resolutions", "résolution", "résolutions", "resolución",
             "resoluciones", "резолюци~"], .resolution)
        add(["case", "Case", "affaire", "caso", "дело", "делу", "деле", "Application", "application", "communication", "Communication"], .caseWord)
        add(CiteVocabulary.communicationTypes, .communicationType, upper: true)
        add(CiteVocabulary.titleHeads, .titleHead, capital: true)
        for (index, entry) in CiteInstrumentTable.all.enumerated() {
            add(entry.abbreviations, .instrument(index: index, abbreviation: true), upper: true)
            add(entry.names, .instrument(index: index, abbreviation: false), capital: true)
        }
        var slots = [Int32](repeating: -1, count: CiteVocabulary.slotCount)
        var buckets: [[CiteTrigger]] = []
        for t in triggers where t.lit.count >= 2 {
            let s = CiteVocabulary.slot(t.lit[0], t.lit[1])
            if slots[s] < 0 { slots[s] = Int32(buckets.count); buckets.append([]) }
            buckets[Int(slots[s])].append(t)
        }
        self.buckets = buckets
        self.slots = slots
    }

    /// Article words. `Art`/`art` need a period or a number after them (checked by the
    /// recognizer); `ст.` is matched separately on raw Cyrillic bytes.
    static let articleWords = [
        "Art", "Arts", "art", "arts", "Article", "Articles", "article", "articles",
        "Artículo", "Artículos", "artículo", "artículos", "Artigo", "artigo",
        "стать~", "Стать~", "ст.", "Ст.",
    ]

    /// Paragraph words that can open the paragraph-first form.
    static let paragraphFirstWords = [
        "paragraph", "paragraphs", "Paragraph", "Paragraphs", "paragraphe", "paragraphes", "Paragraphe",
        "párrafo", "párrafos", "Párrafo", "apartado", "Apartado", "пункт~", "Пункт~", "част~", "Част~",
        "подпункт~", "Подпункт~", "п.", "ч.", "пп.",
    ]

    /// Communication type prefixes of Special Procedures references.
    static let communicationTypes = ["AL", "UA", "OL", "JAL", "JUA", "JOL", "JOA"]

    /// Head words of national titles (`Law on …`, `… Act`).
    static let titleHeads = [
        "Law", "Laws", "Code", "Act", "Acts", "Decree", "Ordinance", "Statute", "Regulation", "Regulations",
        "Loi", "Décret", "Ordonnance", "Ley", "Decreto", "Reglamento", "Código", "Закон~", "Кодекс~", "Указ~",
        "Agreement", "Treaty", "Convention", "Protocol", "Charter", "Covenant", "Declaration", "Accord",
        "Acuerdo", "Tratado", "Convenio", "Convención", "Соглашени~", "Договор~", "Конвенци~",
    ]

    /// Paragraph markers after an article (`¶ 3`, `para. 2`, `пункт 3`): they fill `paragraphs`.
    static let paragraphMarkers: [[UInt32]] = [
        "¶¶", "¶", "paras.", "para.", "paras", "para", "paragraphs", "paragraph", "paragraphes", "paragraphe",
        "párrafos", "párrafo", "párrs.", "párr.", "pars.", "par.", "apartados", "apartado",
        "пункты", "пунктов", "пункт~", "п.", "част~", "ч.",
    ].map(CiteText.foldString)

    /// Sub-paragraph markers (`al. 1`, `sub-paragraph (a)`, `lit. b`, `подпункт «а»`).
    static let subparagraphMarkers: [[UInt32]] = [
        "al.", "alinéas", "alinéa", "sub-paragraphs", "sub-paragraph", "subparagraphs", "subparagraph",
        "subpara.", "lit.", "letter", "inciso", "incisos", "подпункт~", "пп.",
    ].map(CiteText.foldString)

    /// Part, chapter and section designators between an instrument and its article.
    static let chapterWords: [[UInt32]] = ["Ch.", "Chapter", "Chap.", "Chapitre", "Capítulo", "Глава", "гл."].map(CiteText.foldString)
    /// Section designators.
    static let sectionWords: [[UInt32]] = ["§", "Section", "Sec.", "Раздел"].map(CiteText.foldString)
    /// Part designators with a number (`Part II`).
    static let partWords: [[UInt32]] = ["Part", "Partie", "Parte", "Часть"].map(CiteText.foldString)
    /// Part names written without a number (`Special Part`).
    static let namedParts: [[UInt32]] = ["Special Part", "General Part", "Partie spéciale", "Partie générale",
                                        "Parte Especial", "Parte General", "Особенн~ част~", "Общ~ част~"].map(CiteText.foldString)

    /// Words linking an article to the instrument that follows (`of the`, `du`, `del`).
    static let ofWords: [[UInt32]] = ["of the", "of", "in the", "under the", "du", "de la", "de l'", "des", "de", "del",
                                     "de los", "de las", "à la", "au"].map(CiteText.foldString)

    /// Words linking a paragraph to its article in the paragraph-first form.
    static let paragraphOfWords: [[UInt32]] = ["of", "de l'", "de la", "del", "of the", "to"].map(CiteText.foldString)

    /// List connectors (`4, 9 and 10`).
    static let listConnectors: [[UInt32]] = ["and", "&", "et", "y", "и", "or", "ou", "o", "или"].map(CiteText.foldString)
    /// Range connectors (`2 to 5`).
    static let rangeConnectors: [[UInt32]] = ["to", "through", "à", "a", "al", "по"].map(CiteText.foldString)

    /// Definite articles that make a bare generic head (`the Convention`) refer back.
    static let definiteArticles: [[UInt32]] = ["the", "la", "le", "l'", "el", "los", "du", "del", "au", "des"].map(CiteText.foldString)

    /// Connectors allowed inside a national title (`Law on State Guarantees of Equal Rights…`).
    static let titleConnectors: Set<String> = folded([
        "on", "of", "the", "and", "for", "in", "to", "with", "against", "between", "from", "at", "by", "a", "an",
        "concerning", "regarding", "relating", "or", "its", "their",
        "sur", "de", "du", "des", "la", "le", "les", "l", "relatif", "relative", "relatifs", "relatives", "aux", "au",
        "et", "à", "pour", "en", "portant", "del", "las", "los", "el", "y", "sobre", "para", "contra",
        "о", "об", "и", "в", "на",
    ])

    /// Prepositions that start the name part of a head-first title (`Law on`, `Loi relative`).
    static let titlePrepositions: Set<String> = folded([
        "on", "of", "between", "for", "against", "relating", "entre", "concerning", "regarding", "relating", "sur", "relatif", "relative", "portant", "du", "des",
        "de", "del", "sobre", "о", "об",
    ])

    /// Capitalised words that never start or extend a title backwards (`See Law…`, `The Act`).
    static let titleStopWords: Set<String> = folded([
        "see", "cf", "compare", "voir", "vease", "the", "this", "that", "these", "those", "under", "in", "by", "and",
        "or", "but", "also", "moreover", "further", "furthermore", "a", "an", "its", "their", "our", "his", "her",
        "such", "any", "each", "every", "all", "new", "if", "when", "while", "as", "for", "with", "to", "of", "on",
        "la", "le", "les", "el", "los", "las", "une", "un", "una", "ce", "cette", "este", "esta", "i", "we", "it",
        "no", "nos", "nr", "pursuant", "according", "article", "art", "id", "ibid",
    ])

    /// Introductory signals, longest first, folded; matched backwards before a citation.
    static let signals: [(lit: [UInt32], text: String)] = [
        "See, e.g.,", "see, e.g.,", "See also", "see also", "But see", "but see", "See generally", "See", "see",
        "Cf.", "cf.", "Compare", "compare", "E.g.,", "e.g.,", "e.g.", "Voir aussi", "voir aussi", "Voir", "voir",
        "Véase también", "véase también", "Véase", "véase", "См. также", "см. также", "См.", "см.",
    ].map { (CiteText.foldString($0), $0) }

    /// Words whose presence before a number sign makes it a case number.
    static let caseContextWords: Set<String> = folded([
        "case", "cases", "affaire", "caso", "дело", "делу", "деле", "decision", "decisions", "judgment", "judgement",
        "ruling", "arret", "sentencia", "решение", "решения", "постановление", "court", "chamber", "tribunal",
        "cour", "corte", "sala", "суд", "суда", "application", "communication", "appeal", "petition", "complaint",
    ])

    /// Words before a number sign that make it a reference (a note's number).
    static let referenceContextWords: Set<String> = folded([
        "note", "notes", "nota", "нота", "ноты", "ноту", "ноте", "letter", "lettre", "carta", "письмо", "письма",
        "ref", "reference", "reference no", "исх", "вх", "verbale",
    ])

    /// Words before a number sign that make it an instrument's own number (`Law No. 5`): not
    /// cited as a reference, case or resolution.
    static let instrumentNumberWords: Set<String> = folded([
        "law", "act", "decree", "order", "protocol", "regulation", "ordinance", "loi", "decret", "ley", "decreto",
        "закон", "закона", "указ", "указа", "приказ", "приказа", "convention", "item", "page", "pages", "room",
        "box", "telephone", "tel", "fax", "phone", "house", "building", "office", "flat",
    ])

    /// Words before a number sign that make it a resolution number.
    static let resolutionContextWords: Set<String> = folded([
        "resolution", "resolutions", "resolucion", "резолюция", "резолюции", "резолюцию",
    ])

    /// Words that, before a bare `CHN 4/2021`, show it is a communication reference.
    static let communicationContextWords: [[UInt32]] = [
        "communication", "communications", "letter", "ref", "reference", "lettre", "comunicación", "сообщени~",
    ].map(CiteText.foldString)

    /// Head words of court names, searched backwards from a case number.
    static let courtHeads: Set<String> = folded(["court", "tribunal", "chamber", "cour", "corte", "sala", "committee"])

    /// UN document symbol first elements (`A/`, `CCPR/`, `E/C.12/`).
    static let symbolPrefixes: Set<String> = [
        "A", "S", "E", "ST", "CCPR", "CERD", "CEDAW", "CRC", "CAT", "CMW", "CRPD", "CED", "HRI", "UNEP", "TD", "DP",
        "ICEF", "CD", "SG", "UNW", "IDB", "PBC", "HRC",
    ]

    /// Resolution bodies: spellings in the four languages → key slug and canonical name.
    static let bodies: [(lit: [UInt32], slug: String, name: String)] = [
        ("Human Rights Council", "hrc", "Human Rights Council"), ("Conseil des droits de l'homme", "hrc", "Human Rights Council"),
        ("Consejo de Derechos Humanos", "hrc", "Human Rights Council"), ("Совет~ по правам человека", "hrc", "Human Rights Council"),
        ("General Assembly", "ga", "General Assembly"), ("Assemblée générale", "ga", "General Assembly"),
        ("Asamblea General", "ga", "General Assembly"), ("Генеральн~ Ассамбле~", "ga", "General Assembly"),
        ("Security Council", "sc", "Security Council"), ("Conseil de sécurité", "sc", "Security Council"),
        ("Consejo de Seguridad", "sc", "Security Council"), ("Совет~ Безопасности", "sc", "Security Council"),
        ("Economic and Social Council", "ecosoc", "Economic and Social Council"), ("ECOSOC", "ecosoc", "Economic and Social Council"),
        ("Conseil économique et social", "ecosoc", "Economic and Social Council"),
        ("Commission on Human Rights", "chr", "Commission on Human Rights"),
        ("Commission des droits de l'homme", "chr", "Commission on Human Rights"),
        ("Comisión de Derechos Humanos", "chr", "Commission on Human Rights"),
    ].map { (CiteText.foldString($0.0), $0.1, $0.2) }

    /// Folds every word of a set, so look-ups with `CiteScanner.foldedWord` match.
    static func folded(_ words: [String]) -> Set<String> {
        Set(words.map { String(String.UnicodeScalarView(CiteText.foldString($0).compactMap(Unicode.Scalar.init))) })
    }

    /// Article words, folded.
    static let articleLits: [[UInt32]] = articleWords.map(CiteText.foldString)

    /// Title head words, folded, for set look-ups (Russian stems by prefix in `romanceHeads`).
    static let titleHeadSet: Set<String> = folded(["law", "laws", "code", "act", "acts", "decree", "ordinance", "statute",
                                                   "agreement", "treaty", "convention", "protocol", "charter", "covenant",
                                                   "declaration", "accord", "acuerdo", "tratado", "convenio", "convención",
                                                   "regulation", "regulations", "loi", "décret", "ordonnance", "ley",
                                                   "decreto", "reglamento", "código"])

    /// Heads of titles whose name part is written in lower case (French, Spanish, Russian):
    /// matched as prefixes of the folded head word.
    static let romanceHeads: [String] = ["loi", "décret", "ordonnance", "ley", "decreto", "reglamento", "código",
                                         "закон", "кодекс", "указ"].map { Array(folded([$0]))[0] }

    /// Lower-case words allowed between the capitalised words before a head-last title.
    static let headLastConnectors: Set<String> = folded(["against", "and", "of", "for", "on", "in", "with", "to"])

    /// Designator words that end a comma-continued title (`…, Special Part, Ch. 3`).
    static let designatorWords: Set<String> = folded(["special", "general", "part", "ch", "chapter", "section", "sec"])

    /// Generic heads, folded.
    static let genericHeadLits: [(lit: [UInt32], head: String)] = CiteInstrumentTable.genericHeads.map {
        (CiteText.foldString($0.word), $0.head)
    }

    /// Lower-case words allowed inside an exhibit title (`Decision of Judicial Chamber`).
    static let exhibitTitleConnectors: Set<String> = folded(["of", "the", "and", "for", "on", "in", "to", "de", "du",
                                                            "des", "la", "le", "del", "y", "et", "a"])

    /// Number signs, folded.
    static let numberSignLits: [[UInt32]] = ["No.", "No", "Nos.", "Nr.", "N°", "Nº", "núm.", "№"].map(CiteText.foldString)

    /// Note words (lower-case `no` counts as a number sign after them).
    static let noteWords: Set<String> = folded(["note", "notes", "nota", "нота", "ноты", "ноту", "ноте", "verbale"])

    /// `registered` before a registration date.
    static let registeredWords: [[UInt32]] = ["registered", "зарегистрирован~", "enregistré~", "registrad~"].map(CiteText.foldString)

    /// Words introducing a date after a number (`of`, `du`, `dated`, `от`).
    static let dateIntroducers: [[UInt32]] = ["of", "on", "dated", "from", "du", "de", "del", "en date du", "от", "le"]
        .map(CiteText.foldString)
}
