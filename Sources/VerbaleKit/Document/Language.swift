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

    /// Stopwords packed into integers (up to 8 bytes, lower-case) in an open-addressing table,
    /// so a word is looked up without building a `String` or hashing through `Dictionary`.
    struct StopwordTable: Sendable {
        /// Packed words; 0 is an empty slot (no word packs to 0).
        var keys = [UInt64](repeating: 0, count: 256)
        /// Index into `languages` for each slot.
        var values = [UInt8](repeating: 0, count: 256)

        init() {
            for (language, words) in LanguageDetector.stopwords {
                let value = UInt8(LanguageDetector.languages.firstIndex(of: language)!)
                for word in words {
                    guard let key = LanguageDetector.pack(Array(word.utf8)[...]) else { continue }
                    var slot = Self.slot(key)
                    while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & 255 }
                    keys[slot] = key
                    values[slot] = value
                }
            }
        }

        @inline(__always)
        static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

        /// The language index of a packed word, if it is a stopword.
        @inline(__always)
        func language(_ key: UInt64) -> Int? {
            var slot = Self.slot(key)
            while true {
                let found = keys[slot]
                if found == key { return Int(values[slot]) }
                if found == 0 { return nil }
                slot = (slot + 1) & 255
            }
        }
    }

    static let table = StopwordTable()

    @inline(__always)
    static func pack(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var value: UInt64 = 0
        for byte in word { value = value << 8 | UInt64(byte) }
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

    /// A word of at most eight bytes packed as `ByteCase.lower` would lower-case it.
    @inline(__always)
    static func packLowered(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var lowered: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &lowered) { buffer -> UInt64 in
            for index in 0..<word.count { buffer[index] = word[index] }
            let lower = ByteCase.lower(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<word.count]))
            var value: UInt64 = 0
            for index in 0..<lower { value = value << 8 | UInt64(buffer[index]) }
            return value
        }
    }

    /// `en`, `fr`, `es`, `ru`, or `und` when there is too little to tell.
    static func detect(_ bytes: [UInt8]) -> String {
        // Only words of at most eight bytes can be stopwords; they are folded as they are packed,
        // so the text is not copied to lower-case it first.
        var counts = [Int](repeating: 0, count: languages.count)
        let table = Self.table
        bytes.withUnsafeBufferPointer { lower in
            var index = 0
            while index < lower.count {
                while index < lower.count, !isWordByte(lower[index]) { index += 1 }
                let start = index
                var key: UInt64 = 0
                var high: UInt8 = 0
                while index < lower.count, isWordByte(lower[index]) {
                    key = key << 8 | UInt64(lower[index])
                    high |= lower[index]
                    index += 1
                }
                guard index > start, index - start <= 8 else { continue }
                // ASCII words (nearly all) are lower-cased in the packed integer itself.
                let packed = high < 0x80 ? Self.asciiLower(key)
                                         : Self.packLowered(UnsafeBufferPointer(rebasing: lower[start..<index]))
                guard let language = table.language(packed) else { continue }
                counts[language] += 1
            }
        }
        var best = 0
        for language in counts.indices where counts[language] > counts[best] { best = language }
        return counts[best] >= 2 ? languages[best] : "und"
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
