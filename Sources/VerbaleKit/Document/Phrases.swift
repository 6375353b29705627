#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): sixteen ASCII bytes lower-cased in a few operations.
import _Builtin_intrinsics.intel
#endif

/// The formulas of diplomatic correspondence, per language, as data.
///
/// Matching is on lower-cased block bytes (`ByteCase.lower`); a block "contains" a formula
/// anywhere, or "starts with" it after leading markup has been stripped. Formulas are written
/// as strings here and matched as UTF-8 bytes, so the scan never builds a `String`.
enum Phrases {
    /// Third-person openings of a note verbale.
    static let noteOpeningsText = [
        "presents its compliments", "present their compliments", "presents his compliments",
        "présente ses compliments", "présentent leurs compliments", "presente ses compliments",
        "saluda atentamente", "saluda muy atentamente", "presenta sus saludos", "presenta sus atentos saludos",
        "свидетельствует свое уважение", "свидетельствует своё уважение",
    ]
    /// Closing courtesy of a note verbale.
    static let noteClosingsText = [
        "avails itself of this opportunity", "avail themselves of this opportunity", "takes this opportunity to renew",
        "avails itself of the opportunity", "saisit cette occasion", "saisit l'occasion", "saisit l’occasion",
        "aprovecha la oportunidad", "aprovecha esta oportunidad", "aprovecha la ocasión",
        "пользуется случаем", "пользуется этой возможностью",
    ]
    /// Openings of a letter's closing and signature.
    static let letterClosingsText = [
        "respectfully", "sincerely", "yours sincerely", "yours faithfully", "yours truly", "very truly yours",
        "with highest consideration", "with best regards", "best regards", "kind regards", "please accept",
        "accept, excellency", "accept, sir", "veuillez agréer", "je vous prie d'agréer", "je vous prie d’agréer",
        "veuillez accepter", "atentamente", "cordialmente", "le saluda", "reciba", "с уважением", "примите",
    ]
    /// Salutations that open a letter.
    static let salutationsText = [
        "dear ", "excellency", "your excellency", "sir,", "madam,", "sir/madam", "monsieur", "madame",
        "excelentísimo", "excelentísima", "estimado", "estimada", "señor", "señora", "уважаемый", "уважаемая",
    ]
    /// First-person phrases that mark a letter rather than a note.
    static let firstPersonText = [
        "i write", "i have the honour", "i have the honor", "i am writing", "i would like", "i wish to",
        "i note", "i refer", "j'ai l'honneur", "j’ai l’honneur", "je vous", "tengo el honor", "me dirijo",
        "имею честь", "я хотел",
    ]
    /// Labels of an enclosed document.
    static let annexLabelsText = ["annex", "annexe", "anexo", "enclosure", "attachment", "appendix", "приложение"]
    /// Labels that open a response to a numbered question.
    static let responseLabelsText = ["response", "answer", "reply", "réponse", "respuesta", "ответ"]
    /// Labels that open a numbered question.
    static let questionLabelsText = ["questions", "question", "preguntas", "pregunta", "вопросы", "вопрос"]

    /// Openings (bit 1) and closings (bit 2) of notes together, for `noteFormulas(in:)`.
    static let noteFormulas = GroupMatcher(noteOpeningsText.map { ($0, 1) } + noteClosingsText.map { ($0, 2) })

    /// Whether lower-cased `text` holds a note's opening (bit 1) and closing (bit 2) formula,
    /// in one scan.
    static func noteFormulas(in text: [UInt8]) -> UInt8 {
        noteFormulas.matchedGroups(in: text)
    }

    static let noteOpenings = PhraseSet(noteOpeningsText)
    static let noteClosings = PhraseSet(noteClosingsText)
    /// Indexes of `noteOpeningsText` and `noteClosingsText` among the phrases of `noteFormulas`.
    static let noteOpeningIndexes = 0..<noteOpeningsText.count
    static let noteClosingIndexes = noteOpeningsText.count..<(noteOpeningsText.count + noteClosingsText.count)

