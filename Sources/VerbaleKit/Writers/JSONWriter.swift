/// Writes a document as JSON, schema `verbale/1` (published in `corpus/schema/verbale-1.schema.json`).
public enum JSONWriter {
    /// The schema identifier written in every document.
    public static let schema = "verbale/1"

    /// The JSON bytes of `document`, with a trailing newline. `indent` 0 writes one line.
    public static func write(_ document: Document, indent: Int = 1) -> [UInt8] {
        var out = JSONOutput(indent: indent, reserve: document.source.bytes * 3 + 4096)
        write(document, to: &out)
        return out.takeBytes()
    }

    /// Streams the JSON of `document` to `sink` a megabyte at a time.
    public static func write(_ document: Document, indent: Int = 1, sink: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        var out = JSONOutput(indent: indent, sink: sink)
        write(document, to: &out)
        out.flush()
    }

    private static func write(_ document: Document, to out: inout JSONOutput) {
        let lines = document.lineTable
        // Blocks, citations and the rest come in source order, each array from the start: the
        // line of one offset is found from the line of the one before.
        var line = 0
        func position(_ offset: Int) -> LineColumn { lines.location(of: offset, from: &line) }

        writeHeader(document, to: &out)
        out.key("parts"); out.beginArray()
        for index in document.parts.indices { writePart(document.parts[index], to: &out, position: position) }
        out.endArray()
        out.key("sections"); out.beginArray()
        document.sections.withUnsafeBufferPointer { items in
            guard let base = items.baseAddress else { return }
            for index in items.indices { writeSection(at: base + index, to: &out) }
        }
        out.endArray()
        out.key("questions"); out.beginArray()
        for question in document.questions { writeQuestion(question, to: &out, position: position) }
        out.endArray()
        out.key("footnotes"); out.beginArray()
        for footnote in document.footnotes { writeFootnote(footnote, to: &out, position: position) }
        out.endArray()
        out.key("citations"); out.beginArray()
        // Each citation read where it lies: passed as a value, every one was copied (a retain and
        // a release per field), from a `for` loop, an index or an unsafe buffer alike.
        document.citations.withUnsafeBufferPointer { citations in
            guard let base = citations.baseAddress else { return }
            for index in citations.indices { writeCitation(at: base + index, to: &out, position: position) }
        }
        out.endArray()
        out.key("definitions"); out.beginArray()
        document.definitions.withUnsafeBufferPointer { items in
            guard let base = items.baseAddress else { return }
            for index in items.indices { writeDefinition(at: base + index, to: &out, position: position) }
        }
        out.endArray()
        out.key("exhibits"); out.beginArray()
        for exhibit in document.exhibits { writeExhibit(exhibit, to: &out) }
        out.endArray()
        out.key("diagnostics"); out.beginArray()
        document.diagnostics.withUnsafeBufferPointer { items in
            guard let base = items.baseAddress else { return }
            for index in items.indices { writeDiagnostic(at: base + index, to: &out, position: position) }
        }
        out.endArray()
        out.endObject()
        out.raw(0x0A)
    }

    /// Opens the document object and writes the members before `parts`.
    static func writeHeader(_ document: Document, to out: inout JSONOutput) {
        out.beginObject()
        out.member("schema", schema)
        out.key("generator"); out.beginObject()
        out.member("name", "verbale")
        out.member("version", Verbale.version)
        out.endObject()
        out.key("source"); out.beginObject()
        out.member("path", document.source.path)
        out.member("bytes", int: document.source.bytes)
        out.member("sha256", document.source.sha256)
        out.member("format", document.source.format)
        out.member("encoding", document.source.encoding)
        out.endObject()
        out.member("language", document.language)
    }

    /// Writes one part object with its blocks.
    static func writePart(_ part: Part, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        out.beginObject()
        out.member("id", part.id)
        out.member("kind", part.kind.rawValue)
        out.member("start", int: part.start)
        out.member("end", int: part.end)
        out.member("language", part.language)
        out.member("date", ifPresent: part.date)
        out.member("dateText", ifPresent: part.dateText)
        out.member("place", ifPresent: part.place)
        out.member("from", ifPresent: part.from)
        out.member("to", ifPresent: part.to)
        out.member("reference", ifPresent: part.reference)
        if let signatory = part.signatory {
            out.key("signatory"); out.beginObject()
            out.member("name", signatory.name)
            out.member("title", ifPresent: signatory.title)
            out.endObject()
        }
        out.key("blocks"); out.beginArray()
        // Each block read where it lies: passed as a value, every one was copied (a retain and
        // a release per field).
        part.blocks.withUnsafeBufferPointer { blocks in
            guard let base = blocks.baseAddress else { return }
            for index in blocks.indices { writeBlock(at: base + index, to: &out, position: position) }
        }
        out.endArray()
        out.endObject()
    }

