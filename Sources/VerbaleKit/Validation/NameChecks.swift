#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names: one person's surname spelled two ways (`Ms. Sekerbaeva` / `Ms. Sekerbayeva`),
/// found from honorific + name and a small edit distance between surnames.
enum NameChecks {
    /// Grammatical class of an honorific: surnames are compared only within a class (or with
    /// a neutral title), so `Mr. Ivanov` and `Ms. Ivanova` are two people, not a variant.
    enum Gender {
        case male, female, neutral

        /// A small number per class, for hashing.
        var rank: Int {
            switch self {
            case .male: return 0
            case .female: return 1
            case .neutral: return 2
            }
        }
    }

    /// Honorifics as written, with their class.
    static let honorifics: [String: Gender] = [
        "Mr.": .male, "Mr": .male, "M.": .male, "Monsieur": .male, "Sr.": .male, "Señor": .male, "Don": .male,
        "Sir": .male, "г-н": .male, "господин": .male, "Г-н": .male, "Господин": .male,
        "Ms.": .female, "Ms": .female, "Mrs.": .female, "Mrs": .female, "Miss": .female, "Mme": .female, "Mme.": .female,
        "Madame": .female, "Mlle": .female, "Sra.": .female, "Srta.": .female, "Señora": .female, "Doña": .female,
        "Lady": .female, "г-жа": .female, "госпожа": .female, "Г-жа": .female, "Госпожа": .female,
        "Dr.": .neutral, "Dr": .neutral, "Prof.": .neutral, "H.E.": .neutral, "Dra.": .female,
    ]

    /// A surname as met after an honorific.
    struct Seen {
        var name: String
        var honorific: String
        var gender: Gender
        var first: ByteSpan
        var count: Int
    }

    /// A surname in one grammatical class: spellings are counted per class.
    private struct Key: Hashable {
        var name: String
        var gender: Gender
    }

    /// One honorific + name met in a block: where, not what (no string is made for it).
    struct Occurrence {
        /// The honorific, as an index into `honorificTable.texts`.
        var honorific: Int
        /// Its class (the inner title's when titles are stacked).
        var gender: Gender
        /// The block it is in.
        var block: Int
        /// The surname's bytes in the block.
        var surname: Range<Int>
        /// Honorific through surname, in the block's bytes.
        var span: Range<Int>
    }

    static func run(_ context: ValidationContext) -> [Diagnostic] {
        var occurrences: [Occurrence] = []
        var plain = true
        // The table in a local: a global is re-checked for initialisation at every use.
        let table = honorificTable
        let pairs = honorificPairs
        for index in context.blocks.indices {
            let bytes = context.blockBytes[index]
            // A block without a space before a possible honorific (`BlockScan.spaces`) whose
            // first word cannot be one either holds no name: most blocks are passed over here.
            guard !context.scans.spaces.isEmpty(index) || mayBeHonorific(bytes, 0, pairs) else { continue }
            let before = occurrences.count
            // A surname the string path had to find may not be a prefix of its word's bytes:
            // then the document takes the string path below.
            if !scanNames(bytes, spaces: context.scans.spaces[index], block: index, table: table, into: &occurrences) { plain = false }
            if plain {
                for at in before..<occurrences.count where !isPlainName(bytes, occurrences[at].surname) { plain = false; break }
            }
        }
        guard !occurrences.isEmpty else { return [] }
        // First-seen order is the order pairs are compared and reported in.
        let seen = plain ? seenByBytes(occurrences, context) : seenByStrings(occurrences, context)
        guard seen.count > 1 else { return [] }
        // Lower-cased once per spelling, not once per pair.
        let lowered = seen.map { loweredScalars($0.name) }
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        for i in seen.indices {
            // `similar` needs five letters: shorter spellings are compared with nothing.
            guard lowered[i].count >= 5 else { continue }
            for j in (i + 1)..<seen.count {
                // The cheap tests of `similar` first (all of them pure, so the order of the
                // tests does not change which pairs pass).
                guard lowered[j].count >= 5, lowered[i].first == lowered[j].first, abs(lowered[i].count - lowered[j].count) <= 2 else { continue }
                let a = seen[i]
                let b = seen[j]
                guard a.gender == b.gender || a.gender == .neutral || b.gender == .neutral, a.name != b.name,
                      similar(lowered[i], lowered[j]), reported.insert(a.name + "|" + b.name).inserted else { continue }
                // Point at the rarer spelling: that is the likelier slip.
                let (rare, common) = b.count <= a.count ? (b, a) : (a, b)
                found.append(DiagnosticCode.nameVariant.diagnostic(
                    "\(rare.honorific) \(rare.name) (\(times(rare.count)), first on line \(context.line(rare.first.start))) and \(common.honorific) \(common.name) (\(times(common.count)), first on line \(context.line(common.first.start))) look like one person spelled two ways",
                    rare.first))
            }
        }
        return found
    }

