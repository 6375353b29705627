/// A calendar date found in text.
public struct FoundDate: Sendable, Equatable {
    /// Year (four digits).
    public var year: Int
    /// Month 1–12.
    public var month: Int
    /// Day 1–31 (not checked against the month: `isValid` says whether it exists).
    public var day: Int
    /// UTF-8 byte range of the date expression in the scanned text.
    public var range: Range<Int>

    /// ISO 8601 `yyyy-mm-dd`.
    public var iso: String {
        // A year of at most four digits and a month and day of at most two (every date the
        // parser finds): the ten bytes are written directly. Interpolating padded numbers made
        // several strings a date.
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return paddedISO }
        var bytes: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &bytes) { buffer -> String in
            func put(_ value: Int, at start: Int, width: Int) {
                var rest = value
                for offset in (start..<(start + width)).reversed() {
                    buffer[offset] = UInt8(0x30 + rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, width: 4)
            buffer[4] = UInt8(ascii: "-")
            put(month, at: 5, width: 2)
            buffer[7] = UInt8(ascii: "-")
            put(day, at: 8, width: 2)
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[0..<10]), as: UTF8.self)
        }
    }

    /// `iso` for any values: each number zero-padded to its width, or longer.
    var paddedISO: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Whether the day exists in that month of that year (no February 30).
    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= DateParser.daysIn(month: month, year: year)
    }
}

