import FoundationEssentials
import Synchronization

/// Finds, normalizes and resolves the citations of a document.
public enum CitationEngine {
    /// Scans `sources` (blocks in source order) and returns citations sorted by source start,
    /// with ids `c_1`, `c_2`… in that order, `block`/`footnote` filled, spans in source bytes,
    /// instruments resolved from context and `definitions`, and `Id.` antecedents set to ids.
    public static func scan(_ sources: [CitationSource], definitions: [Definition]) -> [Citation] {
        scan(sources, definitions: definitions, firstNumber: 1)
    }

    /// The canonical key of the first citation in `query` (`ICCPR art. 19(3)` →
    /// `iccpr/art19/para3`), for looking a user's query up in the citation index; nil when the
    /// query holds no citation. Prefix-match the result on a `/` boundary to find narrower
    /// pinpoints (`iccpr/art19` finds `iccpr/art19/para3`).
    public static func key(forQuery query: String) -> String? {
        var text = MappedText()
        text.append(contentsOf: Array(query.utf8), from: 0)
        let found = scan([CitationSource(block: "query", footnote: nil, text: text)], definitions: [])
        return found.first(where: { $0.kind != .id })?.key
    }

    /// `scan` with ids numbered from `c_firstNumber` (a window of a large document continues
    /// the numbering of the windows before it).
    static func scan(_ sources: [CitationSource], definitions: [Definition], firstNumber: Int) -> [Citation] {
        let terms = termTable(definitions)
        let termSpans = definitions.map(\.termSpan)
        // Term spans by start, so each block finds its own by bisection: a compiled volume has
        // thousands of definitions, and a walk over all of them per block was quadratic.
        let spansByStart = termSpans.indices.sorted { termSpans[$0].start != termSpans[$1].start ? termSpans[$0].start < termSpans[$1].start : $0 < $1 }
        let longestTerm = termSpans.reduce(0) { max($0, $1.end - $1.start) }

        var all: [Citation] = []
        // Room for as many citations as blocks, up to 256 (~60 KB): the scanner appends into
        // this array, and its growth from empty moved every citation at each doubling
        // (~0.9 M instructions over f40, as much as building a few hundred citations).
        all.reserveCapacity(min(sources.count, 256))
        // Context state: the instrument last named in each chain (main text = nil footnote),
        // as its index in `history`.
        var lastInstrument = CiteLastInstruments()
        var history: [CiteInstrumentRef] = []
        var scanner = CiteScanner(bytes: [], terms: terms, quietRanges: [])
        // One buffer for every article key of the document.
        var keyBytes: [UInt8] = []

        for source in sources {
            let mapped = source.text
            let bytes = mapped.bytes
            guard !bytes.isEmpty else { continue }
            var quiet: [Range<Int>] = []
            if !termSpans.isEmpty {
                let first = mapped.sourceOffset(0)
                // Spans that can reach into the block start no earlier than `first - longestTerm`.
                var low = 0
                var high = spansByStart.count
                while low < high {
                    let mid = (low + high) / 2
                    if termSpans[spansByStart[mid]].start < first - longestTerm { low = mid + 1 } else { high = mid }
                }
                var inBlock: [Int] = []
                // The block's end is mapped only when some span starts late enough to reach into
                // it (blocks after the last definition are most of a document).
                if low < spansByStart.count {
                    let last = mapped.sourceOffset(bytes.count)
                    while low < spansByStart.count, termSpans[spansByStart[low]].start < last {
                        if termSpans[spansByStart[low]].end > first { inBlock.append(spansByStart[low]) }
                        low += 1
                    }
                }
                if inBlock.count > 1 { inBlock.sort() }
                for span in inBlock.lazy.map({ termSpans[$0] }) {
                    // Map the definition's source span back to text offsets by bisection on
                    // the monotonic text → source map.
                    let s = textOffset(mapped, span.start)
                    let e = textOffset(mapped, span.end)
                    if e > s { quiet.append(max(0, s - 1)..<e + 1) }
                }
            }
            scanner.reset(bytes: bytes, quietRanges: quiet)
            let first = all.count
            // The scanner's lists run on over the document: this block's part starts here.
            let firstMention = scanner.mentions.count
            let firstNote = scanner.articleNotes.count
            swap(&scanner.out, &all)
            scanner.run(bytes)
            swap(&scanner.out, &all)

            // Walk citations and mentions together in text order (both lists are in scan
            // order): context must see exactly what was named before each citation. Citations
            // are settled in place in `all`.
            let chain = source.footnote
            // Read in place: the scanner is not used again until the next block, when these
            // references are gone (so its appends do not copy the lists).
            let mentions = scanner.mentions
            let notes = scanner.articleNotes
            var m = firstMention
            var n = firstNote
            for k in first..<all.count {
                let position = all[k].span.start
                while m < mentions.count && mentions[m].position <= position {
                    var ref = mentions[m].instrument
                    if ref.genericHead != nil || ref.byPrefix { ref = resolveGeneric(ref, history) }
                    history.append(ref)
                    lastInstrument[chain] = history.count - 1
                    m += 1
                }
                if n < notes.count && notes[n].index == k {
                    let note = notes[n]
                    n += 1
                    if note.byPrefix, let name = all[k].instrument {
                        var short = CiteInstrumentRef(name: name, slug: all[k].key, source: "explicit")
                        short.byPrefix = true
                        let ref = resolveGeneric(short, history)
                        all[k].instrument = ref.name
                        all[k].instrumentSource = ref.source
                        all[k].key = ref.keySlug
                    }
                    if let head = note.genericHead {
                        let ref = resolveGeneric(CiteInstrumentRef(name: all[k].instrument ?? head, slug: all[k].key,
                                                                   source: "explicit", genericHead: head), history)
                        all[k].instrument = ref.name
                        all[k].instrumentSource = ref.source
                        all[k].key = ref.keySlug
                    }
                    if note.needsContext {
                        // Footnotes fall back on the main text's context when they name nothing.
                        if let h = lastInstrument[chain] ?? (chain != nil ? lastInstrument[nil] : nil) {
                            all[k].instrument = history[h].name
                            all[k].instrumentSource = "context"
                            all[k].key = history[h].keySlug
                        }
                    }
                    if let ref = note.ref {
                        // Nothing above changed the scanner's instrument: its reference is the
                        // entry, without a new box of the same strings.
                        history.append(ref)
                        lastInstrument[chain] = history.count - 1
                    } else if let name = all[k].instrument {
                        history.append(CiteInstrumentRef(name: name, slug: all[k].key, source: all[k].instrumentSource ?? "explicit"))
                        lastInstrument[chain] = history.count - 1
                    }
                    let slug = all[k].instrument == nil ? CiteKeys.unknownInstrument : all[k].key
                    all[k].key = CiteKeys.article(slug: slug, articles: all[k].articles,
                                                  paragraphs: all[k].paragraphs, subparagraphs: all[k].subparagraphs,
                                                  scratch: &keyBytes)
                }
                all[k].span = mapped.sourceSpan(all[k].span.start, all[k].span.end)
                all[k].block = source.block
                all[k].footnote = chain
            }
            while m < mentions.count {
                var ref = mentions[m].instrument
                if ref.genericHead != nil || ref.byPrefix { ref = resolveGeneric(ref, history) }
                history.append(ref)
                lastInstrument[chain] = history.count - 1
                m += 1
            }
        }

        // Source order and ids.
        // Blocks arrive in source order, so the list is usually sorted already.
        var sorted = true
        for k in all.indices.dropFirst() where all[k].span < all[k - 1].span { sorted = false; break }
        if !sorted { all.sort { $0.span < $1.span } }
        for index in all.indices { all[index].id = citationId(firstNumber + index) }
        resolveIds(&all, noteOrder: noteOrder(sources))
        return all
    }

