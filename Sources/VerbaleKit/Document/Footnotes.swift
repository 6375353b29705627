#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): sixteen-byte compares and `pmovmskb`, which turns a
// compare's lanes into one bit each, so the digit scan lands on the digit itself.
import _Builtin_intrinsics.intel
#endif

/// Finds footnotes and their call-outs in both input styles.
///
/// Explicit markers (`<sup>N</sup>`, `[^N]`) need no inference. Plain text needs two rules
/// that hold across documents: a note is a group that starts with the next expected number
/// followed by text (never `N.`, which is a numbered paragraph), and it counts only if a
/// call-out for that number occurs earlier in the body — bracketed (`[3]`) or glued to the
/// end of a word (`OHCHR1`, `concession.18`). Call-outs are matched in order, so the
/// call-out of note N lies after that of note N−1.
struct FootnoteFinder {
    var tokens: [LineToken]
    var groups: [LineGroup]

    /// A call-out found in the body: its number and source span, and the line it is in.
    struct Callout: Sendable {
        var number: Int
        var span: ByteSpan
        var line: Int
        /// Whether the tokenizer already marked it (explicit or bracketed).
        var marked: Bool
    }

    /// Words that head an endnotes section.
    static let notesHeadings: Set<String> = ["notes", "endnotes", "footnotes", "notas", "примечания", "notes de bas de page"]

    /// Whether the line's first content byte may start a notes heading (`n`, `e`, `f` in either
    /// case, or the lead byte of Cyrillic `п`/`П`): short one-line paragraphs are common, and
    /// each was trimmed, made a string and lower-cased only to miss the set.
    static func mayBeNotesHeading(_ token: LineToken) -> Bool {
        guard let first = LineText.firstContent(token) else { return true }
        let byte = token.bytes[first]
        let lower = byte | 0x20
        return lower == UInt8(ascii: "n") || lower == UInt8(ascii: "e") || lower == UInt8(ascii: "f") || byte >= 0x80
    }

    /// Classifies numbered groups as footnotes; merges endnote continuations.
    mutating func inferNumberedNotes() {
        let explicitNumbers = Set(groups.compactMap { group -> Int? in
            if case .footnote(let number) = group.kind { return number } else { return nil }
        })
        var expected = (explicitNumbers.max() ?? 0) + 1
        var inNotesSection = false
        var lastNote: Int? = nil
        var searchFrom = 0  // source offset after the previous inferred call-out
        var index = -1
        while index + 1 < groups.count {
            index += 1
            if groups[index].mergedAway { continue }
            // The group and its first line are read in place: copies of them retained their arrays.
            let firstLine = groups[index].lines[0]
            if case .paragraph = groups[index].kind, groups[index].lines.count == 1, Self.mayBeNotesHeading(tokens[firstLine]),
               LineText.contentLength(tokens[firstLine]) <= 30 {
                let text = LineText.trimmed(tokens[firstLine]).lowercased()
                if Self.notesHeadings.contains(text) { inNotesSection = true; lastNote = nil; continue }
            }
            guard case .paragraph = groups[index].kind else {
                switch groups[index].kind {
                case .heading: lastNote = nil
                // Past a page break only an endnotes section continues a note; on a page, the
                // text after the break continues the body, not the note above it.
                case .pageBreak, .separator, .furniture: if !inNotesSection { lastNote = nil }
                default: break
                }
                continue
            }
            if let (number, _) = LineText.leadingNoteNumber(tokens[firstLine]), number == expected,
               let callout = firstCallout(number: number, from: searchFrom, before: tokens[firstLine].start) {
                groups[index].kind = .footnote(number: number)
                searchFrom = callout.span.end
                expected += 1
                lastNote = index
                splitNotes(at: index, expected: &expected, searchFrom: &searchFrom, lastNote: &lastNote)
                continue
            }
            // An endnote continued after a blank line (pdftotext leaves one inside long notes).
            if let note = lastNote, inNotesSection || startsLowercase(tokens[firstLine]) {
                let lines = groups[index].lines
                groups[note].lines.append(contentsOf: lines)
                groups[index].mergedAway = true
                let before = groups.count
                var current: Int? = note
                splitNotes(at: note, expected: &expected, searchFrom: &searchFrom, lastNote: &current)
                lastNote = current
                index += groups.count - before  // groups inserted before `index` shift it
                continue
            }
            lastNote = nil
        }
    }

