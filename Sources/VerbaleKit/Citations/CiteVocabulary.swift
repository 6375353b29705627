/// What a trigger word starts. The scanner looks a word up by its first two folded letters and
/// only then tries the recognizer named here, so most words cost one table probe.
enum CiteAction: Sendable, Equatable {
    /// An article word (`Art.`, `Article`, `artículo`, `статья`).
    case article
    /// A paragraph word that may open `paragraph 3 of article 19` (`пункт 3 статьи 19`).
    case paragraphFirst
    /// An exhibit label; the associated value indexes `CiteVocabulary.exhibitLabels`.
    case exhibit(Int)
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
    /// A communication type (`AL`, `UA`, `OL`, `JAL`, `JUA`, `JOL`).
    case communicationType
    /// An instrument of the table; `abbreviation` when matched by an abbreviation.
    case instrument(index: Int, abbreviation: Bool)
    /// The head word of a national title (`Law`, `Code`, `Act`, `Loi`, `Ley`, `Закон`).
    case titleHead
}

/// One trigger literal with what it starts and how strictly it must be written. Plain data
/// (no arrays or strings inside), so the hot loop copies it without reference counting.
struct CiteTrigger: Sendable {
    /// Start of the folded literal in `CiteVocabulary.units`.
    let start: Int
    /// Number of folded units of the literal.
    let count: Int
    /// What it starts.
    let action: CiteAction
    /// The word must be written in capitals (`BIN`, `AL`, abbreviations).
    let upperOnly: Bool
    /// `CiteText.runLength` of the literal: the text's `alnumRun` must equal it (unless -1).
    let run: Int
    /// Whether the literal's first `run` units (at least one) are ASCII letters and digits:
    /// on a word of ASCII letters and digits they are compared as bytes
    /// (`CiteText.matchWord(_:_:_:_:_:miss:head:)`).
    let asciiHead: Bool
}

/// Triggers grouped by dispatch slot: the triggers of slot `s` are
/// `triggers[slotStart[s]..<slotStart[s + 1]]`.
struct CiteDispatch: Sendable {
    /// First trigger of each slot, plus one past the end.
    let slotStart: CiteTable<Int>
    /// Triggers sorted by slot.
    let triggers: CiteTable<CiteTrigger>

    /// Groups `triggers` by the slot of their first three key units, in list order within a
    /// slot (the order decides ties between triggers).
    ///
    /// A counting sort: stable, as the `sorted(by:)` it replaced is in the standard library
    /// (`_stableSortImpl`), and without its comparison closure (~0.8 M instructions at start-up).
    init(_ list: [(slot: Int, trigger: CiteTrigger)]) {
        var starts = [Int](repeating: 0, count: CiteVocabulary.slotCount + 1)
        for entry in list { starts[entry.slot + 1] += 1 }
        for s in 0..<CiteVocabulary.slotCount { starts[s + 1] += starts[s] }
        var next = starts
        var order = [Int](repeating: 0, count: list.count)
        for k in list.indices {
            order[next[list[k].slot]] = k
            next[list[k].slot] += 1
        }
        slotStart = CiteTable(starts)
        triggers = CiteTable(order.map { list[$0].trigger })
    }
}

/// The trigger vocabulary and its dispatch tables. A class: built once, shared by every
/// scanner without copying its arrays.
final class CiteVocabulary: Sendable {
    /// Every trigger literal, folded, one after another.
    let units: CiteTable<UInt32>
    /// Triggers that may start any word (`article`, `No.`, `annex`, `Id.`).
    let anyCase: CiteDispatch
    /// Triggers that need a capital (instrument names, title heads, `Exhibit`, `BIN`, `AL`).
    let capital: CiteDispatch

    /// Pairs of first two bytes that can start an any-case trigger: a lower-case word whose
    /// pair is not here is skipped without folding or hashing. Index `first << 8 | second`,
    /// `first` a lower-case ASCII letter (other rows are empty) and `second` the byte as
    /// written, any case, any value: the table holds its folding, so the main loop indexes it
    /// with the raw byte. A process-lifetime table: the main loop reads it through a pointer.
    let lowerPairsTable: CiteTable<Bool>

    /// A finer rule-out for lower-case ASCII words whose pair is in `lowerPairsTable`: by first
    /// letter, the classes (`lowerClassTable`) of the next two bytes, and one bit per length of the
    /// word's letter-and-digit run (bit 15: 15 or more), whether an any-case trigger can match
    /// there. Index `(first - 0x61) << 10 | class1 << 5 | class2`. `and`, `are`, `not`,
    /// `report` reach neither the slot hash nor the trigger loop. A process-lifetime table.
    let lowerRunsTable: CiteTable<UInt16>
    /// `lowerRunsTable` for words that start with an ASCII capital, over every trigger (any-case
    /// and capitalised), indexed by the capital's lower-case letter the same way: `Mr`, `The`,
    /// `Government`, `Ministry` are ruled out in the main loop (see `CiteScanner.run`) instead
    /// of being hashed to a slot and routed.
    let capitalRunsTable: CiteTable<UInt16>
    /// By folded unit (below `anyCaseFirstCount`; units above it always pass): whether an
    /// any-case trigger starts with it. A word that is not capitalised and starts with a unit
    /// not here (`был`, `для`, `été`) cannot start anything.
    /// A process-lifetime table: the main loop reads it through a pointer (as an array held
    /// here it was retained and released for every block).
    let anyCaseFirst: CiteTable<Bool>
    /// For a word that starts with a non-ASCII letter: by `pairIndex` of its first two folded
    /// units (`first << 8 | second`), whether an any-case trigger starts with them. Most words
    /// of Russian text (`было`, `для`, `при`) are ruled out on two folds, without the word's
    /// end, slots and routing. A process-lifetime table.
    let anyCasePairsTable: CiteTable<Bool>
    /// `anyCasePairsTable` over every trigger (any-case and capitalised), for capitalised words.
    let capitalPairsTable: CiteTable<Bool>

