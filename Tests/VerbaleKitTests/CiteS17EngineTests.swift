import Testing
@testable import VerbaleKit

/// Session 17's changes to the citation engine's internals keep their answers: instrument
/// references sharing one box of strings, `Id.` resolution on arrays, and trigger matching that
/// folds two-byte letters through the scanner's table.
@Suite("Citation engine internals keep their answers")
struct CiteS17EngineTests {
    // MARK: Instrument references

    @Test("a reference's copies keep its fields; byPrefix changes only the copy it is set on")
    func referenceBox() {
        let a = CiteInstrumentRef(name: "Law on Mass Media", slug: "", source: "explicit", genericHead: nil)
        var b = a
        b.byPrefix = true
        #expect(a.byPrefix == false && b.byPrefix == true)
        #expect(b.name == "Law on Mass Media" && b.slug == "" && b.source == "explicit" && b.genericHead == nil)
        #expect(a.keySlug == CiteText.slug("Law on Mass Media"))
        let g = CiteInstrumentRef(name: "Convention", slug: "convention", source: "explicit", genericHead: "Convention")
        #expect(g.genericHead == "Convention" && g.keySlug == "convention")
    }

    @Test("references are equal exactly when their fields are, whether or not they share a box")
    func referenceEquality() {
        let a = CiteInstrumentRef(name: "ICCPR", slug: "iccpr", source: "explicit")
        let same = CiteInstrumentRef(name: "ICCPR", slug: "iccpr", source: "explicit")
        #expect(a == same && a == a)
        #expect(a != CiteInstrumentRef(name: "ICCPR", slug: "iccpr", source: "context"))
        #expect(a != CiteInstrumentRef(name: "ICCPR", slug: "iccpr", source: "explicit", genericHead: "Covenant"))
        #expect(a != CiteInstrumentRef(name: "ICCPR", slug: "iccpr2", source: "explicit"))
        var p = a
        p.byPrefix = true
        #expect(p != a)
        // Canonically equal names compare as String does.
        #expect(CiteInstrumentRef(name: "Caf\u{E9}", slug: "", source: "x") == CiteInstrumentRef(name: "Cafe\u{301}", slug: "", source: "x"))
    }

    @Test("hasLowerPrefix on the prefix's bytes answers as the string form and the Unicode comparison")
    func lowerPrefixBytes() {
        let names = ["Vienna Convention on Diplomatic Relations", "VIENNA CONVENTION", "Vienna", "vienna convention",
                     "Vienna Convention", "Vienna Convention\u{301} on", "Vienna Conventión on", "Viénna Convention on",
                     "", " ", "Vienna  Convention on", "Optional Protocol to the Convention", "Optional Protocol",
                     "Ⅳ Convention", "Vienna Convention\u{00A0}on", "Kelvin \u{212A} Convention on"]
        let prefixes = ["vienna convention ", "optional protocol ", "v ", " ", "kelvin k "]
        for name in names {
            for prefix in prefixes {
                let bytes = Array(prefix.utf8)
                let fast = CitationEngine.hasLowerPrefix(name, prefix, bytes: bytes)
                #expect(fast == CitationEngine.hasLowerPrefix(name, prefix), "\(name) / \(prefix)")
                #expect(fast == name.lowercased().hasPrefix(prefix), "\(name) / \(prefix)")
            }
        }
    }

    // MARK: Id. antecedents

    /// `resolveIds` as it was written on dictionaries, kept as the reference.
    static func referenceResolveIds(_ all: inout [Citation], noteOrder: [Int]) {
        var lastMain: Int? = nil
        var lastInNote: [Int: Int] = [:]
        var previousNote: [Int: Int] = [:]
        for (k, f) in noteOrder.enumerated() where k > 0 { previousNote[f] = noteOrder[k - 1] }
        var antecedentIndex: [Int: Int] = [:]
        for index in all.indices {
            let note = all[index].footnote
            if all[index].kind == .id {
                var target: Int?
                if let note {
                    target = lastInNote[note] ?? previousNote[note].flatMap { lastInNote[$0] }
                } else {
                    target = lastMain
                }
                if let t = target, all[t].kind == .id { target = antecedentIndex[t] }
                if let t = target {
                    antecedentIndex[index] = t
                    all[index].antecedent = all[t].id
                    all[index].key = all[t].key
                }
            }
            if let note { lastInNote[note] = index } else { lastMain = index }
        }
    }