    /// `firstMatch(lowered, noteOpenings)` (or `noteClosings`, by `indexes`) for the lower-cased
    /// first `limit` bytes of `bytes`: on the bytes themselves when they are well-formed UTF-8
    /// (`GroupMatcher.firstMatch(lowering:among:)`), else on a lowered copy. The phrase's
    /// byte length is returned, not its bytes.
    static func firstNoteFormula(_ bytes: [UInt8], validUTF8: Bool, limit: Int, _ indexes: Range<Int>) -> (length: Int, offset: Int)? {
        let texts = indexes == noteOpeningIndexes ? noteOpenings : noteClosings
        guard validUTF8 else {
            var lowered = Array(bytes.prefix(limit))
            lowered.withUnsafeMutableBytes { _ = ByteCase.lower($0) }
            return firstMatch(lowered, texts).map { ($0.phrase.count, $0.offset) }
        }
        return bytes.withUnsafeBufferPointer { buffer in
            noteFormulas.firstMatch(lowering: UnsafeBufferPointer(rebasing: buffer.prefix(limit)), among: indexes)
                .map { (texts.phrases[$0.index].count, $0.offset) }
        }
    }
    static let letterClosings = PhraseSet(letterClosingsText)
    static let salutations = PhraseSet(salutationsText)
    static let firstPerson = PhraseSet(firstPersonText)
    /// `firstPersonText` for the Wu–Manber scan: whole blocks are searched for them, and the
    /// window of six bytes skips most of each, where the prefix-hash scan reads every byte.
    static let firstPersonMatcher = GroupMatcher(firstPersonText.map { ($0, 1) })

    /// Whether lower-cased `text` contains a first-person phrase (`containsAny(text, firstPerson)`).
    static func containsFirstPerson(_ text: [UInt8]) -> Bool {
        firstPersonMatcher.matchedGroups(in: text) != 0
    }
    static let annexLabels = PhraseSet(annexLabelsText)
    static let responseLabels = PhraseSet(responseLabelsText)
    static let questionLabels = PhraseSet(questionLabelsText)

    /// Whether lower-cased `text` contains any of `phrases`.
    static func containsAny(_ text: [UInt8], _ phrases: PhraseSet) -> Bool {
        phrases.firstMatch(in: text, stopAtAny: true) != nil
    }

    /// Whether lower-cased `text` starts with any of `phrases`.
    static func startsWithAny(_ text: [UInt8], _ phrases: PhraseSet) -> Bool {
        phrases.startsAny(text)
    }

    /// Whether lower-cased `text` (a slice, read from its start) starts with any of `phrases`.
    static func startsWithAny(_ text: ArraySlice<UInt8>, _ phrases: PhraseSet) -> Bool {
        text.withUnsafeBufferPointer { phrases.startsAny($0) }
    }

    /// The first phrase of `phrases` (in list order) that `text` contains, with the byte offset
    /// of its first occurrence.
    static func firstMatch(_ text: [UInt8], _ phrases: PhraseSet) -> (phrase: [UInt8], offset: Int)? {
        phrases.firstMatch(in: text, stopAtAny: false)
    }

    /// Byte offset of `needle` in `haystack`: memchr finds candidates for the first byte (the
    /// C library scans a word at a time), then the rest is compared.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        let last = haystack.count - needle.count
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            guard let base = hay.baseAddress else { return nil }
            var start = 0
            while start <= last {
                guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                var matched = true
                for index in 1..<needle.count where hay[offset + index] != needle[index] {
                    matched = false
                    break
                }
                if matched { return offset }
                start = offset + 1
            }
            return nil
        }
    }
}

/// A list of lower-cased formulas, searched for together in one pass over a text.
///
/// Every block is tested against several lists, so searching phrase by phrase (one memchr
/// scan of the block per phrase) cost more than the rest of the structure pass. Instead, a
/// 65,536-bit table marks the hashes of the three-byte prefixes that start some phrase: the
/// scan hashes each byte triple once and compares whole phrases only where a prefix may match
/// (a fraction of a percent of the positions in running text).
struct PhraseSet: Sendable {
    /// The phrases as UTF-8, in the order given (`firstMatch` prefers earlier ones).
    let phrases: [[UInt8]]
    /// Bit `prefixHash(b0, b1, b2)` is set when some phrase starts with the bytes `b0 b1 b2`.
    private let prefixBits: [UInt64]
    /// Phrases shorter than three bytes, searched for one by one (none of the formula lists
    /// has one).
    private let short: [Int]

