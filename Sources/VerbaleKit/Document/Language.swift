#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): `pmovmskb` turns sixteen byte tests into sixteen bits of
// the word map at once.
import _Builtin_intrinsics.intel
#endif

/// Guesses the language of a text from its most frequent function words — enough to tell
/// English, French, Spanish and Russian apart on a paragraph or more.
enum LanguageDetector {
    /// Function words per language; words shared by two languages (`de`, `la`, `en`) are left
    /// out so they do not blur the vote.
    static let stopwords: [String: [String]] = [
        "en": ["the", "and", "of", "to", "is", "that", "with", "for", "on", "by", "this", "are", "which", "be", "has", "its", "was", "as", "an", "it"],
        "fr": ["le", "les", "des", "et", "du", "est", "une", "pour", "dans", "au", "aux", "qui", "sur", "par", "ses", "ce", "sont", "leur", "été"],
        "es": ["el", "los", "las", "del", "y", "que", "por", "con", "una", "para", "su", "sus", "al", "lo", "como", "está", "fue", "sobre"],
        "ru": ["и", "в", "не", "на", "что", "с", "по", "о", "к", "из", "за", "от", "для", "это", "как", "также"],
    ]

    /// Languages in the order of `StopwordTable` values; ties go to the first (alphabetical,
    /// as before the table existed).
    static let languages = ["en", "es", "fr", "ru"]

    /// Stopwords packed into integers, language index as the value.
    static let table: PackedWordTable = {
        var entries: [(String, Int)] = []
        for (language, words) in stopwords {
            entries += words.map { ($0, languages.firstIndex(of: language)!) }
        }
        return PackedWordTable(entries)
    }()

    /// `table` with each word packed little-endian (first byte lowest, `packLittleEndian`):
    /// the scan's key is then the loaded bytes masked to the word, with no byte swap and shift.
    static let littleEndianTable: PackedWordTable = {
        var entries: [(UInt64, Int)] = []
        for (language, words) in stopwords {
            for word in words {
                guard let key = packLittleEndian(Array(word.utf8)[...]) else { continue }
                entries.append((key, languages.firstIndex(of: language)!))
            }
        }
        return PackedWordTable(packed: entries)
    }()

    /// `littleEndianTable` in one probe per word, for `countStopwords`.
    static let stopwordSlots: StopwordSlots = {
        var entries: [(UInt64, Int)] = []
        for (language, words) in stopwords {
            for word in words {
                // Seven bytes at most: the top byte of a slot holds the language.
                guard word.utf8.count < 8, let key = packLittleEndian(Array(word.utf8)[...]) else { continue }
                entries.append((key, languages.firstIndex(of: language)!))
            }
        }
        return StopwordSlots(entries)
    }()

    /// Byte length of the longest stopword the tables hold (words of more than eight bytes
    /// are left out): a longer word is no stopword, and is not looked up.
    /// (It is six, `что`; both scans rely on its being under eight, so that a word they look
    /// up is never cut by an eight-byte load.)
    static let longestStopword = stopwords.values.flatMap { $0 }.map(\.utf8.count).filter { $0 < 8 }.max() ?? 0

    /// `word` packed with its first byte lowest, if it has at most eight bytes.
    static func packLittleEndian(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var value: UInt64 = 0
        for (offset, byte) in word.enumerated() { value |= UInt64(byte) << (8 * UInt64(offset)) }
        return value
    }

    /// `key`'s ASCII capitals lower-cased, eight bytes at once (every byte must be below 0x80:
    /// then adding 0x25 carries into bit 7 exactly for bytes from `A` up, adding 0x3F exactly
    /// for bytes past `Z`).
    @inline(__always)
    static func asciiLower(_ key: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let fromA = key &+ ones &* (0x80 - 0x41)
        let pastZ = key &+ ones &* (0x80 - 0x5B)
        let upper = (fromA & ~pastZ) & (ones &* 0x80)
        return key | (upper >> 2)
    }

