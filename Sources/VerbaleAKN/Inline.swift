internal import CLibXML2
import VerbaleKit

/// An inline element put around a known string of a block (docNumber, docDate, date, person).
struct Mark {
    enum Kind {
        case docNumber
        case docDate(String)
        case date(String)
        case person(ref: String, role: String?)
    }
    var kind: Kind
    /// The text to wrap, found by search in the block's text.
    var needle: String
}

/// One inline item located in a block's text (UTF-8 byte offsets).
private struct Item {
    enum Kind {
        case note(Int)
        case citation(Int)
        case mark(Int)
    }
    var start: Int
    var end: Int
    var kind: Kind
    /// Sort rank at equal start: a call-out before a range starting at the same place.
    var rank: Int
}

/// Per-container counters for inline eIds (`para_3__ref_2`). These skip the uniqueness set: the
/// container's eId is unique, and `container__ref_N` cannot equal a paragraph eId (no `__`), a
/// TLC eId (fixed names) or another container's inline eId.
private struct Counters {
    var ref = 0
    var rref = 0
    var mref = 0
    var person = 0
}

extension AKNWriter {
    /// Writes a flow block as `p eId="para_N"` with its inline items; returns the marks placed.
    @discardableResult
    mutating func writeBlockP(_ plan: Plan, _ block: Int, marks: [Mark], signature: Bool = false, _ state: inout WriteState) -> [Mark] {
        let before = replacedCharacters
        let eId = paraEId(plan.blocks[block].id)
        open("p")
        attribute("eId", eId)
        switch plan.blocks[block].kind {
        case .heading: attribute("class", static: "heading")
        case .unclassified: attribute("class", static: "unclassified")
        case .address: attribute("class", static: "address")
        case .salutation: attribute("class", static: "salutation")
        case .letterhead: attribute("class", static: "letterhead")
        case .dateline: attribute("class", static: "dateline")
        case .reference: attribute("class", static: "reference")
        default: break
        }
        if signature { openInline("signature") }
        let placed = writeInline(plan, block, container: eId, marks: marks, notes: true, &state)
        if signature { closeInline() }
        close()
        reportReplaced(since: before, plan, block)
        return placed
    }

    private mutating func reportReplaced(since before: Int, _ plan: Plan, _ block: Int) {
        guard replacedCharacters != before else { return }
        diagnostics.append(Diagnostic(
            code: "akn-invalid-character", severity: .warning,
            message: "\(plan.blocks[block].id) contains characters XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF); replaced by U+FFFD",
            span: ByteSpan(plan.blocks[block].start, plan.blocks[block].end)))
    }

    /// Writes the text of `block` with its call-outs, citations and marks as inline elements.
    @discardableResult
    private mutating func writeInline(_ plan: Plan, _ block: Int, container: String, marks: [Mark], notes: Bool, _ state: inout WriteState) -> [Mark] {
        // The mapped bytes are the block's text with a map to the source: exact placement. A
        // block built without a map (hand-made models) falls back to its `text` and searching.
        let useMap = plan.blocks[block].mapped.count > 0 || plan.blocks[block].text.isEmpty
        // Most blocks have nothing inline: write their text and skip the placement machinery.
        if marks.isEmpty, plan.citationsByBlock[block].isEmpty, !notes || plan.calloutsByBlock[block].isEmpty {
            if useMap {
                plan.blocks[block].mapped.bytes.withUnsafeBufferPointer { text($0[...]) }
            } else {
                var string = plan.blocks[block].text
                string.withUTF8 { text($0[...]) }
            }
            return []
        }
        var placedMarks: [Mark] = []
        func body(_ writer: inout AKNWriter, _ buffer: UnsafeBufferPointer<UInt8>) {
            let (items, dropped) = writer.locate(plan, block, buffer, useMap: useMap, marks: marks, notes: notes)
            for index in dropped {
                let citation = plan.citations[index]
                writer.diagnostics.append(Diagnostic(
                    code: "akn-citation-unplaced", severity: .note,
                    message: "\(citation.id) \"\(citation.text)\" overlaps another citation or is not in the text of \(plan.blocks[block].id); written as plain text",
                    span: citation.span))
            }
            var counters = Counters()
            var cursor = 0
            for item in items {
                writer.text(buffer[cursor..<item.start])
                switch item.kind {
                case .note(let callout):
                    let note = plan.calloutsByBlock[block][callout].note
                    writer.writeNote(plan, note, container: container, &state)
                case .citation(let index):
                    writer.writeCitation(plan, index, buffer[item.start..<item.end], container: container, &counters)
                case .mark(let index):
                    writer.writeMark(marks[index], buffer[item.start..<item.end], container: container, &counters)
                    placedMarks.append(marks[index])
                }
                cursor = item.end
            }
            writer.text(buffer[cursor..<buffer.count])
        }
        if useMap {
            plan.blocks[block].mapped.bytes.withUnsafeBufferPointer { body(&self, $0) }
        } else {
            var string = plan.blocks[block].text
            string.withUTF8 { body(&self, $0) }
        }
        return placedMarks
    }

