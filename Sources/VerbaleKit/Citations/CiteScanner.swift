#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): sixteen-byte compares and `pmovmskb`, which turns a
// compare's lanes into one bit each, so a word's end is found by a bit count.
import _Builtin_intrinsics.intel
#endif

/// An instrument as resolved for a citation.
///
/// Its strings live in one shared, immutable box: a reference is copied and destroyed many
/// times on its way from a trigger to the mention list, the history and the citation (~60 K
/// copies and destructions over bc20), and with four strings inline each copy retained four
/// references and went through `Optional`'s generic value witnesses (~100 instructions a
/// copy). A copy is now one retain; only making a reference allocates.
struct CiteInstrumentRef: Sendable, Equatable {
    /// The strings, shared by every copy.
    private let strings: CiteInstrumentStrings
    /// A short treaty name (`Vienna Convention`) that resolves to an earlier mention whose
    /// name starts with it (`Vienna Convention on Diplomatic Relations`).
    var byPrefix: Bool = false

    /// Canonical name.
    var name: String { strings.name }
    /// Key slug; empty for a parsed title until `keySlug` is asked for (most titles are only
    /// context and never need one).
    var slug: String { strings.slug }
    /// `explicit`, `definition` or `context`.
    var source: String { strings.source }
    /// When only a generic head was written (`of the Convention`): the English head word, to be
    /// resolved against earlier mentions.
    var genericHead: String? { strings.genericHead }

    /// A reference with these fields.
    init(name: String, slug: String, source: String, genericHead: String? = nil, byPrefix: Bool = false) {
        strings = CiteInstrumentStrings(name: name, slug: slug, source: source, genericHead: genericHead)
        self.byPrefix = byPrefix
    }

    /// The slug for keys, made from the name when it was left empty.
    var keySlug: String { slug.isEmpty ? CiteText.slug(name) : slug }

    /// Equal when every field is (the box itself is not compared).
    static func == (a: Self, b: Self) -> Bool {
        a.byPrefix == b.byPrefix && (a.strings === b.strings
            || (a.name == b.name && a.slug == b.slug && a.source == b.source && a.genericHead == b.genericHead))
    }
}

/// The strings of a `CiteInstrumentRef`, never changed after they are made (so sharing the box
/// between copies, and between threads through the process-wide tables, is safe).
final class CiteInstrumentStrings: Sendable {
    /// Canonical name.
    let name: String
    /// Key slug, possibly empty.
    let slug: String
    /// `explicit`, `definition` or `context`.
    let source: String
    /// The generic head word, when only one was written.
    let genericHead: String?

    /// A box of these strings.
    init(name: String, slug: String, source: String, genericHead: String?) {
        self.name = name
        self.slug = slug
        self.source = source
        self.genericHead = genericHead
    }
}

/// An instrument named in the text (cited or not): context for later bare articles.
struct CiteMention: Sendable {
    /// Text offset of the mention.
    var position: Int
    /// The instrument.
    var instrument: CiteInstrumentRef
}

/// What the engine still has to settle for an article citation the scanner emitted.
struct CiteArticleNote: Sendable {
    /// Index of the citation in the output array.
    var index: Int
    /// An article whose instrument must come from context.
    var needsContext: Bool = false
    /// An article citing only a generic head (`of the Convention`), resolved against earlier
    /// mentions.
    var genericHead: String? = nil
    /// The instrument is a short treaty name to resolve against earlier mentions by prefix.
    var byPrefix: Bool = false
    /// The scanner's instrument when the engine keeps it as it is (a slug set, no generic head,
    /// not by prefix): the engine appends it to its history instead of making an equal one.
    var ref: CiteInstrumentRef? = nil
}

/// A defined term that stands for an instrument (`the "Law on State Registration"`).
///
/// A long document defines the same term again and again (each communication of a compiled
/// volume has its own `the "Covenant"`); the table keeps one entry per folded term, so matching
/// costs the same however often a term is defined, and records which definition each of the two
/// matching rules picks among equal matches.
struct CiteTerm: Sendable {
    /// Folded term.
    let lit: [UInt32]
    /// The instrument of its first definition: the one an instrument trigger takes (an equal
    /// match never displaces a defined term there).
    let instrument: CiteInstrumentRef
    /// The instrument an article's instrument look-up takes: an equal match displaces one whose
    /// key is not a table entry's, so the last of a run of such definitions wins.
    var tieWinner: CiteInstrumentRef

    init(lit: [UInt32], instrument: CiteInstrumentRef) {
        self.lit = lit
        self.instrument = instrument
        self.tieWinner = instrument
    }
}

/// The defined terms of a document that stand for instruments, by the slot of their first two
/// folded units, with one bit per slot so the main loop rules a word out without hashing.
struct CiteTerms: Sendable {
    /// Terms by slot, one entry per folded term.
    private(set) var bySlot: [Int: [CiteTerm]] = [:]
    /// One bit per slot that holds a term; empty while there are no terms.
    private var bits: [UInt64] = []

    /// Whether there are no terms.
    var isEmpty: Bool { bySlot.isEmpty }

