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
        let first = needle[0]
        var index = max(0, from)
        while index + needle.count <= end {
            if hay[index] == first {
                var matched = 1
                while matched < needle.count, hay[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
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

    /// Whether any of `words` occurs (case-insensitively) in `hay[from..<to]`.
    static func containsAny(_ words: [[UInt8]], in hay: [UInt8], from: Int = 0, to limit: Int? = nil) -> Bool {
        words.contains { findFolded($0, in: hay, from: from, to: limit) != nil }
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
    static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
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

    /// `ascii` as bytes, for keyword tables.
    static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
}

/// Calendar helpers shared by the date-aware checks.
enum ValidationCalendar {
    /// `(year, month, day)` of an ISO `yyyy-mm-dd` (or `yyyy-mm`, day 0) string.
    static func parseISO(_ iso: String?) -> (year: Int, month: Int, day: Int)? {
        guard let iso else { return nil }
        let parts = iso.split(separator: "-")
        guard parts.count >= 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        let day = parts.count >= 3 ? Int(parts[2]) ?? 0 : 0
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

    /// Dates in `bytes[range]`, with ranges relative to `bytes`.
    static func dates(in bytes: [UInt8], _ range: Range<Int>) -> [FoundDate] {
        let lower = max(0, range.lowerBound)
        let upper = min(bytes.count, range.upperBound)
        guard lower < upper else { return [] }
        return DateParser.dates(in: Array(bytes[lower..<upper])).map { date in
            var shifted = date
            shifted.range = (date.range.lowerBound + lower)..<(date.range.upperBound + lower)
            return shifted
        }
    }
}
