#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if arch(x86_64)
// SSE2 sixteen-byte compares and `pmovmskb` for `Bytes.containsAny` (as in `BlockScan`).
import _Builtin_intrinsics.intel
#endif

/// Small byte-level helpers for scanning short texts (a block, a sentence): checks run over
/// UTF-8 bytes and build a `String` only for values that end up in a message.
enum Bytes {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isUpperASCII(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isLowerASCII(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    @inline(__always) static func isLetterASCII(_ byte: UInt8) -> Bool { isUpperASCII(byte) || isLowerASCII(byte) }
    @inline(__always) static func lowerASCII(_ byte: UInt8) -> UInt8 { isUpperASCII(byte) ? byte | 0x20 : byte }
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// A 256-entry table that is true for `bytes`: one load per byte in the scanning loops
    /// (hoist it into a local before the loop; a global is re-checked for initialisation).
    static func table(_ bytes: [UInt8]) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in bytes { table[Int(byte)] = true }
        return table
    }

    /// First index of `needle` in `hay` at or after `from` (exact bytes).
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int = 0, to limit: Int? = nil) -> Int? {
        let end = min(limit ?? hay.count, hay.count)
        guard !needle.isEmpty, needle.count <= end else { return nil }
        // This runs over whole blocks for every defined term and citation, whose first bytes
        // (mostly capitals) are rare: memchr finds them many bytes at a time, and the rest of
        // the needle is compared only there.
        return hay.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { needle in
                guard let base = hay.baseAddress else { return nil }
                let first = needle[0]
                let last = end - needle.count
                var index = max(0, from)
                while index <= last, let hit = memchr(base + index, Int32(first), last - index + 1) {
                    let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    var matched = 1
                    while matched < needle.count, hay[at + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return at }
                    index = at + 1
                }
                return nil
            }
        }
    }

    /// Whether `hay` holds `word` (ASCII letters compared case-insensitively, other bytes
    /// exactly) at `at`.
    static func matches(_ word: [UInt8], in hay: [UInt8], at: Int) -> Bool {
        guard at >= 0, at + word.count <= hay.count else { return false }
        for offset in 0..<word.count where lowerASCII(hay[at + offset]) != lowerASCII(word[offset]) { return false }
        return true
    }

    /// First case-insensitive occurrence of `word` in `hay[from..<to]`.
    static func findFolded(_ word: [UInt8], in hay: [UInt8], from: Int = 0, to limit: Int? = nil) -> Int? {
        let end = min(limit ?? hay.count, hay.count)
        guard let head = word.first else { return nil }
        let first = lowerASCII(head)
        var index = max(0, from)
        while index + word.count <= end {
            // One byte compare first: most positions fail here, without a call.
            if lowerASCII(hay[index]) == first && matches(word, in: hay, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `a` and `b` are the same bytes (not merely equal strings, which may differ in
    /// their bytes): one compare of the bytes when both strings hold them in one piece.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        if let same = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }), let same { return same }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// Whether any of `keywords` occurs (case-insensitively) in `hay[from..<to]`.
    ///
    /// One pass over the text, not one per word: a position is compared with the words only
    /// when its first two bytes (ASCII-folded) open one of them. The first byte alone let
    /// through a third of all text (`t`, `e`, `a`, `r`, `c` open transmittal words), and whole
    /// note blocks are searched.
    static func containsAny(_ keywords: Keywords, in hay: [UInt8], from: Int = 0, to limit: Int? = nil) -> Bool {
        let end = min(limit ?? hay.count, hay.count)
        let byLead = keywords.byLead
        let pairs = keywords.pairs
        let singles = keywords.singles
        guard !keywords.words.isEmpty else { return false }
        return hay.withUnsafeBufferPointer { buffer in
            var index = max(0, from)
            // The test of one position, as the loop below makes it.
            @inline(__always) func found(at index: Int) -> Bool {
                let lead = lowerASCII(buffer[index])
                if singles.contains(lead) || (index + 1 < end && pairs[Int(lead)].contains(lowerASCII(buffer[index + 1]))) {
                    for word in byLead[Int(lead)] where index + word.count <= end {
                        if matches(word, in: hay, at: index) { return true }
                    }
                }
                return false
            }
            #if arch(x86_64)
            // Sixteen positions per step: a position is tested only where its two bytes are
            // one of the keywords' opening pairs (`Keywords.vectorPairs`), which few are.
            if let vectorPairs = keywords.vectorPairs, let base = buffer.baseAddress {
                vectorPairs.withUnsafeBufferPointer { vectorPairs in
                    while index + 17 <= end {
                        let here = _mm_loadu_si128(UnsafeRawPointer(base + index).assumingMemoryBound(to: __m128i_u.self))
                        let next = _mm_loadu_si128(UnsafeRawPointer(base + index + 1).assumingMemoryBound(to: __m128i_u.self))
                        var lanes = _mm_setzero_si128()
                        for pair in vectorPairs {
                            lanes = _mm_or_si128(lanes, _mm_and_si128(
                                _mm_cmpeq_epi8(_mm_or_si128(here, pair.firstFold), pair.first),
                                _mm_cmpeq_epi8(_mm_or_si128(next, pair.secondFold), pair.second)))
                        }
                        var bits = UInt32(bitPattern: _mm_movemask_epi8(lanes))
                        while bits != 0 {
                            if found(at: index + bits.trailingZeroBitCount) { index = -1; return }
                            bits &= bits &- 1
                        }
                        index += 16
                    }
                }
                if index < 0 { return true }
            }
            #endif
            while index < end {
                if found(at: index) { return true }
                index += 1
            }
            return false
        }
    }

    /// Whether the text at `at`, lower-cased scalar by scalar the way `String.lowercased()`
    /// does it, begins with `word` (lower-case UTF-8); returns the number of text bytes that
    /// made the match.
    ///
    /// Replaces `String(decoding: hay[at...]).lowercased().utf8.starts(with: word)` without
    /// building strings: ASCII, Latin-1 and basic Cyrillic letters fold by byte arithmetic, and
    /// only other non-ASCII scalars go through Unicode's mapping. With `whole`, a word that
    /// ends inside the lower case of one scalar (`i` of `İ` → `i̇`) does not match, which is
    /// what comparing a slice of exactly the word's length for equality gives.
    static func loweredPrefix(_ word: [UInt8], in hay: [UInt8], at: Int, whole: Bool = false) -> Int? {
        guard at >= 0 else { return nil }
        var index = at
        var matched = 0
        let count = hay.count
        while matched < word.count {
            guard index < count else { return nil }
            let byte = hay[index]
            if byte < 0x80 {
                guard lowerASCII(byte) == word[matched] else { return nil }
                index += 1
                matched += 1
                continue
            }
            if index + 1 < count, let (lead, trail) = lowerPair(byte, hay[index + 1]) {
                guard matched + 1 < word.count, word[matched] == lead, word[matched + 1] == trail else { return nil }
                index += 2
                matched += 2
                continue
            }
            guard let scalar = scalar(at: index, in: hay) else { return nil }
            for unit in scalar.properties.lowercaseMapping.utf8 {
                if matched == word.count { return whole ? nil : index + UTF8.width(scalar) - at }
                guard word[matched] == unit else { return nil }
                matched += 1
            }
            index += UTF8.width(scalar)
        }
        return index - at
    }

    /// The lower case of a two-byte UTF-8 letter whose case mapping is one-to-one and keeps
    /// the length: Latin-1 (`À`–`Þ`), basic Cyrillic (`Ѐ`–`Я`), and those letters' own lower
    /// case. Nil for anything else (the caller asks Unicode).
    @inline(__always)
    static func lowerPair(_ lead: UInt8, _ trail: UInt8) -> (UInt8, UInt8)? {
        guard trail & 0xC0 == 0x80 else { return nil }
        switch lead {
        case 0xC2: return (lead, trail)  // U+0080–00BF: no letter with another lower case
        case 0xC3:
            // U+00C0–00DE are capitals (except × U+00D7); the rest is lower case already.
            return trail <= 0x9E && trail != 0x97 ? (lead, trail + 0x20) : (lead, trail)
        case 0xD0:
            if trail >= 0xB0 { return (lead, trail) }               // а–п
            if trail >= 0xA0 { return (0xD1, trail - 0x20) }        // Р–Я → р–я
            if trail >= 0x90 { return (lead, trail + 0x20) }        // А–П → а–п
            return (0xD1, trail + 0x10)                             // Ѐ–Џ → ѐ–џ
        case 0xD1:
            return trail <= 0x9F ? (lead, trail) : nil              // р–я, ѐ–џ; older letters: ask Unicode
        default:
            return nil
        }
    }

    /// The Unicode scalar that starts at `index` (or nil past the end / mid-sequence / invalid).
    static func scalar(at index: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard index >= 0, index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        guard lead & 0xC0 == 0xC0 else { return nil }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    /// The Unicode scalar that ends just before `index`.
    static func scalar(before index: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 ? scalar(at: start, in: bytes) : nil
    }

    /// Whether a scalar belongs to a word (letters and digits of any script).
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        // ASCII without a Unicode property look-up: only letters and digits qualify there.
        if scalar.value < 0x80 { return isWordByte(UInt8(scalar.value)) }
        // Basic Cyrillic (U+0400–U+045F) is all letters: no property look-up for Russian text.
        if scalar.value >= 0x400 && scalar.value < 0x460 { return true }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether an ASCII byte is a letter or a digit (`isWordScalar` for ASCII).
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool { isLetterASCII(byte) || isDigit(byte) }

    /// Whether the scalar just before `index` belongs to a word; ASCII answered from the byte.
    @inline(__always)
    static func wordBefore(_ index: Int, in bytes: [UInt8]) -> Bool {
        guard index > 0 else { return false }
        let byte = bytes[index - 1]
        if byte < 0x80 { return isWordByte(byte) }
        return isWordScalar(scalar(before: index, in: bytes))
    }

    /// Whether the scalar at `index` belongs to a word; ASCII answered from the byte.
    @inline(__always)
    static func wordAt(_ index: Int, in bytes: [UInt8]) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return isWordByte(byte) }
        return isWordScalar(scalar(at: index, in: bytes))
    }

    /// Whether `hay[range]` stands alone as a word (no letter or digit touching either end).
    static func isWholeWord(_ range: Range<Int>, in hay: [UInt8]) -> Bool {
        !isWordScalar(scalar(before: range.lowerBound, in: hay)) && !isWordScalar(scalar(at: range.upperBound, in: hay))
    }

    /// Every whole-word occurrence of `needle` in `hay` (exact bytes).
    static func wordOccurrences(of needle: [UInt8], in hay: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var from = 0
        while let at = find(needle, in: hay, from: from) {
            let range = at..<(at + needle.count)
            if isWholeWord(range, in: hay) { result.append(range) }
            from = at + 1
        }
        return result
    }

    /// Decimal value of an all-digit byte string (nil when empty, not digits or too long).
    static func integer<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The string of `bytes[range]`.
    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)], as: UTF8.self)
    }

    /// Text normalised for comparing labels and titles: lower-case, letters and digits only,
    /// single spaces, a leading article dropped.
    static func comparable(_ text: String) -> String {
        // ASCII text (most titles and meanings): the same words from its bytes, without
        // Unicode case mapping or property look-ups.
        if let simple = comparableSimple(text) { return simple }
        return comparableGeneral(text)
    }

    /// `comparable` through Unicode's case mapping and properties, for any text.
    static func comparableGeneral(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if let first = words.first, ["the", "a", "an", "le", "la", "les", "l", "el", "los", "las"].contains(first), words.count > 1 {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    /// `hay.contains(needle)` for the normalised texts the checks compare: ASCII by a byte
    /// search (there every character is one byte), anything else through `String` (whose
    /// character-aware search is many times slower).
    static func containsText(_ hay: String, _ needle: String) -> Bool {
        guard isPlainText(hay), isPlainText(needle) else { return hay.contains(needle) }
        if needle.isEmpty { return true }
        return find(Array(needle.utf8), in: Array(hay.utf8)) != nil
    }

    /// Whether every character of `text` is one scalar that no other sequence of the same
    /// text can equal: ASCII but CR (CR LF is one character), Latin to U+024F and Cyrillic
    /// U+0400–U+0482 (no combining marks, so a precomposed `й` never meets `и` + U+0306). For
    /// such texts `String.contains` is a byte search (UTF-8 matches start on scalars).
    static func isPlainText(_ text: String) -> Bool {
        // On the UTF-8 bytes when the string has them in one piece (native strings do): the
        // scalars below U+0250 are ASCII or two bytes led by C2–C8 or C9 80–8F, those of
        // U+0400–U+0482 two bytes led by D0, D1 or D2 80–82.
        if let plain = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0D { return false }
                    index += 1
                    continue
                }
                guard index + 1 < count else { return false }
                let trail = bytes[index + 1]
                guard (byte >= 0xC2 && byte <= 0xC8) || (byte == 0xC9 && trail <= 0x8F)
                        || byte == 0xD0 || byte == 0xD1 || (byte == 0xD2 && trail <= 0x82) else { return false }
                index += 2
            }
            return true
        }) { return plain }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard value < 0x250 || (value >= 0x400 && value < 0x483) else { return false }
            if value == 0x0D { return false }
        }
        return true
    }

    /// `comparable` for text of ASCII, Latin-1 (U+0080–U+00FF) and basic Cyrillic
    /// (U+0400–U+045F) only, on bytes: in ASCII only letters and digits are alphabetic or
    /// numeric, Latin-1 is looked up in `latin1`, every such Cyrillic scalar is a letter, and
    /// `lowerPair` gives its lower case. Nil for any other text.
    static func comparableSimple(_ text: String) -> String? {
        var text = text
        let latin1 = Self.latin1
        // One pass writes the words, lower-cased and one space apart (no copy of the text, no
        // per-byte flags, no list of words): meanings run to hundreds of bytes.
        let result: [UInt8]? = text.withUTF8 { source in
            var result: [UInt8] = []
            result.reserveCapacity(source.count)
            var words = 0
            var inWord = false
            // Where the first word ends in `result`, once a byte after it is seen.
            var firstEnd = -1
            var index = 0
            while index < source.count {
                let byte = source[index]
                // The scalar's lower case (one or two bytes) and whether it belongs to a word.
                let isWord: Bool
                var lower: (UInt8, UInt8) = (0, 0)
                var width = 2
                if byte < 0x80 {
                    isWord = isWordByte(byte)
                    lower.0 = lowerASCII(byte)
                    width = 1
                } else if byte == 0xC2 || byte == 0xC3, index + 1 < source.count, source[index + 1] & 0xC0 == 0x80 {
                    // French and Spanish meanings (`régulation`, `n°`) stay on this path.
                    guard let entry = latin1[((Int(byte & 0x03) << 6) | Int(source[index + 1] & 0x3F)) - 0x80] else { return nil }
                    isWord = entry.isWord
                    lower = (entry.lead, entry.trail)
                } else {
                    guard byte == 0xD0 || byte == 0xD1, index + 1 < source.count, source[index + 1] & 0xC0 == 0x80,
                          byte == 0xD0 || source[index + 1] <= 0x9F, let pair = lowerPair(byte, source[index + 1]) else { return nil }
                    isWord = true
                    lower = pair
                }
                index += width
                if isWord {
                    if !inWord {
                        if words > 0 { result.append(0x20) }
                        words += 1
                    }
                    result.append(lower.0)
                    if width == 2 { result.append(lower.1) }
                } else if inWord, words == 1 {
                    firstEnd = result.count
                }
                inWord = isWord
            }
            // A leading article goes, with the space after it, when other words follow.
            if words > 1, firstEnd > 0, articles.contains(where: { $0.elementsEqual(result[0..<firstEnd]) }) {
                result.removeFirst(firstEnd + 1)
            }
            return result
        }
        return result.map { String(decoding: $0, as: UTF8.self) }
    }

    /// For each scalar U+0080–U+00FF: its lower case as two UTF-8 bytes and whether that is
    /// alphabetic or numeric (what `comparableGeneral` asks of the lower-cased text), taken
    /// from Unicode's own properties so both paths agree; nil where the lower case is not one
    /// two-byte scalar.
    ///
    /// Written out (`latin1FromUnicode` computes it, and the tests hold the two equal):
    /// computing it asked Unicode about 128 scalars, some 270,000 instructions on the first
    /// title or meaning of a run.
    static let latin1: [(lead: UInt8, trail: UInt8, isWord: Bool)?] = [
        (0xC2, 0x80, false), (0xC2, 0x81, false), (0xC2, 0x82, false), (0xC2, 0x83, false), (0xC2, 0x84, false), (0xC2, 0x85, false),
        (0xC2, 0x86, false), (0xC2, 0x87, false), (0xC2, 0x88, false), (0xC2, 0x89, false), (0xC2, 0x8A, false), (0xC2, 0x8B, false),
        (0xC2, 0x8C, false), (0xC2, 0x8D, false), (0xC2, 0x8E, false), (0xC2, 0x8F, false), (0xC2, 0x90, false), (0xC2, 0x91, false),
        (0xC2, 0x92, false), (0xC2, 0x93, false), (0xC2, 0x94, false), (0xC2, 0x95, false), (0xC2, 0x96, false), (0xC2, 0x97, false),
        (0xC2, 0x98, false), (0xC2, 0x99, false), (0xC2, 0x9A, false), (0xC2, 0x9B, false), (0xC2, 0x9C, false), (0xC2, 0x9D, false),
        (0xC2, 0x9E, false), (0xC2, 0x9F, false), (0xC2, 0xA0, false), (0xC2, 0xA1, false), (0xC2, 0xA2, false), (0xC2, 0xA3, false),
        (0xC2, 0xA4, false), (0xC2, 0xA5, false), (0xC2, 0xA6, false), (0xC2, 0xA7, false), (0xC2, 0xA8, false), (0xC2, 0xA9, false),
        (0xC2, 0xAA, true), (0xC2, 0xAB, false), (0xC2, 0xAC, false), (0xC2, 0xAD, false), (0xC2, 0xAE, false), (0xC2, 0xAF, false),
        (0xC2, 0xB0, false), (0xC2, 0xB1, false), (0xC2, 0xB2, true), (0xC2, 0xB3, true), (0xC2, 0xB4, false), (0xC2, 0xB5, true),
        (0xC2, 0xB6, false), (0xC2, 0xB7, false), (0xC2, 0xB8, false), (0xC2, 0xB9, true), (0xC2, 0xBA, true), (0xC2, 0xBB, false),
        (0xC2, 0xBC, true), (0xC2, 0xBD, true), (0xC2, 0xBE, true), (0xC2, 0xBF, false), (0xC3, 0xA0, true), (0xC3, 0xA1, true),
        (0xC3, 0xA2, true), (0xC3, 0xA3, true), (0xC3, 0xA4, true), (0xC3, 0xA5, true), (0xC3, 0xA6, true), (0xC3, 0xA7, true),
        (0xC3, 0xA8, true), (0xC3, 0xA9, true), (0xC3, 0xAA, true), (0xC3, 0xAB, true), (0xC3, 0xAC, true), (0xC3, 0xAD, true),
        (0xC3, 0xAE, true), (0xC3, 0xAF, true), (0xC3, 0xB0, true), (0xC3, 0xB1, true), (0xC3, 0xB2, true), (0xC3, 0xB3, true),
        (0xC3, 0xB4, true), (0xC3, 0xB5, true), (0xC3, 0xB6, true), (0xC3, 0x97, false), (0xC3, 0xB8, true), (0xC3, 0xB9, true),
        (0xC3, 0xBA, true), (0xC3, 0xBB, true), (0xC3, 0xBC, true), (0xC3, 0xBD, true), (0xC3, 0xBE, true), (0xC3, 0x9F, true),
        (0xC3, 0xA0, true), (0xC3, 0xA1, true), (0xC3, 0xA2, true), (0xC3, 0xA3, true), (0xC3, 0xA4, true), (0xC3, 0xA5, true),
        (0xC3, 0xA6, true), (0xC3, 0xA7, true), (0xC3, 0xA8, true), (0xC3, 0xA9, true), (0xC3, 0xAA, true), (0xC3, 0xAB, true),
        (0xC3, 0xAC, true), (0xC3, 0xAD, true), (0xC3, 0xAE, true), (0xC3, 0xAF, true), (0xC3, 0xB0, true), (0xC3, 0xB1, true),
        (0xC3, 0xB2, true), (0xC3, 0xB3, true), (0xC3, 0xB4, true), (0xC3, 0xB5, true), (0xC3, 0xB6, true), (0xC3, 0xB7, false),
        (0xC3, 0xB8, true), (0xC3, 0xB9, true), (0xC3, 0xBA, true), (0xC3, 0xBB, true), (0xC3, 0xBC, true), (0xC3, 0xBD, true),
        (0xC3, 0xBE, true), (0xC3, 0xBF, true)
    ]

    /// `latin1` from Unicode's own properties.
    static func latin1FromUnicode() -> [(lead: UInt8, trail: UInt8, isWord: Bool)?] { (0x80...0xFF).map { value in
        let mapping = Unicode.Scalar(UInt32(value))!.properties.lowercaseMapping
        let bytes = Array(mapping.utf8)
        guard mapping.unicodeScalars.count == 1, bytes.count == 2, let lower = mapping.unicodeScalars.first else { return nil }
        return (bytes[0], bytes[1], lower.properties.isAlphabetic || lower.properties.numericType != nil)
    } }

    /// Leading articles `comparable` drops.
    private static let articles = words(["the", "a", "an", "le", "la", "les", "l", "el", "los", "las"])

    /// `ascii` as bytes, for keyword tables.
    static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
}