    /// Bit `b & 63` of word `b >> 6` is set when some phrase starts with byte `b`.
    private let firstBytes: [UInt64]
    /// Whether a phrase is empty (and so starts every text).
    private let hasEmpty: Bool

    /// A set of `texts` (written lower-cased).
    init(_ texts: [String]) {
        phrases = texts.map { Array($0.utf8) }
        var firstBytes = [UInt64](repeating: 0, count: 4)
        for phrase in phrases { if let first = phrase.first { firstBytes[Int(first >> 6)] |= 1 << UInt64(first & 63) } }
        self.firstBytes = firstBytes
        hasEmpty = phrases.contains { $0.isEmpty }
        var bits = [UInt64](repeating: 0, count: 1024)
        var short: [Int] = []
        for (index, phrase) in phrases.enumerated() {
            guard phrase.count >= 3 else { short.append(index); continue }
            let hash = Self.prefixHash(phrase[0], phrase[1], phrase[2])
            bits[hash >> 6] |= 1 << UInt64(hash & 63)
        }
        prefixBits = bits
        self.short = short
    }

    /// Whether `text` starts with one of the phrases. Every block is asked for several lists:
    /// the first byte turns most blocks away, and the rest is compared without iterators.
    func startsAny(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { startsAny($0) }
    }

    /// `startsAny` on a buffer.
    func startsAny(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = hay.first, firstBytes[Int(first >> 6)] & (1 << UInt64(first & 63)) != 0 else {
            // An empty phrase would start every text; none of the lists has one.
            return hasEmpty
        }
        // A head whose first three bytes start no phrase (most heads that pass the first
        // byte: `the`, `par`, `qu'`) is turned away on the prefix bits, before the phrases are
        // compared one by one. Phrases under three bytes are not in the bits: with any, every
        // head is compared.
        if hay.count >= 3, short.isEmpty {
            let hash = Self.prefixHash(first, hay[1], hay[2])
            if prefixBits[hash >> 6] & (1 << UInt64(hash & 63)) == 0 { return false }
        }
        return phrases.contains { phrase in
            guard phrase.count <= hay.count else { return false }
            for offset in phrase.indices where hay[offset] != phrase[offset] { return false }
            return true
        }
    }