    /// The id `c_<number>`, written straight into a string of its exact size (a small string,
    /// no allocation): through a byte array it cost ~400 instructions a citation, an
    /// interpolated `"c_\(n)"` more.
    static func citationId(_ number: Int) -> String {
        guard number >= 0 else { return "c_" + String(number) }
        var width = 1
        var rest = number
        while rest >= 10 { rest /= 10; width += 1 }
        return String(unsafeUninitializedCapacity: 2 + width) { out in
            out[0] = 0x63 // c
            out[1] = 0x5F // _
            var value = number
            for k in stride(from: 1 + width, through: 2, by: -1) {
                out[k] = UInt8(truncatingIfNeeded: value % 10) + 0x30
                value /= 10
            }
            return 2 + width
        }
    }

    /// Footnote numbers in the order their blocks appear.
    static func noteOrder(_ sources: [CitationSource]) -> [Int] {
        var order: [Int] = []
        var seen = Set<Int>()
        // A note's blocks come one after another: the set is asked only when the note changes
        // (it was hashed for every block of every note).
        var last: Int? = nil
        for s in sources {
            guard let f = s.footnote, f != last else { continue }
            last = f
            if seen.insert(f).inserted { order.append(f) }
        }
        return order
    }

    /// Sets `Id.` antecedents. Main text and notes are separate chains: a note's `Id.` repeats
    /// the last citation earlier in the same note, else the last citation of the immediately
    /// preceding note (none when that note cites nothing — never further back); a main-text
    /// `Id.` repeats the last main-text citation. An `Id.` that repeats an `Id.` repeats what
    /// that one repeats, so every antecedent is a real citation.
    ///
    /// Notes are numbered densely by their place in `noteOrder` (found through a dictionary
    /// only when the footnote changes from one citation to the next), and the last citation of
    /// each note and every `Id.`'s antecedent are kept in arrays: four dictionaries hashed per
    /// citation cost ~160 instructions a citation.
    static func resolveIds(_ all: inout [Citation], noteOrder: [Int]) {
        guard !all.isEmpty else { return }
        var slotOf: [Int: Int] = [:]
        slotOf.reserveCapacity(noteOrder.count)
        for (k, f) in noteOrder.enumerated() { slotOf[f] = k }
        // By slot: the last citation of the note so far (-1: none), and the slot of the note
        // before it in `noteOrder` (-1: none).
        var lastInSlot = [Int](repeating: -1, count: noteOrder.count)
        var previousSlot = Array(-1..<(noteOrder.count - 1))
        var lastMain = -1
        // By citation: the antecedent of each `Id.` (-1: none), made at the first `Id.`.
        var antecedentIndex: [Int] = []
        var currentNote: Int? = nil
        var currentSlot = -1
        for index in all.indices {
            let note = all[index].footnote
            var slot = -1
            if let note {
                if note == currentNote {
                    slot = currentSlot
                } else {
                    if let known = slotOf[note] {
                        slot = known
                    } else {
                        // A note no block announced: a chain of its own, with no note before it.
                        slot = lastInSlot.count
                        slotOf[note] = slot
                        lastInSlot.append(-1)
                        previousSlot.append(-1)
                    }
                    currentNote = note
                    currentSlot = slot
                }
            }
            if all[index].kind == .id {
                var target: Int
                if note != nil {
                    target = lastInSlot[slot]
                    if target < 0, previousSlot[slot] >= 0 { target = lastInSlot[previousSlot[slot]] }
                } else {
                    target = lastMain
                }
                if antecedentIndex.isEmpty { antecedentIndex = [Int](repeating: -1, count: all.count) }
                if target >= 0, all[target].kind == .id { target = antecedentIndex[target] }
                if target >= 0 {
                    antecedentIndex[index] = target
                    all[index].antecedent = all[target].id
                    all[index].key = all[target].key
                }
            }
            if note != nil { lastInSlot[slot] = index } else { lastMain = index }
        }
    }