/// Words that `Bytes.containsAny` looks for, with the byte pairs they open with, built once
/// per list rather than at every search.
struct Keywords {
    /// The words (empty ones dropped: they never match).
    let words: [[UInt8]]
    /// By ASCII-folded first byte, the folded second bytes of the words opening with it.
    let pairs: [ByteSet]
    /// Folded first bytes of one-byte words, which match without a second byte.
    let singles: ByteSet
    /// The words by folded first byte, in list order: a position is compared only with the
    /// words that open with its byte.
    let byLead: [[[UInt8]]]

    #if arch(x86_64)
    /// One opening pair of the words as vectors for `Bytes.containsAny`: a lane's byte, OR
    /// the fold mask, equals the byte (the mask is 0x20 where the byte has that bit, so that
    /// `A`–`Z` meet `a`–`z`, and 0 elsewhere, where only the byte itself can lower-case to it).
    struct VectorPair {
        var first: __m128i
        var firstFold: __m128i
        var second: __m128i
        var secondFold: __m128i
    }

    /// The distinct opening pairs of the words, nil when some word is one byte long (then
    /// every position is tested one by one).
    let vectorPairs: [VectorPair]?
    #endif

    /// The keywords of `list`, as UTF-8.
    init(_ list: [String]) {
        words = Bytes.words(list).filter { !$0.isEmpty }
        var pairs = [ByteSet](repeating: ByteSet(), count: 256)
        var singles = ByteSet()
        for word in words {
            let lead = Bytes.lowerASCII(word[0])
            if word.count == 1 { singles.insert(lead) } else { pairs[Int(lead)].insert(Bytes.lowerASCII(word[1])) }
        }
        self.pairs = pairs
        self.singles = singles
        var byLead = [[[UInt8]]](repeating: [], count: 256)
        for word in words { byLead[Int(Bytes.lowerASCII(word[0]))].append(word) }
        self.byLead = byLead
        #if arch(x86_64)
        // A lane meets a pair when its byte and the next, folded as `containsAny` folds
        // them, are the pair: `lowerASCII(x) == b` exactly when `x | fold(b) == b`.
        var distinct: [(UInt8, UInt8)] = []
        for word in words where word.count > 1 {
            let pair = (Bytes.lowerASCII(word[0]), Bytes.lowerASCII(word[1]))
            if !distinct.contains(where: { $0 == pair }) { distinct.append(pair) }
        }
        func fold(_ byte: UInt8) -> UInt8 { byte & 0x20 }
        vectorPairs = singles.isEmpty
            ? distinct.map { VectorPair(first: ByteLanes.splat($0.0), firstFold: ByteLanes.splat(fold($0.0)),
                                        second: ByteLanes.splat($0.1), secondFold: ByteLanes.splat(fold($0.1))) }
            : nil
        #endif
    }
}