    /// Writes one block object.
    @inline(__always)
    private static func writeBlock(at block: UnsafePointer<Block>, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        let line = position(block.pointee.start).line
        // The mapped bytes when they are well-formed UTF-8 (they are, once the parser
        // has repaired them): no string to make and copy. Otherwise the text, whose
        // UTF-8 is valid by construction, so the JSON is valid whatever the input held.
        let mapped = !block.pointee.hasOwnText && block.pointee.mapped.isValidUTF8
        // The whole object through one cursor, unless the block has spans (few do: they need
        // the writer's arrays), a text to make, or a text so long that room for it escaped at
        // worst would outgrow a streaming writer's buffer.
        if mapped, block.pointee.spans.count <= 1, block.pointee.mapped.count <= 4096,
           out.withObject(measure: { blockMembers(block, line: line, to: &$0) },
                          write: { blockMembers(block, line: line, to: &$0) }) {
            return
        }
        out.beginObject()
        blockHead(block, to: &out)
        if block.pointee.spans.count > 1 {
            out.key("spans"); out.beginArray()
            for span in block.pointee.spans {
                out.beginArray(); out.int(span.start); out.int(span.end); out.endArray()
            }
            out.endArray()
        }
        blockTail(block, line: line, to: &out)
        if mapped { out.member("text", utf8: block.pointee.mapped.bytes) } else { out.member("text", block.pointee.text) }
        out.endObject()
    }

    /// The members of a block without spans whose text is its mapped bytes.
    @inline(__always)
    private static func blockMembers<Writer: JSONMemberWriter>(_ block: UnsafePointer<Block>, line: Int, to out: inout Writer) {
        blockHead(block, to: &out)
        blockTail(block, line: line, to: &out)
        out.member("text", utf8: block.pointee.mapped.bytes)
    }

    /// The members of a block before its spans.
    @inline(__always)
    private static func blockHead<Writer: JSONMemberWriter>(_ block: UnsafePointer<Block>, to out: inout Writer) {
        out.member("id", block.pointee.id)
        out.member("kind", block.pointee.kind.rawValue)
        out.member("start", int: block.pointee.start)
        out.member("end", int: block.pointee.end)
    }

    /// The members of a block between its spans and its text.
    @inline(__always)
    private static func blockTail<Writer: JSONMemberWriter>(_ block: UnsafePointer<Block>, line: Int, to out: inout Writer) {
        out.member("line", int: line)
        if let section = block.pointee.section { out.member("section", section) }
        if let level = block.pointee.level { out.member("level", int: level) }
        if let footnote = block.pointee.footnote { out.member("footnote", int: footnote) }
        if let question = block.pointee.question { out.member("question", question) }
        if let role = block.pointee.role { out.member("role", role) }
    }

    /// Writes one section object.
    static func writeSection(_ section: Section, to out: inout JSONOutput) {
        withUnsafePointer(to: section) { writeSection(at: $0, to: &out) }
    }

    /// Writes the section at `section`, read in place (passed as a value, it was copied).
    static func writeSection(at section: UnsafePointer<Section>, to out: inout JSONOutput) {
        if !out.withObject(measure: { sectionMembers(section, to: &$0) }, write: { sectionMembers(section, to: &$0) }) {
            out.beginObject()
            sectionMembers(section, to: &out)
            out.endObject()
        }
    }

    /// The members of a section object.
    @inline(__always)
    private static func sectionMembers<Writer: JSONMemberWriter>(_ section: UnsafePointer<Section>, to out: inout Writer) {
        out.member("id", section.pointee.id)
        if let number = section.pointee.number { out.member("number", number) }
        out.member("heading", section.pointee.heading)
        out.member("level", int: section.pointee.level)
        if let parent = section.pointee.parent { out.member("parent", parent) } else { out.memberNull("parent") }
        out.member("start", int: section.pointee.start)
        out.member("end", int: section.pointee.end)
    }

    /// Writes one question object.
    static func writeQuestion(_ question: Question, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        let line = position(question.start).line
        // Through the cursor unless the texts are so long that room for them escaped at worst
        // would outgrow a streaming writer's buffer.
        if question.questionUTF8.count &+ question.responseUTF8.count <= 4096,
           out.withObject(measure: { questionMembers(question, line: line, to: &$0) },
                          write: { questionMembers(question, line: line, to: &$0) }) {
            return
        }
        out.beginObject()
        questionMembers(question, line: line, to: &out)
        out.endObject()
    }

