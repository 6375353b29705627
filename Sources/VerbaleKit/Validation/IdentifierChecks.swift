/// Identifiers: registration numbers (check digits, encoded dates against stated dates),
/// communication references (country code, year), case and resolution numbers (scheme, year).
enum IdentifierChecks {
    static func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += registrations(context)
        found += communications(context)
        found += cases(context)
        found += resolutions(context)
        return found
    }

    // MARK: Registration numbers

    /// Words that say a date is the registration date (for BINs and company numbers).
    static let registrationWords = Keywords([
        "regist", "incorporat", "founded", "established", "enregistr", "immatricul", "créé", "constitu",
        "registrad", "inscrit", "зарегистр", "регистрац", "создан", "основан",
    ])
    /// Words that say a date is a birth date (for IINs, which encode one).
    static let birthWords = Keywords(["born", "birth", "né ", "née", "naissance", "nacid", "nacimiento", "родил", "рождени"])

    /// The short name of a scheme for messages (`KZ-BIN` → `BIN`).
    static func schemeName(_ citation: Citation) -> String {
        guard let scheme = citation.scheme, let dash = scheme.lastIndex(of: "-") else { return citation.scheme ?? "registration number" }
        return String(scheme[scheme.index(after: dash)...])
    }

    /// The digits of a registration citation (`BIN 971140002687` → `971140002687`).
    static func digits(_ citation: Citation) -> [UInt8] {
        let source = Array((citation.number ?? citation.text).utf8)
        return source.filter(Bytes.isDigit)
    }

    /// Kazakhstan BIN/IIN check digit: weights 1…11, and 3…11,1,2 when the first sum leaves 10.
    static func kazakhCheckDigitValid(_ digits: [UInt8]) -> Bool? {
        guard digits.count == 12 else { return nil }
        let values = digits.map { Int($0 - 0x30) }
        var sum = 0
        for index in 0..<11 { sum += values[index] * (index + 1) }
        var check = sum % 11
        if check == 10 {
            sum = 0
            for index in 0..<11 { sum += values[index] * ((index + 2) % 11 + 1) }
            check = sum % 11
            if check == 10 { return false }
        }
        return check == values[11]
    }

    /// Year-month (BIN) or birth date (IIN) encoded in a Kazakh number, when the citation engine
    /// did not fill `encodedDate`.
    static func kazakhEncodedDate(_ digits: [UInt8], scheme: String) -> (Int, Int, Int)? {
        guard digits.count == 12 else { return nil }
        let values = digits.map { Int($0 - 0x30) }
        let yy = values[0] * 10 + values[1]
        let month = values[2] * 10 + values[3]
        guard (1...12).contains(month) else { return nil }
        if scheme == "KZ-IIN" {
            let day = values[4] * 10 + values[5]
            let century: Int
            switch values[6] {
            case 1, 2: century = 1800
            case 3, 4: century = 1900
            case 5, 6: century = 2000
            default: return nil
            }
            return (century + yy, month, day)
        }
        return (CiteRegistrationSchemes.registrationYear(yy), month, 0)
    }

    static func registrations(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let registrations = context.citations(.registration)
        // The text ranges of each block's registration numbers, found once per block: each
        // number's clause stops at the others (a block with three numbers looked up each
        // of them three times, through a copy of each citation).
        var blockRanges: [Int: [(span: ByteSpan, range: Range<Int>?)]] = [:]
        for citation in registrations {
            let digits = self.digits(citation)
            let name = schemeName(citation)
            let number = String(decoding: digits, as: UTF8.self)
            var valid = citation.valid
            if valid == nil, citation.scheme == "KZ-BIN" || citation.scheme == "KZ-IIN" { valid = kazakhCheckDigitValid(digits) }
            if valid == false {
                found.append(DiagnosticCode.registrationCheckDigit.diagnostic(
                    "\(name) \(number) fails its check digit (\(citation.scheme ?? "unknown scheme")): the number is mistyped or not real",
                    citation.span))
                continue  // a wrong number's encoded date means nothing
            }
            if let mismatch = registrationDate(citation, digits: digits, context: context, blockRanges: &blockRanges) {
                found.append(mismatch)
            }
        }
        return found
    }

    /// Compares the date a BIN/IIN encodes with the date stated for the same entity in the
    /// same clause (`BIN 971140002687, registered March 11, 1997`).
    static func registrationDate(_ citation: Citation, digits: [UInt8], context: ValidationContext) -> Diagnostic? {
        var blockRanges: [Int: [(span: ByteSpan, range: Range<Int>?)]] = [:]
        return registrationDate(citation, digits: digits, context: context, blockRanges: &blockRanges)
    }

    /// `registrationDate`, with the text ranges of the registration numbers of the blocks
    /// already looked at in `blockRanges`.
    static func registrationDate(_ citation: Citation, digits: [UInt8], context: ValidationContext,
                                 blockRanges: inout [Int: [(span: ByteSpan, range: Range<Int>?)]]) -> Diagnostic? {
        var encoded: (year: Int, month: Int, day: Int)? = ValidationCalendar.parseISO(citation.encodedDate)
        if encoded == nil, let scheme = citation.scheme { encoded = kazakhEncodedDate(digits, scheme: scheme) }
        guard let encoded, let block = context.blockIndex(of: citation), let range = context.textRange(of: citation, in: block) else { return nil }
        let bytes = context.blockBytes[block]
        let isBirth = citation.scheme?.hasSuffix("IIN") ?? false
        let keywords = isBirth ? birthWords : registrationWords
        if blockRanges[block] == nil {
            let all = context.document.citations
            blockRanges[block] = context.citations(inBlock: block, of: .registration).map {
                (all[$0].span, context.textRange(text: all[$0].text, sourceStart: all[$0].span.start, in: block))
            }
        }
        let others = blockRanges[block]!.filter { $0.span != citation.span }.compactMap(\.range)
        guard let stated = statedDate(bytes, around: range, others: others, keywords: keywords) else { return nil }
        // A date that agrees is the usual case: it is found before any text of the message
        // is made.
        if encoded.day > 0 {
            guard (stated.year, stated.month, stated.day) != (encoded.year, encoded.month, encoded.day) else { return nil }
        } else {
            guard (stated.year, stated.month) != (encoded.year, encoded.month) else { return nil }
        }
        let name = schemeName(citation)
        let number = String(decoding: digits, as: UTF8.self)
        let statedText = Bytes.string(bytes, stated.range)
        let encodedText = ValidationCalendar.iso(encoded.year, encoded.month, encoded.day)
        let what = isBirth ? "a birth date of" : "registration in"
        if encoded.day > 0 {
            guard (stated.year, stated.month, stated.day) != (encoded.year, encoded.month, encoded.day) else { return nil }
            let swap = stated.year == encoded.year && stated.day == encoded.month && stated.month == encoded.day
            return DiagnosticCode.registrationDateMismatch.diagnostic(
                "\(name) \(number) encodes \(what) \(encodedText), but the text gives \(statedText)\(swap ? " (possible day/month swap)" : "")",
                citation.span)
        }
        guard (stated.year, stated.month) != (encoded.year, encoded.month) else { return nil }
        let swap = stated.year == encoded.year && stated.day == encoded.month
        return DiagnosticCode.registrationDateMismatch.diagnostic(
            "\(name) \(number) encodes \(what) \(encodedText), but the text gives \(statedText)\(swap ? " (possible day/month swap)" : "")",
            citation.span)
    }

    /// The date stated with an identifier: in its clause after it (up to `;`, `(`, a closing
    /// parenthesis that is not its own, the next identifier or the sentence end), else in the
    /// clause before it; only when a keyword says what the date is.
    static func statedDate(_ bytes: [UInt8], around range: Range<Int>, others: [Range<Int>], keywords: Keywords) -> FoundDate? {
        let forwardEnd = clauseEnd(bytes, from: range.upperBound, others: others)
        let forward = ValidationCalendar.dates(in: bytes, range.upperBound..<forwardEnd)
        if let date = forward.first, Bytes.containsAny(keywords, in: bytes, from: range.upperBound, to: date.range.lowerBound) {
            return date
        }
        let backwardStart = clauseStart(bytes, before: range.lowerBound, others: others)
        let backward = ValidationCalendar.dates(in: bytes, backwardStart..<range.lowerBound)
        if let date = backward.last, Bytes.containsAny(keywords, in: bytes, from: backwardStart, to: range.lowerBound) {
            return date
        }
        return nil
    }

    static func isSentenceEnd(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "."), index + 2 < bytes.count, bytes[index + 1] == 0x20 else { return false }
        return Bytes.isUpperASCII(bytes[index + 2])
    }

    static func clauseEnd(_ bytes: [UInt8], from start: Int, others: [Range<Int>]) -> Int {
        var limit = min(bytes.count, start + 160)
        for other in others where other.lowerBound >= start { limit = min(limit, other.lowerBound) }
        var index = start
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "(") { return index }
            if byte == UInt8(ascii: ")") && index > start + 2 { return index }
            if isSentenceEnd(bytes, index) { return index }
            index += 1
        }
        return limit
    }

    static func clauseStart(_ bytes: [UInt8], before end: Int, others: [Range<Int>]) -> Int {
        var limit = max(0, end - 160)
        for other in others where other.upperBound <= end { limit = max(limit, other.upperBound) }
        var index = end - 1
        while index >= limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { return index + 1 }
            if isSentenceEnd(bytes, index) { return index + 2 }
            index -= 1
        }
        return limit
    }

    // MARK: Communications

    /// The latest date the document gives itself: a communication it cites cannot be later.
    static func documentYear(_ document: Document) -> Int? {
        // Each part's date is read in place: a copy of a part retains all its blocks.
        let parts = document.parts
        var latest: Int? = nil
        for index in parts.indices {
            if let year = ValidationCalendar.parseISO(parts[index].date)?.year { latest = max(latest ?? year, year) }
        }
        return latest
    }

    /// Type, country, number and year of a communication reference, from its fields or, when
    /// the engine left them empty, from its text (`AL KAZ 4/2019`).
    static func communicationParts(_ citation: Citation) -> (type: String?, country: String?, year: Int?) {
        var type = citation.type
        var country = citation.country
        var year = citation.year
        // The engine filled all three (the usual case): nothing is read from the text.
        guard type == nil || country == nil || year == nil else { return (type, country, year) }
        let words = citation.text.split(separator: " ")
        if type == nil, let first = words.first { type = String(first) }
        if country == nil, words.count >= 2 { country = String(words[1]) }
        if year == nil, let last = words.last, let slash = last.lastIndex(of: "/") {
            let digits = last[last.index(after: slash)...]
            if let value = Int(digits) { year = digits.count == 2 ? 2000 + value : value }
        }
        return (type, country, year)
    }

    static func communications(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let latest = documentYear(context.document)
        var covered: [ByteSpan] = []
        for citation in context.citations(.communication) {
            let (_, country, year) = communicationParts(citation)
            found += communicationFindings(citation.text, country: country, year: year, latest: latest, span: citation.span)
            covered.append(citation.span)
        }
        // The citation engine rejects a reference whose country is not a country, so look for
        // reference-shaped text it left out: that is where a mistyped code hides.
        // A block without capital pairs holds no reference shape: it is skipped before its
        // bytes are read.
        for index in context.blocks.indices where !context.scans.capitalPairs.isEmpty(index) {
            for (text, country, year, range) in referenceShapes(context.blockBytes[index], capitalPairs: context.scans.capitalPairs[index]) {
                let span = context.sourceSpan(block: index, range)
                guard !covered.contains(where: { $0.start < span.end && span.start < $0.end }) else { continue }
                found += communicationFindings(text, country: country, year: year, latest: latest, span: span)
            }
        }
        return found
    }

    static func communicationFindings(_ text: String, country: String?, year: Int?, latest: Int?, span: ByteSpan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let country, !CiteCountryCodes.accepted.contains(country.uppercased()) {
            found.append(DiagnosticCode.communicationCountry.diagnostic(
                "\(text): \(country) is not an ISO 3166-1 alpha-3 country code (nor OTH)", span))
        }
        guard let year else { return found }
        if let latest, year > latest {
            found.append(DiagnosticCode.communicationYear.diagnostic(
                "\(text) has the year \(year), after the document's own date (\(latest)): a reply cannot cite a later communication",
                span))
        } else if year < 1990 {
            found.append(DiagnosticCode.communicationYear.diagnostic(
                "\(text) has the year \(year), before Special Procedures communications were numbered (1990s)", span))
        }
        return found
    }

    /// Communication types of Special Procedures references.
    static let communicationTypes: Set<String> = ["AL", "UA", "OL", "JAL", "JUA", "JOL"]

    /// Whether `bytes[range]` (two or three capitals) is one of `communicationTypes`, compared
    /// as bytes: `AL`, `UA`, `OL`, or `J` before one of them.
    static func isCommunicationType(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        if range.count == 3 {
            guard bytes[start] == UInt8(ascii: "J") else { return false }
            start += 1
        }
        guard range.upperBound - start == 2 else { return false }
        let pair = (bytes[start], bytes[start + 1])
        return pair == (UInt8(ascii: "A"), UInt8(ascii: "L")) || pair == (UInt8(ascii: "U"), UInt8(ascii: "A"))
            || pair == (UInt8(ascii: "O"), UInt8(ascii: "L"))
    }

    /// `TYPE CCC N/YYYY` shapes in a block: type word, three capitals, number, slash, year.
    /// `capitalPairs` are the block's `BlockScan.capitalPairs` (found here when not given).
    static func referenceShapes(_ bytes: [UInt8], capitalPairs: ArraySlice<Int>? = nil) -> [(String, String, Int?, Range<Int>)] {
        var result: [(String, String, Int?, Range<Int>)] = []
        let count = bytes.count
        // Two capitals at a word start open a candidate: the pairs are found by `BlockScan`,
        // and each visit returns where the scan goes on.
        BlockScan.visit(capitalPairs ?? BlockScan([bytes]).capitalPairs[0]) { index in
            guard index + 10 <= count else { return count }
            guard Bytes.isUpperASCII(bytes[index + 1]),
                  index == 0 || !Bytes.isLetterASCII(bytes[index - 1]) else { return index + 1 }
            let start = index
            var cursor = index
            while cursor < count, Bytes.isUpperASCII(bytes[cursor]) { cursor += 1 }
            guard cursor - start <= 3, isCommunicationType(bytes, start..<cursor), cursor + 1 < count, bytes[cursor] == 0x20 else { return cursor }
            let countryStart = cursor + 1
            var countryEnd = countryStart
            while countryEnd < count, Bytes.isUpperASCII(bytes[countryEnd]) { countryEnd += 1 }
            guard countryEnd - countryStart == 3, countryEnd + 1 < count, bytes[countryEnd] == 0x20 else { return cursor }
            var numberEnd = countryEnd + 1
            while numberEnd < count, Bytes.isDigit(bytes[numberEnd]) { numberEnd += 1 }
            guard numberEnd > countryEnd + 1, numberEnd < count, bytes[numberEnd] == UInt8(ascii: "/") else { return cursor }
            var yearEnd = numberEnd + 1
            while yearEnd < count, Bytes.isDigit(bytes[yearEnd]) { yearEnd += 1 }
            let digits = yearEnd - numberEnd - 1
            guard digits == 2 || digits == 4, let value = Bytes.integer(bytes[(numberEnd + 1)..<yearEnd]) else { return cursor }
            let year = digits == 2 ? 2000 + value : value
            result.append((Bytes.string(bytes, start..<yearEnd), Bytes.string(bytes, countryStart..<countryEnd), year, start..<yearEnd))
            return yearEnd
        }
        return result
    }

    /// Lanes of `here` holding a capital `A`–`Z` followed by another (`next` is the word one
    /// byte on): where a reference type (`AL`, `JUA`) may start.
    @inline(__always)
    static func capitalPairLanes(_ here: UInt64, _ next: UInt64) -> UInt64 {
        ByteWords.between(here, UInt8(ascii: "A"), UInt8(ascii: "Z")) & ByteWords.between(next, UInt8(ascii: "A"), UInt8(ascii: "Z"))
    }

    // MARK: Case numbers

    /// Year written inside a case number: the `19` of `7517-19-00-2/10338` (court-year-…) or
    /// of `2a-6757/19`, the `2019` of `А40-12345/2019`.
    static func caseNumberYear(_ number: String) -> (value: Int, digits: Int)? {
        let bytes = Array(number.utf8)
        // NNNN-YY-… (Kazakhstan's unified numbering: court code, year, …)
        if bytes.count >= 8, bytes[0..<4].allSatisfy(Bytes.isDigit), bytes[4] == UInt8(ascii: "-"),
           Bytes.isDigit(bytes[5]), Bytes.isDigit(bytes[6]), bytes[7] == UInt8(ascii: "-") {
            return (Int(bytes[5] - 0x30) * 10 + Int(bytes[6] - 0x30), 2)
        }
        // …/YY or …/YYYY at the end
        if let slash = bytes.lastIndex(of: UInt8(ascii: "/")) {
            let tail = bytes[(slash + 1)...]
            if tail.count == 2 || tail.count == 4, let value = Bytes.integer(tail) { return (value, tail.count) }
        }
        return nil
    }

    static func fullYear(_ value: Int, digits: Int, near reference: Int) -> Int {
        guard digits == 2 else { return value }
        return 2000 + value <= reference + 5 ? 2000 + value : 1900 + value
    }

    /// The date stated right after a citation in its clause (`case No. …, May 27, 2019`).
    static func dateAfter(_ citation: Citation, _ context: ValidationContext) -> FoundDate? {
        guard let block = context.blockIndex(of: citation), let range = context.textRange(of: citation, in: block) else { return nil }
        let bytes = context.blockBytes[block]
        let end = clauseEnd(bytes, from: range.upperBound, others: [])
        guard let date = ValidationCalendar.dates(in: bytes, range.upperBound..<min(end, range.upperBound + 40)).first else { return nil }
        return date
    }

    static func cases(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for citation in context.citations(.case) {
            let number = citation.number ?? citation.text
            if citation.valid == false {
                found.append(DiagnosticCode.caseNumberScheme.diagnostic(
                    "case number \(number) does not match the \(citation.scheme ?? "expected") numbering scheme", citation.span))
                continue
            }
            guard let (value, digits) = caseNumberYear(number) else { continue }
            var dateYear = ValidationCalendar.parseISO(citation.date)?.year
            var dateText = citation.date
            if dateYear == nil, let date = dateAfter(citation, context) {
                dateYear = date.year
                dateText = date.iso
            }
            guard let decided = dateYear, let dateText else { continue }
            let year = fullYear(value, digits: digits, near: decided)
            // A case is numbered when filed, so its number's year cannot be after its decision.
            if year > decided {
                found.append(DiagnosticCode.caseNumberScheme.diagnostic(
                    "case number \(number) carries the year \(year), but the decision is dated \(dateText): a case cannot be decided before it is filed",
                    citation.span))
            }
        }
        return found
    }

    // MARK: Resolutions

    /// Years in which a resolution `session/number` of a body can be adopted.
    static func sessionYears(body: String, session: Int) -> ClosedRange<Int>? {
        let folded = body.lowercased()
        // `containsText`: a byte search for plain text, the same answer as `String.contains`.
        func has(_ phrase: String) -> Bool { Bytes.containsText(folded, phrase) }
        if has("general assembly") || folded == "ga" || has("assemblée générale") || has("asamblea general") {
            // Session N opens in September 1945+N and closes before the next one.
            return (1945 + session)...(1946 + session)
        }
        if has("human rights council") || folded == "hrc" || has("conseil des droits") || has("consejo de derechos") {
            // Sessions 1–3 in 2006, then three a year from 2007; one year of slack for resumed sessions.
            let year = session <= 3 ? 2006 : 2007 + (session - 4) / 3
            return (year - 1)...(year + 1)
        }
        return nil
    }

    /// The session of a resolution number's first part when it is all numbers (`Int` of its
    /// numbers, which may fail on a long one). ASCII is answered from the bytes: there only
    /// `0`–`9` are numbers, and `Character.isNumber` on each cost more than the check.
    static func sessionNumber(_ part: Substring) -> Int? {
        if part.utf8.allSatisfy({ $0 < 0x80 }) {
            guard part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(part)
        }
        guard let session = Int(part.filter(\.isNumber)), part.allSatisfy({ $0.isNumber }) else { return nil }
        return session
    }

    static func resolutions(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for citation in context.citations(.resolution) {
            let number = citation.number ?? citation.text
            if citation.valid == false {
                found.append(DiagnosticCode.resolutionNumberScheme.diagnostic(
                    "resolution number \(number) does not match the \(citation.scheme ?? "expected") numbering scheme", citation.span))
                continue
            }
            var body = citation.body ?? ""
            if let symbol = citation.symbol {
                if symbol.hasPrefix("A/HRC/RES/") { body = "HRC" } else if symbol.hasPrefix("A/RES/") { body = "GA" }
            }
            let parts = number.split(separator: "/")
            guard parts.count == 2, let session = sessionNumber(parts[0]),
                  let years = sessionYears(body: body, session: session) else { continue }
            var dateYear = ValidationCalendar.parseISO(citation.date)?.year
            var dateText = citation.date
            if dateYear == nil, let date = dateAfter(citation, context) { dateYear = date.year; dateText = date.iso }
            guard let year = dateYear, let dateText, !years.contains(year) else { continue }
            found.append(DiagnosticCode.resolutionNumberScheme.diagnostic(
                "resolution \(number) of the \(body) belongs to session \(session) (\(years.lowerBound)–\(years.upperBound)), but it is dated \(dateText)",
                citation.span))
        }
        return found
    }
}