/// Finds dates written the ways diplomatic correspondence writes them, in English, French,
/// Spanish and Russian: `December « 23 », 2019`, `December 19, 2019`, `23 December 2019`,
/// `le 1er décembre 1994`, `23 de diciembre de 2019`, `23 декабря 2019 г.`, `25/10/2019`,
/// `19.12.19`, `2019-12-23`.
///
/// Runs on short texts (datelines, sentences), on bytes; month names are matched after
/// folding ASCII case and common accents, so OCR slips such as `fèvrier` still match.
public enum DateParser {
    /// Days in a month, with Gregorian leap years.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Month names and abbreviations (lower-case, accents folded) with their numbers.
    static let monthNames: [(String, Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
        ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
        ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ("janvier", 1), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
        ("juillet", 7), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("decembre", 12),
        ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
        ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
        ("noviembre", 11), ("diciembre", 12),
        ("январь", 1), ("января", 1), ("февраль", 2), ("февраля", 2), ("март", 3), ("марта", 3),
        ("апрель", 4), ("апреля", 4), ("май", 5), ("мая", 5), ("июнь", 6), ("июня", 6),
        ("июль", 7), ("июля", 7), ("август", 8), ("августа", 8), ("сентябрь", 9), ("сентября", 9),
        ("октябрь", 10), ("октября", 10), ("ноябрь", 11), ("ноября", 11), ("декабрь", 12), ("декабря", 12),
    ]

    static let monthTable: [String: Int] = Dictionary(monthNames, uniquingKeysWith: { first, _ in first })

    /// Codes of the words a date scan looks for: 1–12 months, then the words around dates.
    enum WordCode {
        /// Not a word the scan looks for.
        static let other = 0
        /// Ordinal suffixes and `de`/`del` between a day and its month (`1er`, `23rd`, `23 de`).
        static let dayConnectors = 101...107
        /// `de`/`del` between a month and its year (`diciembre de 2019`).
        static let yearConnectors = 106...107
        /// `г`/`года` after a Russian year.
        static let yearSuffixes = 108...109
    }

    /// Every word the scan looks for (folded), with its code.
    static let wordCodes: [String: Int] = monthTable.merging(
        [("er", 101), ("st", 102), ("nd", 103), ("rd", 104), ("th", 105), ("de", 106), ("del", 107),
         ("г", 108), ("года", 109)], uniquingKeysWith: { month, _ in month })

    /// `wordCodes` for words of up to eight bytes, looked up without building a string.
    static let packedCodes = PackedWordTable(wordCodes.map { ($0.key, $0.value) })

    /// `wordCodes` for words of nine to sixteen bytes (`september`, the Cyrillic months),
    /// looked up on their bytes: a string made and hashed for every such word cost several
    /// times the rest of the date scan's work on it.
    static let longCodes = LongWordTable(wordCodes.map { (Array($0.key.utf8), $0.value) })

    /// A lexical unit of a date scan.
    enum Piece: Equatable {
        /// Digits with their value and digit count.
        case number(Int, digits: Int)
        /// A word (letters): its `WordCode`.
        case word(Int)
        /// A separator character that matters (`/`, `.`, `-`, `,`).
        case mark(UInt8)
    }

    /// Splits text into pieces with byte ranges; quotes, guillemets and spaces are dropped.
    static func pieces(_ bytes: [UInt8]) -> [(Piece, Range<Int>)] {
        var result: [(Piece, Range<Int>)] = []
        // A piece takes two bytes or more but for runs of marks, and running text averages
        // about six: room for a piece every four bytes leaves few lists to grow, where growing
        // from empty cost more than splitting the text.
        result.reserveCapacity(bytes.count / 4 + 4)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                let start = index
                var value = 0
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 9 {
                    value = value * 10 + Int(bytes[index] - 0x30)
                    index += 1
                }
                result.append((.number(value, digits: index - start), start..<index))
            } else if isLetterStart(byte) {
                let start = index
                var ascii = true
                while index < bytes.count, isLetterStart(bytes[index]) || (bytes[index] & 0xC0) == 0x80 {
                    if bytes[index] >= 0x80 { ascii = false }
                    index += 1
                }
                result.append((.word(code(bytes[start..<index], ascii: ascii)), start..<index))
            } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ",") {
                result.append((.mark(byte), index..<(index + 1)))
                index += 1
            } else {
                index += 1
            }
        }
        return result
    }

    /// The longest word, in UTF-8 bytes, that any table here holds (`сентября`, 16): longer
    /// words are folded to "" without building a string, since they cannot match.
    static let longestWord = 18

    /// The `WordCode` of a word: ASCII words of up to eight bytes (nearly all) packed and
    /// looked up as integers, others folded into a string first.
    static func code(_ word: ArraySlice<UInt8>, ascii: Bool) -> Int {
        if ascii && word.count <= 8 {
            var key: UInt64 = 0
            for byte in word { key = key << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            return packedCodes.value(key) ?? WordCode.other
        }
        // Folding keeps an ASCII word's length: one longer than every ASCII entry cannot match.
        if ascii && word.count > longestASCIIWord { return WordCode.other }
        // A longer ASCII word folds to its lower-cased bytes, and an ASCII string equals
        // another only byte for byte.
        if ascii && word.count <= LongWordTable.longest {
            var folded: (UInt64, UInt64) = (0, 0)
            return withUnsafeMutableBytes(of: &folded) { buffer -> Int in
                var length = 0
                for byte in word {
                    buffer[length] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    length += 1
                }
                return longCodes.value(UnsafeRawBufferPointer(rebasing: buffer[0..<length])) ?? WordCode.other
            }
        }
        if !ascii, let code = foldedCode(word) { return code }
        return wordCodes[folded(word, ascii: ascii)] ?? WordCode.other
    }

    /// The longest ASCII entry of `wordCodes`, in bytes (`septiembre`).
    static let longestASCIIWord = wordCodes.keys.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map(\.utf8.count).max() ?? 0

    /// The longest entry of `wordCodes` in UTF-8 bytes.
    static let longestEntry = wordCodes.keys.map(\.utf8.count).max() ?? 0

    /// The `WordCode` of a word of ASCII letters, Latin-1 letters (`C3 xx`) and Cyrillic
    /// letters (`D0 xx`, `D1 xx`), folded on bytes as `folded` folds it: `String.lowercased()`
    /// maps these scalars one to one (Latin-1 and Cyrillic capitals to their small letters),
    /// and no scalar of theirs is canonically equal to another string, so equal folded bytes
    /// are equal folded strings. `nil` for any other word: then it is folded as a string.
    static func foldedCode(_ word: ArraySlice<UInt8>) -> Int? {
        // `folded` turns longer words into "", which is no entry.
        guard word.count <= longestWord else { return WordCode.other }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { folded -> Int? in
            var length = 0
            var index = word.startIndex
            while index < word.endIndex {
                let byte = word[index]
                // Only an entry's length of folded bytes can match: a longer word is `other`.
                guard length + 2 <= folded.count else { return WordCode.other }
                if byte < 0x80 {
                    folded[length] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    length += 1
                    index += 1
                    continue
                }
                guard index + 1 < word.endIndex else { return nil }
                let next = word[index + 1]
                guard next & 0xC0 == 0x80 else { return nil }
                switch byte {
                case 0xC3:
                    let small = next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next
                    if let plain = latinFolds[Int(small & 0x3F)] {
                        folded[length] = plain
                        length += 1
                    } else {
                        folded[length] = 0xC3
                        folded[length + 1] = small
                        length += 2
                    }
                case 0xD0:
                    if next >= 0x90 && next <= 0x9F { folded[length] = 0xD0; folded[length + 1] = next + 0x20 }
                    else if next >= 0xA0 && next <= 0xAF { folded[length] = 0xD1; folded[length + 1] = next - 0x20 }
                    else if next <= 0x8F { folded[length] = 0xD1; folded[length + 1] = next + 0x10 }
                    else { folded[length] = 0xD0; folded[length + 1] = next }
                    length += 2
                case 0xD1:
                    // Small letters, and the historic letters (U+0460 on), which fold to no entry.
                    folded[length] = 0xD1
                    folded[length + 1] = next
                    length += 2
                default:
                    return nil
                }
                index += 2
            }
            if length > longestEntry { return WordCode.other }
            if length <= 8 {
                var key: UInt64 = 0
                for offset in 0..<length { key = key << 8 | UInt64(folded[offset]) }
                return packedCodes.value(key) ?? WordCode.other
            }
            if length <= LongWordTable.longest {
                return longCodes.value(UnsafeRawBufferPointer(rebasing: folded[0..<length])) ?? WordCode.other
            }
            return wordCodes[String(decoding: UnsafeRawBufferPointer(rebasing: folded[0..<length]), as: UTF8.self)] ?? WordCode.other
        }
    }

    /// For the small Latin-1 letters `C3 A0`…`C3 BF` (by their low six bits), the ASCII letter
    /// `fold` turns them into, if any.
    static let latinFolds: [UInt8?] = (0..<64).map { low -> UInt8? in
        let scalar = Unicode.Scalar(UInt32(0xC0 + low))!
        let folded = fold(scalar)
        return folded == scalar ? nil : UInt8(folded.value)
    }

    /// A word lower-cased with its Latin accents folded: on bytes for ASCII words (most of them),
    /// through `String.lowercased()` otherwise.
    static func folded(_ word: ArraySlice<UInt8>, ascii: Bool) -> String {
        guard word.count <= longestWord else { return "" }
        if ascii {
            var lower = Array(word)
            for index in lower.indices where lower[index] >= 0x41 && lower[index] <= 0x5A { lower[index] |= 0x20 }
            return String(decoding: lower, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in String(decoding: word, as: UTF8.self).lowercased().unicodeScalars { scalars.append(fold(scalar)) }
        return String(scalars)
    }

    @inline(__always)
    static func isLetterStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0xC3 && byte != 0xE2 && byte != 0xC2
    }

    /// Folds Latin accents so `décembre`/`fèvrier`/`août` match their table entries.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "é", "è", "ê", "ë": return "e"
        case "à", "â", "á": return "a"
        case "ô", "ó": return "o"
        case "û", "ù", "ú": return "u"
        case "î", "ï", "í": return "i"
        case "ç": return "c"
        case "ñ": return "n"
        default: return scalar
        }
    }

    static func year(_ value: Int, digits: Int) -> Int? {
        if digits == 4 && value >= 1800 && value <= 2199 { return value }
        if digits == 2 { return value < 70 ? 2000 + value : 1900 + value }
        return nil
    }

    /// Every date in `text`, in order.
    public static func dates(in text: String) -> [FoundDate] {
        dates(in: Array(text.utf8))
    }

    /// The first date in `text`, if any.
    public static func firstDate(in text: String) -> FoundDate? {
        dates(in: Array(text.utf8)).first
    }

    /// Whether `bytes` hold at least `count` ASCII digits, eight bytes at a time: a digit's
    /// high nibble is 3 and its low one is below 10 (adding 6 does not carry into bit 4).
    static func hasDigits(_ count: Int, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            let length = raw.count
            var found = 0
            var index = 0
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index + 8 <= length {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // Bit 7 of a byte set where it is 0x30–0x39: bits 4–7 equal 3, and the low
                // nibble plus 6 stays below 16.
                let highIsThree = ~((word & (ones &* 0xF0)) ^ (ones &* 0x30))
                let nibbleHigh = (highIsThree & (highIsThree << 1) & (highIsThree << 2) & (highIsThree << 3)) & (ones &* 0x80)
                let lowBelowTen = ~(((word & (ones &* 0x0F)) &+ (ones &* 0x06)) << 3) & (ones &* 0x80)
                found += (nibbleHigh & lowBelowTen).nonzeroBitCount
                if found >= count { return true }
                index += 8
            }
            while index < length {
                let byte = raw[index]
                if byte >= 0x30 && byte <= 0x39 { found += 1 }
                index += 1
            }
            return found >= count
        }
    }

    /// Every date in UTF-8 `bytes`, in order; ranges are byte ranges of `bytes`.
    public static func dates(in bytes: [UInt8]) -> [FoundDate] {
        // Every form below reads a day and a year of two or four digits, so a date takes at
        // least four ASCII digits: a text with fewer (most lines asked) has none, told without
        // splitting it into pieces.
        guard hasDigits(4, in: bytes) else { return [] }
        return scanDates(in: bytes)
    }

    /// `dates(in:)` without the digit test: the pieces are matched against every form.
    static func scanDates(in bytes: [UInt8]) -> [FoundDate] {
        let list = pieces(bytes)
        var found: [FoundDate] = []
        var index = 0
        func number(_ at: Int) -> (Int, Int)? {
            guard at < list.count, case let .number(value, digits) = list[at].0 else { return nil }
            return (value, digits)
        }
        func month(_ at: Int) -> Int? {
            guard at < list.count, case let .word(code) = list[at].0, (1...12).contains(code) else { return nil }
            return code
        }
        func isWord(_ at: Int, _ codes: ClosedRange<Int>) -> Bool {
            guard at < list.count, case let .word(code) = list[at].0 else { return false }
            return codes.contains(code)
        }
        func isMark(_ at: Int, _ mark: UInt8) -> Bool {
            guard at < list.count, case let .mark(value) = list[at].0 else { return false }
            return value == mark
        }
        // Pieces must be close together: a month name and a year forty words apart are not a date.
        func near(_ a: Int, _ b: Int) -> Bool {
            guard a < list.count, b < list.count else { return false }
            return list[b].1.lowerBound - list[a].1.upperBound <= 12
        }
        while index < list.count {
            // Month D, YYYY  (December « 23 », 2019)
            if let monthNumber = month(index), let (day, dayDigits) = number(index + 1), dayDigits <= 2,
               near(index, index + 1) {
                var cursor = index + 2
                if isMark(cursor, UInt8(ascii: ",")) { cursor += 1 }
                if let (yearValue, yearDigits) = number(cursor), yearDigits == 4, let fullYear = year(yearValue, digits: 4),
                   near(index + 1, cursor) {
                    found.append(FoundDate(year: fullYear, month: monthNumber, day: day,
                                           range: list[index].1.lowerBound..<list[cursor].1.upperBound))
                    index = cursor + 1
                    continue
                }
            }
            // D [er|de] Month [de] YYYY (23 December 2019, 1er décembre 1994, 23 de diciembre de 2019)
            if let (day, dayDigits) = number(index), dayDigits <= 2 {
                var cursor = index + 1
                if isWord(cursor, WordCode.dayConnectors) { cursor += 1 }
                if isMark(cursor, UInt8(ascii: ".")) && !isMark(cursor + 1, UInt8(ascii: ".")) { cursor += 1 }
                if let monthNumber = month(cursor), near(index, cursor) {
                    var yearAt = cursor + 1
                    if isWord(yearAt, WordCode.yearConnectors) || isMark(yearAt, UInt8(ascii: ",")) { yearAt += 1 }
                    if let (yearValue, yearDigits) = number(yearAt), let fullYear = year(yearValue, digits: yearDigits),
                       yearDigits == 4, near(cursor, yearAt) {
                        var end = list[yearAt].1.upperBound
                        if isWord(yearAt + 1, WordCode.yearSuffixes) { end = list[yearAt + 1].1.upperBound }
                        found.append(FoundDate(year: fullYear, month: monthNumber, day: day,
                                               range: list[index].1.lowerBound..<end))
                        index = yearAt + 1
                        continue
                    }
                }
                // D/M/YYYY, D.M.YY, D-M-YYYY: the three numbers must be adjacent, one separator kind.
                var matchedNumeric = false
                for separator in [UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "-")] {
                    guard isMark(index + 1, separator), let (monthValue, monthDigits) = number(index + 2),
                          monthDigits <= 2, isMark(index + 3, separator),
                          let (yearValue, yearDigits) = number(index + 4),
                          let fullYear = year(yearValue, digits: yearDigits),
                          list[index + 4].1.lowerBound == list[index + 3].1.upperBound,
                          list[index + 1].1.lowerBound == list[index].1.upperBound,
                          (1...12).contains(monthValue), (1...31).contains(day) else { continue }
                    // Not part of a longer number chain such as a case number 7517-19-00-2.
                    if isMark(index + 5, separator), number(index + 6) != nil,
                       list[index + 5].1.lowerBound == list[index + 4].1.upperBound { continue }
                    if index > 0, case .mark = list[index - 1].0, list[index - 1].1.upperBound == list[index].1.lowerBound,
                       !isMark(index - 1, UInt8(ascii: ",")) { continue }
                    found.append(FoundDate(year: fullYear, month: monthValue, day: day,
                                           range: list[index].1.lowerBound..<list[index + 4].1.upperBound))
                    index += 5
                    matchedNumeric = true
                    break
                }
                if matchedNumeric { continue }
            }
            // YYYY-MM-DD
            if let (yearValue, yearDigits) = number(index), yearDigits == 4, isMark(index + 1, UInt8(ascii: "-")),
               let (monthValue, _) = number(index + 2), isMark(index + 3, UInt8(ascii: "-")),
               let (day, dayDigits) = number(index + 4), dayDigits == 2, (1...12).contains(monthValue),
               let fullYear = year(yearValue, digits: 4) {
                found.append(FoundDate(year: fullYear, month: monthValue, day: day,
                                       range: list[index].1.lowerBound..<list[index + 4].1.upperBound))
                index += 5
                continue
            }
            index += 1
        }
        return found
    }
}