    @inline(__always)
    private static func prefixHash(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Int {
        (Int(b0) << 8 ^ Int(b1) << 4 ^ Int(b2) ^ Int(b2) << 12) & 0xFFFF
    }

    /// The phrase of the lowest list index that `text` contains, with the offset of its first
    /// occurrence; with `stopAtAny`, simply the first occurrence of any phrase.
    func firstMatch(in text: [UInt8], stopAtAny: Bool) -> (phrase: [UInt8], offset: Int)? {
        var bestIndex = Int.max
        var bestOffset = 0
        text.withUnsafeBufferPointer { hay in
            prefixBits.withUnsafeBufferPointer { bits in
                firstBytes.withUnsafeBufferPointer { firstBytes in
                    let count = hay.count
                    var position = 0
                    while position + 2 < count {
                        // A byte no phrase starts with (most bytes) is passed with one bit test,
                        // before the three-byte hash.
                        let first = hay[position]
                        if firstBytes[Int(first >> 6)] & (1 << UInt64(first & 63)) == 0 { position += 1; continue }
                        let hash = Self.prefixHash(first, hay[position + 1], hay[position + 2])
                        if bits[hash >> 6] & (1 << UInt64(hash & 63)) != 0 {
                            var index = 0
                            // Earlier phrases win, so a later one is only tried while it could.
                            while index < phrases.count && index < bestIndex {
                                if Self.matches(phrases[index], hay, at: position) {
                                    bestIndex = index
                                    bestOffset = position
                                    if stopAtAny || index == 0 { return }
                                    break
                                }
                                index += 1
                            }
                        }
                        position += 1
                    }
                }
            }
        }
        for index in short where index < bestIndex {
            if let offset = Phrases.find(phrases[index], in: text) { bestIndex = index; bestOffset = offset }
        }
        return bestIndex == Int.max ? nil : (phrases[bestIndex], bestOffset)
    }

    @inline(__always)
    private static func matches(_ phrase: [UInt8], _ hay: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard phrase.count >= 3, position + phrase.count <= hay.count else { return false }
        return phrase.withUnsafeBufferPointer { needle in
            var offset = 0
            while offset < needle.count {
                if hay[position + offset] != needle[offset] { return false }
                offset += 1
            }
            return true
        }
    }
}

/// Which groups of long phrases a text contains, found with the Wu–Manber multi-pattern
/// search: a window as long as the shortest phrase slides over the text, and its last three
/// bytes say how far it can jump without passing an occurrence — usually most of the window,
/// since three-byte blocks of a few formulas are rare in other text. (Two-byte blocks, as
/// first written, took common bigrams of the formulas' words — `re`, `nt`, `it` — for
/// possible ends: on the corpus a third more steps, and three times the candidate checks.) Every block is tested for
/// the note formulas, so this scan touches a small fraction of the bytes a byte-by-byte one
/// would.
struct GroupMatcher: Sendable {
    /// The phrases as UTF-8, each with its group bit.
    private let phrases: [(bytes: [UInt8], group: UInt8)]
    /// Length of the shortest phrase: the window.
    private let window: Int
    /// Union of all group bits.
    private let all: UInt8
    /// How far the window may move on when its last three bytes hash to this slot, hashed on
    /// `caseFold` bytes: a byte and its lower-cased form fold alike, so the window moves as it
    /// would over the lowered text. Lower-cased text is scanned with the same tables (its
    /// bytes fold as themselves): tables on the raw bytes as well cost half the matcher's
    /// construction, once per process, for the rare block of bad UTF-8.
    private let foldedShifts: [UInt8]
    /// For each folded slot, the range in `foldedCandidates` of the phrases whose first
    /// `window` bytes end in a block of that slot: only those can start where the window
    /// stands when its shift is zero (others mismatch somewhere in it), so only those are compared.
    private let foldedCandidateRanges: [Range<Int>]
    /// Phrase indexes, grouped by the folded slot of the block that ends their window.
    private let foldedCandidates: [Int]
    /// The folded slot of bytes `a b c` is `foldedSlotParts[a] ^ foldedSlotParts[256 + b]
    /// ^ foldedSlotParts[512 + c]`: three loads, where folding each byte with tests cost more
    /// than the scan itself.
    private let foldedSlotParts: [UInt16]

    /// Bytes in a block the window's jump is read from.
    private static let blockLength = 3

    /// Hash of a three-byte block into the shift table; collisions only shorten jumps.
    @inline(__always)
    private static func slot(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        (Int(first) << 7 ^ Int(second) << 3 ^ Int(third)) & 0xFFF
    }

    /// A matcher for `phrases` (written lower-case, at least three bytes), each with its group bit.
    init(_ phrases: [(String, UInt8)]) {
        let encoded = phrases.map { (bytes: Array($0.0.utf8), group: $0.1) }
        let window = encoded.map(\.bytes.count).min() ?? Self.blockLength
        precondition(window >= Self.blockLength, "phrases of at least three bytes")
        self.phrases = encoded
        self.window = window
        self.all = encoded.reduce(0) { $0 | $1.group }
        (foldedShifts, foldedCandidateRanges, foldedCandidates) = Self.tables(encoded, window: window, Self.caseFold)
        foldedSlotParts = (0..<256).map { UInt16((Int(Self.caseFold(UInt8($0))) << 7) & 0xFFF) }
            + (0..<256).map { UInt16((Int(Self.caseFold(UInt8($0))) << 3) & 0xFFF) }
            + (0..<256).map { UInt16(Self.caseFold(UInt8($0))) }
    }