    /// Adds `term` under `slot`, or folds it into the entry of an equal term already there.
    mutating func add(_ term: CiteTerm, slot: Int) {
        if bits.isEmpty { bits = [UInt64](repeating: 0, count: CiteVocabulary.slotCount / 64) }
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
        var list = bySlot.removeValue(forKey: slot) ?? []
        if let index = list.firstIndex(where: { $0.lit == term.lit }) {
            if !CiteInstrumentTable.slugs.contains(list[index].tieWinner.slug) {
                list[index].tieWinner = term.instrument
            }
        } else {
            list.append(term)
        }
        bySlot[slot] = list
    }

    /// Whether some term is filed under `slot`.
    @inline(__always)
    func mayStart(_ slot: Int) -> Bool {
        !bits.isEmpty && bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// The terms filed under `slot`.
    subscript(slot: Int) -> [CiteTerm]? { bySlot[slot] }
}

/// Pinpoint below the article: what an article citation adds to its instrument.
struct CitePinpoint: Sendable {
    /// Articles, ranges expanded.
    var articles: [String] = []
    /// Paragraphs, ranges expanded.
    var paragraphs: [String] = []
    /// Sub-paragraphs.
    var subparagraphs: [String] = []
    /// First and last element of the first range written as a range.
    var range: [String]? = nil
    /// Part, chapter and section written before the article.
    var part: String? = nil
    /// Chapter.
    var chapter: String? = nil
    /// Section.
    var section: String? = nil
}

/// A list of numbers as parsed (`4, 9, 10 and 12`, `1-2`, `13(2)(a)`).
struct CiteList: Sendable {
    /// Items, ranges expanded.
    var items: [String] = []
    /// The first range written as a range.
    var range: [String]? = nil
    /// Parenthesised numbers attached to the items (`13(2)` → `2`).
    var attachedNumbers: [String] = []
    /// Parenthesised letters attached to the items (`13(2)(a)` → `a`).
    var attachedLetters: [String] = []
    /// End of the list.
    var end: Int = 0
}

/// Scans one block's bytes for citations.
///
/// The scan is a single forward pass over word starts. A word is looked up in the trigger table
/// by its first three folded letters (most lower-case words are ruled out before, on their
/// first bytes and length); only a hit runs a recognizer, which reads forward (and a
/// few words back, for signals and bodies) from the trigger. Strings are built only for matched
/// citations. Every loop either returns or advances its index, so the scan cannot hang.
struct CiteScanner {
    /// The block's stripped text.
    private(set) var b: [UInt8]
    /// `b.count`.
    private(set) var n: Int
    /// The trigger vocabulary.
    let vocab: CiteVocabulary
    /// Defined terms that stand for instruments, by slot of their first two folded units.
    let terms: CiteTerms
    /// Text ranges to treat as definition sites (`(the "ICCPR")`): not cited there.
    private(set) var quietRanges: [Range<Int>]
    /// `CiteText.twoByteFoldTable`, read once per scanner: the slot and main-loop folds of
    /// non-ASCII words pass it to `CiteText.fold(_:_:twoByte:)`.
    let twoByte: UnsafeBufferPointer<UInt32>

    /// Citations found, in scan order, with *text* offsets in their spans until the engine maps
    /// them. The engine lends its output array here (moved in and out, never copied), so a
    /// citation is built once and settled in place.
    var out: [Citation] = []
    /// What is left to settle for the article citations in `out`, in order.
    var articleNotes: [CiteArticleNote] = []
    /// Instrument mentions, in text order.
    var mentions: [CiteMention] = []

    /// Creates a scanner over `bytes`.
    init(bytes: [UInt8], terms: CiteTerms, quietRanges: [Range<Int>]) {
        self.b = bytes
        self.n = bytes.count
        self.vocab = CiteVocabulary.shared
        self.terms = terms
        self.quietRanges = quietRanges
        self.twoByte = CiteText.twoByteFoldTable.buffer
    }

    /// Makes the scanner ready for the next block, keeping the capacity of its lists: the
    /// engine scans every block of a document with one scanner, since making and destroying
    /// one per block (its tables retained and released, its lists grown from empty) cost
    /// more than scanning a short block.
    ///
    /// Both arrays are taken (`consuming`): the engine's last use of its block list is moved in
    /// rather than retained here and released there.
    ///
    /// `mentions` and `articleNotes` are not emptied: they grow over the whole document, and
    /// the engine reads each block's part from the counts it noted before `run`. Emptying them
    /// went through the generic `replaceSubrange` (~170 instructions a list, for every block
    /// that named something).
    mutating func reset(bytes: consuming [UInt8], quietRanges: consuming [Range<Int>]) {
        self.b = bytes
        self.n = bytes.count
        self.quietRanges = quietRanges
    }

    // MARK: Main loop

