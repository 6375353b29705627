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
        func position(_ offset: Int) -> LineColumn { lines.location(of: offset) }

        writeHeader(document, to: &out)
        out.key("parts"); out.beginArray()
        for part in document.parts { writePart(part, to: &out, position: position) }
        out.endArray()
        out.key("sections"); out.beginArray()
        for section in document.sections { writeSection(section, to: &out) }
        out.endArray()
        out.key("questions"); out.beginArray()
        for question in document.questions { writeQuestion(question, to: &out, position: position) }
        out.endArray()
        out.key("footnotes"); out.beginArray()
        for footnote in document.footnotes { writeFootnote(footnote, to: &out, position: position) }
        out.endArray()
        out.key("citations"); out.beginArray()
        for citation in document.citations { writeCitation(citation, to: &out, position: position) }
        out.endArray()
        out.key("definitions"); out.beginArray()
        for definition in document.definitions { writeDefinition(definition, to: &out, position: position) }
        out.endArray()
        out.key("exhibits"); out.beginArray()
        for exhibit in document.exhibits { writeExhibit(exhibit, to: &out) }
        out.endArray()
        out.key("diagnostics"); out.beginArray()
        for diagnostic in document.diagnostics { writeDiagnostic(diagnostic, to: &out, position: position) }
        out.endArray()
        out.endObject()
        out.raw(0x0A)
    }

    /// Opens the document object and writes the members before `parts`.
    static func writeHeader(_ document: Document, to out: inout JSONOutput) {
        out.beginObject()
        out.key("schema"); out.string(schema)
        out.key("generator"); out.beginObject()
        out.key("name"); out.string("verbale")
        out.key("version"); out.string(Verbale.version)
        out.endObject()
        out.key("source"); out.beginObject()
        out.key("path"); out.string(document.source.path)
        out.key("bytes"); out.int(document.source.bytes)
        out.key("sha256"); out.string(document.source.sha256)
        out.key("format"); out.string(document.source.format)
        out.key("encoding"); out.string(document.source.encoding)
        out.endObject()
        out.key("language"); out.string(document.language)
    }

    /// Writes one part object with its blocks.
    static func writePart(_ part: Part, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        out.beginObject()
        out.key("id"); out.string(part.id)
        out.key("kind"); out.string(part.kind.rawValue)
        out.key("start"); out.int(part.start)
        out.key("end"); out.int(part.end)
        out.key("language"); out.string(part.language)
        optional(&out, "date", part.date)
        optional(&out, "dateText", part.dateText)
        optional(&out, "place", part.place)
        optional(&out, "from", part.from)
        optional(&out, "to", part.to)
        optional(&out, "reference", part.reference)
        if let signatory = part.signatory {
            out.key("signatory"); out.beginObject()
            out.key("name"); out.string(signatory.name)
            optional(&out, "title", signatory.title)
            out.endObject()
        }
        out.key("blocks"); out.beginArray()
        for block in part.blocks {
            out.beginObject()
            out.key("id"); out.string(block.id)
            out.key("kind"); out.string(block.kind.rawValue)
            out.key("start"); out.int(block.start)
            out.key("end"); out.int(block.end)
            if block.spans.count > 1 {
                out.key("spans"); out.beginArray()
                for span in block.spans {
                    out.beginArray(); out.int(span.start); out.int(span.end); out.endArray()
                }
                out.endArray()
            }
            let location = position(block.start)
            out.key("line"); out.int(location.line)
            optional(&out, "section", block.section)
            if let level = block.level { out.key("level"); out.int(level) }
            if let footnote = block.footnote { out.key("footnote"); out.int(footnote) }
            optional(&out, "question", block.question)
            optional(&out, "role", block.role)
            // The mapped bytes when they are well-formed UTF-8 (they are, once the parser
            // has repaired them): no string to make and copy. Otherwise the text, whose
            // UTF-8 is valid by construction, so the JSON is valid whatever the input held.
            out.key("text")
            if !block.hasOwnText, block.mapped.isValidUTF8 { out.string(utf8: block.mapped.bytes) } else { out.string(block.text) }
            out.endObject()
        }
        out.endArray()
        out.endObject()
    }

    /// Writes one section object.
    static func writeSection(_ section: Section, to out: inout JSONOutput) {
        out.beginObject()
        out.key("id"); out.string(section.id)
        optional(&out, "number", section.number)
        out.key("heading"); out.string(section.heading)
        out.key("level"); out.int(section.level)
        if let parent = section.parent { out.key("parent"); out.string(parent) } else { out.key("parent"); out.null() }
        out.key("start"); out.int(section.start)
        out.key("end"); out.int(section.end)
        out.endObject()
    }

    /// Writes one question object.
    static func writeQuestion(_ question: Question, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        out.beginObject()
        out.key("id"); out.string(question.id)
        out.key("numbers"); out.beginArray(); for number in question.numbers { out.int(number) }; out.endArray()
        out.key("start"); out.int(question.start)
        out.key("end"); out.int(question.end)
        out.key("line"); out.int(position(question.start).line)
        if let responseStart = question.responseStart { out.key("responseStart"); out.int(responseStart) }
        out.key("question"); out.string(question.question)
        out.key("response"); out.string(question.response)
        out.endObject()
    }

    /// Writes one footnote object with its call-outs.
    static func writeFootnote(_ footnote: Footnote, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        out.beginObject()
        out.key("id"); out.string(footnote.id)
        out.key("number"); out.int(footnote.number)
        out.key("start"); out.int(footnote.start)
        out.key("end"); out.int(footnote.end)
        out.key("line"); out.int(position(footnote.start).line)
        out.key("references"); out.beginArray()
        for reference in footnote.references {
            let location = position(reference.start)
            out.beginObject()
            out.key("start"); out.int(reference.start)
            out.key("end"); out.int(reference.end)
            out.key("line"); out.int(location.line)
            out.key("column"); out.int(location.column)
            out.endObject()
        }
        out.endArray()
        out.key("text"); out.string(footnote.text)
        out.endObject()
    }

    /// Writes one definition object.
    static func writeDefinition(_ definition: Definition, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        out.beginObject()
        out.key("term"); out.string(definition.term)
        out.key("meaning"); out.string(definition.meaning)
        out.key("start"); out.int(definition.start)
        out.key("end"); out.int(definition.end)
        out.key("line"); out.int(position(definition.start).line)
        out.endObject()
    }

    /// Writes one exhibit object.
    static func writeExhibit(_ exhibit: Exhibit, to out: inout JSONOutput) {
        out.beginObject()
        out.key("label"); out.string(exhibit.label)
        out.key("number"); out.string(exhibit.number)
        optional(&out, "title", exhibit.title)
        out.key("citations"); out.beginArray(); for id in exhibit.citations { out.string(id) }; out.endArray()
        out.endObject()
    }

    /// Writes one diagnostic object.
    static func writeDiagnostic(_ diagnostic: Diagnostic, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        let location = position(diagnostic.span.start)
        out.beginObject()
        out.key("code"); out.string(diagnostic.code)
        out.key("severity"); out.string(diagnostic.severity.rawValue)
        out.key("message"); out.string(diagnostic.message)
        out.key("start"); out.int(diagnostic.span.start)
        out.key("end"); out.int(diagnostic.span.end)
        out.key("line"); out.int(location.line)
        out.key("column"); out.int(location.column)
        out.endObject()
    }

    /// Writes one citation object (shared with `verbale cites --format jsonl`).
    public static func writeCitation(_ citation: Citation, to out: inout JSONOutput, position: (Int) -> LineColumn) {
        let location = position(citation.span.start)
        out.beginObject()
        out.key("id"); out.string(citation.id)
        out.key("kind"); out.string(citation.kind.rawValue)
        out.key("text"); out.string(citation.text)
        out.key("start"); out.int(citation.span.start)
        out.key("end"); out.int(citation.span.end)
        out.key("line"); out.int(location.line)
        out.key("column"); out.int(location.column)
        optional(&out, "signal", citation.signal)
        out.key("key"); out.string(citation.key)
        if let footnote = citation.footnote { out.key("footnote"); out.int(footnote) }
        optional(&out, "instrument", citation.instrument)
        optional(&out, "instrumentSource", citation.instrumentSource)
        list(&out, "articles", citation.articles)
        list(&out, "paragraphs", citation.paragraphs)
        list(&out, "subparagraphs", citation.subparagraphs)
        optional(&out, "part", citation.part)
        optional(&out, "chapter", citation.chapter)
        optional(&out, "section", citation.section)
        if let range = citation.range { list(&out, "range", range) }
        if let number = citation.number {
            out.key("number")
            if citation.kind == .communication, let value = Int(number) { out.int(value) } else { out.string(number) }
        }
        optional(&out, "body", citation.body)
        optional(&out, "court", citation.court)
        optional(&out, "date", citation.date)
        optional(&out, "symbol", citation.symbol)
        optional(&out, "type", citation.type)
        optional(&out, "country", citation.country)
        if let year = citation.year { out.key("year"); out.int(year) }
        optional(&out, "scheme", citation.scheme)
        if let valid = citation.valid { out.key("valid"); out.bool(valid) }
        optional(&out, "encodedDate", citation.encodedDate)
        optional(&out, "label", citation.label)
        optional(&out, "exhibit", citation.exhibit)
        optional(&out, "title", citation.title)
        if citation.kind == .id {
            out.key("antecedent")
            if let antecedent = citation.antecedent { out.string(antecedent) } else { out.null() }
        }
        out.endObject()
    }

    private static func optional(_ out: inout JSONOutput, _ key: StaticString, _ value: String?) {
        guard let value else { return }
        out.key(key)
        out.string(value)
    }

    private static func list(_ out: inout JSONOutput, _ key: StaticString, _ values: [String]) {
        guard !values.isEmpty else { return }
        out.key(key)
        out.beginArray()
        for value in values { out.string(value) }
        out.endArray()
    }
}

/// Facts about the tool itself.
public enum Verbale {
    /// The tool version, written into every output and the batch manifest.
    public static let version = "0.1.0"
}
