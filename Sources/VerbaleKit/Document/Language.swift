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

    static let table: [String: String] = {
        var table: [String: String] = [:]
        for (language, words) in stopwords { for word in words { table[word] = language } }
        return table
    }()

    /// `en`, `fr`, `es`, `ru`, or `und` when there is too little to tell.
    static func detect(_ bytes: [UInt8]) -> String {
        var counts: [String: Int] = [:]
        var index = 0
        while index < bytes.count {
            while index < bytes.count, !isWordByte(bytes[index]) { index += 1 }
            let start = index
            while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
            guard index > start, index - start <= 12 else { continue }
            let word = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
            if let language = table[word] { counts[language, default: 0] += 1 }
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