    /// Runs the scan.
    ///
    /// `bytes` are the block's bytes, `b` (the engine's own reference, lent: a copy of `b`
    /// taken here for the unsafe buffer below was retained and released for every block).
    mutating func run(_ bytes: [UInt8]) {
        assert(bytes.count == b.count)
        let firsts = vocab.anyCaseFirst.buffer
        // The rule-out tables are read through process-lifetime pointers: holding them as
        // arrays for `withUnsafeBufferPointer` retained and released five arrays per block.
        let lowerPairs = vocab.lowerPairsTable.buffer
        let slotKinds = vocab.slotKindsTable.buffer
        let lowerRuns = vocab.lowerRunsTable.buffer
        let capitalRuns = vocab.capitalRunsTable.buffer
        let anyCasePairs = vocab.anyCasePairsTable.buffer
        let capitalPairs = vocab.capitalPairsTable.buffer
        let hasTerms = !terms.isEmpty
        let lowerClass = CiteVocabulary.lowerClassTable.buffer
        let isWord = CiteVocabulary.wordByteTable.buffer
        let twoByte = self.twoByte
        // Unsafe buffers only for the skipping loops, which never write: they drop the bounds
        // checks on the bytes every word and space goes through.
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            // The last byte that is no ASCII letter or digit (-1: none). A run of word bytes
            // that starts at or before it ends at or before it, so the loops that walk a
            // word's bytes from there need no bounds test (one compare and branch less on
            // every byte of almost every word).
            var lastStop = n - 1
            while lastStop >= 0 && isWord[Int(p[lastStop])] { lastStop -= 1 }
            var i = 0
            while i < n {
                let c = p[i]
                if c < 0x80 {
                    if !isWord[Int(c)] { i += 1; continue }
                    // The end of the word's letters and digits when the lower-case path below
                    // found it, for `asciiWord` (0: not found).
                    var known = 0
                    if c &- 0x61 < 26 {
                        // A lower-case ASCII word whose first two letters start no any-case
                        // trigger is skipped without folding or hashing.
                        let c1 = i + 1 < n ? p[i + 1] : 0x20
                        var j = Self.wordRunEnd(p, from: i + 1, lastStop: lastStop, isWord: isWord)
                        if !lowerPairs[Int(c) << 8 | Int(c1)] {
                            if j < n && p[j] >= 0x80 { j = CiteText.wordEnd(bytes, i, n) }
                            // A space starts nothing (the loop would step over it): passed
                            // here with the word, saving the loop a round per word.
                            i = j < n && p[j] == 0x20 ? j + 1 : j
                            continue
                        }
                        // The pair may start a trigger: rule the word out on its first
                        // three bytes and its length when they are ASCII. Resumes where
                        // `asciiWord` would (a hyphenated word runs on).
                        if i + 2 < n && (j == n || p[j] < 0x80) {
                            let k1 = lowerClass[Int(c1)]
                            let k2 = lowerClass[Int(p[i + 2])]
                            // Neither byte non-ASCII (class 31). Not `k1 | k2 < 31`: two ASCII
                            // classes can or to 31 (`o` 14 and `t` 19, `o` and a space 29), which
                            // sent `not`, `to`… past this test into the slot hash and `handleWord`.
                            if k1 < 31 && k2 < 31 {
                                let mask = lowerRuns[Int(c &- 0x61) << 10 | Int(k1) << 5 | Int(k2)]
                                if mask & (1 << UInt16(min(j - i, 15))) == 0 {
                                    i = j < n && p[j] == 0x2D ? CiteText.wordEnd(bytes, i, n) : j
                                    if i < n && p[i] == 0x20 { i += 1 }
                                    continue
                                }
                            }
                        }
                        known = j
                    } else if c &- 0x30 < 10 {
                        let j = Self.wordRunEnd(p, from: i + 1, lastStop: lastStop, isWord: isWord)
                        i = j < n && p[j] == 0x20 ? j + 1 : j
                        continue
                    } else {
                        // A capital (`A`–`Z`, the only other word byte). When the word is ASCII
                        // letters and digits ended by an ASCII byte that is no hyphen or slash
                        // (which `route` and `word` treat apart), `route` would find nothing
                        // unless a trigger can match its first three bytes and its length, it
                        // opens a bare communication (`CHN 4/2021`), or a defined term may
                        // start there: without any of these the word is passed here, as a
                        // lower-case word is above.
                        let j = Self.wordRunEnd(p, from: i + 1, lastStop: lastStop, isWord: isWord)
                        if i + 2 < n && (j == n || (p[j] < 0x80 && p[j] != 0x2D && p[j] != 0x2F)) {
                            let k1 = lowerClass[Int(p[i + 1])]
                            let k2 = lowerClass[Int(p[i + 2])]
                            if k1 < 31 && k2 < 31 { // as in the lower-case path
                                let mask = capitalRuns[Int(c &- 0x41) << 10 | Int(k1) << 5 | Int(k2)]
                                // `asciiWord`'s two-unit slot: with `i + 1 < n` its second unit is
                                // always the next byte folded.
                                if mask & (1 << UInt16(min(j - i, 15))) == 0
                                    && !(j - i == 3 && j + 1 < n && p[j] == 0x20 && p[j + 1] &- 0x30 < 10)
                                    && !(hasTerms && terms.mayStart(CiteVocabulary.slot(CiteText.foldAscii(c), CiteText.foldAscii(p[i + 1])))) {
                                    i = j < n && p[j] == 0x20 ? j + 1 : j
                                    continue
                                }
                            }
                        }
                        known = j
                    }
                    let next = asciiWord(i, p, slotKinds, isWord, runEnd: known)
                    i = next > i ? next : i + 1
                    if i < n && p[i] == 0x20 { i += 1 }
                    continue
                }
                if c == 0xE2 && i + 2 < n && p[i + 1] == 0x84 && p[i + 2] == 0x96 { // №
                    i = handleNumberSign(signStart: i, signEnd: i + 3, forced: nil) ?? i + 3
                    continue
                }
                if c >= 0xC0 {
                    let (f, len) = CiteText.fold(bytes, i, twoByte: twoByte)
                    if CiteText.isAlnum(f) {
                        let upper = CiteText.isUpperAt(bytes, i)
                        if f < CiteVocabulary.anyCaseFirstCount && !firsts[Int(f)] && !upper {
                            // No any-case trigger starts with this letter and it is not a
                            // capital: `word` would return the word's end.
                            i = CiteText.wordEnd(bytes, i, n)
                            continue
                        }
                        // No trigger starts with the word's first two folded units (the
                        // capitalised ones count for a capital): `route` would return the
                        // word's end, unless the word is a capital's that a slash follows
                        // (`recognizeDocument`), that opens a bare communication, or where a
                        // defined term may start (the conditions `route` tests).
                        let f2 = i + len < n ? CiteText.fold(bytes, i + len, twoByte: twoByte).0 : 0
                        let pair = CiteVocabulary.pairIndex(f) << 8 | CiteVocabulary.pairIndex(f2)
                        if !(upper ? capitalPairs[pair] : anyCasePairs[pair]) {
                            let we = CiteText.wordEnd(bytes, i, n)
                            if !upper || (!(we < n && p[we] == 0x2F)
                                && !(we - i == 3 && we + 1 < n && p[we] == 0x20 && p[we + 1] &- 0x30 < 10)
                                && !(hasTerms && terms.mayStart(CiteVocabulary.slot(f, f2)))) {
                                i = we
                                continue
                            }
                        }
                        let next = word(i, slotKinds)
                        i = next > i ? next : i + len
                    } else {
                        i += len
                    }
                    continue
                }
                i += 1
            }
        }
    }