    /// Finds the inline items of a block in its text and drops overlaps (first, longest wins).
    ///
    /// With the block's byte map, citations and call-outs are placed exactly: a source offset
    /// maps to the first text byte at or after it (call-outs are stripped from the text, so that
    /// is the byte after the call-out). Without a map, citations are found by searching their
    /// text in order, and call-outs by proportional position snapped to a word end.
    private func locate(_ plan: Plan, _ block: Int, _ text: UnsafeBufferPointer<UInt8>, useMap: Bool, marks: [Mark], notes: Bool) -> (items: [Item], dropped: [Int]) {
        guard !plan.citationsByBlock[block].isEmpty || !marks.isEmpty || (notes && !plan.calloutsByBlock[block].isEmpty) else { return ([], []) }
        var dropped: [Int] = []
        let inverse = useMap ? InverseMap(plan.blocks[block].mapped) : nil
        var ranges: [Item] = []
        var cursor = 0
        for index in plan.citationsByBlock[block] {
            let span = plan.citations[index].span
            if let inverse {
                let start = inverse.textOffset(span.start)
                let end = inverse.textOffset(span.end)
                if end > start {
                    ranges.append(Item(start: start, end: end, kind: .citation(index), rank: 1))
                    continue
                }
            }
            let needle = plan.citations[index].text
            if let found = find(needle, in: text, from: cursor) ?? find(needle, in: text, from: 0) {
                ranges.append(Item(start: found, end: found + needle.utf8.count, kind: .citation(index), rank: 1))
                cursor = found + needle.utf8.count
            } else {
                dropped.append(index)
            }
        }
        ranges.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var items: [Item] = []
        var end = 0
        for range in ranges {
            guard range.start >= end && range.end > range.start else {
                // Overlaps the citation before it: elements cannot interleave.
                if case .citation(let index) = range.kind { dropped.append(index) }
                continue
            }
            items.append(range)
            end = range.end
        }
        // Marks (docNumber, date, person) yield to citations: what they carry is restated
        // elsewhere when they cannot be placed.
        for (index, mark) in marks.enumerated() {
            guard let found = findToken(mark.needle, in: text, from: 0) else { continue }
            let markEnd = found + mark.needle.utf8.count
            guard markEnd > found, !items.contains(where: { $0.start < markEnd && found < $0.end }) else { continue }
            items.append(Item(start: found, end: markEnd, kind: .mark(index), rank: 2))
        }
        items.sort { $0.start < $1.start }
        let callouts = plan.calloutsByBlock[block]
        guard notes, !callouts.isEmpty else { return (items, dropped) }
        var notesAt: [Item] = []
        for (index, callout) in callouts.enumerated() {
            var position = inverse?.textOffset(callout.span.start) ?? estimate(callout.span.start, plan.blocks[block], text)
            // `word [2] Next` reads `word Next` once the call-out is stripped: the note belongs
            // to the word before the space, not to the word after it.
            if position > 0, position <= text.count, text[position - 1] == 0x20 { position -= 1 }
            // A call-out inside a citation goes after it: elements cannot interleave.
            for item in items where position > item.start && position < item.end {
                position = item.end
                // Without a map the guess was rough: finish the word (`12.`) the citation ends in.
                if inverse == nil {
                    while position < text.count, text[position] != 0x20 { position += 1 }
                }
            }
            notesAt.append(Item(start: position, end: position, kind: .note(index), rank: 0))
        }
        return ((items + notesAt).sorted { $0.start != $1.start ? $0.start < $1.start : $0.rank < $1.rank }, dropped)
    }

