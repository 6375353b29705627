/// Parses a document too large to hold whole, a window of whole parts at a time, so its
/// memory is bounded by the window and not by the document.
///
/// ```swift
/// var parser = WindowedDocumentParser(path: "volume.txt", windowBytes: 8 << 20)
/// // for each chunk read:
/// parser.feed(chunk)
/// while let window = parser.nextWindow() { try writer.append(window) }
/// // at the end:
/// parser.finish()
/// while let window = parser.nextWindow() { try writer.append(window) }
/// let whole = parser.summary()       // source, language, exhibits
/// ```
///
/// Lines are read as `DocumentParser` reads them. Once those held cover `windowBytes`, they are
/// assembled as a document is, and every part but the last (which may go on past the lines
/// read) is handed out as a window: a `Document` with those parts and the sections, questions,
/// footnotes, citations, definitions and diagnostics that start in them. The last part's lines
/// are kept and assembled again with the next window. Ids, offsets and line numbers are those
/// of the whole file, and the windows' arrays, one after the other, are in the order a whole
/// document has them — but footnotes, which a whole document sorts by number, are sorted
/// within each window.
///
/// What a window carries to the next: the id numbering, the format (plain or Markdown, decided
/// by the first window), the definitions made so far (citations use them), the language vote
/// and the exhibits cited. What it does not: a footnote call-out is linked to a note in its own
/// window; an `Id.` and an instrument named in context look back within the window; sections
/// nest within a window; and the document-wide checks (exhibits cited and enclosed, question
/// numbering, footnote order, name variants) compare what one window holds. A window holds
/// many communications (the default window is 64 MB), so this reaches only the parts on
/// either side of a cut.
public struct WindowedDocumentParser: Sendable {
    private var parser: DocumentParser
    /// Bytes of lines held at which a window is assembled.
    public let windowBytes: Int
    private var context = AssemblyContext()
    private var ended = false
    /// Bytes held at which the next window is tried: more than `windowBytes` when the lines
    /// held so far made a single part (the window grows until a part closes).
    private var nextAttempt: Int
    private var languageTotals: [String: Int] = [:]
    private var firstPartLanguage: String? = nil
    private var exhibits = ExhibitCollector()
    /// The terms and meanings of `context.definitions`.
    private var carriedDefinitions: Set<DefinitionKey> = []
    private var format: String? = nil
    private var encoding = "utf-8"
    /// How many of the decoder's diagnostics earlier windows took.
    private var decoderDiagnosticsTaken = 0
    /// Citations and diagnostics handed out so far.
    public private(set) var citationCount = 0
    /// Diagnostics handed out so far.
    public private(set) var diagnosticCount = 0

    /// A parser for the input named `path`, handing out windows of about `windowBytes`.
    public init(path: String, encoding: InputEncoding = .automatic, windowBytes: Int) {
        parser = DocumentParser(path: path, encoding: encoding)
        self.windowBytes = max(1, windowBytes)
        nextAttempt = self.windowBytes
    }

    /// Which stages after the structure pass run (all by default). `citationsOnly` makes no
    /// parts, so nothing can be cut: the whole input becomes one window.
    public var stages: PipelineStages {
        get { parser.stages }
        set { parser.stages = newValue }
    }

    /// Why the input is refused (binary, NUL bytes), once known; stop feeding then.
    public var refusal: InputError? { parser.refusal }