    /// The end of the run of ASCII letters and digits that goes on at `start` (`start` itself
    /// when none does). `lastStop` is the last byte of `p` that is neither (-1: none): a run
    /// that starts at or before it ends at or before it, so the byte loop there needs no
    /// bounds test. `vectors: false` gives the byte loop alone (tests).
    ///
    /// Sixteen bytes a step on SSE2: the first lane that is no word byte, by a bit count,
    /// where the byte loop took a branch per byte and mispredicted the one that ends each word.
    @inline(__always)
    static func wordRunEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int, lastStop: Int,
                           isWord: UnsafeBufferPointer<Bool>, vectors: Bool = true) -> Int {
        var j = start
        #if arch(x86_64)
        if vectors {
            while j &+ 16 <= p.count {
                let lanes = wordLanes(UnsafeRawPointer(p.baseAddress! + j))
                if lanes != 0xFFFF { return j &+ (~lanes).trailingZeroBitCount }
                j &+= 16
            }
        }
        #endif
        if j <= lastStop {
            while isWord[Int(p[j])] { j += 1 }
        } else {
            while j < p.count && isWord[Int(p[j])] { j += 1 }
        }
        return j
    }

    #if arch(x86_64)
    /// One bit per lane of the sixteen bytes at `address` that is an ASCII letter or digit
    /// (`CiteText.isAsciiWord`).
    @inline(__always)
    static func wordLanes(_ address: UnsafeRawPointer) -> UInt32 {
        let bytes = ByteLanes.load(address)
        // `(c | 0x20)` in `a`…`z`, or `c` in `0`…`9`.
        let letters = ByteLanes.within(_mm_or_si128(bytes, ByteLanes.splat(0x20)), 0x61, 26)
        let digits = ByteLanes.within(bytes, 0x30, 10)
        return UInt32(truncatingIfNeeded: _mm_movemask_epi8(_mm_or_si128(letters, digits)))
    }
    #endif

    /// A word that may start a trigger: rules it out on its dispatch slot when no table has a
    /// trigger there (most words), else runs `handleWord`. Returns where scanning resumes.
    @inline(__always)
    mutating func word(_ i: Int, _ slotKinds: UnsafeBufferPointer<UInt8>) -> Int {
        let we = CiteText.wordEnd(b, i, n)
        if b[i] &- 0x30 < 10 { return we }
        let (slot, slot2) = slots(i)
        return route(i, we, slot, slot2, slotKinds, asciiRun: 0)
    }

    /// `word` for a word that starts with an ASCII letter: when it is all ASCII and no hyphen
    /// follows (almost every word), its end and dispatch slot come from one pass over its bytes,
    /// with the same values `wordEnd` and `slots` give.
    /// `runEnd`, when above 0, is where the word's ASCII letters and digits end, as the main
    /// loop found it (the loop below, not walked again).
    @inline(__always)
    mutating func asciiWord(_ i: Int, _ p: UnsafeBufferPointer<UInt8>, _ slotKinds: UnsafeBufferPointer<UInt8>,
                            _ isWord: UnsafeBufferPointer<Bool>, runEnd: Int = 0) -> Int {
        let n = p.count
        var j = runEnd
        if j == 0 {
            j = i + 1
            while j < n && isWord[Int(p[j])] { j += 1 }
        }
        if j < n && (p[j] == 0x2D || p[j] >= 0x80) { return word(i, slotKinds) }
        let f1 = CiteText.foldAscii(p[i])
        var f2: UInt32 = 0
        var f3: UInt32 = 0
        if j - i >= 3 {
            f2 = CiteText.foldAscii(p[i + 1])
            f3 = CiteText.foldAscii(p[i + 2])
        } else if j - i == 2 {
            f2 = CiteText.foldAscii(p[i + 1])
            if j < n && p[j] == 0x2E { f3 = 0x2E }
        } else if j < n {
            f2 = CiteText.foldAscii(p[j]) // not a letter or digit, so no third unit
        }
        // The word is ASCII letters and digits followed by an ASCII byte or the end: its
        // length is `alnumRunASCII`'s answer, passed on rather than walked again.
        return route(i, j, CiteVocabulary.slot(f1, f2, f3), CiteVocabulary.slot(f1, f2), slotKinds, asciiRun: j - i)
    }

    /// Runs `handleWord` on the word `i..<we` unless its slots rule every trigger out.
    /// `asciiRun`, when above 0, is the word's `CiteText.alnumRunASCII` run, known ASCII.
    @inline(__always)
    mutating func route(_ i: Int, _ we: Int, _ slot: Int, _ slot2: Int, _ slotKinds: UnsafeBufferPointer<UInt8>,
                        asciiRun: Int) -> Int {
        let kinds = slotKinds[slot]
        if kinds & CiteVocabulary.anyCaseBit == 0 {
            // Without an any-case trigger only a capitalised word can start anything: a
            // capitalised trigger, a UN symbol (`A/HRC/…`), a bare communication (`CHN 4/2021`)
            // or a defined term.
            guard CiteText.isUpperAt(b, i) else { return we }
            if kinds & CiteVocabulary.capitalBit == 0 && !(we < n && b[we] == 0x2F)
                && !(we - i == 3 && we + 1 < n && b[we] == 0x20 && b[we + 1] &- 0x30 < 10)
                && !terms.mayStart(slot2) {
                return we
            }
        }
        return handleWord(i, wordEnd: we, slot: slot, slot2: slot2, asciiRun: asciiRun)
    }

    /// The dispatch slot of the word at `i` (first three key units) and the slot of its first
    /// two units (defined terms).
    @inline(__always)
    func slots(_ i: Int) -> (three: Int, two: Int) {
        let (f1, l1) = CiteText.fold(b, i, twoByte: twoByte)
        var f2: UInt32 = 0
        var f3: UInt32 = 0
        if i + l1 < n {
            let (u2, l2) = CiteText.fold(b, i + l1, twoByte: twoByte)
            f2 = u2
            if CiteText.isAlnum(u2) && i + l1 + l2 < n {
                let u3 = CiteText.fold(b, i + l1 + l2, twoByte: twoByte).0
                if CiteText.isAlnum(u3) || u3 == 0x2E { f3 = u3 }
            }
        }
        return (CiteVocabulary.slot(f1, f2, f3), CiteVocabulary.slot(f1, f2))
    }

    /// Tries every trigger of the word at `i..<we` (dispatch slots `slot`, `slot2`); returns
    /// where scanning resumes.
    /// `knownRun`, when above 0, is `CiteText.alnumRunASCII(b, i).run` with `ascii` true,
    /// which the caller found.
    mutating func handleWord(_ i: Int, wordEnd we: Int, slot: Int, slot2: Int, asciiRun knownRun: Int = 0) -> Int {

        // Letters and digits at `i`: a trigger whose literal covers another number of them
        // cannot match here.
        // When they are ASCII (`asciiRun`), a trigger whose first `run` units are ASCII compares
        // them as bytes.
        let (run, asciiRun) = knownRun > 0 ? (knownRun, true) : CiteText.alnumRunASCII(b, i)
        // Any-case triggers: article, paragraph, annex, number sign, note, resolution, Id.
        var miss = CiteMiss()
        var t = vocab.anyCase.slotStart[slot]
        let tEnd = vocab.anyCase.slotStart[slot + 1]
        while t < tEnd {
            let trigger = vocab.anyCase.triggers[t]
            t += 1
            guard trigger.run < 0 || trigger.run == run else { continue }
            guard let end = CiteText.matchWord(vocab.units.pointer(trigger.start), trigger.count, b, i, n, miss: &miss,
                                               head: asciiRun && trigger.asciiHead ? run : 0, twoByte: twoByte) else { continue }
            if let resume = recognize(trigger.action, at: i, litEnd: end, wordEnd: we) { return resume }
        }
        guard CiteText.isUpperAt(b, i) else { return we }

        if we < n && b[we] == 0x2F, let end = recognizeDocument(i, we) { return end }
        if we - i == 3 && we + 1 < n && b[we] == 0x20 && b[we + 1] &- 0x30 < 10,
           let end = recognizeBareCommunication(i) { return end }

        // Capitalised triggers. Instruments compete for the longest match: kind 0 defined term,
        // 1 table name, 2 abbreviation, 3 formal title, 4 national generic name, 5 other title.
        // The best match is kept as plain integers (end -1 while there is none) and its
        // instrument apart: reading `best?.end` of an optional tuple copied the instrument
        // (three strings) out and destroyed it at every comparison.
        var bestStart = 0
        var bestEnd = -1
        var bestKind = -1
        var bestRef: CiteInstrumentRef? = nil
        var allUpper: Bool? = nil
        t = vocab.capital.slotStart[slot]
        let cEnd = vocab.capital.slotStart[slot + 1]
        while t < cEnd {
            let trigger = vocab.capital.triggers[t]
            t += 1
            guard trigger.run < 0 || trigger.run == run else { continue }
            if trigger.upperOnly {
                if allUpper == nil { allUpper = CiteText.isAllUpper(b, i, we) }
                if allUpper == false { continue }
            }
            guard let end = CiteText.matchWord(vocab.units.pointer(trigger.start), trigger.count, b, i, n, miss: &miss,
                                               head: asciiRun && trigger.asciiHead ? run : 0, twoByte: twoByte) else { continue }
            switch trigger.action {
            case .instrument(let index, let abbreviation):
                // A table entry beats a title parsed over the same words.
                if end > bestEnd || (end == bestEnd && (bestKind == 3 || bestKind == 5)) {
                    bestStart = i
                    bestEnd = end
                    bestRef = CiteInstrumentTable.refs[index]
                    bestKind = abbreviation ? 2 : (CiteInstrumentTable.nationals[index] ? 4 : 1)
                }
            case .titleHead:
                if let title = parseTitle(headAt: i, headEnd: we), title.end > bestEnd {
                    bestStart = title.start
                    bestEnd = title.end
                    bestRef = title.ref
                    bestKind = title.formal ? 3 : 5
                }
            default:
                if let resume = recognize(trigger.action, at: i, litEnd: end, wordEnd: we) { return resume }
            }
        }
        if terms.mayStart(slot2), let list = terms[slot2] {
            // By index: `for term in list` copied every term (its literal and two instruments)
            // though most do not match.
            for t in list.indices {
                // A defined term beats a title over the same words, not a table entry (`ICCPR`).
                if let end = CiteText.matchWord(list[t].lit, b, i, n),
                   end > bestEnd || (end == bestEnd && (bestKind == 3 || bestKind == 5)) {
                    bestStart = i
                    bestEnd = end
                    bestRef = list[t].instrument
                    bestKind = 0
                }
            }
        }
        if let bestRef { return handleInstrument(start: bestStart, end: bestEnd, ref: bestRef, kind: bestKind) }
        return we
    }

    /// Runs the recognizer of a non-instrument trigger. Returns where scanning resumes, or nil
    /// when nothing was recognised.
    mutating func recognize(_ action: CiteAction, at i: Int, litEnd: Int, wordEnd: Int) -> Int? {
        switch action {
        case .article:
            // The trigger's literal is the longest article word here (`articleWordEnd(_:literalEnd:)`).
            guard !CiteText.isWordBefore(b, i), let aw = articleWordEnd(i, literalEnd: litEnd) else { return nil }
            return parseArticle(articleEnd: aw, start: i, instrument: nil, pre: nil)
        case .paragraphFirst:
            return parseParagraphFirst(i, litEnd)
        case .exhibit(let label):
            return recognizeExhibit(i, litEnd, label: CiteVocabulary.exhibitLabels[label])
        case .id:
            return recognizeId(i, litEnd)
        case .registration(let index):
            return recognizeRegistration(i, litEnd, scheme: index)
        case .numberSign:
            return recognizeNumberWord(i, litEnd, wordEnd: wordEnd)
        case .noteWord:
            return recognizeNoteWord(i, litEnd)
        case .refWord:
            return recognizeRefWord(i, litEnd)
        case .resolution:
            return recognizeResolution(i, litEnd)
        case .communicationType:
            return recognizeCommunication(i, litEnd)
        case .instrument, .titleHead:
            return nil
        }
    }

    // MARK: Small readers

    /// Folded unit at `i`, or 0 past the end.
    @inline(__always)
    func unit(_ i: Int) -> UInt32 { i < n ? CiteText.fold(b, i).0 : 0 }

    /// Length of the scalar at `i`.
    @inline(__always)
    func len(_ i: Int) -> Int { i < n ? CiteText.fold(b, i).1 : 1 }

    /// The folded word `i..<end` as a string, for set look-ups near matches. Built through a
    /// stack buffer: short words become small strings without a heap allocation.
    func foldedWord(_ i: Int, _ end: Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer -> String in
            var k = 0
            var j = i
            while j < end && k + 4 <= 96 {
                let (f, l) = CiteText.fold(b, j)
                if f < 0x80 {
                    buffer[k] = UInt8(f); k += 1
                } else if f < 0x800 {
                    buffer[k] = UInt8(0xC0 | (f >> 6)); buffer[k + 1] = UInt8(0x80 | (f & 0x3F)); k += 2
                } else if f < 0x10000 {
                    buffer[k] = UInt8(0xE0 | (f >> 12)); buffer[k + 1] = UInt8(0x80 | ((f >> 6) & 0x3F))
                    buffer[k + 2] = UInt8(0x80 | (f & 0x3F)); k += 3
                } else {
                    buffer[k] = UInt8(0xF0 | (f >> 18)); buffer[k + 1] = UInt8(0x80 | ((f >> 12) & 0x3F))
                    buffer[k + 2] = UInt8(0x80 | ((f >> 6) & 0x3F)); buffer[k + 3] = UInt8(0x80 | (f & 0x3F)); k += 4
                }
                j += l
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<k]), as: UTF8.self)
        }
    }

    /// The word that ends at or before `end`, skipping spaces and one trailing period or comma.
    func wordBefore(_ end: Int) -> (start: Int, end: Int)? {
        var j = CiteText.skipSpacesBack(b, end)
        if j > 0 && (b[j - 1] == 0x2E || b[j - 1] == 0x2C) { j -= 1 }
        j = CiteText.skipSpacesBack(b, j)
        // Most words before a number sign are ASCII letters and digits after an ASCII byte
        // that is no hyphen (or the start): their start is found byte by byte, where
        // `wordStart` (which would stop there too) is a call through its table loop.
        if j > 0 && CiteText.isAsciiWord(b[j - 1]) {
            var a = j - 1
            while a > 0 && CiteText.isAsciiWord(b[a - 1]) { a -= 1 }
            if a == 0 || (b[a - 1] < 0x80 && b[a - 1] != 0x2D) { return (a, j) }
        }
        let s = CiteText.wordStart(b, j)
        return s < j ? (s, j) : nil
    }

    /// Whether text offset `i` lies in a definition site.
    func isQuiet(_ i: Int) -> Bool {
        for r in quietRanges where r.contains(i) { return true }
        return false
    }

    /// A citation's text.
    func text(_ s: Int, _ e: Int) -> String { CiteText.string(b, s, e) }

    /// The signal right before `start`, with the start of the signal.
    func signal(before start: Int) -> String? {
        let j = CiteText.skipSpacesBack(b, start)
        guard j > 0 else { return nil }
        if j >= 2 && b[j - 1] < 0x80 && b[j - 2] < 0x80 {
            // Two ASCII scalars: a signal must end with their folded units.
            let bit = Int(CiteText.foldAscii(b[j - 2])) << 7 | Int(CiteText.foldAscii(b[j - 1]))
            if vocab.signalEndPairs[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return nil }
        }
        guard let (_, from) = CiteVocabulary.signals.matchBack(b, j) else { return nil }
        let written = CiteText.collapsed(b, from, j)
        return written.hasSuffix(",") ? String(written.dropLast()) : written
    }

    /// Appends a citation with text offsets `s..<e`.
    mutating func emit(_ kind: CitationKind, _ s: Int, _ e: Int, _ fill: (inout Citation) -> Void) {
        emit(kind, s, e, signal: signal(before: s), fill)
    }

    /// `emit` with the signal before `s` already read (`signal(before: s)`), for a recognizer
    /// that needed it to decide whether to cite.
    mutating func emit(_ kind: CitationKind, _ s: Int, _ e: Int, signal sig: String?, _ fill: (inout Citation) -> Void) {
        // Appended first and filled in place: a local citation appended at the end was copied
        // (every field retained and released) rather than moved.
        out.append(Citation(kind: kind, text: text(s, e), span: ByteSpan(s, e)))
        let index = out.count - 1
        out[index].signal = sig
        fill(&out[index])
    }

    // MARK: Numbers and lists

    /// One list item: `19`, `20a`, `6 bis`, `IV`, or (when `letters`) `a` / `(a)` / `a)`.
    func parseItem(_ i: Int, roman: Bool, letters: Bool) -> (String, Int)? {
        guard i < n else { return nil }
        let c = b[i]
        if c >= 0x30 && c <= 0x39 {
            var j = i
            while j < n && b[j] >= 0x30 && b[j] <= 0x39 && j - i < 5 { j += 1 }
            if j - i > 4 || (j < n && b[j] >= 0x30 && b[j] <= 0x39) { return nil }
            // A single lower-case letter suffix (`20a`), not the start of a word.
            var value = text(i, j)
            if j < n && b[j] >= 0x61 && b[j] <= 0x7A && !CiteText.isWordAt(b, j + 1) { j += 1; value = text(i, j) }
            else if j + 1 < n && b[j] == 0x65 && b[j + 1] == 0x72 && !CiteText.isWordAt(b, j + 2) { j += 2 } // French `1er`
            else if CiteText.isWordAt(b, j) { return nil }
            // Latin ordinals: `6 bis`, `6 ter`.
            let k = CiteText.skipSpaces(b, j, n)
            // Most numbers are followed by a word that starts no ordinal (`and`, `of`): ruled
            // out on its first byte, without walking the ordinal words.
            if k > j && CiteScanner.latinOrdinals.mayMatchWord(b, k, n) {
                for (index, suffix) in CiteScanner.latinOrdinalWords.enumerated() {
                    if let e = CiteScanner.latinOrdinals.matchWord(index, b, k, n) { value += " " + suffix; j = e; break }
                }
            }
            return (value, j)
        }
        if roman && (c == 0x49 || c == 0x56 || c == 0x58 || c == 0x4C) {
            var j = i
            while j < n && (b[j] == 0x49 || b[j] == 0x56 || b[j] == 0x58 || b[j] == 0x4C || b[j] == 0x43) && j - i < 8 { j += 1 }
            if CiteText.isWordAt(b, j) || j - i > 7 { return nil }
            return (text(i, j), j)
        }
        if letters {
            var j = i
            var open = false
            if c == 0x28 { open = true; j += 1 }
            guard j < n, b[j] >= 0x61 && b[j] <= 0x7A || (b[j] >= 0x30 && b[j] <= 0x39 && open) else {
                // Cyrillic letter sub-paragraphs (`«а»`).
                return nil
            }
            var k = j
            while k < n && ((b[k] >= 0x61 && b[k] <= 0x7A) || (b[k] >= 0x30 && b[k] <= 0x39)) && k - j < 4 { k += 1 }
            if k - j > 3 { return nil }
            let value = text(j, k)
            if open {
                guard k < n && b[k] == 0x29 else { return nil }
                return (value, k + 1)
            }
            if k < n && b[k] == 0x29 { return (value, k + 1) }
            if k - j == 1 && !CiteText.isWordAt(b, k) { return (value, k) }
            return nil
        }
        return nil
    }

    /// Latin ordinals after an article number (`6 bis`), in the order they are tried.
    static let latinOrdinalWords = ["bis", "ter", "quater"]
    /// `latinOrdinalWords`, folded once.
    static let latinOrdinals = CiteLits(latinOrdinalWords)

    /// Expands `a`–`b` when both are small integers.
    func expand(_ a: String, _ z: String) -> [String] {
        if let x = Int(a), let y = Int(z), y >= x, y - x <= 500 { return (x...y).map(String.init) }
        return [a, z]
    }

    /// Parses a list of items at `i`: `4, 9, 10, 12`, `9, 10 and 11`, `1-2`, `2 to 5`, `13(2)(a)`.
    func parseList(_ i: Int, roman: Bool, letters: Bool) -> CiteList? {
        guard var (item, j) = parseItem(i, roman: roman, letters: letters) else { return nil }
        var list = CiteList()
        list.items.append(item)
        j = attached(j, &list)
        while j < n {
            // Range: `1-2`, `1 – 2`.
            var k = j
            if k < n && b[k] == 0x20 { k += 1 }
            if unit(k) == CiteText.dash {
                let after = CiteText.skipSpaces(b, k + len(k), n)
                if let (to, e) = parseItem(after, roman: roman, letters: letters) {
                    list.items.removeLast()
                    list.items += expand(item, to)
                    if list.range == nil { list.range = [item, to] }
                    item = to
                    j = attached(e, &list)
                    continue
                }
                break
            }
            // Comma continuation: `, 9`. A year after a comma ends the list (`Art. 5, 2019`).
            if b[j] == 0x2C {
                var after = CiteText.skipSpaces(b, j + 1, n)
                if let e = vocab.lits.listConnectors.longest(b, after, n)?.end, e < n, CiteText.isSpaceAt(b, e) {
                    after = CiteText.skipSpaces(b, e, n)
                }
                if let (next, e) = parseItem(after, roman: roman, letters: letters), !isYearLike(next) {
                    list.items.append(next); item = next; j = attached(e, &list); continue
                }
                break
            }
            // Word connectors: `and`, `et`, `y`, `и`, `to`.
            guard CiteText.isSpaceAt(b, j) else { break }
            let w = CiteText.skipSpaces(b, j, n)
            var advanced = false
            if let e = vocab.lits.listConnectors.longest(b, w, n)?.end, e < n, CiteText.isSpaceAt(b, e) {
                let after = CiteText.skipSpaces(b, e, n)
                if let (next, e2) = parseItem(after, roman: roman, letters: letters), !isYearLike(next) {
                    list.items.append(next); item = next; j = attached(e2, &list); advanced = true
                }
            }
            if advanced { continue }
            if !advanced, let e = vocab.lits.rangeConnectors.longest(b, w, n)?.end, e < n, CiteText.isSpaceAt(b, e) {
                let after = CiteText.skipSpaces(b, e, n)
                if let (to, e2) = parseItem(after, roman: roman, letters: letters), Int(to) != nil, Int(item) != nil {
                    list.items.removeLast()
                    list.items += expand(item, to)
                    if list.range == nil { list.range = [item, to] }
                    item = to; j = attached(e2, &list); advanced = true
                }
            }
            if !advanced { break }
        }
        list.end = j
        return list
    }

    /// A 4-digit number that reads as a year.
    func isYearLike(_ s: String) -> Bool {
        guard s.utf8.count == 4, let v = Int(s) else { return false }
        return v >= 1900 && v <= 2100
    }

    /// Reads `(2)`, `(a)` attached to an item (`13(2)(a)`), with at most one space before.
    func attached(_ i: Int, _ list: inout CiteList) -> Int {
        var j = i
        while j < n {
            var k = j
            if k < n && b[k] == 0x20 && k + 1 < n && b[k + 1] == 0x28 { k += 1 }
            guard k < n && b[k] == 0x28 else { break }
            var m = k + 1
            while m < n && CiteText.isAsciiWord(b[m]) && b[m] < 0x80 && m - k < 5 { m += 1 }
            guard m < n && b[m] == 0x29 && m > k + 1 else { break }
            let inner = text(k + 1, m)
            if inner.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { list.attachedNumbers.append(inner) }
            else if inner.utf8.count <= 3 && inner.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { list.attachedLetters.append(inner) }
            else { break }
            j = m + 1
        }
        return j
    }
}
