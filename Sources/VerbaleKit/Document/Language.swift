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

    /// Stopwords packed into integers (up to 8 bytes, lower-case), so a word is looked up
    /// without building a `String`.
    static let table: [UInt64: String] = {
        var table: [UInt64: String] = [:]
        for (language, words) in stopwords {
            for word in words { if let key = pack(Array(word.utf8)[...]) { table[key] = language } }
        }
        return table
    }()

    @inline(__always)
    static func pack(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var value: UInt64 = 0
        for byte in word { value = value << 8 | UInt64(byte) }
        return value
    }

    /// `en`, `fr`, `es`, `ru`, or `und` when there is too little to tell.
    static func detect(_ bytes: [UInt8]) -> String {
        let lower = ByteCase.lower(bytes)
        var counts: [String: Int] = [:]
        var index = 0
        while index < lower.count {
            while index < lower.count, !isWordByte(lower[index]) { index += 1 }
            let start = index
            while index < lower.count, isWordByte(lower[index]) { index += 1 }
            guard index > start, let key = pack(lower[start..<index]), let language = table[key] else { continue }
            counts[language, default: 0] += 1
        }
        guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }), best.value >= 2 else {
            return "und"
        }
        return best.key
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