    /// Feeds the next chunk of input bytes.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        parser.feed(chunk)
    }

    /// Ends the input; `nextWindow()` then hands out what is left.
    public mutating func finish() {
        parser.endInput()
        ended = true
    }

    /// The next window, when the lines held make one (always, after `finish()`, until none is
    /// left); nil when more input is needed or everything was handed out.
    public mutating func nextWindow() -> Document? {
        guard parser.refusal == nil, let first = parser.tokens.first, let last = parser.tokens.last else { return nil }
        let held = last.end - first.start
        guard ended || held >= nextAttempt else { return nil }
        // The windows before are written: their lines' starts are not needed any more (and,
        // the last window's document gone, the table is not shared, so this copies nothing).
        parser.dropLines(before: first.start)
        let tokens = parser.tokens
        parser.tokens = []
        var assembler = Assembler(tokens: tokens, lineTable: parser.tokenizer.lineTable, source: parser.sourceInfo())
        assembler.stages = parser.stages
        assembler.context = context
        assembler.inputIsValidUTF8 = parser.decoder.diagnostics.isEmpty
        var document = assembler.assemble()
        var cut = Int.max
        if !ended {
            guard let (offset, kept) = Self.cut(document) else {
                // The lines held make one part so far, or a part reaches past the last one's
                // start: read on, and try again with twice as much.
                parser.tokens = tokens
                nextAttempt = held * 2
                return nil
            }
            cut = offset
            document.parts.removeLast(document.parts.count - kept)
            let keep = Self.firstToken(startingAt: cut, in: tokens)
            parser.tokens = Array(tokens[keep...])
            nextAttempt = (last.end - cut) + windowBytes
        }
        commit(&document, windowStart: first.start, cut: cut, weights: assembler.partLanguageWeights)
        return document
    }

    /// Where to cut: the start of the latest part (not the first) that every part before it
    /// ends before, with how many parts come before it; nil when there is none (a single
    /// part so far). Parts are block ranges, but a page's furniture may sit in the part before
    /// the one whose first line precedes it, so the last part does not always qualify.
    private static func cut(_ document: Document) -> (offset: Int, parts: Int)? {
        let parts = document.parts
        guard parts.count >= 2 else { return nil }
        // Lowest block start from each part on, highest span end up to each part.
        var lowestFrom = [Int](repeating: Int.max, count: parts.count + 1)
        for index in parts.indices.reversed() {
            let lowest = parts[index].blocks.reduce(Int.max) { min($0, $1.start) }
            lowestFrom[index] = min(lowestFrom[index + 1], lowest, parts[index].start)
        }
        var highestBefore = [Int](repeating: 0, count: parts.count)
        for index in parts.indices.dropFirst() {
            let highest = parts[index - 1].blocks.reduce(0) { result, block in
                block.spans.reduce(result) { max($0, $1.end) }
            }
            highestBefore[index] = max(highestBefore[index - 1], highest, parts[index - 1].end)
        }
        for index in parts.indices.dropFirst().reversed() where highestBefore[index] <= lowestFrom[index] {
            return (lowestFrom[index], index)
        }
        return nil
    }

    /// Index of the first token that starts at or after `offset`.
    private static func firstToken(startingAt offset: Int, in tokens: [LineToken]) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Keeps what starts in `windowStart..<cut`, and carries the numbering, the format, the
    /// definitions, the language vote and the exhibits on to the next window.
    private mutating func commit(_ document: inout Document, windowStart: Int, cut: Int, weights: [Int]) {
        func kept(_ start: Int) -> Bool { start >= windowStart && start < cut }
        document.sections.removeAll { !kept($0.start) }
        document.questions.removeAll { !kept($0.start) }
        document.footnotes.removeAll { !kept($0.start) }
        document.citations.removeAll { !kept($0.span.start) }
        document.definitions.removeAll { !kept($0.start) }
        document.diagnostics.removeAll { !kept($0.span.start) }
        document.exhibits = []

        if format == nil {
            format = document.source.format
            encoding = document.source.encoding
            context.plain = document.source.format == "plain"
            firstPartLanguage = document.parts.first?.language
        }
        for (index, part) in document.parts.enumerated() where part.kind != .letterhead && part.language != "und" {
            languageTotals[part.language, default: 0] += weights[index]
        }
        context.firstBlock += document.parts.reduce(0) { $0 + $1.blocks.count }
        context.firstPart += document.parts.count
        context.firstQuestion += document.questions.count
        context.firstSection += document.sections.count
        context.firstCitation += document.citations.count
        // Definitions apply wherever they stand, and the same term and meaning come back in
        // every communication of a volume: each is carried once.
        for definition in document.definitions
        where carriedDefinitions.insert(DefinitionKey(term: definition.term, meaning: definition.meaning)).inserted {
            context.definitions.append(definition)
        }
        exhibits.add(document.citations)
        document.language = StructureBuilder.documentLanguage(totals: languageTotals, firstPart: firstPartLanguage)

        // The decoder's diagnostics of this stretch (original offsets), then its spans made original.
        let decoded = parser.decoder.diagnostics
        var taken = decoderDiagnosticsTaken
        let originalCut = cut == Int.max || !parser.decoder.transcodes ? cut : parser.decoder.offsetMap.originalStart(cut)
        while taken < decoded.count, decoded[taken].span.start < originalCut { taken += 1 }
        parser.finishAssembled(&document, decoderDiagnostics: Array(decoded[decoderDiagnosticsTaken..<taken]))
        decoderDiagnosticsTaken = taken
        citationCount += document.citations.count
        diagnosticCount += document.diagnostics.count
    }

    /// The whole document's own facts once every window is out: its source (size, hash,
    /// format, encoding), language and exhibits; no parts, and no other arrays. A refused
    /// input gives the `input-refused` document `DocumentParser.finish()` gives.
    public mutating func summary() -> Document {
        if parser.refusal != nil { return parser.finish() }
        var source = parser.sourceInfo()
        source.format = format ?? source.format
        source.encoding = parser.decoder.transcodes ? parser.decoder.label : encoding
        var diagnostics: [Diagnostic] = []
        // Decoder diagnostics no window took (an input with no lines at all).
        if decoderDiagnosticsTaken < parser.decoder.diagnostics.count {
            diagnostics = Array(parser.decoder.diagnostics[decoderDiagnosticsTaken...])
        }
        return Document(source: source,
                        language: StructureBuilder.documentLanguage(totals: languageTotals, firstPart: firstPartLanguage),
                        parts: [], sections: [], questions: [], footnotes: [], citations: [], definitions: [],
                        exhibits: exhibits.exhibits, diagnostics: diagnostics, lineTable: parser.tokenizer.lineTable)
    }
}


/// A definition's term and meaning (what the citation engine reads of it).
private struct DefinitionKey: Hashable, Sendable {
    var term: String
    var meaning: String
}
