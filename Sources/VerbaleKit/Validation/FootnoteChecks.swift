/// Footnotes: call-outs without notes, notes without call-outs, duplicate, skipped or
/// out-of-order numbers, empty notes.
enum FootnoteChecks {
    static func run(_ context: ValidationContext) -> [Diagnostic] {
        let notes = context.document.footnotes.sorted { $0.start != $1.start ? $0.start < $1.start : $0.number < $1.number }
        guard !notes.isEmpty else { return [] }
        var found: [Diagnostic] = []
        // A note with no text span but with call-outs is how the model records a call-out whose
        // note never appears.
        let written = notes.filter { $0.end > $0.start }
        for note in notes where note.end <= note.start {
            guard let callout = note.references.first else { continue }
            found.append(DiagnosticCode.footnoteMissingNote.diagnostic(
                "footnote call-out \(note.number) has no note: no footnote \(note.number) appears in the document", callout))
        }
        let numbersWithText = Set(written.map(\.number))
        // Point at a note's marker (`<sup>5</sup>`, `[^5]:`), not its whole text: the marker
        // is what is wrong, and a one-line caret reads better than a paragraph of them.
        // The tables below are only looked up (the call-outs' numbers are sorted before they
        // are walked): each is sized once for the notes rather than regrown and rehashed.
        var footnoteBlockStarts: [Int: [Int]] = [:]
        footnoteBlockStarts.reserveCapacity(notes.count)
        for index in context.blocks.indices where context.blocks[index].kind == .footnote {
            if let number = context.blocks[index].footnote { footnoteBlockStarts[number, default: []].append(context.blocks[index].start) }
        }
        func markerSpan(_ note: Footnote) -> ByteSpan {
            let textStart = footnoteBlockStarts[note.number]?.first { $0 >= note.start && $0 < note.end }
            if let textStart, textStart > note.start { return ByteSpan(note.start, textStart) }
            return ByteSpan(note.start, min(note.end, note.start + 1))
        }
        // Each marker once: both passes below point at it.
        let markers = written.map(markerSpan)
        for (note, span) in zip(written, markers) {
            if isBlank(note.text) {
                found.append(DiagnosticCode.footnoteEmpty.diagnostic("footnote \(note.number) has no text", span))
            }
            if note.references.isEmpty {
                found.append(DiagnosticCode.footnoteUnreferenced.diagnostic(
                    "footnote \(note.number) is never called out in the text", span))
            }
        }
        // Numbers of notes as they appear: duplicates, going back, skipping.
        // The start of the first note of each number (all that a repeat's message needs: no
        // copy of the note).
        var firstNote: [Int: Int] = [:]
        firstNote.reserveCapacity(written.count)
        var previous: Int? = nil
        for (note, span) in zip(written, markers) {
            if let earlier = firstNote[note.number] {
                found.append(DiagnosticCode.footnoteDuplicate.diagnostic(
                    "footnote number \(note.number) is used twice (first note on line \(context.line(earlier)))", span))
                continue
            }
            firstNote[note.number] = note.start
            if let last = previous {
                if note.number < last {
                    found.append(DiagnosticCode.footnoteOrder.diagnostic(
                        "footnote \(note.number) comes after footnote \(last): notes are out of order", span))
                } else if note.number > last + 1 {
                    let missing = ((last + 1)..<note.number).filter { !numbersWithText.contains($0) }
                    if !missing.isEmpty {
                        let names = missing.count == 1 ? "footnote \(missing[0]) is" : "footnotes \(missing.first!)–\(missing.last!) are"
                        found.append(DiagnosticCode.footnoteOrder.diagnostic(
                            "footnotes jump from \(last) to \(note.number): \(names) missing", span))
                    }
                }
            }
            previous = max(previous ?? note.number, note.number)
        }
        // Call-outs: the first call-out of each note must come after the first call-out of the
        // note numbered one less (later call-outs may repeat an earlier note).
        var firstCallout: [Int: ByteSpan] = [:]
        firstCallout.reserveCapacity(notes.count)
        for note in notes {
            if let first = note.references.min(), firstCallout[note.number].map({ first < $0 }) ?? true {
                firstCallout[note.number] = first
            }
        }
        for number in firstCallout.keys.sorted() {
            guard let mine = firstCallout[number], let before = firstCallout[number - 1], mine.start < before.start else { continue }
            found.append(DiagnosticCode.footnoteOrder.diagnostic(
                "call-out \(number) comes before call-out \(number - 1) (line \(context.line(before.start))): footnote call-outs are out of order",
                mine))
        }
        return found
    }

    static func isBlank(_ text: String) -> Bool {
        // ASCII answered from the bytes (its white space is tab to carriage return and the
        // space): most notes and responses fail at their first letter. Any other byte sends
        // the text to Unicode's properties.
        var sawOther = false
        for byte in text.utf8 {
            if byte >= 0x80 { sawOther = true; break }
            guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") else { return false }
        }
        if !sawOther { return true }
        return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "*" || $0 == "_" }
    }
}