    /// A word of at most eight bytes lower-cased as `ByteCase.lower` would, packed
    /// little-endian (`packLittleEndian`).
    @inline(__always)
    static func packLoweredLittleEndian(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var lowered: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &lowered) { buffer -> UInt64 in
            for index in 0..<word.count { buffer[index] = word[index] }
            let lower = ByteCase.lower(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<word.count]))
            var value: UInt64 = 0
            for index in 0..<lower { value |= UInt64(buffer[index]) << (8 * UInt64(index)) }
            return value
        }
    }

    /// `en`, `fr`, `es`, `ru`, or `und` when there is too little to tell.
    ///
    /// Two passes over the bytes: the first marks every word byte in a bit map, eight bytes
    /// at a time; the second visits only the words' starts (bits whose left neighbour is
    /// clear) and finds each end with one count of trailing zeros. The word-at-a-time scan
    /// (`detectWordByWord`, kept as the reference the tests compare with) loaded, classified
    /// and branched at every word twice, which cost about three times as much. A word is the
    /// same maximal run of word bytes in both, so the votes are the same.
    static func detect(_ bytes: [UInt8]) -> String {
        var counts = (0, 0, 0, 0)
        bytes.withUnsafeBufferPointer { countStopwords($0, into: &counts) }
        return language(counts)
    }

    /// The language with most stopwords in `counts` (ties to the first), or `und` under two.
    static func language(_ counts: (Int, Int, Int, Int)) -> String {
        languageIndex(counts).map { languages[$0] } ?? "und"
    }

    /// `language(counts)` as an index into `languages`, `nil` for `und`.
    static func languageIndex(_ counts: (Int, Int, Int, Int)) -> Int? {
        var best = 0
        var most = counts.0
        if counts.1 > most { best = 1; most = counts.1 }
        if counts.2 > most { best = 2; most = counts.2 }
        if counts.3 > most { best = 3; most = counts.3 }
        return most >= 2 ? best : nil
    }

    /// Adds to `counts` (one per entry of `languages`) the stopwords among the words of `text`.
    static func countStopwords(_ text: UnsafeBufferPointer<UInt8>, into counts: inout (Int, Int, Int, Int)) {
        guard let base = text.baseAddress, text.count > 0 else { return }
        let raw = UnsafeRawPointer(base)
        let count = text.count
        let slots = Self.stopwordSlots
        let longest = Self.longestStopword
        let wordCount = (count + 63) / 64
        // One spare word of zeros after the map, so a word running to the text's end ends there.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: wordCount + 1) { map in
            let map = map.baseAddress!
            // Pass 1: bit i of the map is set when byte i is a word byte (`isWordByte`).
            var index = 0
            for slot in 0...wordCount { map[slot] = 0 }
            #if arch(x86_64)
            // Sixteen bytes a test: a letter with bit 5 forced, plus 0x1F, falls in 0x80...0x99,
            // the only bytes below -102 as signed; bytes from 0x80 come from the sign mask.
            let letterOffset = _mm_set1_epi8(0x1F)
            let caseBit = _mm_set1_epi8(0x20)
            let letterLimit = _mm_set1_epi8(-102)
            while index + 16 <= count {
                let vector = _mm_loadu_si128((raw + index).assumingMemoryBound(to: __m128i_u.self))
                let shifted = _mm_add_epi8(_mm_or_si128(vector, caseBit), letterOffset)
                let letters = _mm_cmplt_epi8(shifted, letterLimit)
                let bits = UInt64(UInt32(bitPattern: _mm_movemask_epi8(_mm_or_si128(letters, vector))) & 0xFFFF)
                map[index >> 6] |= bits << UInt64(index & 63)
                index += 16
            }
            #endif
            while index + 8 <= count {
                let high = wordBits(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // Bit 7 of each byte gathered into the top byte: byte i's bit lands at 56 + i.
                let byteBits = ((high >> 7) &* 0x0102_0408_1020_4080) >> 56
                map[index >> 6] |= byteBits << UInt64(index & 63)
                index += 8
            }
            while index < count {
                if isWordByte(text[index]) { map[index >> 6] |= 1 << UInt64(index & 63) }
                index += 1
            }
            // Pass 2: each word start, its end from the first clear bit after it. No branch
            // depends on the word: a long word's key is masked to zero (which no stopword
            // packs to), the look-up is one probe and a select (`StopwordSlots`), and the vote
            // goes to a fifth counter for "none". The tests per word (length, hit, language)
            // each mispredicted about one word in five.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 5) { tally in
                let tally = tally.baseAddress!
                for language in 0..<5 { tally[language] = 0 }
                slots.entries.withUnsafeBufferPointer { entries in
                    let entries = entries.baseAddress!
                    var carry: UInt64 = 0
                    for slot in 0..<wordCount {
                        let bits = map[slot]
                        let following = map[slot + 1]
                        // Starts of words longer than every stopword are dropped first: their
                        // key would be masked to zero, no stopword's (a third of the words,
                        // most of a Russian text's). A start begins such a word when it and
                        // the `longest` bits after it are all set.
                        var long = bits
                        for shift in 1...UInt64(longest) { long &= bits &>> shift | following &<< (64 &- shift) }
                        var starts = bits & ~(bits << 1 | carry) & ~long
                        carry = bits >> 63
                        while starts != 0 {
                            let bit = starts.trailingZeroBitCount
                            starts &= starts &- 1
                            let start = slot << 6 | bit
                            // The 64 map bits from the start on (the map has a spare word of
                            // zeros after the text): the word's length is their run of ones, at
                            // most `longest` (longer words' starts were dropped above).
                            let window = bits &>> UInt64(bit) | (following &<< 1) &<< UInt64(63 - bit)
                            let length = (~window).trailingZeroBitCount
                            var key: UInt64 = 0
                            if start + 8 <= count {
                                key = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                            } else {
                                for offset in 0..<length { key |= UInt64(text[start + offset]) << (8 * UInt64(offset)) }
                            }
                            key &= (1 &<< (8 &* UInt64(length))) &- 1
                            // ASCII words (nearly all) are lower-cased in the packed integer itself.
                            var packed = Self.asciiLower(key)
                            if key & 0x8080_8080_8080_8080 != 0 {
                                packed = Self.packLoweredLittleEndian(UnsafeBufferPointer(rebasing: text[start..<(start + length)]))
                            }
                            tally[StopwordSlots.language(packed, entries, slots.multiplier, slots.shift)] += 1
                        }
                    }
                }
                counts.0 += tally[0]
                counts.1 += tally[1]
                counts.2 += tally[2]
                counts.3 += tally[3]
            }
        }
    }

    /// `detect` word by word: the reference the bit-map scan is tested against.
    static func detectWordByWord(_ bytes: [UInt8]) -> String {
        // Only words of at most eight bytes can be stopwords; they are folded as they are packed,
        // so the text is not copied to lower-case it first. Eight bytes are classified at once:
        // a byte-at-a-time loop mispredicts a branch at every word boundary.
        var counts = [Int](repeating: 0, count: languages.count)
        let table = Self.littleEndianTable
        let longest = Self.longestStopword
        bytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let count = text.count
            var index = 0
            while index < count {
                // Skip to the next word.
                if index + 8 <= count {
                    let word = wordBits(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    if word == 0 { index += 8; continue }
                    index += word.trailingZeroBitCount >> 3
                } else {
                    while index < count, !isWordByte(text[index]) { index += 1 }
                    if index == count { break }
                }
                let start = index
                var length: Int
                var chunk: UInt64 = 0
                if start + 8 <= count {
                    chunk = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                    let other = ~wordBits(chunk) & 0x8080_8080_8080_8080
                    length = other == 0 ? 8 : other.trailingZeroBitCount >> 3
                } else {
                    length = 0
                    while start + length < count, isWordByte(text[start + length]) {
                        chunk |= UInt64(text[start + length]) << (8 * UInt64(length))
                        length += 1
                    }
                }
                index = start + length
                // Longer than every stopword (lower-casing keeps the length): not looked up.
                if length > longest {
                    // Nine bytes or more: run to the word's end.
                    if length == 8, index < count, isWordByte(text[index]) {
                        while index + 8 <= count {
                            let other = ~wordBits(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & 0x8080_8080_8080_8080
                            if other != 0 { index += other.trailingZeroBitCount >> 3; break }
                            index += 8
                        }
                        while index < count, isWordByte(text[index]) { index += 1 }
                    }
                    continue
                }
                // The word's bytes, first byte lowest, as `littleEndianTable` packs them: the
                // loaded bytes masked to the word (it has fewer than eight).
                let key = chunk & ((1 &<< (8 &* UInt64(length))) &- 1)
                // ASCII words (nearly all) are lower-cased in the packed integer itself.
                let packed = key & 0x8080_8080_8080_8080 == 0
                    ? Self.asciiLower(key)
                    : Self.packLoweredLittleEndian(UnsafeBufferPointer(rebasing: text[start..<(start + length)]))
                guard let language = table.value(packed) else { continue }
                counts[language] += 1
            }
        }
        var best = 0
        for language in counts.indices where counts[language] > counts[best] { best = language }
        return counts[best] >= 2 ? languages[best] : "und"
    }

    /// Bit 7 of each byte of `chunk` set where the byte is a word byte (`isWordByte`): an ASCII
    /// letter, or any byte from 0x80. With bit 5 forced, a letter lies in `a`...`z`; two
    /// additions on the low seven bits test that range without carries between bytes.
    @inline(__always)
    static func wordBits(_ chunk: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = chunk & (ones &* 0x80)
        let folded = (chunk | (ones &* 0x20)) & (ones &* 0x7F)
        let fromA = folded &+ ones &* (0x80 - 0x61)
        let pastZ = folded &+ ones &* (0x80 - 0x7B)
        return ((fromA & ~pastZ) & (ones &* 0x80)) | high
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}

/// Stopwords of at most seven bytes, packed little-endian, each alone in its slot of a
/// direct-mapped table: a multiplier is searched for that sends no two to the same slot, so a
/// look-up is one load, one compare and a select, with no branch that depends on the word
/// (`PackedWordTable` probes until a hit or an empty slot, and mispredicts on both).
struct StopwordSlots: Sendable {
    /// Per slot the word's key in the low seven bytes and its language in the top byte; an
    /// empty slot holds seven 0xFF bytes (a key no UTF-8 word lowers to) and language 4.
    let entries: [UInt64]
    /// The hash multiplier; the slot is the product's top bits.
    let multiplier: UInt64
    /// 64 minus the table's bit width.
    let shift: UInt64

    /// Key bits of an entry.
    static let keyMask: UInt64 = 0x00FF_FFFF_FFFF_FFFF
    /// An empty slot: no key and the "none" language 4.
    static let empty: UInt64 = keyMask | 4 << 56

    /// A table of `entries` (keys under 2^56, languages under 4); the first language given
    /// for a key wins, as in `PackedWordTable`.
    init(_ entries: [(UInt64, Int)]) {
        var bitsWide: UInt64 = 10
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var tries = 0
        while true {
            var table = [UInt64](repeating: Self.empty, count: 1 << Int(bitsWide))
            var clash = false
            for (key, language) in entries {
                let slot = Int(truncatingIfNeeded: (key &* multiplier) >> (64 - bitsWide))
                if table[slot] & Self.keyMask == key { continue }
                if table[slot] != Self.empty { clash = true; break }
                table[slot] = key | UInt64(language) << 56
            }
            if !clash {
                self.entries = table
                self.multiplier = multiplier
                self.shift = 64 - bitsWide
                return
            }
            // The next odd multiplier; a wider table after many tries.
            multiplier = multiplier &+ 0x6A09_E667_F3BC_C90A
            tries += 1
            if tries % 64 == 0 { bitsWide += 1 }
        }
    }

    /// The language (0 to 3) of `key` (a packed, lowered word), or 4 when it is no stopword.
    @inline(__always)
    static func language(_ key: UInt64, _ entries: UnsafePointer<UInt64>, _ multiplier: UInt64, _ shift: UInt64) -> Int {
        let entry = entries[Int(truncatingIfNeeded: (key &* multiplier) >> shift)]
        return entry & keyMask == key ? Int(truncatingIfNeeded: entry >> 56) : 4
    }
}

/// Words of up to eight UTF-8 bytes packed into integers (`key << 8 | byte`), with a small
/// value each, in an open-addressing table: a word is looked up without building a `String`
/// or hashing through `Dictionary` (the language vote and the date scan look up every word).
struct PackedWordTable: Sendable {
    /// Packed words; 0 is an empty slot (no word packs to 0).
    private var keys: [UInt64]
    /// The value of each slot.
    private var values: [Int]
    private let mask: Int

    /// A table of `entries` (words longer than eight bytes are left out); the first value
    /// given for a word wins.
    init(_ entries: [(String, Int)]) {
        self.init(packed: entries.compactMap { word, value in Self.pack(Array(word.utf8)[...]).map { ($0, value) } })
    }

    /// A table of words already packed (keys other than 0); the first value given for a key wins.
    init(packed entries: [(UInt64, Int)]) {
        var capacity = 16
        while capacity < entries.count * 4 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int](repeating: 0, count: capacity)
        mask = capacity - 1
        for (key, value) in entries {
            var slot = slot(key)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            if keys[slot] == key { continue }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// `word` packed, if it has at most eight bytes.
    @inline(__always)
    static func pack(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var value: UInt64 = 0
        for byte in word { value = value << 8 | UInt64(byte) }
        return value
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask }

    /// The value of a packed word, if the table holds it.
    @inline(__always)
    func value(_ key: UInt64) -> Int? {
        var slot = slot(key)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