/// Words of nine to sixteen UTF-8 bytes, each packed into two integers (its first eight bytes
/// and the rest, zero-filled) with its length, in an open-addressing table: the date scan's
/// longer words are looked up byte for byte, without a `String`.
struct LongWordTable: Sendable {
    /// Length of the longest word the table holds.
    static let longest = 16
    /// First eight bytes of each slot's word, little-endian; 0 marks an empty slot (no word
    /// of nine bytes or more starts with eight zero bytes).
    private var heads: [UInt64]
    /// The rest of each slot's word, zero-filled.
    private var tails: [UInt64]
    /// Each slot's word length and value.
    private var lengths: [Int]
    private var values: [Int]
    private let mask: Int

    /// A table of the `entries` of nine to sixteen bytes (others are left out); the first
    /// value given for a word wins.
    init(_ entries: [([UInt8], Int)]) {
        let kept = entries.filter { $0.0.count > 8 && $0.0.count <= Self.longest }
        var capacity = 16
        while capacity < kept.count * 4 { capacity *= 2 }
        heads = [UInt64](repeating: 0, count: capacity)
        tails = [UInt64](repeating: 0, count: capacity)
        lengths = [Int](repeating: 0, count: capacity)
        values = [Int](repeating: 0, count: capacity)
        mask = capacity - 1
        for (word, value) in kept {
            let (head, tail) = word.withUnsafeBytes { Self.pack($0) }
            var slot = Self.slot(head, tail, mask)
            while heads[slot] != 0 && !(heads[slot] == head && tails[slot] == tail && lengths[slot] == word.count) {
                slot = (slot + 1) & mask
            }
            if heads[slot] != 0 { continue }
            heads[slot] = head
            tails[slot] = tail
            lengths[slot] = word.count
            values[slot] = value
        }
    }

    /// The two integers of a word of nine to sixteen bytes.
    @inline(__always)
    private static func pack(_ word: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        for offset in 0..<8 { head |= UInt64(word[offset]) << UInt64(8 * offset) }
        for offset in 8..<word.count { tail |= UInt64(word[offset]) << UInt64(8 * (offset - 8)) }
        return (head, tail)
    }

    @inline(__always)
    private static func slot(_ head: UInt64, _ tail: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((head ^ tail &* 0x85EB_CA77_C2B2_AE63) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The value of `word`, if the table holds it (`nil` for any word not of nine to sixteen bytes).
    func value(_ word: UnsafeRawBufferPointer) -> Int? {
        guard word.count > 8 && word.count <= Self.longest else { return nil }
        let (head, tail) = Self.pack(word)
        var slot = Self.slot(head, tail, mask)
        while true {
            let found = heads[slot]
            if found == 0 { return nil }
            if found == head && tails[slot] == tail && lengths[slot] == word.count { return values[slot] }
            slot = (slot + 1) & mask
        }
    }
}