    /// Text offset of source offset `offset` in `block`: its share of the block's source bytes,
    /// scaled to the text, then moved to the nearest word end (a call-out follows a word or
    /// punctuation, never starts one).
    private func estimate(_ offset: Int, _ block: Block, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        var before = 0
        var total = 0
        for span in block.spans {
            total += span.count
            if offset >= span.end { before += span.count } else if offset > span.start { before += offset - span.start }
        }
        guard total > 0, text.count > 0 else { return text.count }
        let guess = min(text.count, before * text.count / total)
        func isWordEnd(_ position: Int) -> Bool {
            if position == text.count { return true }
            guard position > 0 else { return false }
            return text[position] == 0x20 && text[position - 1] != 0x20
        }
        var distance = 0
        while distance <= text.count {
            if guess + distance <= text.count, isWordEnd(guess + distance) { return guess + distance }
            if guess - distance >= 0, isWordEnd(guess - distance) { return guess - distance }
            distance += 1
        }
        return text.count
    }

    /// First byte offset of `needle` in `text` at or after `from`.
    private func find(_ needle: String, in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard let first = pattern.first, pattern.count <= text.count else { return nil }
            var index = from
            let last = text.count - pattern.count
            while index <= last {
                if text[index] == first {
                    var match = true
                    for offset in 1..<pattern.count where text[index + offset] != pattern[offset] {
                        match = false
                        break
                    }
                    if match { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// Writes a footnote at a call-out: the note itself the first time, a `noteRef` after.
    mutating func writeNote(_ plan: Plan, _ note: Int, container: String, _ state: inout WriteState) {
        let footnote = plan.document.footnotes[note]
        let marker = String(footnote.number)
        openInline("sup")
        if let existing = state.noteEIds[note] {
            openInline("noteRef")
            attribute("href", "#" + existing)
            attribute("marker", marker)
            closeInline()
            closeInline()
            return
        }
        let eId = uniqueEId(container + "__authorialNote_" + Names.eIdComponent(marker))
        state.noteEIds[note] = eId
        openInline("authorialNote")
        attribute("marker", marker)
        attribute("placement", static: "bottom")
        attribute("eId", eId)
        let content = plan.noteContent[note]
        if content.isEmpty {
            openInline("p")
            text(footnote.text)
            closeInline()
        }
        for block in content {
            let before = replacedCharacters
            openInline("p")
            // Call-outs inside a note's own text are not placed: a note cannot contain itself.
            writeInline(plan, block, container: eId, marks: [], notes: false, &state)
            closeInline()
            reportReplaced(since: before, plan, block)
        }
        closeInline()
        closeInline()
    }

    fileprivate mutating func writeCitation(_ plan: Plan, _ index: Int, _ bytes: Slice<UnsafeBufferPointer<UInt8>>, container: String, _ counters: inout Counters) {
        let refersTo = plan.instrumentOf[index]
        switch plan.shapes[index] {
        case .text:
            text(bytes)
        case .ref(let href):
            counters.ref += 1
            openInline("ref")
            attribute("eId", container, "__ref_", counters.ref)
            target("href", href, plan)
            if let refersTo { attribute("refersTo", "#" + refersTo) }
            text(bytes)
            closeInline()
        case .rref(let from, let upTo):
            counters.rref += 1
            openInline("rref")
            attribute("eId", container, "__rref_", counters.rref)
            target("from", from, plan)
            target("upTo", upTo, plan)
            if let refersTo { attribute("refersTo", "#" + refersTo) }
            text(bytes)
            closeInline()
        case .mref(let targets, let fallback):
            counters.mref += 1
            let eId = container + "__mref_\(counters.mref)"
            openInline("mref")
            attribute("eId", eId)
            if let refersTo { attribute("refersTo", "#" + refersTo) }
            // Each listed element becomes a ref around its number, found in order as a whole token.
            let local = UnsafeBufferPointer(rebasing: bytes)
            var found: [(Int, Int, Target)] = []
            var cursor = 0
            for target in targets {
                guard let at = findToken(target.label, in: local, from: cursor) else { found = []; break }
                found.append((at, at + target.label.utf8.count, target.target))
                cursor = at + target.label.utf8.count
            }
            if found.isEmpty {
                openInline("ref")
                attribute("eId", eId, "__ref_", 1)
                target("href", fallback, plan)
                text(bytes)
                closeInline()
            } else {
                var position = 0
                for (number, (start, end, href)) in found.enumerated() {
                    text(local[position..<start])
                    openInline("ref")
                    attribute("eId", eId, "__ref_", number + 1)
                    target("href", href, plan)
                    text(local[start..<end])
                    closeInline()
                    position = end
                }
                text(local[position..<local.count])
            }
            closeInline()
        }
    }

    /// `find`, accepting only matches not glued to other letters or digits (`4` in `Art. 4,`
    /// but not in `14`).
    private func findToken(_ token: String, in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var from = from
        let length = token.utf8.count
        func isAlnum(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
        while let at = find(token, in: text, from: from) {
            let beforeOK = at == 0 || !isAlnum(text[at - 1])
            let afterOK = at + length >= text.count || !isAlnum(text[at + length])
            if beforeOK && afterOK { return at }
            from = at + 1
        }
        return nil
    }

    fileprivate mutating func writeMark(_ mark: Mark, _ bytes: Slice<UnsafeBufferPointer<UInt8>>, container: String, _ counters: inout Counters) {
        switch mark.kind {
        case .docNumber:
            openInline("docNumber")
        case .docDate(let date):
            openInline("docDate")
            attribute("date", date)
        case .date(let date):
            openInline("date")
            attribute("date", date)
        case .person(let ref, let role):
            counters.person += 1
            openInline("person")
            attribute("refersTo", "#" + ref)
            if let role { attribute("as", "#" + role) }
            attribute("eId", container, "__person_", counters.person)
        }
        text(bytes)
        closeInline()
    }
}

/// Source offset → text offset for one block's `MappedText`, which only maps text → source.
///
/// The map is piecewise `source = text + gap`, the gap growing only where markup was stripped, so
/// the answer for source `s` lies in `[s - first - slack, s - first]` (`slack`: all bytes stripped
/// from the block); a binary search over that short window needs a handful of probes instead of
/// a search over the whole text.
struct InverseMap {
    /// The block's map, held once (passing it per query retained its three arrays each time).
    let map: MappedText
    let first: Int
    let slack: Int
    let count: Int

    init(_ map: MappedText) {
        self.map = map
        count = map.count
        first = count > 0 ? map.sourceOffset(0) : 0
        slack = count > 0 ? max(0, map.sourceOffset(count - 1) + 1 - first - count) : 0
    }

    /// The first text offset whose source offset is at or after `source`, clamped to the text.
    func textOffset(_ source: Int) -> Int {
        let windowHigh = min(count, max(0, source - first))
        let windowLow = min(windowHigh, max(0, source - first - slack))
        var low = windowLow
        var high = windowHigh
        while low < high {
            let mid = (low + high) / 2
            if map.sourceOffset(mid) < source { low = mid + 1 } else { high = mid }
        }
        // The search checked every point it moved past; only an answer on an edge of the window
        // is unproven. A line join can map a space one byte back and break the window's
        // assumption: then search the whole text.
        let lowEdgeOK = low != windowLow || low == 0 || map.sourceOffset(low - 1) < source
        let highEdgeOK = low != windowHigh || low == count || map.sourceOffset(low) >= source
        if lowEdgeOK && highEdgeOK { return low }
        low = 0
        high = count
        while low < high {
            let mid = (low + high) / 2
            if map.sourceOffset(mid) < source { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
