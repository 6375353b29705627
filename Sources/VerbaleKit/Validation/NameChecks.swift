/// Names: one person's surname spelled two ways (`Ms. Sekerbaeva` / `Ms. Sekerbayeva`),
/// found from honorific + name and a small edit distance between surnames.
enum NameChecks {
    /// Grammatical class of an honorific: surnames are compared only within a class (or with
    /// a neutral title), so `Mr. Ivanov` and `Ms. Ivanova` are two people, not a variant.
    enum Gender { case male, female, neutral }

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

    static func run(_ context: ValidationContext) -> [Diagnostic] {
        // First-seen order is the order pairs are compared and reported in.
        var slot: [Key: Int] = [:]
        // Documents name dozens of people: a table of that size from the start, not four
        // regrowths that rehash every surname (the table is only looked up, never iterated).
        slot.reserveCapacity(128)
        var seen: [Seen] = []
        for index in context.blocks.indices {
            for (honorific, gender, surname, range) in names(in: context.blockBytes[index], spaces: context.scans.spaces[index]) {
                let key = Key(name: surname, gender: gender)
                if let at = slot[key] {
                    seen[at].count += 1
                } else {
                    slot[key] = seen.count
                    seen.append(Seen(name: surname, honorific: honorific, gender: gender, first: context.sourceSpan(block: index, range), count: 1))
                }
            }
        }
        guard seen.count > 1 else { return [] }
        // Lower-cased once per spelling, not once per pair.
        let lowered = seen.map { Array($0.name.lowercased().unicodeScalars) }
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        for i in seen.indices {
            for j in (i + 1)..<seen.count {
                let a = seen[i]
                let b = seen[j]
                guard a.name != b.name, a.gender == b.gender || a.gender == .neutral || b.gender == .neutral,
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
        var result: [(String, Gender, String, Range<Int>)] = []
        let count = bytes.count
        // The tables in locals: a global is re-checked for initialisation at every use.
        let pairs = honorificPairs
        let byLead = honorificsByLead
        // Words are runs of non-space bytes, so a word starts at 0 or right after a space:
        // the spaces are found many bytes at a time (`BlockScan`), and only a word whose
        // first two bytes can open an honorific is looked at. Returns where the scan goes on
        // (a word's end).
        func visit(wordAt start: Int) -> Int {
            guard start < count, bytes[start] != 0x20 else { return start }
            // The word's first two letters must open some honorific before its end is sought.
            guard mayBeHonorific(bytes, start, pairs) else { return start + 1 }
            var wordEnd = start + 1
            while wordEnd < count, bytes[wordEnd] != 0x20 { wordEnd += 1 }
            var cursor = wordEnd
            let word = start..<wordEnd
            // Byte compares against the few honorifics sharing the word's first byte: no string
            // is built for the other words of the text.
            guard let (title, gender) = honorific(bytes, word, byLead) else { return cursor }
            // `H.E. Mr. Marat Beketayev`: a title before a title; the inner one decides the class.
            var honorificText = title
            var kind = gender
            var next = nextWord(bytes, from: cursor)
            while let inner = next, let (innerTitle, innerGender) = honorific(bytes, inner, byLead) {
                honorificText = innerTitle
                if innerGender != .neutral { kind = innerGender }
                cursor = inner.upperBound
                next = nextWord(bytes, from: cursor)
            }
            var surname: String? = nil
            var end = word.upperBound
            var taken = 0
            while let candidate = next, taken < 3 {
                guard startsUppercase(bytes, candidate.lowerBound) else { break }
                let stops: Bool
                if isASCII(bytes, candidate) {
                    // On the bytes: the name is a prefix of the word, and only it becomes a string.
                    let (nameEnd, stopped) = asciiNameEnd(bytes, candidate)
                    guard let nameEnd, isCapitalisedASCII(bytes, candidate.lowerBound..<nameEnd) else { break }
                    surname = Bytes.string(bytes, candidate.lowerBound..<nameEnd)
                    end = nameEnd
                    stops = stopped
                } else if let (nameEnd, stopped, capitalised) = scalarName(bytes, candidate) {
                    // Latin-1, Latin Extended-A, Cyrillic and `’`: on the scalars, and only the
                    // name becomes a string.
                    guard let nameEnd, capitalised else { break }
                    surname = Bytes.string(bytes, candidate.lowerBound..<nameEnd)
                    end = nameEnd
                    stops = stopped
                } else {
                    let raw = Bytes.string(bytes, candidate)
                    let (clean, stopped) = cleanName(raw)
                    guard let clean, isCapitalisedName(clean) else { break }
                    surname = clean
                    // End the span at the name, not at the `)` or `’s` after it.
                    end = candidate.lowerBound + (raw.hasPrefix(clean) ? clean.utf8.count : candidate.count)
                    stops = stopped
                }
                taken += 1
                cursor = candidate.upperBound
                next = nextWord(bytes, from: cursor)
                if stops { break }
            }
            if let surname { result.append((honorificText, kind, surname, word.lowerBound..<end)) }
            return cursor
        }
        let afterFirst = visit(wordAt: 0)
        // Only spaces before a byte of `wordOpeners` (a first byte of some honorific, or an
        // opening bracket or quote) are visited: most capitalised words and most Russian words
        // cannot be honorifics. `BlockScan` finds the spaces eight or sixteen bytes at a time
        // and tests the bytes after each; the other words are stepped over.
        BlockScan.visit(spaces ?? BlockScan([bytes]).spaces[0], from: afterFirst) { space in
            let after = space + 1
            return max(after, visit(wordAt: after))
        }
        return result
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
    static let nameClasses: [UInt8] = {
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
    }()

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
        // The word's scalars, with the byte offset of each and of the word's end.
        var values: [UInt32] = []
        var offsets: [Int] = []
        var index = word.lowerBound
        while index < word.upperBound {
            guard let scalar = Bytes.scalar(at: index, in: bytes),
                  let at = nameClassIndex(scalar.value), classes[at] != 0 else { return nil }
            values.append(scalar.value)
            offsets.append(index)
            index += UTF8.width(scalar)
        }
        guard index == word.upperBound else { return nil }
        offsets.append(index)
        @inline(__always) func bits(_ value: UInt32) -> UInt8 { classes[nameClassIndex(value)!] }
        // `cleanName`: the suffixes in its order, each tested on what the ones before left.
        var end = values.count
        var stops = false
        func hasSuffix(_ suffix: [UInt32]) -> Bool {
            end >= suffix.count && values[(end - suffix.count)..<end].elementsEqual(suffix)
        }
        for suffix: [UInt32] in [[0x2019, 0x73], [0x27, 0x73], [0x2019], [0x27]] where hasSuffix(suffix) {
            end -= suffix.count
            stops = true
        }
        while end > 0, bits(values[end - 1]) & 1 == 0 {
            end -= 1
            stops = true
        }
        for suffix: [UInt32] in [[0x2019, 0x73], [0x27, 0x73]] where hasSuffix(suffix) { end -= suffix.count }
        guard end > 0 else { return (nil, stops, false) }
        // `isCapitalisedName`: an ASCII name by its bytes, as there.
        if values[0..<end].allSatisfy({ $0 < 0x80 }) {
            return (offsets[end], stops, isCapitalisedASCII(bytes, word.lowerBound..<offsets[end]))
        }
        guard bits(values[0]) & 2 != 0, end >= 2 else { return (offsets[end], stops, false) }
        let rest = values[1..<end]
        let capitalised = rest.allSatisfy { bits($0) & 4 != 0 || $0 == 0x2D || $0 == 0x2019 || $0 == 0x27 }
            && rest.contains { bits($0) & 4 != 0 }
        return (offsets[end], stops, capitalised)
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
