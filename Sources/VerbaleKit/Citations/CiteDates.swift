/// Dates written next to citations (`May 27, 2019`, `12 March 1954`, `1er décembre 1994`,
/// `27 de mayo de 2019`, `27 мая 2019 г.`, `25/10/2019`), parsed from bytes into ISO form.
///
/// The citation engine has its own small parser rather than sharing the document's: it only
/// ever looks at the few bytes right after a number it has already matched, and it must accept
/// OCR slips seen in real notes (`ler décembre` for `1er décembre`).
enum CiteDates {
    /// Month names and abbreviations in the four languages, folded, with their month number.
    /// Russian names are stems so that genitive (`мая`, `декабря`) and nominative forms match.
    static let monthTable: [(String, Int)] = [
            ("January", 1), ("February", 2), ("March", 3), ("April", 4), ("May", 5), ("June", 6),
            ("July", 7), ("August", 8), ("September", 9), ("October", 10), ("November", 11), ("December", 12),
            ("Jan.", 1), ("Feb.", 2), ("Mar.", 3), ("Apr.", 4), ("Jun.", 6), ("Jul.", 7), ("Aug.", 8),
            ("Sept.", 9), ("Sep.", 9), ("Oct.", 10), ("Nov.", 11), ("Dec.", 12),
            ("janvier", 1), ("février", 2), ("fèvrier", 2), ("mars", 3), ("avril", 4), ("mai", 5), ("juin", 6),
            ("juillet", 7), ("août", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12),
            ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
            ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
            ("январ~", 1), ("феврал~", 2), ("март~", 3), ("апрел~", 4), ("мая", 5), ("май", 5), ("июн~", 6),
            ("июл~", 7), ("август~", 8), ("сентябр~", 9), ("октябр~", 10), ("ноябр~", 11), ("декабр~", 12),
        ]

    /// Month names, folded, in the order of `monthTable`.
    static let months = CiteLits(monthTable.map(\.0))

    /// Month numbers, in the order of `monthTable`.
    static let monthNumbers: [Int] = monthTable.map(\.1)

    /// A month name at `i`: its number and end.
    static func month(_ b: [UInt8], _ i: Int, _ limit: Int) -> (Int, Int)? {
        guard i < limit, let (k, end) = months.longest(b, i, limit) else { return nil }
        return (monthNumbers[k], end)
    }

    /// Ordinal suffixes after a day (`1er`, `1st`, `2nd`).
    static let ordinals = CiteLits(["er", "st", "nd", "rd", "th", "o", "º"])
    /// The OCR slip `ler` for `1er`.
    static let ocrFirst = CiteLits(["ler"])
    /// Spanish `de` between day, month and year.
    static let de = CiteLits(["de"])
    /// Russian year words after the year (`2019 г.`, `2019 года`).
    static let russianYear = CiteLits(["г.", "года"])

    /// ISO text of a date.
    ///
    /// Written as digits straight into a string of its exact size (a date is a small string,
    /// with no allocation): the interpolations cost several hundred instructions a date.
    static func iso(_ y: Int, _ m: Int, _ d: Int?) -> String {
        guard y >= 0 && m >= 0 && (d ?? 0) >= 0 else {
            // Never met (the parsers read unsigned digits); kept for exactness.
            let mm = m < 10 ? "0\(m)" : "\(m)"
            guard let d else { return "\(y)-\(mm)" }
            return "\(y)-\(mm)-\(d < 10 ? "0\(d)" : "\(d)")"
        }
        /// Number of decimal digits of `v >= 0`.
        func width(_ v: Int) -> Int {
            var count = 1
            var rest = v
            while rest >= 10 { rest /= 10; count += 1 }
            return count
        }
        let count = width(y) + 1 + max(2, width(m)) + (d.map { 1 + max(2, width($0)) } ?? 0)
        return String(unsafeUninitializedCapacity: count) { out in
            var w = 0
            /// Writes `v` in decimal, with a leading zero below 10 when `pad`.
            func put(_ v: Int, pad: Bool) {
                if pad && v < 10 { out[w] = 0x30; w += 1 }
                let digits = width(v)
                var rest = v
                for k in stride(from: digits - 1, through: 0, by: -1) {
                    out[w + k] = UInt8(0x30 + rest % 10)
                    rest /= 10
                }
                w += digits
            }
            put(y, pad: false)
            out[w] = 0x2D; w += 1
            put(m, pad: true)
            if let d {
                out[w] = 0x2D; w += 1
                put(d, pad: true)
            }
            return w
        }
    }