    /// Resolves `the Convention` to the last mentioned instrument whose name has that head word.
    static func resolveGeneric(_ ref: CiteInstrumentRef, _ history: [CiteInstrumentRef]) -> CiteInstrumentRef {
        if ref.byPrefix {
            // `Vienna Convention` → the last instrument named whose name starts with it.
            let prefix = ref.name.lowercased() + " "
            // The prefix's bytes once, not read through the string for every earlier name (the
            // generic `allSatisfy` and `first` on the UTF-8 views cost ~170 instructions a name).
            let prefixBytes = Array(prefix.utf8)
            let asciiPrefix = prefixBytes.allSatisfy { $0 < 0x80 }
            // By index, newest first: `for earlier in history.reversed()` copied every entry
            // (three strings retained and released) to test it.
            for h in stride(from: history.count - 1, through: max(0, history.count - 200), by: -1)
                where !history[h].byPrefix && history[h].genericHead == nil
                && (asciiPrefix ? hasLowerPrefix(history[h].name, prefix, bytes: prefixBytes) : history[h].name.lowercased().hasPrefix(prefix)) {
                return CiteInstrumentRef(name: history[h].name, slug: history[h].keySlug, source: "context")
            }
            return ref
        }
        guard let head = ref.genericHead else { return ref }
        let asciiHead = head.utf8.allSatisfy { $0 < 0x80 }
        // The head's bytes once, not once for every earlier name tested.
        let headBytes = Array(head.utf8)
        for h in stride(from: history.count - 1, through: max(0, history.count - 200), by: -1)
            where history[h].genericHead == nil
            && (asciiHead ? containsASCII(history[h].name, head, bytes: headBytes) : history[h].name.contains(head)) {
            return CiteInstrumentRef(name: history[h].name, slug: history[h].keySlug, source: "context")
        }
        return CiteInstrumentRef(name: ref.name, slug: ref.slug, source: "explicit")
    }