    /// The shift table and the candidates by slot, with each byte passed through `map` before
    /// it is hashed.
    private static func tables(_ encoded: [(bytes: [UInt8], group: UInt8)], window: Int,
                               _ map: (UInt8) -> UInt8) -> ([UInt8], [Range<Int>], [Int]) {
        // A block that ends no phrase's window prefix lets the window jump past all but its
        // last two bytes.
        var shifts = [UInt8](repeating: UInt8(min(255, window - blockLength + 1)), count: 4096)
        for phrase in encoded {
            // A block ending at q (3...window) of the phrase's first `window` bytes allows a
            // jump of window - q at most.
            for end in blockLength...window {
                let slot = Self.slot(map(phrase.bytes[end - 3]), map(phrase.bytes[end - 2]), map(phrase.bytes[end - 1]))
                shifts[slot] = min(shifts[slot], UInt8(min(255, window - end)))
            }
        }
        // Grouped by counting: an array per slot, appended and then concatenated, cost
        // some 300 instructions a slot (4,096 of them, four times per process), more than
        // a document's formula scan.
        let phraseSlots = encoded.map { Self.slot(map($0.bytes[window - 3]), map($0.bytes[window - 2]), map($0.bytes[window - 1])) }
        var starts = [Int](repeating: 0, count: 4097)
        for slot in phraseSlots { starts[slot + 1] += 1 }
        for slot in 0..<4096 { starts[slot + 1] += starts[slot] }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(4096)
        for slot in 0..<4096 { ranges.append(starts[slot]..<starts[slot + 1]) }
        // Filled in phrase order within each slot, as the per-slot lists held them.
        var next = starts
        var flat = [Int](repeating: 0, count: encoded.count)
        for (index, slot) in phraseSlots.enumerated() {
            flat[next[slot]] = index
            next[slot] += 1
        }
        return (shifts, ranges, flat)
    }

    /// A byte folded so that it and its `ByteCase.lower` form, in any context, fold alike:
    /// ASCII capitals to small letters; continuation bytes to their low four bits (lowering
    /// adds 0x20 or 0x10 or takes 0x20 from them); `D1` to `D0` (Cyrillic capitals `Р`…`Я`
    /// and `Ѐ`…`Џ` move from `D0` to `D1`).
    @inline(__always)
    static func caseFold(_ byte: UInt8) -> UInt8 {
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        if byte < 0xC0 { return 0x80 | (byte & 0x0F) }
        return byte == 0xD1 ? 0xD0 : byte
    }

