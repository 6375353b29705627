/// Dates: impossible dates anywhere in the text, a transmitting note dated before the letter
/// it transmits, and a communication dated one way by the note and another by the letter.
enum DateChecks {
    static func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += impossibleDates(context)
        found += transmittalOrder(context)
        found += communicationDates(context)
        return found
    }

    // MARK: Impossible dates

    /// Words after which a number is not a day (`Article 31 April…` does not occur, but
    /// `para. 30 February…`-like runs of numbers and month names must not become dates).
    static let numberLabels: Set<String> = ["art", "article", "articles", "para", "paragraph", "paragraphs", "no", "nos",
                                             "chapter", "section", "rule", "annex", "exhibit", "item", "page", "p", "pp",
                                             "статья", "статьи", "пункт", "п", "ст", "artículo", "párrafo"]

    /// Days that exist in some months but not all: only they can make a date impossible, so
    /// the date parser runs only around them (cheap on long documents).
    static func impossibleDates(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // A block without day hits gives nothing: it is skipped before its bytes are read.
        for index in context.blocks.indices where !context.scans.days.isEmpty(index) {
            let bytes = context.blockBytes[index]
            let count = bytes.count
            var reportedUpTo = 0
            // Only `29`, `30` or `31` not followed by a digit can be such a day (`dayLanes`, found
            // by the block's `BlockScan`); each visit returns where the scan goes on.
            BlockScan.visit(context.scans.days[index]) { position in
                guard position + 1 < count else { return count }
                let first = bytes[position]
                guard position == 0 || !Bytes.isDigit(bytes[position - 1]),
                      Bytes.isDigit(bytes[position + 1]),
                      position + 2 >= count || !Bytes.isDigit(bytes[position + 2]) else { return position + 1 }
                let day = Int(first - 0x30) * 10 + Int(bytes[position + 1] - 0x30)
                guard day >= 29 && day <= 31, position >= reportedUpTo else { return position + 2 }
                var start = max(0, position - 24)
                while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                var end = min(count, position + 30)
                while end < count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                for date in ValidationCalendar.dates(in: bytes, start..<end)
                where date.range.contains(position) && date.day == day && (1...12).contains(date.month) && !date.isValid {
                    if let label = wordBefore(bytes, date.range.lowerBound), numberLabels.contains(label) { continue }
                    let text = Bytes.string(bytes, date.range)
                    let reason = date.month == 2 && day == 29
                        ? "\(date.year) is not a leap year"
                        : "\(ValidationCalendar.monthNames[date.month - 1]) has \(DateParser.daysIn(month: date.month, year: date.year)) days"
                    found.append(DiagnosticCode.dateImpossible.diagnostic(
                        "“\(text)” is not a real date: \(reason)", context.sourceSpan(block: index, date.range)))
                    reportedUpTo = date.range.upperBound
                }
                return position + 2
            }
        }
        return found
    }

    /// Lanes of `here` where `29`, `30` or `31` starts and no digit follows (`next` and
    /// `afterNext` are the words one and two bytes on): the only days some months lack.
    @inline(__always)
    static func dayLanes(_ here: UInt64, _ next: UInt64, _ afterNext: UInt64) -> UInt64 {
        // Most eight-byte words hold no `2` or `3` (`x | 1 == "3"` is exactly those two):
        // one test rules them out before the pair and look-ahead tests.
        guard ByteWords.equal(here | ByteWords.ones, UInt8(ascii: "3")) != 0 else { return 0 }
        let twentyNine = ByteWords.equal(here, UInt8(ascii: "2")) & ByteWords.equal(next, UInt8(ascii: "9"))
        let thirty = ByteWords.equal(here, UInt8(ascii: "3")) & ByteWords.equal(next | ByteWords.ones, UInt8(ascii: "1"))
        return (twentyNine | thirty) & ~ByteWords.between(afterNext, UInt8(ascii: "0"), UInt8(ascii: "9"))
    }

    /// The word just before `index` (lower-case, without a trailing period), if any.
    static func wordBefore(_ bytes: [UInt8], _ index: Int) -> String? {
        var end = index
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        var start = end
        while start > 0, Bytes.isWordScalar(Bytes.scalar(before: start, in: bytes)) {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        guard start < end else { return nil }
        return Bytes.string(bytes, start..<end).lowercased()
    }

    // MARK: Transmittal order

    /// Words by which a note says it transmits something.
    static let transmitWords = Keywords([
        "transmit", "forward", "enclos", "attach", "transmet", "transmett", "ci-joint", "remet", "transmitir",
        "transmite", "adjunt", "remitir", "remite", "препровожд", "направля", "прилага",
    ])

    static func transmittalOrder(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The parts are read in place, by index: a copy of a part (for each part, and for each
        // one the neighbour searches passed) retains all its blocks and strings.
        let parts = context.document.parts
        for noteIndex in parts.indices where parts[noteIndex].kind == .noteVerbale {
            guard let noteDate = ValidationCalendar.parseISO(parts[noteIndex].date) else { continue }
            // The letter a note transmits is the next letter part (a cover note comes first),
            // else the one just before it; other letters of a bundle are not its business.
            func isLetterOrNote(_ index: Int) -> Bool { parts[index].kind == .letter || parts[index].kind == .noteVerbale }
            let following = parts.indices[(noteIndex + 1)...].first(where: isLetterOrNote)
            let preceding = parts.indices[..<noteIndex].last(where: isLetterOrNote)
            let candidate = following.flatMap { parts[$0].kind == .letter ? $0 : nil }
                ?? preceding.flatMap { parts[$0].kind == .letter ? $0 : nil }
            guard let letter = candidate, let letterDate = ValidationCalendar.parseISO(parts[letter].date),
                  (noteDate.year, noteDate.month, noteDate.day) < (letterDate.year, letterDate.month, letterDate.day) else { continue }
            // Only now read the note's text: most notes are dated after what they transmit.
            let noteBlocks = context.partBlocks[noteIndex]
            guard noteBlocks.contains(where: { Bytes.containsAny(transmitWords, in: context.blockBytes[$0]) }) else { continue }
            let dateline = noteBlocks.first { context.blocks[$0].kind == .dateline }
            let noteStart = parts[noteIndex].start
            let span = dateline.map { ByteSpan(context.blocks[$0].start, context.blocks[$0].end) } ?? ByteSpan(noteStart, noteStart)
            found.append(DiagnosticCode.transmittalDateOrder.diagnostic(
                "the note verbale is dated \(parts[noteIndex].dateText ?? parts[noteIndex].date ?? "") but transmits a letter dated \(parts[letter].dateText ?? parts[letter].date ?? "") (line \(context.line(parts[letter].start))): a note cannot transmit a letter written after it",
                span))
        }
        return found
    }

    // MARK: Communication dates

    /// A communication reference with the date given for it.
    struct DatedReference {
        var key: String
        var text: String
        var date: FoundDate
        var dateText: String
        var span: ByteSpan
        var line: Int
    }

    /// Words that join a reference to its date (`from`, `of`, `dated`, `du`, `de`, `от`).
    static let dateJoiners = Keywords(["from", "of", "dated", "du", "en date du", "de", "del", "от", "fechada", "datée"])
    /// Words for the letter being answered.
    static let letterWords = Bytes.words(["letter", "communication", "lettre", "carta", "comunicación", "письм", "сообщени"])
    /// Words that mark the letter being answered (`in response to`, `your`, `в ответ на`).
    static let responseWords = Keywords([
        "response to", "reply to", "reference to", "refer to", "referring to", "responding to", "answer to", "your",
        "réponse à", "référence à", "votre", "respuesta a", "referencia a", "su carta", "su comunicación",
        "в ответ на", "ссылкой на", "ваше", "вашего",
    ])

    static func communicationDates(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var references: [DatedReference] = []
        var keys: [String] = []
        for citation in context.citations(.communication) {
            let key = communicationKey(citation)
            if !keys.contains(key) { keys.append(key) }
            guard let block = context.blockIndex(of: citation), let range = context.textRange(of: citation, in: block) else { continue }
            let bytes = context.blockBytes[block]
            let window = range.upperBound..<min(bytes.count, range.upperBound + 40)
            guard let date = ValidationCalendar.dates(in: bytes, window).first,
                  date.range.lowerBound - range.upperBound <= 16,
                  Bytes.containsAny(dateJoiners, in: bytes, from: range.upperBound, to: date.range.lowerBound) else { continue }
            let span = context.sourceSpan(block: block, date.range)
            let dated = DatedReference(key: key, text: citation.text, date: date, dateText: Bytes.string(bytes, date.range),
                                       span: span, line: context.line(span.start))
            references.append(dated)
            // A communication is numbered in the year it is sent.
            if let year = IdentifierChecks.communicationParts(citation).year, year != date.year {
                found.append(DiagnosticCode.communicationDateMismatch.diagnostic(
                    "\(citation.text) is numbered in \(year) but dated \(dated.dateText) (\(date.iso))", span))
            }
        }
        guard !references.isEmpty else { return [] }
        // The same reference dated twice, differently.
        var firstDated: [String: DatedReference] = [:]
        for reference in references {
            guard let earlier = firstDated[reference.key] else { firstDated[reference.key] = reference; continue }
            if earlier.date.iso != reference.date.iso {
                found.append(mismatch(reference.text, earlier, reference.dateText, reference.date, reference.span))
            }
        }
        // `the October 25, 2019 letter` / `your letter of 25 October 2019`: compared only when
        // the document answers a single communication, so the letter meant is not in doubt.
        guard keys.count == 1, let reference = firstDated[keys[0]] else { return found }
        // One pass per block: only `l`, `c`, `п`, `с` can start a letter word.
        let leads = Bytes.table([UInt8(ascii: "l"), UInt8(ascii: "L"), UInt8(ascii: "c"), UInt8(ascii: "C"), 0xD0, 0xD1])
        let letterWords = Self.letterWords
        for index in context.blocks.indices where !context.isQuotedQuestion(index) {
            let bytes = context.blockBytes[index]
            var at = 0
            while at < bytes.count {
                guard leads[Int(bytes[at])] else { at += 1; continue }
                let byte = Bytes.lowerASCII(bytes[at])
                let second = at + 1 < bytes.count ? Bytes.lowerASCII(bytes[at + 1]) : 0
                let candidate = (byte == UInt8(ascii: "l") && second == UInt8(ascii: "e"))
                    || (byte == UInt8(ascii: "c") && (second == UInt8(ascii: "o") || second == UInt8(ascii: "a")))
                    || (at + 1 < bytes.count && ((byte == 0xD0 && bytes[at + 1] == 0xBF) || (byte == 0xD1 && bytes[at + 1] == 0x81)))
                guard candidate, let word = letterWords.first(where: { Bytes.matches($0, in: bytes, at: at) }) else { at += 1; continue }
                defer { at += word.count }
                guard !Bytes.isWordScalar(Bytes.scalar(before: at, in: bytes)),
                      Bytes.containsAny(responseWords, in: bytes, from: max(0, at - 60), to: at),
                      let date = letterDate(bytes, letterWordAt: at, length: word.count) else { continue }
                let span = context.sourceSpan(block: index, date.range)
                guard date.iso != reference.date.iso, !references.contains(where: { $0.span == span }) else { continue }
                found.append(mismatch(reference.text, reference, Bytes.string(bytes, date.range), date, span))
            }
        }
        return found
    }

    /// The date written right before a letter word (`the October 25, 2019 letter`) or joined
    /// right after it (`letter of 25 October 2019`, `lettre du 25 octobre 2019`).
    static func letterDate(_ bytes: [UInt8], letterWordAt at: Int, length: Int) -> FoundDate? {
        var beforeStart = max(0, at - 30)
        while beforeStart > 0, bytes[beforeStart] & 0xC0 == 0x80 { beforeStart -= 1 }
        if let date = ValidationCalendar.dates(in: bytes, beforeStart..<at).last {
            let gap = Bytes.string(bytes, date.range.upperBound..<at)
            if gap.allSatisfy({ $0 == " " || $0 == "," || $0 == "’" || $0 == "'" || $0 == "s" }) && gap.count <= 4 { return date }
        }
        var wordEnd = at + length
        while wordEnd < bytes.count, Bytes.isWordScalar(Bytes.scalar(at: wordEnd, in: bytes)) {
            wordEnd += 1
            while wordEnd < bytes.count, bytes[wordEnd] & 0xC0 == 0x80 { wordEnd += 1 }
        }
        var afterEnd = min(bytes.count, wordEnd + 40)
        while afterEnd < bytes.count, bytes[afterEnd] & 0xC0 == 0x80 { afterEnd += 1 }
        if let date = ValidationCalendar.dates(in: bytes, wordEnd..<afterEnd).first, date.range.lowerBound - wordEnd <= 14,
           Bytes.containsAny(dateJoiners, in: bytes, from: wordEnd, to: date.range.lowerBound) {
            return date
        }
        return nil
    }

    static func mismatch(_ text: String, _ earlier: DatedReference, _ laterText: String, _ later: FoundDate, _ span: ByteSpan) -> Diagnostic {
        DiagnosticCode.communicationDateMismatch.diagnostic(
            "\(text) is dated \(earlier.dateText) (\(earlier.date.iso)) on line \(earlier.line), but here the letter answered is dated \(laterText) (\(later.iso))",
            span)
    }

    /// `AL KAZ 4/2019` in a form that ignores spacing and case.
    static func communicationKey(_ citation: Citation) -> String {
        if !citation.key.isEmpty { return citation.key }
        let (type, country, year) = IdentifierChecks.communicationParts(citation)
        return [type ?? "", country ?? "", citation.number ?? "", year.map(String.init) ?? ""].joined(separator: " ").uppercased()
    }
}