    /// Whether `y` is a plausible year for a diplomatic document.
    static func isYear(_ y: Int) -> Bool { y >= 1800 && y <= 2100 }

    /// Skips `«`, `»`, quotes and spaces around a day written as `« 23 »`.
    static func skipDecor(_ b: [UInt8], _ i: Int, _ limit: Int) -> Int {
        var j = CiteText.skipSpaces(b, i, limit)
        while j < limit {
            let (f, len) = CiteText.fold(b, j)
            guard f == CiteText.quote else { break }
            j = CiteText.skipSpaces(b, j + len, limit)
        }
        return j
    }

    /// Parses a date starting at `i`. Returns the ISO form (`yyyy-mm-dd`, or `yyyy-mm` when no
    /// day is written) and the end.
    static func parse(_ b: [UInt8], _ i: Int, _ limit: Int) -> (iso: String, end: Int)? {
        guard i < limit else { return nil }
        // Month first: "May 27, 2019", "December « 23 », 2019", "March 2019".
        if let (m, mEnd) = month(b, i, limit) {
            var j = skipDecor(b, mEnd, limit)
            if let (d, dEnd) = CiteText.digits(b, j, limit, maxDigits: 2), (1...31).contains(d) {
                j = skipDecor(b, dEnd, limit)
                if j < limit && b[j] == 0x2C { j = CiteText.skipSpaces(b, j + 1, limit) }
                if let (y, yEnd) = CiteText.digits(b, j, limit, maxDigits: 4), yEnd - j == 4, isYear(y) {
                    return (iso(y, m, d), yEnd)
                }
                return nil
            }
            if let (y, yEnd) = CiteText.digits(b, j, limit, maxDigits: 4), yEnd - j == 4, isYear(y) {
                return (iso(y, m, nil), yEnd)
            }
            return nil
        }
        // Day first, with the OCR slip "ler" for "1er".
        var day: Int? = nil
        var j = i
        if let (d, dEnd) = CiteText.digits(b, i, limit, maxDigits: 4) {
            // Numeric forms: 25/10/2019, 27.05.2019, 2019-05-27.
            if dEnd < limit, b[dEnd] == 0x2F || b[dEnd] == 0x2E || b[dEnd] == 0x2D {
                let sep = b[dEnd]
                if let (m, mEnd) = CiteText.digits(b, dEnd + 1, limit, maxDigits: 2), mEnd < limit, b[mEnd] == sep,
                   let (z, zEnd) = CiteText.digits(b, mEnd + 1, limit, maxDigits: 4), !CiteText.isWordAt(b, zEnd) {
                    if dEnd - i == 4, sep == 0x2D, isYear(d), (1...12).contains(m), (1...31).contains(z) {
                        return (iso(d, m, z), zEnd)
                    }
                    if dEnd - i <= 2, zEnd - mEnd - 1 == 4, isYear(z), (1...12).contains(m), (1...31).contains(d) {
                        return (iso(z, m, d), zEnd)
                    }
                }
                return nil
            }
            guard dEnd - i <= 2, (1...31).contains(d) else { return nil }
            day = d
            j = dEnd
            // Ordinal suffixes: 1er, 1st, 2nd, 3rd, 4th.
            if let end = ordinals.longest(b, j, limit)?.end { j = end }
        } else if let end = ocrFirst.longest(b, i, limit)?.end {
            day = 1
            j = end
        }
        guard let d = day else { return nil }
        j = CiteText.skipSpaces(b, j, limit)
        if let end = de.longest(b, j, limit)?.end { j = CiteText.skipSpaces(b, end, limit) }
        guard let (m, mEnd) = month(b, j, limit) else { return nil }
        j = CiteText.skipSpaces(b, mEnd, limit)
        if j < limit && b[j] == 0x2C { j = CiteText.skipSpaces(b, j + 1, limit) }
        if let end = de.longest(b, j, limit)?.end { j = CiteText.skipSpaces(b, end, limit) }
        guard let (y, yEnd) = CiteText.digits(b, j, limit, maxDigits: 4), yEnd - j == 4, isYear(y) else { return nil }
        var end = yEnd
        // Russian "2019 г." / "2019 года".
        let after = CiteText.skipSpaces(b, yEnd, limit)
        if let e = russianYear.longest(b, after, limit)?.end { end = e }
        return (iso(y, m, d), end)
    }
}