    /// The scalars of `name.lowercased()`: ASCII and the two-byte letters `Bytes.lowerPair`
    /// folds (Latin-1, basic Cyrillic) from the bytes, anything else through Unicode.
    static func loweredScalars(_ name: String) -> [Unicode.Scalar] {
        var name = name
        let simple: [Unicode.Scalar]? = name.withUTF8 { bytes in
            var result: [Unicode.Scalar] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    result.append(Unicode.Scalar(Bytes.lowerASCII(byte)))
                    index += 1
                    continue
                }
                guard index + 1 < bytes.count, let (lead, trail) = Bytes.lowerPair(byte, bytes[index + 1]) else { return nil }
                result.append(Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(trail & 0x3F))!)
                index += 2
            }
            return result
        }
        return simple ?? Array(name.lowercased().unicodeScalars)
    }

    /// Whether the surname `bytes[range]` is plain text (`Bytes.isPlainText`): then two
    /// surnames are equal as strings exactly when their bytes are.
    static func isPlainName(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                index += 1
                continue
            }
            // Two-byte scalars U+0080–U+024F (lead C2–C8, C9 80–8F) and U+0400–U+0482 (D0, D1,
            // D2 80–82), as `Bytes.isPlainText` has them.
            guard index + 1 < range.upperBound else { return false }
            let trail = bytes[index + 1]
            guard (byte >= 0xC2 && byte <= 0xC8) || (byte == 0xC9 && trail <= 0x8F)
                    || byte == 0xD0 || byte == 0xD1 || (byte == 0xD2 && trail <= 0x82) else { return false }
            index += 2
        }
        return true
    }

    /// The spellings met (surname and class), in first-seen order, counted, when every
    /// surname is plain: keyed by their bytes in a small open-addressing table, so no string
    /// is made or hashed for the repeats.
    static func seenByBytes(_ occurrences: [Occurrence], _ context: ValidationContext) -> [Seen] {
        var seen: [Seen] = []
        var first: [Int] = []  // occurrence index of each spelling's first
        var capacity = 64
        while capacity < occurrences.count * 2 { capacity *= 2 }
        var slots = [Int](repeating: -1, count: capacity)
        let texts = honorificTable.texts
        for index in occurrences.indices {
            let occurrence = occurrences[index]
            let bytes = context.blockBytes[occurrence.block]
            // FNV-1a over the surname's bytes and the class.
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for at in occurrence.surname { hash = (hash ^ UInt64(bytes[at])) &* 0x100_0000_01B3 }
            hash = (hash ^ UInt64(occurrence.gender.rank)) &* 0x100_0000_01B3
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (capacity - 1)
            while true {
                let at = slots[slot]
                if at < 0 {
                    slots[slot] = seen.count
                    first.append(index)
                    seen.append(Seen(name: Bytes.string(bytes, occurrence.surname), honorific: texts[occurrence.honorific].text,
                                     gender: occurrence.gender,
                                     first: context.sourceSpan(block: occurrence.block, occurrence.span), count: 1))
                    break
                }
                let other = occurrences[first[at]]
                if other.gender == occurrence.gender, other.surname.count == occurrence.surname.count,
                   sameBytes(context.blockBytes[other.block], other.surname.lowerBound, bytes, occurrence.surname.lowerBound,
                             occurrence.surname.count) {
                    seen[at].count += 1
                    break
                }
                slot = (slot + 1) & (capacity - 1)
            }
        }
        return seen
    }

    /// Whether `a[aStart...]` and `b[bStart...]` hold the same `count` bytes (one memcmp;
    /// the ranges lie inside the arrays).
    static func sameBytes(_ a: [UInt8], _ aStart: Int, _ b: [UInt8], _ bStart: Int, _ count: Int) -> Bool {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                count == 0 || memcmp(a.baseAddress! + aStart, b.baseAddress! + bStart, count) == 0
            }
        }
    }

    /// `seenByBytes` through strings, for documents with a surname that is not plain text
    /// (a combining mark, say): there two spellings of different bytes may be one string.
    static func seenByStrings(_ occurrences: [Occurrence], _ context: ValidationContext) -> [Seen] {
        var slot: [Key: Int] = [:]
        var seen: [Seen] = []
        let texts = honorificTable.texts
        for occurrence in occurrences {
            let surname = Bytes.string(context.blockBytes[occurrence.block], occurrence.surname)
            let key = Key(name: surname, gender: occurrence.gender)
            if let at = slot[key] {
                seen[at].count += 1
            } else {
                slot[key] = seen.count
                seen.append(Seen(name: surname, honorific: texts[occurrence.honorific].text, gender: occurrence.gender,
                                 first: context.sourceSpan(block: occurrence.block, occurrence.span), count: 1))
            }
        }
        return seen
    }

    static func times(_ count: Int) -> String { count == 1 ? "once" : "\(count) times" }

    /// Surnames long enough to compare, one edit apart (two for long names), same first letter.
    static func similar(_ a: String, _ b: String) -> Bool {
        similar(Array(a.lowercased().unicodeScalars), Array(b.lowercased().unicodeScalars))
    }

    /// `similar` on surnames already lower-cased into scalars.
    static func similar(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Bool {
        guard x.count >= 5, y.count >= 5, x.first == y.first, abs(x.count - y.count) <= 2 else { return false }
        let allowed = min(x.count, y.count) >= 9 ? 2 : 1
        return editDistance(x, y, limit: allowed) <= allowed
    }

    /// Levenshtein distance, stopping early once it exceeds `limit`.
    static func editDistance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
        // Two rows, swapped after each: a new row array per letter (and the concatenation
        // that built it) cost more than the distance itself.
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return rowMin }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// `(honorific, class, surname, range of honorific…surname)` for each honorific followed by
    /// one to three capitalised words; the surname is the last of them, possessive dropped.
    /// `spaces` are the block's `BlockScan.spaces` (found here when not given).
    static func names(in bytes: [UInt8], spaces: ArraySlice<Int>? = nil) -> [(String, Gender, String, Range<Int>)] {
        var occurrences: [Occurrence] = []
        _ = scanNames(bytes, spaces: spaces ?? BlockScan([bytes]).spaces[0], block: 0, table: honorificTable, into: &occurrences)
        let texts = honorificTable.texts
        return occurrences.map { (texts[$0.honorific].text, $0.gender, Bytes.string(bytes, $0.surname), $0.span) }
    }

    /// Appends each honorific + name of `bytes` to `occurrences`, found from the block's
    /// `BlockScan.spaces`; false when a surname found through strings was not a prefix of its
    /// word's bytes (never seen: `cleanName` only drops characters from the end), whose
    /// range then does not hold it.
    static func scanNames(_ bytes: [UInt8], spaces: ArraySlice<Int>, block: Int, table: HonorificTable,
                          into occurrences: inout [Occurrence]) -> Bool {
        var exact = true
        // Words are runs of non-space bytes, so a word starts at 0 or right after a space:
        // only spaces before a possible honorific are visited (`BlockScan.spaces`, found many
        // bytes at a time), and the other words are stepped over. Each visit returns where
        // the scan goes on.
        var floor = visitName(bytes, at: 0, block: block, table, &occurrences, &exact)
        for space in spaces where space >= floor {
            floor = max(space + 1, visitName(bytes, at: space + 1, block: block, table, &occurrences, &exact))
        }
        return exact
    }

    /// Looks at the word at `start`: when it is an honorific followed by capitalised words,
    /// appends the name to `occurrences`. Returns where the scan goes on (no space lies
    /// between `start` and it); clears `exact` as `scanNames` says.
    @inline(__always)
    static func visitName(_ bytes: [UInt8], at start: Int, block: Int, _ table: HonorificTable,
                          _ occurrences: inout [Occurrence], _ exact: inout Bool) -> Int {
        let count = bytes.count
        guard start < count, bytes[start] != 0x20 else { return start }
        // Compared with the few honorifics of the word's first byte, up to the next space:
        // the word's end is sought only when it is one.
        guard let (title, gender, wordEnd) = table.match(bytes, start, limit: count) else { return start + 1 }
        return readName(bytes, word: start..<wordEnd, title: title, gender: gender, block: block, table, &occurrences, &exact)
    }

    /// The rest of `visitName` once the word `word` is the honorific `title`: the titles and
    /// capitalised words after it. Apart, so that the many words that are no honorific pay
    /// nothing for what a name needs (the frame for a scalar's properties, among others).
    @inline(never)
    static func readName(_ bytes: [UInt8], word: Range<Int>, title: Int, gender: Gender, block: Int, _ table: HonorificTable,
                         _ occurrences: inout [Occurrence], _ exact: inout Bool) -> Int {
        var cursor = word.upperBound
        // `H.E. Mr. Marat Beketayev`: a title before a title; the inner one decides the class.
        var honorific = title
        var kind = gender
        var next = nextWord(bytes, from: cursor)
        while let inner = next, let (innerTitle, innerGender, innerEnd) = table.match(bytes, inner.lowerBound, limit: inner.upperBound),
              innerEnd == inner.upperBound {
            honorific = innerTitle
            if innerGender != .neutral { kind = innerGender }
            cursor = inner.upperBound
            next = nextWord(bytes, from: cursor)
        }
        var surnameEnd: Int? = nil
        var surnameStart = 0
        var end = word.upperBound
        var taken = 0
        while let candidate = next, taken < 3 {
            guard startsUppercase(bytes, candidate.lowerBound) else { break }
            let stops: Bool
            if isASCII(bytes, candidate) {
                // On the bytes: the name is a prefix of the word.
                let (nameEnd, stopped) = asciiNameEnd(bytes, candidate)
                guard let nameEnd, isCapitalisedASCII(bytes, candidate.lowerBound..<nameEnd) else { break }
                end = nameEnd
                stops = stopped
            } else if let (nameEnd, stopped, capitalised) = scalarName(bytes, candidate) {
                // Latin-1, Latin Extended-A, Cyrillic and `’`: on the scalars.
                guard let nameEnd, capitalised else { break }
                end = nameEnd
                stops = stopped
            } else {
                let raw = Bytes.string(bytes, candidate)
                let (clean, stopped) = cleanName(raw)
                guard let clean, isCapitalisedName(clean) else { break }
                // End the span at the name, not at the `)` or `’s` after it.
                if raw.hasPrefix(clean) {
                    end = candidate.lowerBound + clean.utf8.count
                } else {
                    end = candidate.upperBound
                    exact = false
                }
                stops = stopped
            }
            surnameStart = candidate.lowerBound
            surnameEnd = end
            taken += 1
            cursor = candidate.upperBound
            next = nextWord(bytes, from: cursor)
            if stops { break }
        }
        if let surnameEnd {
            occurrences.append(Occurrence(honorific: honorific, gender: kind, block: block,
                                          surname: surnameStart..<surnameEnd, span: word.lowerBound..<end))
        }
        return cursor
    }

    /// Bytes that can begin a word that is an honorific: the first byte of some honorific
    /// (from `honorificPairs`, so it follows the table), or an opening bracket or quote that
    /// `mayBeHonorific` skips (`(`, `"`, `[`, lead bytes of `“` and `«`).
    static let wordOpeners: ByteSet = {
        var set = ByteSet()
        for byte in 0...255 where !honorificPairs[byte].isEmpty { set.insert(UInt8(byte)) }
        for byte: UInt8 in [0x28, 0x22, 0x5B, 0xE2, 0xC2] { set.insert(byte) }
        return set
    }()

    /// Lanes of `next` holding a byte that may be in `wordOpeners`: 0x20–0x5F (`"`, `(`, the
    /// capitals, `[`) and UTF-8 lead bytes from 0xC0 (`г`, `“`, `«`), that is bit 6 unlike bit
    /// 5 in ASCII, bit 6 set above it. A superset of the set in four operations: most spaces
    /// (those before a lower-case letter or inside a Cyrillic word's bytes) are stepped over
    /// without asking the set, and `BlockScan` tests the few others byte by byte.
    @inline(__always)
    static func openerLanes(_ next: UInt64) -> UInt64 {
        ((next << 1) ^ ((next << 2) & ~next)) & ByteWords.highs
    }

    /// Whether the scalar at `index` is upper-case (ASCII answered from the byte).
    @inline(__always)
    static func startsUppercase(_ bytes: [UInt8], _ index: Int) -> Bool {
        if bytes[index] < 0x80 { return Bytes.isUpperASCII(bytes[index]) }
        return Bytes.scalar(at: index, in: bytes)?.properties.isUppercase ?? false
    }

    /// The next run of non-space bytes at or after `from`.
    static func nextWord(_ bytes: [UInt8], from: Int) -> Range<Int>? {
        var index = from
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let start = index
        while index < bytes.count, bytes[index] != 0x20 { index += 1 }
        return index > start ? start..<index : nil
    }

    /// Second bytes of the honorifics, by first byte: a word whose first two bytes (after
    /// opening brackets and quotes) are not a pair of this table is no honorific, whatever its
    /// length. In Russian text this rejects every word but those in `г`/`Г`.
    static let honorificPairs: [ByteSet] = {
        var table = [ByteSet](repeating: ByteSet(), count: 256)
        for text in honorifics.keys {
            let bytes = Array(text.utf8)
            table[Int(bytes[0])].insert(bytes[1])
        }
        return table
    }()

    /// Whether the word at `start` can be an honorific: its opening brackets and quotes
    /// skipped as `honorific` skips them, its first two bytes a pair of `honorificPairs`.
    static func mayBeHonorific(_ bytes: [UInt8], _ start: Int, _ pairs: [ByteSet] = honorificPairs) -> Bool {
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x28 || byte == 0x22 || byte == 0x5B { index += 1; continue }  // ( " [
            if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9C { index += 3; continue }  // “
            if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xAB { index += 2; continue }  // «
            break
        }
        guard index + 1 < count else { return false }
        return pairs[Int(bytes[index])].contains(bytes[index + 1])
    }

    /// Honorifics as bytes, grouped by first byte.
    static let honorificsByLead: [[([UInt8], String, Gender)]] = {
        var table = [[([UInt8], String, Gender)]](repeating: [], count: 256)
        for (text, gender) in honorifics {
            let bytes = Array(text.utf8)
            table[Int(bytes[0])].append((bytes, text, gender))
        }
        return table
    }()

    /// The honorifics as one flat table of bytes, by first byte: `match` compares a word with
    /// the few honorifics of its first byte without touching a string or an array per
    /// honorific (the arrays of `honorificsByLead` cost a retain and release each per word).
    struct HonorificTable {
        /// One honorific: its second byte (tested first: most words that share a first byte
        /// with some honorific differ in the second), length, bytes and class.
        struct Entry {
            /// The second byte (every honorific has two or more).
            var second: UInt8
            /// Length in bytes.
            var length: Int
            /// Where its bytes start in `bytes`.
            var offset: Int
            /// Its class.
            var gender: Gender
        }

        /// Each honorific's text and class, in table order.
        let texts: [(text: String, gender: Gender)]
        /// Each honorific, in table order.
        let entries: [Entry]
        /// Every honorific's bytes, one after another.
        let bytes: [UInt8]
        /// The ranges of `entries` (and `texts`) of the honorifics opening with each pair of
        /// bytes, in an open-addressing table keyed by `first | second << 8` (`pairSlot`);
        /// zero keys are free slots.
        let pairs: [(key: Int, range: Range<Int>)]

        /// Slots in `pairs`: a power of two, a few times the number of pairs.
        static let slotCount = 128

        /// Where the look-up of `key` in `pairs` starts.
        @inline(__always)
        static func pairSlot(_ key: Int) -> Int { (key &* 0x9E37) >> 7 & (slotCount - 1) }

        init(_ honorifics: [String: Gender]) {
            // Grouped by first two bytes, in the dictionary's order within a group: no two
            // honorifics are one word, so the order a word is compared with them in does not
            // matter.
            func key(_ utf8: [UInt8]) -> Int { Int(utf8[0]) | Int(utf8[1]) << 8 }
            let sorted = honorifics.map { (utf8: Array($0.key.utf8), text: $0.key, gender: $0.value) }.sorted { key($0.utf8) < key($1.utf8) }
            texts = sorted.map { ($0.text, $0.gender) }
            var bytes: [UInt8] = []
            var entries: [Entry] = []
            var pairs = [(key: Int, range: Range<Int>)](repeating: (0, 0..<0), count: Self.slotCount)
            for (index, entry) in sorted.enumerated() {
                entries.append(Entry(second: entry.utf8[1], length: entry.utf8.count, offset: bytes.count, gender: entry.gender))
                bytes += entry.utf8
                var slot = Self.pairSlot(key(entry.utf8))
                while pairs[slot].key != 0 && pairs[slot].key != key(entry.utf8) { slot = (slot + 1) & (Self.slotCount - 1) }
                let range = pairs[slot].key == 0 ? index..<(index + 1) : pairs[slot].range.lowerBound..<(index + 1)
                pairs[slot] = (key(entry.utf8), range)
            }
            self.bytes = bytes
            self.entries = entries
            self.pairs = pairs
        }

        /// The honorific that the word at `start` is, after opening brackets and quotes
        /// (`honorific` on the word), with its text index, class and the word's end; the word
        /// runs to the next space or `limit`. The word's end is not sought first: an
        /// honorific matches when its bytes are there and a space or `limit` follows them.
        @inline(__always)
        func match(_ hay: [UInt8], _ from: Int, limit: Int) -> (Int, Gender, Int)? {
            var start = from
            while start < limit {
                let byte = hay[start]
                if byte == 0x28 || byte == 0x22 || byte == 0x5B { start += 1; continue }  // ( " [
                if byte == 0xE2, start + 2 < limit, hay[start + 1] == 0x80, hay[start + 2] == 0x9C { start += 3; continue }  // “
                if byte == 0xC2, start + 1 < limit, hay[start + 1] == 0xAB { start += 2; continue }  // «
                break
            }
            // Every honorific has two bytes or more.
            guard start + 1 < limit else { return nil }
            // The honorifics opening with the word's first two bytes (most words that reach
            // here share only the first byte with one, or nothing).
            let key = Int(hay[start]) | Int(hay[start + 1]) << 8
            var slot = Self.pairSlot(key)
            var candidates = 0..<0
            while true {
                let found = pairs[slot]
                if found.key == key { candidates = found.range; break }
                if found.key == 0 { return nil }
                slot = (slot + 1) & (Self.slotCount - 1)
            }
            for index in candidates {
                let entry = entries[index]
                let end = start + entry.length
                guard end <= limit, end == limit || hay[end] == 0x20 else { continue }
                var equal = true
                var offset = 2
                while offset < entry.length {
                    if hay[start + offset] != bytes[entry.offset + offset] { equal = false; break }
                    offset += 1
                }
                if equal { return (index, entry.gender, end) }
            }
            return nil
        }
    }

    /// `honorifics` as a `HonorificTable`.
    static let honorificTable = HonorificTable(honorifics)

    /// The honorific a word is (after opening brackets and quotes), if any.
    static func honorific(_ bytes: [UInt8], _ word: Range<Int>,
                          _ byLead: [[([UInt8], String, Gender)]] = honorificsByLead) -> (String, Gender)? {
        var start = word.lowerBound
        while start < word.upperBound {
            let byte = bytes[start]
            if byte == 0x28 || byte == 0x22 || byte == 0x5B { start += 1; continue }  // ( " [
            if byte == 0xE2, start + 2 < word.upperBound, bytes[start + 1] == 0x80, bytes[start + 2] == 0x9C { start += 3; continue }  // “
            if byte == 0xC2, start + 1 < word.upperBound, bytes[start + 1] == 0xAB { start += 2; continue }  // «
            break
        }
        guard start < word.upperBound else { return nil }
        let length = word.upperBound - start
        for (candidate, text, gender) in byLead[Int(bytes[start])] where candidate.count == length {
            var equal = true
            for offset in 0..<length where bytes[start + offset] != candidate[offset] { equal = false; break }
            if equal { return (text, gender) }
        }
        return nil
    }

    /// A word without opening quotes or brackets (`(Ms.` → `Ms.`).
    static func strippedOpening(_ word: String) -> String {
        String(word.drop { $0 == "(" || $0 == "“" || $0 == "\"" || $0 == "«" || $0 == "[" })
    }

    /// A name word without trailing punctuation or possessive; `stops` when punctuation ended
    /// the name (`Serzhan)`, `Fonova’s`, `Sekerbayeva,`).
    static func cleanName(_ raw: String) -> (String?, Bool) {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return cleanASCIIName(raw) }
        var word = Substring(raw)
        var stops = false
        for suffix in ["’s", "'s", "’", "'"] where word.hasSuffix(suffix) {
            word = word.dropLast(suffix.count)
            stops = true
        }
        while let last = word.last, !last.isLetter {
            word = word.dropLast()
            stops = true
        }
        for suffix in ["’s", "'s"] where word.hasSuffix(suffix) { word = word.dropLast(suffix.count) }
        return (word.isEmpty ? nil : String(word), stops)
    }

    /// Classes of the scalars `scalarName` handles, by `nameClassIndex`: bit 3 set for each,
    /// bit 0 when it is a letter (`Character.isLetter`), bit 1 upper case, bit 2 lower case
    /// (`Unicode.Scalar.Properties`), all taken from the standard library once. The scalars
    /// are ASCII but its controls, Latin-1 and Latin Extended-A but the soft hyphen (a control
    /// to grapheme breaking), basic Cyrillic (U+0400–U+045F) and `’`: each is a grapheme of
    /// its own whatever surrounds it, and none is canonically equivalent to a sequence of the
    /// others, so on them a `Character` is a scalar and compares as one.
    ///
    /// Written out (`nameClassesFromUnicode` computes it, and the tests hold the two equal):
    /// computing it asked the standard library about 481 scalars, some 540,000 instructions
    /// on the first name of a run.
    static let nameClasses: [UInt8] = [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
        8, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 8, 8, 8, 8, 8,
        8, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 8, 8, 8, 8, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 13, 8, 8, 0, 8, 8, 8, 8, 8, 8, 8, 13, 8, 8, 8, 8, 13, 8, 8, 8, 8, 8,
        11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 8, 11, 11, 11, 11, 11, 11, 11, 13,
        13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 8, 13, 13, 13, 13, 13, 13, 13, 13,
        11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13,
        11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 13, 11, 13, 11, 13, 11, 13, 11,
        13, 11, 13, 11, 13, 11, 13, 11, 13, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13,
        11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 13, 11, 11, 13, 11, 13, 11, 13, 13,
        11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11,
        11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13,
        13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13,
        8
    ]

    /// `nameClasses` from the standard library's answers.
    static func nameClassesFromUnicode() -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 0x1E1)
        let handled = Array(0x20...0x7E) + Array(0xA0...0x17F).filter { $0 != 0xAD } + Array(0x400...0x45F) + [0x2019]
        for value in handled {
            let scalar = Unicode.Scalar(UInt32(value))!
            var bits: UInt8 = 8
            if Character(scalar).isLetter { bits |= 1 }
            if scalar.properties.isUppercase { bits |= 2 }
            if scalar.properties.isLowercase { bits |= 4 }
            table[nameClassIndex(UInt32(value))!] = bits
        }
        return table
    }

    /// Where a scalar's class is in `nameClasses`, nil outside the ranges it covers.
    @inline(__always)
    static func nameClassIndex(_ value: UInt32) -> Int? {
        if value < 0x180 { return Int(value) }
        if value >= 0x400, value < 0x460 { return Int(value - 0x400) + 0x180 }
        return value == 0x2019 ? 0x1E0 : nil
    }

    /// `cleanName` and `isCapitalisedName` of the word `bytes[word]` on its scalars, when
    /// every scalar is one `nameClasses` handles (nil otherwise, and the string path
    /// decides): where the name ends (it is always a prefix of the word), whether punctuation
    /// ended it, and whether it is a capitalised name.
    ///
    /// The string path cost some 9,000 instructions a non-ASCII name (`Character` suffix
    /// tests, iteration and property look-ups), more than the rest of the name scan together.
    static func scalarName(_ bytes: [UInt8], _ word: Range<Int>) -> (end: Int?, stops: Bool, capitalised: Bool)? {
        let classes = nameClasses
        let lower = word.lowerBound
        // Every scalar must be one the table handles. The suffixes are then tested on the
        // bytes (each is whole scalars, and a lead byte starts one), and the scalars read
        // backwards from where the name ends: no arrays of scalars or offsets, no arrays of
        // suffixes.
        var index = lower
        while index < word.upperBound {
            guard let scalar = Bytes.scalar(at: index, in: bytes),
                  let at = nameClassIndex(scalar.value), classes[at] != 0 else { return nil }
            index += UTF8.width(scalar)
        }
        guard index == word.upperBound else { return nil }
        @inline(__always) func bits(_ value: UInt32) -> UInt8 { classes[nameClassIndex(value)!] }
        // `’` (E2 80 99) or `'` ends the bytes before `end`, with at least that many bytes.
        @inline(__always) func curlyBefore(_ end: Int) -> Bool {
            end - lower >= 3 && bytes[end - 1] == 0x99 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE2
        }
        @inline(__always) func straightBefore(_ end: Int) -> Bool { end > lower && bytes[end - 1] == 0x27 }
        @inline(__always) func sBefore(_ end: Int) -> Bool { end > lower && bytes[end - 1] == 0x73 }
        // `cleanName`: the suffixes in its order, each tested on what the ones before left.
        var end = word.upperBound
        var stops = false
        if sBefore(end), curlyBefore(end - 1) { end -= 4; stops = true }
        if sBefore(end), straightBefore(end - 1) { end -= 2; stops = true }
        if curlyBefore(end) { end -= 3; stops = true }
        if straightBefore(end) { end -= 1; stops = true }
        while end > lower {
            var start = end - 1
            while bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard let scalar = Bytes.scalar(at: start, in: bytes), bits(scalar.value) & 1 == 0 else { break }
            end = start
            stops = true
        }
        if sBefore(end), curlyBefore(end - 1) { end -= 4 }
        if sBefore(end), straightBefore(end - 1) { end -= 2 }
        guard end > lower else { return (nil, stops, false) }
        // `isCapitalisedName`: an ASCII name by its bytes, as there.
        if NameChecks.isASCII(bytes, lower..<end) {
            return (end, stops, isCapitalisedASCII(bytes, lower..<end))
        }
        guard let first = Bytes.scalar(at: lower, in: bytes), bits(first.value) & 2 != 0 else { return (end, stops, false) }
        var position = lower + UTF8.width(first)
        guard position < end else { return (end, stops, false) }
        var allFit = true
        var hasLower = false
        while position < end {
            let scalar = Bytes.scalar(at: position, in: bytes)!
            let value = scalar.value
            let isLower = bits(value) & 4 != 0
            if isLower { hasLower = true } else if value != 0x2D && value != 0x2019 && value != 0x27 { allFit = false; break }
            position += UTF8.width(scalar)
        }
        return (end, stops, allFit && hasLower)
    }

    /// `cleanName` for ASCII text, on bytes: there only `'s` and `'` can be suffixes, and a
    /// letter is `A`–`Z` or `a`–`z`.
    static func cleanASCIIName(_ raw: String) -> (String?, Bool) {
        let bytes = Array(raw.utf8)
        let (end, stops) = asciiNameEnd(bytes, 0..<bytes.count)
        return (end.map { Bytes.string(bytes, 0..<$0) }, stops)
    }

    /// Where the name ends in the ASCII word `bytes[word]` (`cleanASCIIName` without the
    /// strings: the name is always a prefix of the word); nil when nothing is left.
    static func asciiNameEnd(_ bytes: [UInt8], _ word: Range<Int>) -> (Int?, Bool) {
        let start = word.lowerBound
        var end = word.upperBound
        var stops = false
        func hasPossessive() -> Bool { end - start >= 2 && bytes[end - 2] == 0x27 && bytes[end - 1] == UInt8(ascii: "s") }
        if hasPossessive() { end -= 2; stops = true }
        if end > start, bytes[end - 1] == 0x27 { end -= 1; stops = true }
        while end > start, !Bytes.isLetterASCII(bytes[end - 1]) {
            end -= 1
            stops = true
        }
        if hasPossessive() { end -= 2 }
        return (end > start ? end : nil, stops)
    }

    /// Whether every byte of `bytes[range]` is ASCII.
    static func isASCII(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        for index in range where bytes[index] >= 0x80 { return false }
        return true
    }

    /// `isCapitalisedName` for the ASCII name `bytes[range]`: upper case is `A`–`Z`, lower
    /// case `a`–`z`.
    static func isCapitalisedASCII(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.count >= 2, Bytes.isUpperASCII(bytes[range.lowerBound]) else { return false }
        var hasLower = false
        for index in (range.lowerBound + 1)..<range.upperBound {
            let byte = bytes[index]
            if Bytes.isLowerASCII(byte) { hasLower = true; continue }
            guard byte == UInt8(ascii: "-") || byte == 0x27 else { return false }
        }
        return hasLower
    }

    /// An upper-case first letter followed by lower-case letters (hyphens allowed), so that
    /// `Ms. Sekerbaeva` counts and `Mr. President`-like all-caps or title words mostly do not.
    static func isCapitalisedName(_ word: String) -> Bool {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(word.utf8)
            return isCapitalisedASCII(bytes, 0..<bytes.count)
        }
        guard let first = word.unicodeScalars.first, first.properties.isUppercase, word.unicodeScalars.count >= 2 else { return false }
        let rest = word.unicodeScalars.dropFirst()
        return rest.allSatisfy { $0.properties.isLowercase || $0 == "-" || $0 == "’" || $0 == "'" || $0.properties.isUppercase && false }
            && rest.contains { $0.properties.isLowercase }
    }
}
