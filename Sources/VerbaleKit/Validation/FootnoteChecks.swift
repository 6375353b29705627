/// Footnotes: call-outs without notes, notes without call-outs, duplicate, skipped or
/// out-of-order numbers, empty notes.
enum FootnoteChecks {
    /// A table by footnote number: an array when every number is small (the usual case,
    /// numbers run 1, 2, 3, …), a dictionary otherwise. Hashing a number per look-up, and
    /// sizing a table per document, cost more than the checks that read them.
    struct ByNumber<Value> {
        /// Values by number, when every number lies in `0..<values.count`.
        private var values: [Value?]
        /// Values by number otherwise.
        private var table: [Int: Value] = [:]
        /// Whether `values` is used.
        private let dense: Bool

        /// An empty table for numbers `numbers` may hold.
        init(numbers: some Sequence<Int>, count: Int) {
            var low = 0
            var high = -1
            for number in numbers {
                low = min(low, number)
                high = max(high, number)
            }
            dense = low >= 0 && high < 4 * count + 64
            values = [Value?](repeating: nil, count: dense ? high + 1 : 0)
        }

        /// The value of `number`, if any.
        subscript(number: Int) -> Value? {
            get {
                if dense { return number >= 0 && number < values.count ? values[number] : nil }
                return table[number]
            }
            set {
                if dense { values[number] = newValue } else { table[number] = newValue }
            }
        }

        /// Whether the table can hold `number` (a dense one holds the numbers it was made for).
        func holds(_ number: Int) -> Bool { !dense || (number >= 0 && number < values.count) }

        /// Changes the value of `number` (which the table holds) in place, from `initial`
        /// when it has none.
        mutating func update(_ number: Int, initial: Value, _ change: (inout Value) -> Void) {
            if dense {
                if values[number] == nil { values[number] = initial }
                change(&values[number]!)
            } else {
                change(&table[number, default: initial])
            }
        }

        /// The numbers with a value, in increasing order.
        func sortedNumbers() -> [Int] {
            if dense { return values.indices.filter { values[$0] != nil } }
            return table.keys.sorted()
        }
    }

    static func run(_ context: ValidationContext) -> [Diagnostic] {
        let footnotes = context.document.footnotes
        // The notes in order, by index: each is read in place (a copy retains its strings
        // and references). The same comparisons in the same sort give the same order.
        let notes = footnotes.indices.sorted {
            footnotes[$0].start != footnotes[$1].start ? footnotes[$0].start < footnotes[$1].start : footnotes[$0].number < footnotes[$1].number
        }
        guard !notes.isEmpty else { return [] }
        var found: [Diagnostic] = []
        // A note with no text span but with call-outs is how the model records a call-out whose
        // note never appears.
        let written = notes.filter { footnotes[$0].end > footnotes[$0].start }
        for note in notes where footnotes[note].end <= footnotes[note].start {
            guard let callout = footnotes[note].references.first else { continue }
            let number = footnotes[note].number
            found.append(DiagnosticCode.footnoteMissingNote.diagnostic(
                "footnote call-out \(number) has no note: no footnote \(number) appears in the document", callout))
        }
        let allNumbers = notes.lazy.map { footnotes[$0].number }
        var numbersWithText = ByNumber<Bool>(numbers: allNumbers, count: notes.count)
        for note in written { numbersWithText[footnotes[note].number] = true }
        // Point at a note's marker (`<sup>5</sup>`, `[^5]:`), not its whole text: the marker
        // is what is wrong, and a one-line caret reads better than a paragraph of them.
        // Footnote blocks of numbers that have no note are never asked for.
        var footnoteBlockStarts = ByNumber<[Int]>(numbers: allNumbers, count: notes.count)
        let parts = context.document.parts
        for part in parts.indices {
            for block in parts[part].blocks.indices where parts[part].blocks[block].kind == .footnote {
                if let number = parts[part].blocks[block].footnote {
                    // A number no note has is never looked up.
                    guard footnoteBlockStarts.holds(number) else { continue }
                    let start = parts[part].blocks[block].start
                    footnoteBlockStarts.update(number, initial: []) { $0.append(start) }
                }
            }
        }
        func markerSpan(_ note: Int) -> ByteSpan {
            let start = footnotes[note].start
            let end = footnotes[note].end
            let textStart = footnoteBlockStarts[footnotes[note].number]?.first { $0 >= start && $0 < end }
            if let textStart, textStart > start { return ByteSpan(start, textStart) }
            return ByteSpan(start, min(end, start + 1))
        }
        // Each marker once: both passes below point at it.
        let markers = written.map(markerSpan)
        for (note, span) in zip(written, markers) {
            if isBlank(footnotes[note].text) {
                found.append(DiagnosticCode.footnoteEmpty.diagnostic("footnote \(footnotes[note].number) has no text", span))
            }
            if footnotes[note].references.isEmpty {
                found.append(DiagnosticCode.footnoteUnreferenced.diagnostic(
                    "footnote \(footnotes[note].number) is never called out in the text", span))
            }
        }
        // Numbers of notes as they appear: duplicates, going back, skipping.
        // The start of the first note of each number (all that a repeat's message needs).
        var firstNote = ByNumber<Int>(numbers: allNumbers, count: notes.count)
        var previous: Int? = nil
        for (note, span) in zip(written, markers) {
            let number = footnotes[note].number
            if let earlier = firstNote[number] {
                found.append(DiagnosticCode.footnoteDuplicate.diagnostic(
                    "footnote number \(number) is used twice (first note on line \(context.line(earlier)))", span))
                continue
            }
            firstNote[number] = footnotes[note].start
            if let last = previous {
                if number < last {
                    found.append(DiagnosticCode.footnoteOrder.diagnostic(
                        "footnote \(number) comes after footnote \(last): notes are out of order", span))
                } else if number > last + 1 {
                    let missing = ((last + 1)..<number).filter { numbersWithText[$0] == nil }
                    if !missing.isEmpty {
                        let names = missing.count == 1 ? "footnote \(missing[0]) is" : "footnotes \(missing.first!)–\(missing.last!) are"
                        found.append(DiagnosticCode.footnoteOrder.diagnostic(
                            "footnotes jump from \(last) to \(number): \(names) missing", span))
                    }
                }
            }
            previous = max(previous ?? number, number)
        }
        // Call-outs: the first call-out of each note must come after the first call-out of the
        // note numbered one less (later call-outs may repeat an earlier note).
        var firstCallout = ByNumber<ByteSpan>(numbers: allNumbers, count: notes.count)
        for note in notes {
            let number = footnotes[note].number
            if let first = footnotes[note].references.min(), firstCallout[number].map({ first < $0 }) ?? true {
                firstCallout[number] = first
            }
        }
        for number in firstCallout.sortedNumbers() {
            guard let mine = firstCallout[number], let before = firstCallout[number - 1], mine.start < before.start else { continue }
            found.append(DiagnosticCode.footnoteOrder.diagnostic(
                "call-out \(number) comes before call-out \(number - 1) (line \(context.line(before.start))): footnote call-outs are out of order",
                mine))
        }
        return found
    }

    /// `isBlank` on UTF-8 bytes: ASCII answered from the bytes, a `String` made only when
    /// another byte comes before the first letter.
    static func isBlank(utf8 bytes: [UInt8]) -> Bool {
        for byte in bytes {
            if byte >= 0x80 { return isBlank(String(decoding: bytes, as: UTF8.self)) }
            guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") else { return false }
        }
        return true
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