    /// Byte `index` of `ByteCase.lower(text)`, for `text` that is well-formed UTF-8 up to a
    /// sequence its end may cut: there lowering maps each character on its own, so a byte's
    /// lower-cased form depends only on its character's bytes.
    @inline(__always)
    static func loweredByte(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt8 {
        let byte = text[index]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        if byte == 0xD0 {
            guard index + 1 < text.count else { return byte }
            let next = text[index + 1]
            return next >= 0x80 && next <= 0x8F || next >= 0xA0 && next <= 0xAF ? 0xD1 : 0xD0
        }
        guard byte < 0xC0, index > 0 else { return byte }
        let lead = text[index - 1]
        if lead == 0xC3 { return byte <= 0x9E && byte != 0x97 ? byte + 0x20 : byte }
        if lead == 0xD0 {
            if byte >= 0x90 && byte <= 0x9F { return byte + 0x20 }
            if byte >= 0xA0 && byte <= 0xAF { return byte - 0x20 }
            if byte <= 0x8F { return byte + 0x10 }
        }
        return byte
    }

    /// `matchedGroups(in: ByteCase.lower(text))` for `text` that is well-formed UTF-8 (its end
    /// may cut a sequence), without lowering a copy of it: every block is scanned for the note
    /// formulas, and lowering whole blocks cost more than the scan. The window moves on folded
    /// bytes (`caseFold`), and only candidates are compared, byte by lowered byte.
    func matchedGroups(lowering text: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var found: UInt8 = 0
        foldedShifts.withUnsafeBufferPointer { shifts in
            foldedSlotParts.withUnsafeBufferPointer { parts in
                let count = text.count
                var end = window
                while end <= count {
                    let slot = Int(parts[Int(text[end - 3])] ^ parts[256 + Int(text[end - 2])] ^ parts[512 + Int(text[end - 1])])
                    let shift = Int(shifts[slot])
                    if shift > 0 { end += shift; continue }
                    let start = end - window
                    for candidate in foldedCandidateRanges[slot] {
                        let phrase = phrases[foldedCandidates[candidate]]
                        guard found & phrase.group == 0 && start + phrase.bytes.count <= count else { continue }
                        if phrase.bytes.withUnsafeBufferPointer({ needle in
                            var offset = 0
                            while offset < needle.count, Self.loweredByte(text, start + offset) == needle[offset] { offset += 1 }
                            return offset == needle.count
                        }) {
                            found |= phrase.group
                        }
                    }
                    if found == all { return }
                    end += 1
                }
            }
        }
        return found
    }

    /// `PhraseSet.firstMatch(in: ByteCase.lower(text), stopAtAny: false)` for the set of this
    /// matcher's phrases `among` (in their order), on `text` that is well-formed UTF-8 (its
    /// end may cut a sequence): the index (from `among.lowerBound`) of the first of them
    /// that `text` contains, and the offset of its first occurrence. The window passes every
    /// occurrence of every phrase in order of its start, so the first one seen of a phrase
    /// is its first occurrence. A note's formulas were found so on a lower-cased copy of up
    /// to 8 kB of its block, and the copy and the byte-by-byte scan cost several times this.
    func firstMatch(lowering text: UnsafeBufferPointer<UInt8>, among: Range<Int>) -> (index: Int, offset: Int)? {
        var best = Int.max
        var bestOffset = 0
        foldedShifts.withUnsafeBufferPointer { shifts in
            foldedSlotParts.withUnsafeBufferPointer { parts in
                let count = text.count
                var end = window
                while end <= count {
                    let slot = Int(parts[Int(text[end - 3])] ^ parts[256 + Int(text[end - 2])] ^ parts[512 + Int(text[end - 1])])
                    let shift = Int(shifts[slot])
                    if shift > 0 { end += shift; continue }
                    let start = end - window
                    for candidate in foldedCandidateRanges[slot] {
                        let index = foldedCandidates[candidate]
                        guard among.contains(index), index < best else { continue }
                        let phrase = phrases[index]
                        guard start + phrase.bytes.count <= count else { continue }
                        if phrase.bytes.withUnsafeBufferPointer({ needle in
                            var offset = 0
                            while offset < needle.count, Self.loweredByte(text, start + offset) == needle[offset] { offset += 1 }
                            return offset == needle.count
                        }) {
                            best = index
                            bestOffset = start
                        }
                    }
                    // No phrase can come before the first of them.
                    if best == among.lowerBound { return }
                    end += 1
                }
            }
        }
        return best == Int.max ? nil : (best - among.lowerBound, bestOffset)
    }

    /// The union of the group bits of the phrases `text` contains.
    func matchedGroups(in text: [UInt8]) -> UInt8 {
        var found: UInt8 = 0
        text.withUnsafeBufferPointer { hay in
            foldedShifts.withUnsafeBufferPointer { shifts in
              foldedSlotParts.withUnsafeBufferPointer { parts in
                let count = hay.count
                var end = window
                while end <= count {
                    let slot = Int(parts[Int(hay[end - 3])] ^ parts[256 + Int(hay[end - 2])] ^ parts[512 + Int(hay[end - 1])])
                    let shift = Int(shifts[slot])
                    if shift > 0 { end += shift; continue }
                    let start = end - window
                    for candidate in foldedCandidateRanges[slot] {
                        let phrase = phrases[foldedCandidates[candidate]]
                        guard found & phrase.group == 0 && start + phrase.bytes.count <= count else { continue }
                        if phrase.bytes.withUnsafeBufferPointer({ needle in
                            var offset = 0
                            while offset < needle.count, hay[start + offset] == needle[offset] { offset += 1 }
                            return offset == needle.count
                        }) {
                            found |= phrase.group
                        }
                    }
                    if found == all { return }
                    end += 1
                }
              }
            }
        }
        return found
    }
}

/// Lower-casing that keeps byte lengths, so offsets in the lower-cased copy are offsets in
/// the original: ASCII, Latin-1 capitals (`É` → `é`) and Cyrillic capitals (`С` → `с`).
enum ByteCase {
    static func lower(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        result.withUnsafeMutableBytes { _ = lower($0) }
        return result
    }