    /// Notes on consecutive lines share a group (no blank line between them): split the group
    /// where a line starts with the next expected number and that number has a call-out.
    private mutating func splitNotes(at index: Int, expected: inout Int, searchFrom: inout Int, lastNote: inout Int?) {
        var current = index
        var position = 1
        while position < groups[current].lines.count {
            let line = groups[current].lines[position]
            let token = tokens[line]
            if let (number, _) = LineText.leadingNoteNumber(token), number == expected,
               let callout = firstCallout(number: number, from: searchFrom, before: token.start) {
                let rest = Array(groups[current].lines[position...])
                groups[current].lines.removeSubrange(position...)
                groups.append(LineGroup(kind: .footnote(number: number), lines: rest))
                // Keep groups in source order: move the new group right after the current one.
                let moved = groups.removeLast()
                groups.insert(moved, at: current + 1)
                searchFrom = callout.span.end
                expected += 1
                current += 1
                lastNote = current
                position = 1
                continue
            }
            position += 1
        }
    }

    func startsLowercase(_ token: LineToken) -> Bool {
        guard let first = LineText.firstContent(token) else { return false }
        let byte = token.bytes[first]
        return (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "(")
    }

    /// The first candidate call-out of `number` in body lines between two source offsets.
    func firstCallout(number: Int, from: Int, before: Int) -> Callout? {
        for group in groups where !group.mergedAway {
            switch group.kind {
            case .paragraph, .listItem, .heading: break
            default: continue
            }
            for line in group.lines {
                let token = tokens[line]
                if token.end <= from { continue }
                if token.start >= before { return nil }
                if let callout = callout(number, inLine: line, from: from) { return callout }
            }
        }
        return nil
    }

    /// A call-out of `number` in one line at or after `from`: a bracketed number, else digits
    /// glued to a word.
    private func callout(_ number: Int, inLine line: Int, from: Int) -> Callout? {
        // The token is read in place: a copy of it retained its arrays.
        tokens.withUnsafeBufferPointer { tokens in
            for mark in tokens[line].marks where mark.start >= from {
                if case .bracketedNumber(let value) = mark.kind, value == number {
                    return Callout(number: number, span: ByteSpan(mark.start, mark.end), line: line, marked: true)
                }
            }
            if let span = gluedNumber(number, bytes: tokens[line].bytes, start: tokens[line].start,
                                      contentStart: tokens[line].contentStart, from: from) {
                return Callout(number: number, span: span, line: line, marked: false)
            }
            return nil
        }
    }