    @Test("Id. antecedents on arrays equal the dictionary resolution, notes missing from the order too")
    func idResolution() {
        var rng = SeededRandom(seed: 0x17_1D)
        for round in 0..<500 {
            let count = rng.next(40)
            let notes = [Int](1...(1 + rng.next(8))).map { $0 * (1 + rng.next(3)) }
            var all: [Citation] = []
            for k in 0..<count {
                let kind: CitationKind = rng.next(3) == 0 ? .id : .article
                var c = Citation(kind: kind, text: "t", span: ByteSpan(k, k + 1))
                c.id = "c_\(k + 1)"
                c.key = "key\(k)"
                c.footnote = rng.next(3) == 0 ? nil : notes[rng.next(notes.count)]
                all.append(c)
            }
            // Usually every note is announced, in first-appearance order; sometimes some are
            // left out or the order is shuffled, as a caller could pass.
            var order: [Int] = []
            for c in all { if let f = c.footnote, !order.contains(f) { order.append(f) } }
            if rng.next(4) == 0, !order.isEmpty { order.remove(at: rng.next(order.count)) }
            if rng.next(4) == 0 { order.reverse() }
            var fast = all
            var slow = all
            CitationEngine.resolveIds(&fast, noteOrder: order)
            Self.referenceResolveIds(&slow, noteOrder: order)
            #expect(fast == slow, "round \(round)")
            if fast != slow { return }
        }
        var empty: [Citation] = []
        CitationEngine.resolveIds(&empty, noteOrder: [3])
        #expect(empty.isEmpty)
    }

    @Test("noteOrder lists each footnote once, in first-appearance order")
    func noteOrder() {
        let text = MappedText()
        let sources = [nil, 2, 2, nil, 1, 1, 2, 3, 3, nil, 1].enumerated().map {
            CitationSource(block: "b\($0.offset)", footnote: $0.element, text: text)
        }
        #expect(CitationEngine.noteOrder(sources) == [2, 1, 3])
        #expect(CitationEngine.noteOrder([]) == [])
    }

    // MARK: Trigger matching with the two-byte table

    /// Pieces of generated texts: Cyrillic, accented and Latin words of the trigger tables in
    /// several cases, look-alike letters, odd spaces and punctuation.
    static let pieces: [String] = [
        "статья", "Статьи", "ст.", "пункт", "Закон", "Закона", "Республики", "Казахстан", "о", "и", "нота",
        "Международного", "пакта", "Конвенции", "Приложение", "резолюции", "Там же", "Исх.",
        "Convention", "Convención", "Résolution", "artículo", "Pièce jointe", "Loi", "Code", "Law", "ICCPR",
        "on", "of the", "а", "е", "é", "É", "ё", "\u{00A0}", "\u{2013}", "«", "»", " ", "  ", ".", ",", "1", "19",
    ]

    @Test("trigger matching with the scanner's two-byte table equals the plain fold, through misses")
    func twoByteMatching() {
        var rng = SeededRandom(seed: 0x2B_17)
        let vocab = CiteVocabulary.shared
        let twoByte = CiteText.twoByteFoldTable.buffer
        var matched = 0
        for _ in 0..<250 {
            var b: [UInt8] = []
            for _ in 0..<(1 + rng.next(8)) {
                b += Array(Self.pieces[rng.next(Self.pieces.count)].utf8)
                if rng.next(3) != 0 { b.append(0x20) }
            }
            for i in b.indices where b[i] & 0xC0 != 0x80 && CiteText.isWordAt(b, i) {
                let (run, ascii) = CiteText.alnumRunASCII(b, i)
                for table in [vocab.anyCase, vocab.capital] {
                    var tableMiss = CiteMiss()
                    var plainMiss = CiteMiss()
                    for t in 0..<table.triggers.count {
                        let trigger = table.triggers[t]
                        let lit = vocab.units.pointer(trigger.start)
                        let head = ascii && trigger.asciiHead && (trigger.run < 0 || trigger.run == run) ? run : 0
                        let fast = CiteText.matchWord(lit, trigger.count, b, i, b.count, miss: &tableMiss, head: head,
                                                      twoByte: twoByte)
                        let plain = CiteText.matchWord(lit, trigger.count, b, i, b.count, miss: &plainMiss, head: head)
                        #expect(fast == plain, "trigger \(t) at \(i) of \(String(decoding: b, as: UTF8.self))")
                        #expect(tableMiss.unit == plainMiss.unit && tableMiss.at == plainMiss.at)
                        if plain != nil { matched += 1 }
                    }
                }
            }
        }
        // A floor on how much matching the random text exercised, not a count of behaviour.
        #expect(matched > 100)
    }
}