    /// `name.lowercased().hasPrefix(prefix)` for an ASCII `prefix` (already lower case), without
    /// building the lower-cased copy: compares bytes while `name` is ASCII and falls back on the
    /// Unicode comparison when a non-ASCII byte comes first.
    ///
    /// `bytes` are `prefix`'s UTF-8 bytes, made once by the caller: then a contiguous name is
    /// compared on its own bytes, with the same answers.
    static func hasLowerPrefix(_ name: String, _ prefix: String, bytes p: [UInt8]) -> Bool {
        // 0 false, 1 true, 2 the Unicode comparison decides (a non-ASCII byte met), 3 not
        // contiguous (the loop below).
        let verdict: UInt8 = name.utf8.withContiguousStorageIfAvailable { b -> UInt8 in
            var k = 0
            while k < p.count {
                guard k < b.count else { return 0 }
                let c = b[k]
                if c >= 0x80 { return 2 }
                if (c &- 0x41 < 26 ? c | 0x20 : c) != p[k] { return 0 }
                k += 1
            }
            // A combining mark after the prefix's closing space: as below.
            return k < b.count && b[k] >= 0x80 ? 2 : 1
        } ?? 3
        switch verdict {
        case 0: return false
        case 1: return true
        case 2: return name.lowercased().hasPrefix(prefix)
        default: return hasLowerPrefix(name, prefix)
        }
    }

    /// `hasLowerPrefix(_:_:bytes:)` through the strings' UTF-8 views.
    static func hasLowerPrefix(_ name: String, _ prefix: String) -> Bool {
        // Most earlier names differ at their first byte: an ASCII one that does not fold to the
        // prefix's first byte answers as the loop below would, without its iterator.
        if let c = name.utf8.first, let p = prefix.utf8.first, c < 0x80, (c &- 0x41 < 26 ? c | 0x20 : c) != p {
            return false
        }
        var it = name.utf8.makeIterator()
        for p in prefix.utf8 {
            guard let c = it.next() else { return false }
            if c >= 0x80 { return name.lowercased().hasPrefix(prefix) }
            if (c &- 0x41 < 26 ? c | 0x20 : c) != p { return false }
        }
        // The prefix ends on a space; a combining mark after it would not change the answer
        // for the Unicode comparison unless it joins that space, so check the next scalar.
        if let c = it.next(), c >= 0x80 { return name.lowercased().hasPrefix(prefix) }
        return true
    }

    /// `name.contains(head)` for an ASCII `head`: a byte search when `name` is ASCII too, else
    /// Foundation's search.
    /// `bytes` are `head`'s UTF-8 bytes, made once by the caller for all the names it tests.
    static func containsASCII(_ name: String, _ head: String, bytes h: [UInt8]) -> Bool {
        if h.isEmpty { return name.contains(head) }
        var ascii = true
        let found: Bool = name.utf8.withContiguousStorageIfAvailable { b -> Bool in
            for c in b where c >= 0x80 { ascii = false; return false }
            guard b.count >= h.count else { return false }
            var k = 0
            while k + h.count <= b.count {
                if b[k] == h[0] {
                    var m = 1
                    while m < h.count && b[k + m] == h[m] { m += 1 }
                    if m == h.count { return true }
                }
                k += 1
            }
            return false
        } ?? { ascii = false; return false }()
        return ascii ? found : name.contains(head)
    }