    /// The members of a question object.
    @inline(__always)
    private static func questionMembers<Writer: JSONMemberWriter>(_ question: Question, line: Int, to out: inout Writer) {
        out.member("id", question.id)
        out.member("numbers", ints: question.numbers)
        out.member("start", int: question.start)
        out.member("end", int: question.end)
        out.member("line", int: line)
        if let responseStart = question.responseStart { out.member("responseStart", int: responseStart) }
        out.member("question", utf8: question.questionUTF8)
        out.member("response", utf8: question.responseUTF8)
    }

    /// Writes one footnote object with its call-outs.
    static func writeFootnote(_ footnote: Footnote, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        out.beginObject()
        out.member("id", footnote.id)
        out.member("number", int: footnote.number)
        out.member("start", int: footnote.start)
        out.member("end", int: footnote.end)
        out.member("line", int: position(footnote.start).line)
        out.key("references"); out.beginArray()
        for reference in footnote.references {
            let location = position(reference.start)
            out.beginObject()
            out.member("start", int: reference.start)
            out.member("end", int: reference.end)
            out.member("line", int: location.line)
            out.member("column", int: location.column)
            out.endObject()
        }
        out.endArray()
        out.member("text", footnote.text)
        out.endObject()
    }

    /// Writes one definition object.
    static func writeDefinition(_ definition: Definition, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        withUnsafePointer(to: definition) { writeDefinition(at: $0, to: &out, position: position) }
    }

    /// Writes the definition at `definition`, read in place (passed as a value, it was copied).
    static func writeDefinition(at definition: UnsafePointer<Definition>, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        let line = position(definition.pointee.start).line
        if !out.withObject(measure: { definitionMembers(definition, line: line, to: &$0) },
                           write: { definitionMembers(definition, line: line, to: &$0) }) {
            out.beginObject()
            definitionMembers(definition, line: line, to: &out)
            out.endObject()
        }
    }

    /// The members of a definition object.
    @inline(__always)
    private static func definitionMembers<Writer: JSONMemberWriter>(_ definition: UnsafePointer<Definition>, line: Int, to out: inout Writer) {
        out.member("term", definition.pointee.term)
        out.member("meaning", definition.pointee.meaning)
        out.member("start", int: definition.pointee.start)
        out.member("end", int: definition.pointee.end)
        out.member("line", int: line)
    }

    /// Writes one exhibit object.
    static func writeExhibit(_ exhibit: Exhibit, to out: inout JSONOutput) {
        out.beginObject()
        out.member("label", exhibit.label)
        out.member("number", exhibit.number)
        out.member("title", ifPresent: exhibit.title)
        out.key("citations"); out.beginArray(); for id in exhibit.citations { out.string(id) }; out.endArray()
        out.endObject()
    }

    /// Writes one diagnostic object.
    static func writeDiagnostic(_ diagnostic: Diagnostic, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        withUnsafePointer(to: diagnostic) { writeDiagnostic(at: $0, to: &out, position: position) }
    }

    /// Writes the diagnostic at `diagnostic`, read in place (passed as a value, it was copied).
    static func writeDiagnostic(at diagnostic: UnsafePointer<Diagnostic>, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        let location = position(diagnostic.pointee.span.start)
        if !out.withObject(measure: { diagnosticMembers(diagnostic, location, to: &$0) },
                           write: { diagnosticMembers(diagnostic, location, to: &$0) }) {
            out.beginObject()
            diagnosticMembers(diagnostic, location, to: &out)
            out.endObject()
        }
    }

    /// The members of a diagnostic object.
    @inline(__always)
    private static func diagnosticMembers<Writer: JSONMemberWriter>(_ diagnostic: UnsafePointer<Diagnostic>, _ location: LineColumn, to out: inout Writer) {
        out.member("code", diagnostic.pointee.code)
        out.member("severity", diagnostic.pointee.severity.rawValue)
        out.member("message", diagnostic.pointee.message)
        out.member("start", int: diagnostic.pointee.span.start)
        out.member("end", int: diagnostic.pointee.span.end)
        out.member("line", int: location.line)
        out.member("column", int: location.column)
    }

    /// Writes one citation object (shared with `verbale cites --format jsonl`).
    public static func writeCitation(_ citation: Citation, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        withUnsafePointer(to: citation) { writeCitation(at: $0, to: &out, position: position) }
    }