/// A set of byte values as four 64-bit words: membership without an array (no allocation,
/// no bounds check).
struct ByteSet {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// Whether no byte is in the set.
    var isEmpty: Bool { bits.0 | bits.1 | bits.2 | bits.3 == 0 }

    /// Adds `byte`.
    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }

    /// Whether `byte` is in the set.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        // Selects, not a switch: the switch compiled to a jump table, an indirect branch per
        // test in the scans that ask this of every space.
        let low = byte & 0x40 == 0 ? bits.0 : bits.1
        let high = byte & 0x40 == 0 ? bits.2 : bits.3
        let word = byte & 0x80 == 0 ? low : high
        return word & (UInt64(1) << UInt64(byte & 63)) != 0
    }
}

/// Calendar helpers shared by the date-aware checks.
enum ValidationCalendar {
    /// `(year, month, day)` of an ISO `yyyy-mm-dd` (or `yyyy-mm`, day 0) string.
    static func parseISO(_ iso: String?) -> (year: Int, month: Int, day: Int)? {
        guard let iso else { return nil }
        // `yyyy-mm-dd` and `yyyy-mm`, as the parser writes them, read from the bytes (the
        // split below allocates an array and parses substrings, for every part and citation).
        if let simple = iso.utf8.withContiguousStorageIfAvailable(parseSimpleISO), let simple { return simple }
        let parts = iso.split(separator: "-")
        guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        let day = parts.count >= 3 ? Int(parts[2]) ?? 0 : 0
        return (year, month, day)
    }