    /// Lower-cases `bytes` in place; returns their count.
    @discardableResult
    static func lower(_ result: UnsafeMutableRawBufferPointer) -> Int {
        let count = result.count
        var index = 0
        #if arch(x86_64)
        let beforeA = _mm_set1_epi8(0x40)
        let afterZ = _mm_set1_epi8(0x5B)
        let caseBit = _mm_set1_epi8(0x20)
        #endif
        while index < count {
            // Eight ASCII bytes at a time (most text): capitals marked in bit 7 by two additions.
            var byte = result[index]
            #if arch(x86_64)
            // Sixteen at a time when all sixteen are ASCII (a byte from 0x80 sets its sign bit):
            // the block heads lowered for every block are some forty bytes, and eight bytes a
            // step left a byte-by-byte tail and a mispredicted exit on most of them. As signed
            // bytes all sixteen are non-negative, so signed compares pick out `A`...`Z`.
            if byte < 0x80, index + 16 <= count {
                let address = result.baseAddress! + index
                let vector = _mm_loadu_si128(UnsafeRawPointer(address).assumingMemoryBound(to: __m128i_u.self))
                if _mm_movemask_epi8(vector) == 0 {
                    let capitals = _mm_and_si128(_mm_cmpgt_epi8(vector, beforeA), _mm_cmplt_epi8(vector, afterZ))
                    _mm_storeu_si128(address.assumingMemoryBound(to: __m128i_u.self), _mm_or_si128(vector, _mm_and_si128(capitals, caseBit)))
                    index += 16
                    continue
                }
            }
            #endif
            // A word is tried only from an ASCII byte: from a lead byte (Cyrillic text, byte
            // pair after pair) the test failed every time.
            if byte < 0x80, index + 8 <= count {
                let word = result.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let high = word & (ones &* 0x80)
                let upper = ((word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25)) & (ones &* 0x80)
                if high == 0 {
                    result.storeBytes(of: word | (upper >> 2), toByteOffset: index, as: UInt64.self)
                    index += 8
                    continue
                }
                // The ASCII bytes before the first byte from 0x80 (at least this one) lowered
                // at once, and the scan moved on to that byte: one by one, each of them loaded
                // and tested the word again. Only those bytes are lowered: the additions carry
                // past a byte from 0x80, and an ASCII byte after a `D0` lead is passed over.
                let ascii = high.trailingZeroBitCount >> 3
                let below = (UInt64(1) << UInt64(ascii &* 8)) &- 1
                result.storeBytes(of: word | ((upper & below) >> 2), toByteOffset: index, as: UInt64.self)
                index += ascii
                byte = result[index]
            }
            if byte < 0x80 {
                if byte >= 0x41 && byte <= 0x5A { result[index] = byte | 0x20 }
            } else if byte == 0xC3, index + 1 < count, result[index + 1] >= 0x80, result[index + 1] <= 0x9E, result[index + 1] != 0x97 {
                result[index + 1] += 0x20
                index += 1
            } else if byte == 0xD0, index + 1 < count {
                let next = result[index + 1]
                if next >= 0x90 && next <= 0x9F { result[index + 1] = next + 0x20 }
                else if next >= 0xA0 && next <= 0xAF { result[index] = 0xD1; result[index + 1] = next - 0x20 }
                else if next >= 0x80 && next <= 0x8F { result[index] = 0xD1; result[index + 1] = next + 0x10 }
                index += 1
            }
            index += 1
        }
        return count
    }
}