    /// `firstCallout(number:from:before:)` over `lines`, body lines in source order (groups
    /// do not change while call-outs are collected, so the list is built once).
    func firstCallout(number: Int, from: Int, before: Int, in lines: [Int]) -> Callout? {
        var low = 0
        var high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[lines[mid]].end <= from { low = mid + 1 } else { high = mid }
        }
        // Tokens read in place: a copy per line retained its arrays.
        for line in lines[low...] {
            if tokens[line].start + tokens[line].bytes.count <= from { continue }
            if tokens[line].start >= before { return nil }
            if let callout = callout(number, inLine: line, from: from) { return callout }
        }
        return nil
    }

    /// Digits equal to `number` glued to the end of a word or closing punctuation and followed
    /// by a space, punctuation or the line end: `OHCHR1 a`, `concession.18 As`, `Family3 was`.
    func gluedNumber(_ number: Int, in token: LineToken, from: Int) -> ByteSpan? {
        gluedNumber(number, bytes: token.bytes, start: token.start, contentStart: token.contentStart, from: from)
    }

    /// `gluedNumber(_:in:from:)` given the line's bytes, source start and content start: the
    /// call-out search passes the fields of a token read in place, where passing the token
    /// copied it (its two arrays retained and released) for every line searched.
    func gluedNumber(_ number: Int, bytes: [UInt8], start lineStart: Int, contentStart: Int, from: Int) -> ByteSpan? {
        var index = max(contentStart, from - lineStart)
        while index < bytes.count {
            // Most bytes are not digits: skip eight at a time to the next one.
            index = bytes.withUnsafeBufferPointer { Self.nextDigit($0, from: index) }
            guard index < bytes.count else { break }
            guard index > 0 else { index += 1; continue }
            let start = index
            var value = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 4 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            if value != number || index - start > 3 { continue }
            let before = bytes[start - 1]
            let gluedToWord = (before >= 0x61 && before <= 0x7A) || (before >= 0x41 && before <= 0x5A)
                || before == UInt8(ascii: ".") || before == UInt8(ascii: ",") || before == UInt8(ascii: ";")
                || before == UInt8(ascii: ")") || before == UInt8(ascii: ":")
                || (start >= 3 && bytes[start - 3] == 0xE2 && bytes[start - 2] == 0x80 && (before == 0x9D || before == 0x99))
            // Digits inside a number (`1,02,000`, `3.5`) are not a call-out.
            let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
            if before == UInt8(ascii: "."), start >= 2, isDigit(bytes[start - 2]) {
                // `in 2021.2 The` is a sentence end and a call-out; `3.5 per cent` is a number.
                let sentenceFollows = index == bytes.count || (index + 1 < bytes.count && bytes[index] == 0x20
                    && bytes[index + 1] >= 0x41 && bytes[index + 1] <= 0x5A)
                if !sentenceFollows { continue }
            }
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "."), isDigit(bytes[index + 1]) { continue }
            // pdftotext sometimes detaches the superscript: `the victim. 4 An offence`.
            let detached = before == 0x20 && start >= 2
                && (bytes[start - 2] == UInt8(ascii: ".") || bytes[start - 2] == UInt8(ascii: ";") || bytes[start - 2] == UInt8(ascii: ","))
                && (index == bytes.count || bytes[index] == 0x20)
            // …or leaves it alone at the end of a line after a word (`Criminal Procedure Act 11`),
            // unless the word is one that numbers take (`Article 11`, `para. 11`).
            let lineFinal = before == 0x20 && index == bytes.count && start >= 2 && isWordEnd(bytes, start - 1)
                && !Self.numberingWords.contains(lastWord(bytes, before: start - 1))
            // …or after an acronym the note spells out (`the EUAA 39 offers`).
            let afterAcronym = before == 0x20 && start >= 3 && index + 1 < bytes.count && bytes[index] == 0x20
                && bytes[index + 1] >= 0x61 && bytes[index + 1] <= 0x7A && isAcronym(lastWord(bytes, before: start - 1, lowercased: false))
            guard gluedToWord || detached || lineFinal || afterAcronym else { continue }
            // A digit after a letter inside a token (`HR2HE`, `G7`) is not a call-out: demand
            // that the word before is at least two letters long or ends with punctuation, and
            // that nothing but space or punctuation follows.
            if index < bytes.count {
                let after = bytes[index]
                let endsToken = after == 0x20 || after == 0x09 || after == UInt8(ascii: ".") || after == UInt8(ascii: ",")
                    || after == UInt8(ascii: ";") || after == UInt8(ascii: ":") || after == UInt8(ascii: ")")
                guard endsToken else { continue }
            }
            if before >= 0x41 && before <= 0x5A, start >= 2, bytes[start - 2] == 0x20 || bytes[start - 2] == UInt8(ascii: "-") {
                continue  // `A 1`-like codes: one capital then digits
            }
            return ByteSpan(lineStart + start, lineStart + index)
        }
        return nil
    }

    /// The first index at or after `from` holding an ASCII digit, or `bytes.count`.
    ///
    /// Sixteen bytes a step on SSE2, landing on the exact digit (digits are `v - 0x30 <= 9`
    /// unsigned, as `min(v - 0x30, 9) == v - 0x30`), then eight a step in words, then bytes.
    /// `vectors: false` gives the portable path alone (tests).
    @inline(__always)
    static func nextDigit(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, vectors: Bool = true) -> Int {
        var index = from
        #if arch(x86_64)
        if vectors, let base = bytes.baseAddress {
            let zero = _mm_set1_epi8(0x30)
            let nine = _mm_set1_epi8(9)
            while index &+ 16 <= bytes.count {
                let vector = _mm_loadu_si128(UnsafeRawPointer(base + index).assumingMemoryBound(to: __m128i_u.self))
                let offset = _mm_sub_epi8(vector, zero)
                let lanes = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(offset, nine), offset))
                if lanes != 0 { return index &+ Int(lanes.trailingZeroBitCount) }
                index &+= 16
            }
        }
        #endif
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count, ByteWords.between(ByteWords.load(base, index), 0x30, 0x39) == 0 { index += 8 }
        }
        while index < bytes.count, !(bytes[index] >= 0x30 && bytes[index] <= 0x39) { index += 1 }
        return index
    }

    /// Words after which a number is a number, not a call-out.
    static let numberingWords: Set<String> = [
        "article", "articles", "art", "art.", "paragraph", "para", "para.", "paras.", "section", "chapter", "annex",
        "exhibit", "no", "no.", "nos.", "resolution", "page", "pages", "p.", "pp.", "recommendation", "recommendations",
        "rule", "principle", "question", "item", "point", "part", "volume", "vol.", "article.", "to", "and", "of",
    ]

    /// Whether the byte before `space` ends a word (a letter).
    func isWordEnd(_ bytes: [UInt8], _ space: Int) -> Bool {
        let byte = bytes[space - 1]
        return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// The word that ends just before `space` (lower-cased unless asked otherwise).
    func lastWord(_ bytes: [UInt8], before space: Int, lowercased: Bool = true) -> String {
        var start = space
        while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
        let word = String(decoding: bytes[start..<space], as: UTF8.self)
        return lowercased ? word.lowercased() : word
    }

    /// Two to eight capital letters: `EUAA`, `OHCHR`.
    func isAcronym(_ word: String) -> Bool {
        (2...8).contains(word.utf8.count) && word.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// Every call-out of every footnote, in source order. Inferred glued call-outs are matched
    /// in sequence; explicit and bracketed ones wherever they occur.
    func callouts(for numbers: [Int]) -> [Int: [Callout]] {
        var result: [Int: [Callout]] = [:]
        let wanted = Set(numbers)
        // Groups and tokens are read in place: copies of them retained their arrays.
        tokens.withUnsafeBufferPointer { tokens in
            for group in groups.indices where !groups[group].mergedAway {
                if case .footnote = groups[group].kind { continue }
                // By index: iterating the arrays retained each of them.
                for position in groups[group].lines.indices {
                    let line = groups[group].lines[position]
                    for index in tokens[line].marks.indices {
                        let mark = tokens[line].marks[index]
                        switch mark.kind {
                        case .callout(let number) where wanted.contains(number),
                             .bracketedNumber(let number) where wanted.contains(number):
                            result[number, default: []].append(Callout(number: number, span: ByteSpan(mark.start, mark.end), line: line, marked: true))
                        default: break
                        }
                    }
                }
            }
        }
        // Notes with no marked call-out: look for glued digits, in order. Each note's start is
        // looked up in a table built once: searching `groups` per note made 3,000 notes without
        // call-outs take 10 s (quadratic).
        var noteStarts: [Int: Int] = [:]
        for group in groups.indices {
            if case .footnote(let number) = groups[group].kind, noteStarts[number] == nil, let line = groups[group].lines.first {
                noteStarts[number] = tokens[line].start
            }
        }
        // Body lines in source order, so each search starts at `from` by binary search instead
        // of walking every group from the first.
        var bodyLines: [Int] = []
        var bodyCount = 0
        for group in groups.indices where !groups[group].mergedAway {
            switch groups[group].kind {
            case .paragraph, .listItem, .heading: bodyCount += groups[group].lines.count
            default: continue
            }
        }
        // Exactly the room needed (a line per token would hold the blank lines too).
        bodyLines.reserveCapacity(bodyCount)
        for group in groups.indices where !groups[group].mergedAway {
            switch groups[group].kind {
            case .paragraph, .listItem, .heading:
                // By index: `append(contentsOf:)` retained each group's array and called memcpy
                // for what is mostly one line.
                for position in groups[group].lines.indices { bodyLines.append(groups[group].lines[position]) }
            default: continue
            }
        }
        var from = 0
        for number in numbers.sorted() {
            if let found = result[number]?.first { from = found.span.end; continue }
            let noteStart = noteStarts[number] ?? Int.max
            if let callout = firstCallout(number: number, from: from, before: noteStart, in: bodyLines) {
                result[number] = [callout]
                from = callout.span.end
            }
        }
        return result
    }
}
