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

    static func run(_ context: ValidationContext) -> [Diagnostic] {
        var seen: [String: Seen] = [:]
        var order: [String] = []
        for index in context.blocks.indices {
            for (honorific, gender, surname, range) in names(in: context.blockBytes[index]) {
                let key = surname + "|" + String(describing: gender)
                if seen[key] == nil {
                    seen[key] = Seen(name: surname, honorific: honorific, gender: gender, first: context.sourceSpan(block: index, range), count: 0)
                    order.append(key)
                }
                seen[key]!.count += 1
            }
        }
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        for (i, keyA) in order.enumerated() {
            for keyB in order[(i + 1)...] {
                let a = seen[keyA]!
                let b = seen[keyB]!
                guard a.name != b.name, a.gender == b.gender || a.gender == .neutral || b.gender == .neutral,
                      similar(a.name, b.name), reported.insert(a.name + "|" + b.name).inserted else { continue }
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
        let x = Array(a.lowercased().unicodeScalars)
        let y = Array(b.lowercased().unicodeScalars)
        guard x.count >= 5, y.count >= 5, x.first == y.first, abs(x.count - y.count) <= 2 else { return false }
        let allowed = min(x.count, y.count) >= 9 ? 2 : 1
        return editDistance(x, y, limit: allowed) <= allowed
    }

    /// Levenshtein distance, stopping early once it exceeds `limit`.
    static func editDistance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            var rowMin = current[0]
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return rowMin }
            previous = current
        }
        return previous[y.count]
    }

    /// `(honorific, class, surname, range of honorific…surname)` for each honorific followed by
    /// one to three capitalised words; the surname is the last of them, possessive dropped.
    static func names(in bytes: [UInt8]) -> [(String, Gender, String, Range<Int>)] {
        var result: [(String, Gender, String, Range<Int>)] = []
        var cursor = 0
        let leads = honorificLeads
        while let word = nextWord(bytes, from: cursor) {
            cursor = word.upperBound
            guard leads[Int(bytes[word.lowerBound])] else { continue }
            // Byte compares against the few honorifics sharing the word's first byte: no string
            // is built for the other words of the text.
            guard let (title, gender) = honorific(bytes, word) else { continue }
            // `H.E. Mr. Marat Beketayev`: a title before a title; the inner one decides the class.
            var honorificText = title
            var kind = gender
            var next = nextWord(bytes, from: cursor)
            while let inner = next, let (innerTitle, innerGender) = honorific(bytes, inner) {
                honorificText = innerTitle
                if innerGender != .neutral { kind = innerGender }
                cursor = inner.upperBound
                next = nextWord(bytes, from: cursor)
            }
            var surname: String? = nil
            var end = word.upperBound
            var taken = 0
            while let candidate = next, taken < 3 {
                guard let lead = Bytes.scalar(at: candidate.lowerBound, in: bytes), lead.properties.isUppercase else { break }
                let raw = Bytes.string(bytes, candidate)
                let (clean, stops) = cleanName(raw)
                guard let clean, isCapitalisedName(clean) else { break }
                surname = clean
                // End the span at the name, not at the `)` or `’s` after it.
                end = candidate.lowerBound + (raw.hasPrefix(clean) ? clean.utf8.count : candidate.count)
                taken += 1
                cursor = candidate.upperBound
                next = nextWord(bytes, from: cursor)
                if stops { break }
            }
            if let surname { result.append((honorificText, kind, surname, word.lowerBound..<end)) }
        }
        return result
    }

    /// The next run of non-space bytes at or after `from`.
    static func nextWord(_ bytes: [UInt8], from: Int) -> Range<Int>? {
        var index = from
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let start = index
        while index < bytes.count, bytes[index] != 0x20 { index += 1 }
        return index > start ? start..<index : nil
    }

    /// First bytes a word holding an honorific can start with (the honorifics' own, and
    /// opening brackets and quotes).
    static let honorificLeads: [Bool] = Bytes.table(honorifics.keys.map { Array($0.utf8)[0] } + [0x28, 0x22, 0x5B, 0xE2, 0xC2])

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
    static func honorific(_ bytes: [UInt8], _ word: Range<Int>) -> (String, Gender)? {
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
        for (candidate, text, gender) in honorificsByLead[Int(bytes[start])] where candidate.count == length {
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

    /// An upper-case first letter followed by lower-case letters (hyphens allowed), so that
    /// `Ms. Sekerbaeva` counts and `Mr. President`-like all-caps or title words mostly do not.
    static func isCapitalisedName(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase, word.unicodeScalars.count >= 2 else { return false }
        let rest = word.unicodeScalars.dropFirst()
        return rest.allSatisfy { $0.properties.isLowercase || $0 == "-" || $0 == "’" || $0 == "'" || $0.properties.isUppercase && false }
            && rest.contains { $0.properties.isLowercase }
    }
}