    /// `parseISO` of exactly `dddd-dd-dd` or `dddd-dd` (ASCII digits); nil for anything else,
    /// which `parseISO` then reads the general way.
    static func parseSimpleISO(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10 || bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard Bytes.isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7) else { return nil }
        if bytes.count == 7 { return (year, month, 0) }
        guard bytes[7] == UInt8(ascii: "-"), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// English month names, for messages.
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// `yyyy-mm-dd` with zero padding.
    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return day > 0 ? "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" : "\(pad(year, 4))-\(pad(month, 2))"
    }

    /// Dates in a short text (a sentence or clause), through the shared `DateParser`.
    static func dates(in bytes: [UInt8]) -> [FoundDate] { DateParser.dates(in: bytes) }

    /// Whether `bytes[lower..<upper]` has the digits every `DateParser` date needs: a day and a
    /// year are two digit pieces, the year of two or four digits, and a numeric date has a
    /// month too, so a date has at least four ASCII digits, two of them adjacent (`1.2.19`,
    /// `1 May 2019`). Most windows the checks look at (`paragraph 30 of the`, the words after
    /// a communication number) fail this and never reach the parser.
    static func mayHoldDate(_ bytes: [UInt8], _ lower: Int, _ upper: Int) -> Bool {
        var digits = 0
        var adjacent = false
        var previousDigit = false
        for index in lower..<upper {
            let isDigit = Bytes.isDigit(bytes[index])
            if isDigit {
                digits += 1
                if previousDigit { adjacent = true }
            }
            previousDigit = isDigit
        }
        return digits >= 4 && adjacent
    }

    /// Dates in `bytes[range]`, with ranges relative to `bytes`.
    static func dates(in bytes: [UInt8], _ range: Range<Int>) -> [FoundDate] {
        let lower = max(0, range.lowerBound)
        let upper = min(bytes.count, range.upperBound)
        guard lower < upper, mayHoldDate(bytes, lower, upper) else { return [] }
        return DateParser.dates(in: Array(bytes[lower..<upper])).map { date in
            var shifted = date
            shifted.range = (date.range.lowerBound + lower)..<(date.range.upperBound + lower)
            return shifted
        }
    }
}