    /// First text offset whose source offset is at or after `source`.
    static func textOffset(_ mapped: MappedText, _ source: Int) -> Int {
        var low = 0
        var high = mapped.count
        while low < high {
            let mid = (low + high) / 2
            if mapped.sourceOffset(mid) < source { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Defined terms that stand for instruments, by the slot of their first two letters.
    /// A term counts when its meaning names an instrument (a table entry or a national title);
    /// `the "Republic"` does not.
    static func termTable(_ definitions: [Definition]) -> CiteTerms {
        var table = CiteTerms()
        for d in definitions {
            let lit = CiteText.foldString(d.term)
            guard lit.count >= 2, let ref = instrument(inMeaning: d.meaning) else { continue }
            let term = CiteTerm(lit: lit, instrument: CiteInstrumentRef(name: ref.name, slug: ref.keySlug, source: "definition"))
            table.add(term, slot: CiteVocabulary.slot(lit[0], lit[1]))
        }
        return table
    }

    /// The instrument a definition's meaning names: the first table entry or national title in it
    /// (`Republic's Law on State Registration of Legal Entities … of April 17, 1995,` →
    /// `Law on State Registration of Legal Entities …`).
    static func instrument(inMeaning meaning: String) -> CiteInstrumentRef? {
        let key = CiteMeaningMemo.Key(bytes: Array(meaning.utf8))
        if let known = meaningMemo.instrument(key) { return known }
        let found = instrument(inMeaningBytes: key.bytes)
        meaningMemo.store(key, found)
        return found
    }

    /// Instruments already found in meanings, for every scan of the process: a document's
    /// windows each pass all the definitions before them, and documents of one sender define the
    /// same terms, so most meanings were read before (~6 K instructions a capitalised word).
    private static let meaningMemo = CiteMeaningMemo()

    /// `instrument(inMeaning:)` on the meaning's UTF-8 bytes, without the memo.
    static func instrument(inMeaningBytes bytes: [UInt8]) -> CiteInstrumentRef? {
        let scanner = CiteScanner(bytes: bytes, terms: CiteTerms(), quietRanges: [])
        var i = 0
        while i < bytes.count {
            // `instrumentAt` finds nothing unless a capital starts there (`isUpperAt`: `A`–`Z`,
            // or a two-byte Latin-1 or Cyrillic capital led by 0xC3 / 0xD0), so every other
            // byte of a long meaning is passed without the word-boundary tests.
            let c = bytes[i]
            if c &- 0x41 >= 26 && c != 0xC3 && c != 0xD0 { i += 1; continue }
            if CiteText.isWordAt(bytes, i) && !CiteText.isWordBefore(bytes, i), let found = scanner.instrumentAt(i),
               found.ref.genericHead == nil {
                return found.ref
            }
            i += 1
        }
        return nil
    }
}

/// What `CitationEngine.instrument(inMeaning:)` answered for each meaning, by its bytes (not by
/// `String`, whose equality is canonical equivalence: two spellings the byte scanner reads
/// differently must not share an answer). Shared by concurrent scans, so guarded by a lock;
/// emptied when it grows past `capacity`, so a long-running process keeps it small.
final class CiteMeaningMemo: Sendable {
    /// A meaning's bytes, hashed once, in one call over the buffer, when the key is made: the
    /// look-up and the store of a new meaning share it, and the table's growth rehashes an
    /// integer, not every meaning's bytes again.
    struct Key: Hashable {
        /// The UTF-8 bytes of the meaning.
        let bytes: [UInt8]
        /// Their hash.
        let bytesHash: Int

        /// Makes the key of `bytes`.
        init(bytes: [UInt8]) {
            self.bytes = bytes
            var hasher = Hasher()
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            bytesHash = hasher.finalize()
        }

        static func == (a: Key, b: Key) -> Bool { a.bytesHash == b.bytesHash && a.bytes == b.bytes }
        func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }
    }

    /// Entries kept at most.
    static let capacity = 4096
    /// The answers, `nil` for a meaning that names no instrument, behind their lock.
    private let answers = Mutex<[Key: CiteInstrumentRef?]>([:])

    /// The stored answer for `key`: `.some(nil)` when the meaning names no instrument, `nil`
    /// when it was not seen.
    func instrument(_ key: Key) -> CiteInstrumentRef?? {
        answers.withLock { $0[key] }
    }

    /// Stores the answer for `key`.
    func store(_ key: Key, _ answer: CiteInstrumentRef?) {
        answers.withLock { answers in
            if answers.count >= Self.capacity { answers.removeAll() }
            answers[key] = .some(answer)
        }
    }
}

/// The instrument last named in each chain of context (the main text, and each footnote by
/// number), as its index in the engine's history of named instruments: every instrument set
/// here was just appended there, and an index costs no copy of three strings. The main text's
/// is a plain field: a dictionary keyed by an optional footnote hashed for every mention and
/// article.
struct CiteLastInstruments {
    /// The main text's.
    private var main: Int? = nil
    /// Each footnote's.
    private var notes: [Int: Int] = [:]

    /// The history index of the instrument last named in `chain` (`nil`: the main text).
    subscript(_ chain: Int?) -> Int? {
        get {
            if let chain { return notes[chain] }
            return main
        }
        set {
            if let chain { notes[chain] = newValue } else { main = newValue }
        }
    }
}