    /// Index of a folded unit in the pair tables: ASCII as is, U+0400–U+047E (Cyrillic, which
    /// most non-ASCII words are) from 0x80 on, every other unit 0xFF (shared, so it passes
    /// whenever some trigger has such a unit there).
    @inline(__always)
    static func pairIndex(_ f: UInt32) -> Int {
        if f < 0x80 { return Int(f) }
        if f &- 0x400 < 0x7F { return Int(f &- 0x400) + 0x80 }
        return 0xFF
    }

    /// Size of `anyCaseFirst`: Latin-1, Latin Extended and Cyrillic.
    static let anyCaseFirstCount = 0x530

    /// Class of a byte for `lowerRunsTable`: a letter (either case) 0–25, `.` 26, a digit 27,
    /// other ASCII 29; a non-ASCII byte is 31, and such a word takes the full path. A
    /// process-lifetime table, for the main loop.
    static let lowerClassTable = CiteTable((0..<256).map { c -> UInt8 in
        if c >= 0x80 { return 31 }
        if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { return UInt8((c | 0x20) - 0x61) }
        if c == 0x2E { return 26 }
        if c >= 0x30 && c <= 0x39 { return 27 }
        return 29
    })

    /// By byte: whether it is an ASCII letter or digit (`CiteText.isAsciiWord`). The main loop
    /// reads it through a pointer it holds for the whole scan, where one load and test cost
    /// less than the two range comparisons on every byte of every word.
    static let wordByteTable = CiteText.asciiWordTable

    /// Which dispatch tables have triggers in each slot (`anyCaseBit`, `capitalBit`): the main
    /// loop rules out a word whose slot is empty without entering the trigger loops. A
    /// process-lifetime table.
    let slotKindsTable: CiteTable<UInt8>
    /// By the last two folded units of a signal, each ASCII (bit `first << 7 | second`):
    /// whether some signal ends with them (every bit, were a signal shorter than two units).
    /// `CiteScanner.signal(before:)` rules out the word before most citations (`the`, `under`,
    /// `in`) on its last two bytes, before `CiteLits.matchBack` walks the candidates that end
    /// with its last letter. A process-lifetime table.
    let signalEndPairs: CiteTable<UInt64>
    /// The word lists the recognizers read in their loops, as one field of the shared
    /// vocabulary (which the scanner holds): read as statics, each use went through its lazy
    /// global's `swift_once` (~30 K times over bc20, several times for each word of a title).
    let lits = CiteHotLits()
    /// `slotKindsTable` bit: the slot has any-case triggers.
    static let anyCaseBit: UInt8 = 1
    /// `slotKindsTable` bit: the slot has capitalised triggers.
    static let capitalBit: UInt8 = 2

    /// Number of slots (a power of two).
    static let slotCount = 8192

    /// Slot of a pair of folded units (defined terms, which are few and per document).
    @inline(__always)
    static func slot(_ f1: UInt32, _ f2: UInt32) -> Int {
        Int(truncatingIfNeeded: (f1 &* 0x9E37_79B1) ^ (f2 &* 0x85EB_CA6B)) >> 3 & (slotCount - 1)
    }

    /// Slot of the first three key units of a word. The third unit counts only when the second
    /// is a letter or digit and the third a letter, digit or period (`No.` ≠ `No`, `Id.` ≠ `Ida`);
    /// otherwise it is 0, so `N° 5`, `N°5` and the literal `N°` meet.
    @inline(__always)
    static func slot(_ f1: UInt32, _ f2: UInt32, _ f3: UInt32) -> Int {
        Int(truncatingIfNeeded: (f1 &* 0x9E37_79B1) ^ (f2 &* 0x85EB_CA6B) ^ (f3 &* 0xC2B2_AE35)) >> 5 & (slotCount - 1)
    }

    /// The key units of a folded literal.
    static func keyUnits(_ lit: [UInt32]) -> (UInt32, UInt32, UInt32) {
        let f1 = lit[0]
        let f2 = lit.count > 1 ? lit[1] : 0
        var f3: UInt32 = 0
        if lit.count > 2 && CiteText.isAlnum(f2) && (CiteText.isAlnum(lit[2]) || lit[2] == 0x2E) { f3 = lit[2] }
        return (f1, f2, f3)
    }

    /// Exhibit label keys, indexed by `CiteAction.exhibit`.
    static let exhibitLabels = ["exhibit", "attachment", "enclosure", "annex", "appendix"]

    /// The shared vocabulary, built once.
    static let shared = CiteVocabulary()