    /// Writes the citation at `citation`, read in place.
    static func writeCitation(at citation: UnsafePointer<Citation>, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        let location = position(citation.pointee.span.start)
        if !out.withObject(measure: { citationMembers(citation, location, to: &$0) },
                           write: { citationMembers(citation, location, to: &$0) }) {
            out.beginObject()
            citationMembers(citation, location, to: &out)
            out.endObject()
        }
    }

    /// The members of a citation object. (Optional members are tested before the call: a member
    /// read from the pointer and passed as an optional cost a retain and a release even when
    /// absent.)
    @inline(__always)
    private static func citationMembers<Writer: JSONMemberWriter>(_ citation: UnsafePointer<Citation>, _ location: LineColumn, to out: inout Writer) {
        out.member("id", citation.pointee.id)
        out.member("kind", citation.pointee.kind.rawValue)
        out.member("text", citation.pointee.text)
        out.member("start", int: citation.pointee.span.start)
        out.member("end", int: citation.pointee.span.end)
        out.member("line", int: location.line)
        out.member("column", int: location.column)
        if let signal = citation.pointee.signal { out.member("signal", signal) }
        out.member("key", citation.pointee.key)
        if let footnote = citation.pointee.footnote { out.member("footnote", int: footnote) }
        if let instrument = citation.pointee.instrument { out.member("instrument", instrument) }
        if let instrumentSource = citation.pointee.instrumentSource { out.member("instrumentSource", instrumentSource) }
        out.member("articles", strings: citation.pointee.articles)
        out.member("paragraphs", strings: citation.pointee.paragraphs)
        out.member("subparagraphs", strings: citation.pointee.subparagraphs)
        if let part = citation.pointee.part { out.member("part", part) }
        if let chapter = citation.pointee.chapter { out.member("chapter", chapter) }
        if let section = citation.pointee.section { out.member("section", section) }
        if let range = citation.pointee.range { out.member("range", strings: range) }
        if let number = citation.pointee.number {
            if citation.pointee.kind == .communication, let value = Int(number) { out.member("number", int: value) } else { out.member("number", number) }
        }
        if let body = citation.pointee.body { out.member("body", body) }
        if let court = citation.pointee.court { out.member("court", court) }
        if let date = citation.pointee.date { out.member("date", date) }
        if let symbol = citation.pointee.symbol { out.member("symbol", symbol) }
        if let type = citation.pointee.type { out.member("type", type) }
        if let country = citation.pointee.country { out.member("country", country) }
        if let year = citation.pointee.year { out.member("year", int: year) }
        if let scheme = citation.pointee.scheme { out.member("scheme", scheme) }
        if let valid = citation.pointee.valid { out.member("valid", bool: valid) }
        if let encodedDate = citation.pointee.encodedDate { out.member("encodedDate", encodedDate) }
        if let label = citation.pointee.label { out.member("label", label) }
        if let exhibit = citation.pointee.exhibit { out.member("exhibit", exhibit) }
        if let title = citation.pointee.title { out.member("title", title) }
        if citation.pointee.kind == .id {
            if let antecedent = citation.pointee.antecedent { out.member("antecedent", antecedent) } else { out.memberNull("antecedent") }
        }
    }
}

extension LineTable {
    /// `location(of:)`, searched from the line at index `hint` onward when `offset` is on or
    /// after it (the next few lines one at a time, then halving), else from the first line;
    /// `hint` becomes the index of `offset`'s line. The same answer as `location(of:)`: the
    /// last line that starts at or before `offset` (the first when none does).
    func location(of offset: Int, from hint: inout Int) -> LineColumn {
        let offset = transcoding?.decodedStart(ofOriginal: offset) ?? offset
        return lineStarts.withUnsafeBufferPointer { starts in
            let last = starts.count - 1
            guard last >= 0 else { return location(of: offset) }
            var low = 0
            var high = last
            if hint >= 0 && hint <= last && starts[hint] <= offset {
                low = hint
                var steps = 0
                while low < last && starts[low + 1] <= offset && steps < 4 { low += 1; steps += 1 }
                if low == last || starts[low + 1] > offset { high = low }
            }
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            hint = low
            return LineColumn(line: droppedLines + low + 1, column: offset - starts[low] + 1)
        }
    }
}

/// Facts about the tool itself.
public enum Verbale {
    /// The tool version, written into every output and the batch manifest.
    public static let version = "0.1.0"
}