    init() {
        var units: [UInt32] = []
        var lower: [(slot: Int, trigger: CiteTrigger)] = []
        var upper: [(slot: Int, trigger: CiteTrigger)] = []
        // Scratch for folding each word (reused: two arrays per word cost more than folding).
        var lit: [UInt32] = []
        var scratch: [UInt8] = []
        units.reserveCapacity(16_384)
        func add(_ words: [String], _ action: CiteAction, upper upperOnly: Bool = false, capital: Bool = false) {
            for w in words {
                CiteText.foldString(w, into: &lit, bytes: &scratch)
                guard lit.count >= 2 else { continue }
                let (f1, f2, f3) = CiteVocabulary.keyUnits(lit)
                precondition(f3 != 0x7E, "a trigger's third unit cannot be a stem ending: \(w)")
                let run = CiteText.runLength(lit)
                let trigger = CiteTrigger(start: units.count, count: lit.count, action: action, upperOnly: upperOnly,
                                          run: run, asciiHead: run > 0 && lit[0..<run].allSatisfy { $0 < 0x80 })
                units.append(contentsOf: lit)
                let entry = (CiteVocabulary.slot(f1, f2, f3), trigger)
                if upperOnly || capital { upper.append(entry) } else { lower.append(entry) }
            }
        }
        add(CiteVocabulary.articleWords, .article)
        add(CiteVocabulary.paragraphFirstWords, .paragraphFirst)
        add(["Exhibit", "Exhibits"], .exhibit(0), capital: true)
        add(["Attachment", "Pièce jointe"], .exhibit(1), capital: true)
        add(["Enclosure"], .exhibit(2), capital: true)
        add(["Annex", "Annexe", "Anexo", "Приложени~"], .exhibit(3))
        add(["Appendix", "Appendice", "Apéndice"], .exhibit(4))
        add(["Id.", "Ibid.", "Ibid", "Ibidem", "Там же"], .id)
        for (index, scheme) in CiteRegistrationSchemes.all.enumerated() { add(scheme.labels, .registration(index), upper: true) }
        add(["No.", "No", "Nos.", "Nr.", "N°", "Nº", "núm."], .numberSign)
        add(["Note", "notes", "nota", "нота", "ноту", "ноты", "ноте"], .noteWord)
        add(["Réf.", "Ref.", "Réf", "Ref", "Our ref.", "Your ref.", "Исх.", "Reference No.", "Référence"], .refWord)
        add(["resolution", "resolutions", "résolution", "résolutions", "resolución", "resoluciones", "резолюци~"], .resolution)
        // Case words (`case`, `affaire`, `дело`, `application`) start nothing: the number sign
        // after one is found on its own, and the word counts only as context there
        // (`numberContextWords`). As triggers they sent `application` and `communication` through
        // the trigger loop ~1,400 times over f40 for no citation.
        add(CiteVocabulary.communicationTypes, .communicationType, upper: true)
        add(CiteVocabulary.titleHeads, .titleHead, capital: true)
        for (index, entry) in CiteInstrumentTable.all.enumerated() {
            add(entry.abbreviations, .instrument(index: index, abbreviation: true), upper: true)
            add(entry.names, .instrument(index: index, abbreviation: false), capital: true)
        }
        var pairs = [Bool](repeating: false, count: 128 * 128)
        for (_, trigger) in lower {
            let f1 = units[trigger.start]
            let f2 = trigger.count > 1 ? units[trigger.start + 1] : 0
            guard f1 < 0x80 else { continue } // non-ASCII first letters always take the full path
            let column = f2 < 0x80 ? Int(f2) : 127
            pairs[Int(f1) * 128 + column] = true
            // Look-alike folding: a Cyrillic second letter folds to ASCII, so the non-ASCII
            // column must accept it too.
            pairs[Int(f1) * 128 + 127] = true
        }
        // By raw second byte: the column the main loop used to compute for it (capitals
        // lower-cased, other ASCII as is, every non-ASCII byte 127), looked up once here.
        // Only lower-case first letters are looked up (the main loop's lower-case path), so only
        // their rows are filled.
        var rawPairs = [Bool](repeating: false, count: 128 * 256)
        for first in 0x61...0x7A {
            for second in 0..<256 {
                let c1 = UInt8(second)
                let column = c1 >= 0x80 ? 127 : Int(c1 &- 0x41 < 26 ? c1 | 0x20 : c1)
                rawPairs[first << 8 | second] = pairs[first * 128 + column]
            }
        }
        self.lowerPairsTable = CiteTable(rawPairs)
        // Classes a folded literal unit can meet in an ASCII byte, as a range of classes: all
        // 32 for a stem `~` (any), none for a non-ASCII unit (words with non-ASCII bytes there
        // take the full path), else the one class. Ranges, not arrays: an array per unit and
        // trigger cost ~0.3 M instructions at start-up.
        func classes(_ u: UInt32) -> Range<Int> {
            if u == 0x7E { return 0..<32 }
            if u >= 0x80 { return 0..<0 }
            if u >= 0x61 && u <= 0x7A { return Int(u) - 0x61..<Int(u) - 0x60 }
            if u == 0x2E { return 26..<27 }
            if u >= 0x30 && u <= 0x39 { return 27..<28 }
            return 29..<30
        }
        /// The run masks of the triggers of `list` that start with an ASCII letter.
        func runMasks(_ list: [(slot: Int, trigger: CiteTrigger)]) -> [UInt16] {
            var runs = [UInt16](repeating: 0, count: 26 * 1024)
            runs.withUnsafeMutableBufferPointer { runs in
                for (_, trigger) in list {
                    let f1 = units[trigger.start]
                    guard f1 >= 0x61 && f1 <= 0x7A else { continue } // meets no ASCII letter
                    let mask: UInt16 = trigger.run < 0 ? 0xFFFF : 1 << UInt16(min(trigger.run, 15))
                    let c1 = trigger.count > 1 ? classes(units[trigger.start + 1]) : 0..<32
                    // After a space the literal's next unit may meet the text further on
                    // (`skipSpaces`); a stem second unit leaves the third free too.
                    let free = c1 == 0..<32 || c1 == 29..<30
                    let c2 = !free && trigger.count > 2 ? classes(units[trigger.start + 2]) : 0..<32
                    for k1 in c1 {
                        for k2 in c2 { runs[Int(f1 - 0x61) << 10 | k1 << 5 | k2] |= mask }
                    }
                }
            }
            return runs
        }
        self.lowerRunsTable = CiteTable(runMasks(lower))
        // A capitalised word meets the any-case triggers (`Article`) as well as the capitalised
        // ones (`Convention on …`, `ICCPR`).
        self.capitalRunsTable = CiteTable(runMasks(lower + upper))
        var firsts = [Bool](repeating: false, count: CiteVocabulary.anyCaseFirstCount)
        for (_, trigger) in lower {
            let f1 = Int(units[trigger.start])
            if f1 < firsts.count { firsts[f1] = true }
        }
        self.anyCaseFirst = CiteTable(firsts)
        /// The pair table of the triggers of `list`, by `pairIndex` of their first two units (a
        /// stem second unit allows every second unit).
        func pairTable(_ list: [(slot: Int, trigger: CiteTrigger)]) -> [Bool] {
            var table = [Bool](repeating: false, count: 256 * 256)
            for (_, trigger) in list {
                let row = CiteVocabulary.pairIndex(units[trigger.start]) << 8
                let u2 = units[trigger.start + 1] // every trigger has two units or more
                if u2 == 0x7E {
                    for column in 0..<256 { table[row | column] = true }
                } else {
                    table[row | CiteVocabulary.pairIndex(u2)] = true
                }
            }
            return table
        }
        self.anyCasePairsTable = CiteTable(pairTable(lower))
        self.capitalPairsTable = CiteTable(pairTable(lower + upper))
        self.units = CiteTable(units)
        let anyCase = CiteDispatch(lower)
        let capital = CiteDispatch(upper)
        var kinds = [UInt8](repeating: 0, count: CiteVocabulary.slotCount)
        for s in 0..<CiteVocabulary.slotCount {
            if anyCase.slotStart[s] < anyCase.slotStart[s + 1] { kinds[s] |= CiteVocabulary.anyCaseBit }
            if capital.slotStart[s] < capital.slotStart[s + 1] { kinds[s] |= CiteVocabulary.capitalBit }
        }
        self.slotKindsTable = CiteTable(kinds)
        var ends = [UInt64](repeating: 0, count: 128 * 128 / 64)
        for lit in CiteVocabulary.signals.literals {
            guard lit.count >= 2 else {
                ends = [UInt64](repeating: ~0, count: ends.count)
                break
            }
            // A non-ASCII unit meets no ASCII byte, and the rule-out reads only ASCII bytes.
            let (u1, u2) = (lit[lit.count - 2], lit[lit.count - 1])
            guard u1 < 0x80 && u2 < 0x80 else { continue }
            let bit = Int(u1) << 7 | Int(u2)
            ends[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.signalEndPairs = CiteTable(ends)
        self.anyCase = anyCase
        self.capital = capital
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
    static let paragraphMarkers = CiteLits([
        "¶¶", "¶", "paras.", "para.", "paras", "para", "paragraphs", "paragraph", "paragraphes", "paragraphe",
        "párrafos", "párrafo", "párrs.", "párr.", "pars.", "par.", "apartados", "apartado",
        "пункты", "пунктов", "пункт~", "п.", "част~", "ч.",
    ])

    /// Sub-paragraph markers (`al. 1`, `sub-paragraph (a)`, `lit. b`, `подпункт «а»`).
    static let subparagraphMarkers = CiteLits([
        "al.", "alinéas", "alinéa", "sub-paragraphs", "sub-paragraph", "subparagraphs", "subparagraph",
        "subpara.", "lit.", "letter", "inciso", "incisos", "подпункт~", "пп.",
    ])

    /// Part, chapter and section designators between an instrument and its article.
    static let chapterWords = CiteLits(["Ch.", "Chapter", "Chap.", "Chapitre", "Capítulo", "Глава", "гл."])
    /// Section designators.
    static let sectionWords = CiteLits(["§", "Section", "Sec.", "Раздел"])
    /// Part designators with a number (`Part II`).
    static let partWords = CiteLits(["Part", "Partie", "Parte", "Часть"])
    /// Part names written without a number (`Special Part`).
    static let namedParts = CiteLits(["Special Part", "General Part", "Partie spéciale", "Partie générale",
                                        "Parte Especial", "Parte General", "Особенн~ част~", "Общ~ част~"])

    /// Words linking an article to the instrument that follows (`of the`, `du`, `del`).
    static let ofWords = CiteLits(["of the", "of", "in the", "under the", "du", "de la", "de l'", "des", "de", "del",
                                     "de los", "de las", "à la", "au"])

    /// Words linking a paragraph to its article in the paragraph-first form.
    static let paragraphOfWords = CiteLits(["of", "de l'", "de la", "del", "of the", "to"])

    /// List connectors (`4, 9 and 10`).
    static let listConnectors = CiteLits(["and", "&", "et", "y", "и", "or", "ou", "o", "или"])
    /// Range connectors (`2 to 5`).
    static let rangeConnectors = CiteLits(["to", "through", "à", "a", "al", "по"])

    /// Definite articles that make a bare generic head (`the Convention`) refer back.
    static let definiteArticles = CiteLits(["the", "la", "le", "l'", "el", "los", "du", "del", "au", "des"])

    /// Connectors allowed inside a national title (`Law on State Guarantees of Equal Rights…`).
    static let titleConnectors = CiteLits([
        "on", "of", "the", "and", "for", "in", "to", "with", "against", "between", "from", "at", "by", "a", "an",
        "concerning", "regarding", "relating", "or", "its", "their",
        "sur", "de", "du", "des", "la", "le", "les", "l", "relatif", "relative", "relatifs", "relatives", "aux", "au",
        "et", "à", "pour", "en", "portant", "del", "las", "los", "el", "y", "sobre", "para", "contra",
        "о", "об", "и", "в", "на",
    ])

    /// Prepositions that start the name part of a head-first title (`Law on`, `Loi relative`).
    static let titlePrepositions = CiteLits([
        "on", "of", "between", "for", "against", "relating", "entre", "concerning", "regarding", "relating", "sur", "relatif", "relative", "portant", "du", "des",
        "de", "del", "sobre", "о", "об",
    ])

    /// Capitalised words that never start or extend a title backwards (`See Law…`, `The Act`).
    static let titleStopWords = CiteLits([
        "see", "cf", "compare", "voir", "vease", "the", "this", "that", "these", "those", "under", "in", "by", "and",
        "or", "but", "also", "moreover", "further", "furthermore", "a", "an", "its", "their", "our", "his", "her",
        "such", "any", "each", "every", "all", "new", "if", "when", "while", "as", "for", "with", "to", "of", "on",
        "la", "le", "les", "el", "los", "las", "une", "un", "una", "ce", "cette", "este", "esta", "i", "we", "it",
        "no", "nos", "nr", "pursuant", "according", "article", "art", "id", "ibid",
    ])

    /// Introductory signals, longest first, folded; matched backwards before a citation.
    static let signalTexts: [String] = [
        "See, e.g.,", "see, e.g.,", "See also", "see also", "But see", "but see", "See generally", "See", "see",
        "Cf.", "cf.", "Compare", "compare", "E.g.,", "e.g.,", "e.g.", "Voir aussi", "voir aussi", "Voir", "voir",
        "Véase también", "véase también", "Véase", "véase", "См. также", "см. также", "См.", "см.",
    ]
    /// Signals, folded, in the order of `signalTexts`.
    static let signals = CiteLits(signalTexts)

    /// What a folded word before a number sign says (`numberContext` bits), by folded string:
    /// the form `numberContextWords` answers as, kept as the reference its tests compare with
    /// (the scanner reads `numberContextWords`).
    static let numberContext: [String: UInt8] = {
        var table: [String: UInt8] = [:]
        for w in resolutionContextWords { table[w, default: 0] |= contextResolution }
        for w in referenceContextWords { table[w, default: 0] |= contextReference }
        for w in caseContextWords { table[w, default: 0] |= contextCase }
        for w in instrumentNumberWords { table[w, default: 0] |= contextInstrumentNumber }
        for w in noteWords { table[w, default: 0] |= contextNote }
        return table
    }()
    /// What a folded word before a number sign says, by folded units, for reading a word's bits
    /// off the text without building its folded string and hashing it (~1,000 instructions a
    /// word before). Built from the word lists, not from `numberContext`: folding the sets into
    /// strings cost ~1.4 M instructions at start-up.
    static let numberContextWords = CiteFoldedWords([
        (resolutionContextList, contextResolution), (referenceContextList, contextReference),
        (caseContextList, contextCase), (instrumentNumberList, contextInstrumentNumber), (noteWordList, contextNote),
    ])

    /// `numberContext` bit: `resolutionContextWords`.
    static let contextResolution: UInt8 = 1
    /// `numberContext` bit: `referenceContextWords`.
    static let contextReference: UInt8 = 2
    /// `numberContext` bit: `caseContextWords`.
    static let contextCase: UInt8 = 4
    /// `numberContext` bit: `instrumentNumberWords`.
    static let contextInstrumentNumber: UInt8 = 8
    /// `numberContext` bit: `noteWords`.
    static let contextNote: UInt8 = 16

    /// Words whose presence before a number sign makes it a case number.
    static let caseContextWords: Set<String> = folded(caseContextList)
    /// `caseContextWords` as written.
    static let caseContextList = [
        "case", "cases", "affaire", "caso", "дело", "делу", "деле", "decision", "decisions", "judgment", "judgement",
        "ruling", "arret", "sentencia", "решение", "решения", "постановление", "court", "chamber", "tribunal",
        "cour", "corte", "sala", "суд", "суда", "application", "communication", "appeal", "petition", "complaint",
    ]

    /// Words before a number sign that make it a reference (a note's number).
    static let referenceContextWords: Set<String> = folded(referenceContextList)
    /// `referenceContextWords` as written.
    static let referenceContextList = [
        "note", "notes", "nota", "нота", "ноты", "ноту", "ноте", "letter", "lettre", "carta", "письмо", "письма",
        "ref", "reference", "reference no", "исх", "вх", "verbale",
    ]

    /// Words before a number sign that make it an instrument's own number (`Law No. 5`): not
    /// cited as a reference, case or resolution.
    static let instrumentNumberWords: Set<String> = folded(instrumentNumberList)
    /// `instrumentNumberWords` as written.
    static let instrumentNumberList = [
        "law", "act", "decree", "order", "protocol", "regulation", "ordinance", "loi", "decret", "ley", "decreto",
        "закон", "закона", "указ", "указа", "приказ", "приказа", "convention", "item", "page", "pages", "room",
        "box", "telephone", "tel", "fax", "phone", "house", "building", "office", "flat",
    ]

    /// Words before a number sign that make it a resolution number.
    static let resolutionContextWords: Set<String> = folded(resolutionContextList)
    /// `resolutionContextWords` as written.
    static let resolutionContextList = [
        "resolution", "resolutions", "resolucion", "резолюция", "резолюции", "резолюцию",
    ]

    /// Words that, before a bare `CHN 4/2021`, show it is a communication reference.
    static let communicationContextWords = CiteLits([
        "communication", "communications", "letter", "ref", "reference", "lettre", "comunicación", "сообщени~",
    ])

    /// Head words of court names, searched backwards from a case number.
    static let courtHeads = CiteLits(["court", "tribunal", "chamber", "cour", "corte", "sala", "committee"])

    /// UN document symbol first elements (`A/`, `CCPR/`, `E/C.12/`).
    static let symbolPrefixes: Set<String> = [
        "A", "S", "E", "ST", "CCPR", "CERD", "CEDAW", "CRC", "CAT", "CMW", "CRPD", "CED", "HRI", "UNEP", "TD", "DP",
        "ICEF", "CD", "SG", "UNW", "IDB", "PBC", "HRC",
    ]

    /// Resolution bodies: spellings in the four languages → key slug and canonical name.
    static let bodyTable: [(written: String, slug: String, name: String)] = [
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
    ]
    /// Body spellings, folded, in the order of `bodyTable`.
    static let bodies = CiteLits(bodyTable.map(\.written))

    /// Folds every word of a set, so look-ups with `CiteScanner.foldedWord` match.
    static func folded(_ words: [String]) -> Set<String> {
        Set(words.map { String(String.UnicodeScalarView(CiteText.foldString($0).compactMap(Unicode.Scalar.init))) })
    }

    /// Article words, folded.
    static let articleLits = CiteLits(articleWords)

    /// Title head words, folded, for set look-ups (Russian stems by prefix in `romanceHeads`).
    static let titleHeadSet = CiteLits(["law", "laws", "code", "act", "acts", "decree", "ordinance", "statute",
                                                   "agreement", "treaty", "convention", "protocol", "charter", "covenant",
                                                   "declaration", "accord", "acuerdo", "tratado", "convenio", "convención",
                                                   "regulation", "regulations", "loi", "décret", "ordonnance", "ley",
                                                   "decreto", "reglamento", "código"])

    /// Heads of titles whose name part is written in lower case (French, Spanish, Russian):
    /// matched as prefixes of the folded head word.
    static let romanceHeads = CiteLits(["loi", "décret", "ordonnance", "ley", "decreto", "reglamento", "código",
                                        "закон~", "кодекс~", "указ~"])

    /// Head words whose head-last titles are cited as instruments (`Public Finance Act`).
    static let formalHeadLast = CiteLits(["act", "acts", "agreement", "treaty"])

    /// Treaty head words whose short titles (`Vienna Convention`) refer back by prefix.
    static let treatyHeads = CiteLits(["convention", "covenant", "protocol", "charter", "agreement", "treaty",
                                       "pacte", "pacto", "convención", "convenio", "конвенци~", "пакт~"])

    /// `of` between an instrument number and its year (`No. 2 of 2021`).
    static let titleOf = CiteLits(["of", "de", "du", "от"])

    /// Words joining comma-continued title parts (`Pickets, and Demonstrations`).
    static let titleAnd = CiteLits(["and", "or", "et", "y"])

    /// Stop words that may still sit inside a title (`Law On the Procedure`).
    static let titleInnerStops = CiteLits(["the", "on", "of"])

    /// Lower-case words allowed between the capitalised words before a head-last title.
    static let headLastConnectors = CiteLits(["against", "and", "of", "for", "on", "in", "with", "to", "the"])

    /// Capitalised words that end a title read forwards (`… Law, See …`, `… Act No. 5`):
    /// signals and pinpoint words, not ordinary title words such as `All` or `New`.
    static let titleBreakWords = CiteLits(["see", "cf", "compare", "voir", "véase", "no", "nos", "nr", "art", "article",
                                           "id", "ibid", "i", "we", "it", "this", "that", "these", "those", "if", "when",
                                           "while", "but", "moreover", "further", "furthermore", "also"])

    /// Designator words that end a comma-continued title (`…, Special Part, Ch. 3`).
    static let designatorWords = CiteLits(["special", "general", "part", "ch", "chapter", "section", "sec"])

    /// A rule-out for the capitalised words of a title: by first letter (either case, as
    /// `lowerRunsTable`), the `lowerClassTable` classes of the next two bytes, and one bit per
    /// length (bit 15: 15 or more), whether a word of ASCII letters and digits could be a
    /// stop word, a title head, a month, an article word or a break word. A title walk
    /// tried all five look-ups on every capitalised word (~800 instructions), though most
    /// words of a name (`Federal`, `Kazakhstan`) are in none of them.
    ///
    /// Exact by construction: a literal's leading ASCII letters and digits (`r` units) must
    /// meet the word's bytes one for one, and the unit after them (a period, a space, a
    /// non-ASCII letter) meets no letter or digit, so the word has `r` of them, or `r` or more
    /// after a stem `~`. Positions past the run allow every class. A process-lifetime table.
    static let titleStopFilter: CiteTable<UInt16> = {
        var table = [UInt16](repeating: 0, count: 26 * 1024)
        let lists = [titleStopWords, titleHeadSet, CiteDates.months, articleLits, titleBreakWords]
        /// The class of a folded unit met in the text's bytes (`lowerClassTable`'s classes).
        func unitClass(_ u: UInt32) -> Int {
            if u >= 0x61 && u <= 0x7A { return Int(u) - 0x61 }
            return 27 // a digit: the only other unit a leading run holds
        }
        for lit in lists.flatMap(\.literals) {
            guard let first = lit.first else { continue }
            // An ASCII letter's byte folds to its lower-case letter, never to another unit:
            // a literal that starts otherwise (non-ASCII, a digit, a period) meets no such
            // word, except through a leading stem or space, which would allow any word.
            if first == 0x7E || first == CiteText.space {
                for k in table.indices { table[k] = 0xFFFF }
                continue
            }
            guard first >= 0x61 && first <= 0x7A else { continue }
            var r = 0
            while r < lit.count && lit[r] < 0x80 && CiteText.isAlnum(lit[r]) { r += 1 }
            let stem = r < lit.count && lit[r] == 0x7E
            let low = min(r, 15)
            var mask: UInt16 = 1 << UInt16(low)
            if stem { for length in low...15 { mask |= 1 << UInt16(length) } }
            // Class ranges, not arrays (an array or two per literal at start-up).
            let c1 = r >= 2 ? unitClass(lit[1])..<unitClass(lit[1]) + 1 : 0..<32
            let c2 = r >= 3 ? unitClass(lit[2])..<unitClass(lit[2]) + 1 : 0..<32
            for k1 in c1 {
                for k2 in c2 { table[Int(first - 0x61) << 10 | k1 << 5 | k2] |= mask }
            }
        }
        return CiteTable(table)
    }()

    /// Generic heads, folded.
    static let genericHeadLits = CiteLits(CiteInstrumentTable.genericHeads.map(\.word))

    /// Lower-case words allowed inside an exhibit title (`Decision of Judicial Chamber`).
    static let exhibitTitleConnectors = CiteLits(["of", "the", "and", "for", "on", "in", "to", "de", "du",
                                                            "des", "la", "le", "del", "y", "et", "a"])

    /// Number signs, folded.
    static let numberSignLits = CiteLits(["No.", "No", "Nos.", "Nr.", "N°", "Nº", "núm.", "№"])

    /// Note words (lower-case `no` counts as a number sign after them).
    static let noteWords: Set<String> = folded(noteWordList)
    /// `noteWords` as written.
    static let noteWordList = ["note", "notes", "nota", "нота", "ноты", "ноту", "ноте", "verbale"]

    /// `registered` before a registration date.
    static let registeredWords = CiteLits(["registered", "зарегистрирован~", "enregistré~", "registrad~"])

    /// Words introducing a date after a number (`of`, `du`, `dated`, `от`).
    static let dateIntroducers = CiteLits(["of", "on", "dated", "from", "du", "de", "del", "en date du", "от", "le"])
}

/// Words folded (as `CiteVocabulary.folded` folds them) with a value each, looked up by the
/// word's bytes in the text: the answer of `table[scanner.foldedWord(s, e)]` for the table of
/// folded strings, without building that string or hashing it.
///
/// A word matches a key when the folded scalars of `s..<e` are the key's units, one for one.
/// Keys are compared by units, not by `String` equality (canonical equivalence): the keys are
/// letters without combining marks and a text word's folded units never hold a mark either (a
/// mark is no letter, so it ends a word), so the two comparisons agree.
struct CiteFoldedWords: Sendable {
    /// Every key's units, one key after another (process-lifetime: built for `static let`s).
    private let units: CiteTable<UInt32>
    /// Start, length and value of each key, side by side, grouped by first unit: ASCII first
    /// units one group each, the rest in the last group.
    private let entries: CiteTable<Int>
    /// Where each of the 129 groups starts in `entries` (in entries of three), plus its end.
    private let groupStart: CiteTable<Int>
    /// The most units a key has: a word of more folded units equals none.
    private let longestKey: Int

    /// Folds the words of each list and gives each folded word the values of the lists it is
    /// in, or-ed (as a dictionary of folded strings filled list by list with `|=`).
    init(_ lists: [(words: [String], value: UInt8)]) {
        var keys: [[UInt32]] = []
        var values: [UInt8] = []
        for (words, value) in lists {
            for word in words {
                // `folded` drops a unit that is no scalar (none in the lists).
                let lit = CiteText.foldString(word).filter { Unicode.Scalar($0) != nil }
                if let k = keys.firstIndex(where: { $0.count == lit.count && $0.first == lit.first && $0 == lit }) {
                    values[k] |= value
                } else {
                    keys.append(lit)
                    values.append(value)
                }
            }
        }
        var units: [UInt32] = []
        var groups = [[Int]](repeating: [], count: 129)
        // Distinct keys have distinct units, so at most one matches a word: their order
        // decides nothing.
        for (k, lit) in keys.enumerated() {
            guard let first = lit.first else { continue }
            groups[Int(min(first, 128))] += [units.count, lit.count, Int(values[k])]
            units += lit
        }
        var starts: [Int] = []
        var entries: [Int] = []
        for group in groups {
            starts.append(entries.count / 3)
            entries += group
        }
        starts.append(entries.count / 3)
        self.units = CiteTable(units)
        self.entries = CiteTable(entries)
        self.groupStart = CiteTable(starts)
        self.longestKey = keys.map(\.count).max() ?? 0
    }
    /// The value of the key equal to the folded word `s..<e` of `b`, or nil.
    ///
    /// The word is folded once, unit by unit as `foldedWord` folds it (every scalar starting
    /// before `e`), into a buffer on the stack, and compared with the keys of its length: a
    /// word of Russian text was folded again for every key of the non-ASCII group.
    func value(_ b: [UInt8], _ s: Int, _ e: Int) -> UInt8? {
        guard s < e else { return nil }
        let f = CiteText.fold(b, s).0
        let g = Int(min(f, 128))
        let from = groupStart[g]
        let to = groupStart[g + 1]
        guard from < to else { return nil }
        let limit = longestKey
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: limit + 1) { word -> UInt8? in
            var m = 0
            var j = s
            while j < e {
                // More units than any key has: equal to none.
                if m == limit { return nil }
                let (u, l) = CiteText.fold(b, j)
                word[m] = u
                m += 1
                j += l
            }
            for k in from..<to where entries[3 * k + 1] == m {
                let start = entries[3 * k]
                var i = 0
                while i < m && word[i] == units[start + i] { i += 1 }
                if i == m { return UInt8(truncatingIfNeeded: entries[3 * k + 2]) }
            }
            return nil
        }
    }
}

/// The static word lists of `CiteVocabulary` that the recognizers read in loops, copied once
/// into the shared vocabulary (`CiteVocabulary.lits`). The lists themselves are the statics; a
/// `CiteLits` is a few words of pointers into memory that is never freed.
struct CiteHotLits: Sendable {
    /// `CiteVocabulary.titlePrepositions`.
    let titlePrepositions = CiteVocabulary.titlePrepositions
    /// `CiteVocabulary.headLastConnectors`.
    let headLastConnectors = CiteVocabulary.headLastConnectors
    /// `CiteVocabulary.titleStopWords`.
    let titleStopWords = CiteVocabulary.titleStopWords
    /// `CiteVocabulary.titleHeadSet`.
    let titleHeadSet = CiteVocabulary.titleHeadSet
    /// `CiteVocabulary.titleAnd`.
    let titleAnd = CiteVocabulary.titleAnd
    /// `CiteVocabulary.titleBreakWords`.
    let titleBreakWords = CiteVocabulary.titleBreakWords
    /// `CiteVocabulary.designatorWords`.
    let designatorWords = CiteVocabulary.designatorWords
    /// `CiteVocabulary.titleConnectors`.
    let titleConnectors = CiteVocabulary.titleConnectors
    /// `CiteVocabulary.romanceHeads`.
    let romanceHeads = CiteVocabulary.romanceHeads
    /// `CiteVocabulary.numberSignLits`.
    let numberSignLits = CiteVocabulary.numberSignLits
    /// `CiteVocabulary.formalHeadLast`.
    let formalHeadLast = CiteVocabulary.formalHeadLast
    /// `CiteVocabulary.treatyHeads`.
    let treatyHeads = CiteVocabulary.treatyHeads
    /// `CiteVocabulary.titleOf`.
    let titleOf = CiteVocabulary.titleOf
    /// `CiteVocabulary.articleLits`.
    let articleLits = CiteVocabulary.articleLits
    /// `CiteVocabulary.namedParts`.
    let namedParts = CiteVocabulary.namedParts
    /// `CiteVocabulary.partWords`.
    let partWords = CiteVocabulary.partWords
    /// `CiteVocabulary.chapterWords`.
    let chapterWords = CiteVocabulary.chapterWords
    /// `CiteVocabulary.sectionWords`.
    let sectionWords = CiteVocabulary.sectionWords
    /// `CiteVocabulary.paragraphMarkers`.
    let paragraphMarkers = CiteVocabulary.paragraphMarkers
    /// `CiteVocabulary.subparagraphMarkers`.
    let subparagraphMarkers = CiteVocabulary.subparagraphMarkers
    /// `CiteVocabulary.ofWords`.
    let ofWords = CiteVocabulary.ofWords
    /// `CiteVocabulary.listConnectors`.
    let listConnectors = CiteVocabulary.listConnectors
    /// `CiteVocabulary.rangeConnectors`.
    let rangeConnectors = CiteVocabulary.rangeConnectors
}
