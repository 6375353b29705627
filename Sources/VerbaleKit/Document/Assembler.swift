/// Turns the token stream into the document model: groups, page repair, footnotes, blocks,
/// then the structural passes (parts, sections, questions, definitions), citations and checks.
/// The stages that follow the structure pass.
public struct PipelineStages: OptionSet, Sendable {
    /// Raw bits.
    public let rawValue: Int
    /// Creates a set from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The citation engine.
    public static let citations = PipelineStages(rawValue: 1)
    /// Document validation.
    public static let validation = PipelineStages(rawValue: 2)
    /// Citations alone (`verbale cites`): the line stage, definitions and the citation engine,
    /// without the structure pass, which decides nothing citations read (blocks keep their
    /// text, their order and their footnotes; page furniture stays furniture). The document
    /// then has no parts, sections or questions: only footnotes, citations and definitions.
    public static let citationsOnly = PipelineStages(rawValue: 4)
    /// Everything.
    public static let all: PipelineStages = [.citations, .validation]
}

/// Where a window of a large document stands in the whole (see `WindowedDocumentParser`):
/// the numbers its ids continue from, the format decided by the first window, and the
/// definitions made before it. A whole document starts from `AssemblyContext()`.
struct AssemblyContext {
    /// `plain` or Markdown as decided earlier; nil: decide from these lines.
    var plain: Bool? = nil
    /// Number of the first block (`b_N`).
    var firstBlock = 1
    /// Number of the first part (`part_N`).
    var firstPart = 1
    /// Number of the first question (`q_N`).
    var firstQuestion = 1
    /// Number of the first section (`sec_N`).
    var firstSection = 1
    /// Number of the first citation (`c_N`).
    var firstCitation = 1
    /// Definitions found before these lines, which their citations may use.
    var definitions: [Definition] = []
}

struct Assembler {
    /// The lines, until the blocks are built from them; then emptied, so a large document's
    /// lines are not held through the later stages next to the text made from them.
    var tokens: [LineToken]
    var stages: PipelineStages = .all
    var context = AssemblyContext()
    /// Whether the decoder found no bad byte in the lines (their text is then well-formed
    /// UTF-8, and the blocks say so instead of each reader checking).
    var inputIsValidUTF8 = false
    let lineTable: LineTable
    var source: SourceInfo
    /// After `assemble()`: for each part, how many bytes its language vote read (the weight
    /// of its language in the document's).
    var partLanguageWeights: [Int] = []

    init(tokens: [LineToken], lineTable: LineTable, source: SourceInfo) {
        self.tokens = tokens
        self.lineTable = lineTable
        self.source = source
    }

    /// What the line stage hands on: blocks in source order, footnotes with their call-outs,
    /// and the source offset where each line ends.
    struct LineStageResult {
        var blocks: [Block]
        var footnotes: [Footnote]
        var lineBreaks: [Int]
        var plain: Bool
    }

    /// The structure pass's results (the blocks are in the parts); the pass's own working
    /// copies (lower-cased block heads, formula bits) die with it.
    struct StructureResult {
        var parts: [Part]
        var sections: [Section]
        var questions: [Question]
        var language: String
        var languageWeights: [Int]
    }

    mutating func assemble() -> Document {
        var lineStage = buildBlocks()
        tokens = []
        let footnotes = lineStage.footnotes
        if stages.contains(.citationsOnly) { return citationsOnly(lineStage) }
        let structure = Self.structure(&lineStage, context: context)
        partLanguageWeights = structure.languageWeights
        let definitions = DefinitionFinder.find(in: structure.parts)
        // Blocks are read in place in their parts: copying one retains a dozen references.
        var citationSources: [CitationSource] = []
        for part in structure.parts.indices {
            for index in structure.parts[part].blocks.indices where structure.parts[part].blocks[index].kind != .pageFurniture {
                let block = structure.parts[part].blocks[index]
                citationSources.append(CitationSource(block: block.id, footnote: block.footnote, text: block.mapped))
            }
        }
        let citations = stages.contains(.citations) ? CitationEngine.scan(citationSources, definitions: context.definitions + definitions,
                                                                                   firstNumber: context.firstCitation) : []
        citationSources = []
        var document = Document(
            source: source,
            language: structure.language,
            parts: structure.parts,
            sections: structure.sections,
            questions: structure.questions,
            footnotes: footnotes,
            citations: citations,
            definitions: definitions,
            exhibits: Self.exhibits(from: citations),
            diagnostics: [],
            lineTable: lineTable
        )
        if stages.contains(.validation) { document.diagnostics = Validator.validate(document) }
        return document
    }

    /// The document `PipelineStages.citationsOnly` asks for: the blocks' citations, read in
    /// the order the parts would hold them (body blocks keep their order in the parts).
    private func citationsOnly(_ lineStage: LineStageResult) -> Document {
        let definitions = DefinitionFinder.find(in: lineStage.blocks)
        var sources: [CitationSource] = []
        for index in lineStage.blocks.indices where lineStage.blocks[index].kind != .pageFurniture {
            let block = lineStage.blocks[index]
            sources.append(CitationSource(block: block.id, footnote: block.footnote, text: block.mapped))
        }
        let citations = CitationEngine.scan(sources, definitions: context.definitions + definitions,
                                            firstNumber: context.firstCitation)
        return Document(source: source, language: "und", parts: [], sections: [], questions: [],
                        footnotes: lineStage.footnotes, citations: citations, definitions: definitions,
                        exhibits: Self.exhibits(from: citations), diagnostics: [], lineTable: lineTable)
    }

    /// Runs the structure pass over the line stage's blocks, which move into it (the caller's
    /// copy is emptied: one array of blocks at a time).
    static func structure(_ lineStage: inout LineStageResult, context: AssemblyContext = AssemblyContext()) -> StructureResult {
        var moving: [Block] = []
        swap(&moving, &lineStage.blocks)
        var structure = StructureBuilder(blocks: moving, plain: lineStage.plain)
        structure.firstNumbers = (context.firstPart, context.firstQuestion, context.firstSection)
        moving = []
        structure.lineBreaks = lineStage.lineBreaks
        lineStage.lineBreaks = []
        structure.build()
        return StructureResult(parts: structure.parts, sections: structure.sections,
                               questions: structure.questions, language: structure.documentLanguage,
                               languageWeights: structure.languageWeights)
    }

    /// Groups the lines into blocks (page repair, footnotes and their call-outs, text).
    mutating func buildBlocks() -> LineStageResult {
        let plain = context.plain ?? detectPlainText()
        source.format = plain ? "plain" : "markdown"
        if let first = tokens.first, first.start == 0, first.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            source.encoding = "utf-8-bom"
        }
        let builder = GroupBuilder(tokens: tokens, plain: plain)
        var finder = FootnoteFinder(tokens: tokens, groups: builder.group(furniture: builder.findFurniture()))
        finder.inferNumberedNotes()
        let noteNumbers = finder.groups.compactMap { group -> Int? in
            if !group.mergedAway, case .footnote(let number) = group.kind { return number } else { return nil }
        }
        let callouts = finder.callouts(for: noteNumbers)
        // The groups move out of the finder (done with them): a copy shared with it made the
        // first change below copy every group (its line arrays retained) and later free both.
        var groups: [LineGroup] = []
        swap(&groups, &finder.groups)
        var extraStrips: [Int: [ByteSpan]] = [:]
        for list in callouts.values { for callout in list where !callout.marked { extraStrips[callout.line, default: []].append(callout.span) } }
        joinInterruptedParagraphs(&groups, plain: plain)

        // One set of the note numbers, for the text builder and for the orphan call-outs below.
        let defined = Set(noteNumbers)
        let textBuilder = TextBuilder(tokens: tokens, extraStrips: extraStrips, footnoteNumbers: defined)
        var blocks: [Block] = []
        // One block per group left: allocated once, not grown by doubling while the lines are
        // still held (the document's peak of memory).
        blocks.reserveCapacity(groups.count(where: { !$0.mergedAway }))
        var footnotes: [Footnote] = []
        // Groups are read in place: a copy per group retained its line arrays.
        for groupIndex in groups.indices where !groups[groupIndex].mergedAway {
            var text = MappedText()
            var spans: [ByteSpan]
            // A run of lines with no continuation (almost every group) is read through its
            // bounds alone: passing or iterating the group's line list copied it (a retain
            // and a release per use, four uses a group).
            if let run = groups[groupIndex].lines.run, groups[groupIndex].continuations.isEmpty {
                reserve(&text, for: run)
                textBuilder.append(run: run, to: &text)
                spans = self.spans(ofRun: run)
            } else {
                // At most each line's bytes and one joining space per line; a run per line and
                // one after each mark (the text after a stripped mark is a run of its own).
                // Line lengths read in place: `tokens[i].bytes` in a closure copied (retained) the array.
                let (capacity, runs) = tokens.withUnsafeBufferPointer { tokens -> (Int, Int) in
                    var capacity = 0
                    var runs = 0
                    groups[groupIndex].lines.forEachLine { line in
                        capacity += tokens[line].bytes.count + 1
                        runs += 1 + tokens[line].marks.count
                    }
                    for continuation in groups[groupIndex].continuations {
                        continuation.forEachLine { line in
                            capacity += tokens[line].bytes.count + 1
                            runs += 1 + tokens[line].marks.count
                        }
                    }
                    return (capacity, runs)
                }
                text.reserveCapacity(capacity)
                // Room for the runs at once, not grown by doubling from one.
                text.reserveRunCapacity(runs)
                textBuilder.append(lines: groups[groupIndex].lines, to: &text)
                spans = self.spans(of: groups[groupIndex].lines)
                for continuation in groups[groupIndex].continuations {
                    textBuilder.append(lines: continuation, to: &text)
                    spans.append(contentsOf: self.spans(of: continuation))
                }
            }
            text.trimTrailingWhitespace()
            // Read once here when the input had bad bytes: every later pass asks.
            if inputIsValidUTF8 { text.markValidUTF8() } else { text.settleUTF8Validity() }
            // The block is made once its fields are known and appended as a temporary: a local
            // block appended was copied (a dozen references retained, then released).
            var kind = BlockKind.paragraph
            var level: Int? = nil
            var note: Int? = nil
            switch groups[groupIndex].kind {
            case .paragraph:
                // A line of rules or underscores carries no text: it is furniture.
                kind = text.bytes.contains(where: { LineClassifier.isWordByte($0) }) ? .paragraph : .pageFurniture
            case .heading(let headingLevel): kind = .heading; level = headingLevel
            case .listItem: kind = .listItem
            case .footnote(let number):
                kind = .footnote
                note = number
                // A plain-text note keeps its number at the start of the line: drop it from the text.
                let firstLine = groups[groupIndex].lines[0]
                if let (value, _) = LineText.leadingNoteNumber(tokens[firstLine]), value == number,
                   tokens[firstLine].kind == .text {
                    text = Self.dropLeadingNumber(text)
                    if inputIsValidUTF8 { text.markValidUTF8() } else { text.settleUTF8Validity() }
                }
            case .separator, .pageBreak, .furniture: kind = .pageFurniture
            }
            // `consume`: the text and spans move into the block; copied, each of their arrays
            // was retained for the block and released with the locals.
            blocks.append(Block(id: Self.numberedID("b_", context.firstBlock + blocks.count), kind: kind,
                                spans: consume spans, mapped: consume text))
            if let level { blocks[blocks.count - 1].level = level }
            if let note {
                blocks[blocks.count - 1].footnote = note
                footnotes.append(Footnote(id: Self.numberedID("fn_", note), number: note, text: blocks[blocks.count - 1].text,
                                          start: blocks[blocks.count - 1].start, end: blocks[blocks.count - 1].end,
                                          references: []))
            }
        }
        // Numbering may restart (an annex, a second letter, notes per page): each call-out
        // belongs to the first note of its number that follows it, else the last one before it.
        var notesByNumber: [Int: [Int]] = [:]
        for (index, note) in footnotes.enumerated() { notesByNumber[note.number, default: []].append(index) }
        for (number, list) in callouts {
            guard let candidates = notesByNumber[number] else { continue }
            for callout in list {
                // Candidates are in source order: binary search for the first one after the call-out.
                var low = 0
                var high = candidates.count
                while low < high {
                    let mid = (low + high) / 2
                    if footnotes[candidates[mid]].start > callout.span.start { high = mid } else { low = mid + 1 }
                }
                let owner = low < candidates.count ? candidates[low] : candidates[candidates.count - 1]
                footnotes[owner].references.append(callout.span)
            }
        }
        // An explicit call-out (`<sup>7</sup>`, `[^7]`) whose note is nowhere is kept as a note
        // with no text and an empty span, so validation can say so; nothing is invented.
        var orphans: [Int: [ByteSpan]] = [:]
        tokens.withUnsafeBufferPointer { tokens in
            for group in groups.indices where !groups[group].mergedAway {
                if case .footnote = groups[group].kind { continue }
                // Lines and marks by position: iterating the line list and a line's marks
                // copied them (a retain and a release each).
                let run = groups[group].lines.run
                for position in 0..<(run?.count ?? groups[group].lines.count) {
                    let line = run.map { $0.lowerBound + position } ?? groups[group].lines[position]
                    for index in tokens[line].marks.indices {
                        if case .callout(let number) = tokens[line].marks[index].kind, !defined.contains(number) {
                            orphans[number, default: []].append(ByteSpan(tokens[line].marks[index].start,
                                                                         tokens[line].marks[index].end))
                        }
                    }
                }
            }
        }
        for (number, references) in orphans {
            footnotes.append(Footnote(id: "fn_\(number)", number: number, text: "", start: references[0].start,
                                      end: references[0].start, references: references))
        }
        footnotes.sort { $0.number < $1.number }

        // Line ends read in place: `map(\.end)` copied every token to read two of its fields.
        let lineBreaks = tokens.withUnsafeBufferPointer { tokens in
            [Int](unsafeUninitializedCapacity: tokens.count) { buffer, count in
                for index in tokens.indices { buffer[index] = tokens[index].start + tokens[index].bytes.count }
                count = tokens.count
            }
        }
        return LineStageResult(blocks: blocks, footnotes: footnotes, lineBreaks: lineBreaks, plain: plain)
    }

    /// Plain `pdftotext` output has form feeds, or hard-wrapped lines with no Markdown at all.
    func detectPlainText() -> Bool {
        var wrapped = 0
        var textLines = 0
        var markup = 0
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .pageBreak: return true
            case .pageSeparator, .heading, .footnoteDefinition: markup += 1
            case .text:
                textLines += 1
                markup += token.marks.isEmpty ? 0 : 1
                if index + 1 < tokens.count, tokens[index + 1].kind == .text,
                   (40...110).contains(LineText.contentLength(token)) { wrapped += 1 }
            default: break
            }
        }
        return markup == 0 && textLines >= 4 && wrapped * 10 >= textLines * 4
    }

    /// Reserves room in `text` for the lines `run`: at most each line's bytes and one joining
    /// space per line, and a run per line and one after each mark (the text after a stripped
    /// mark is a run of its own). Lengths are read in place: `tokens[i].bytes` in a closure
    /// copied (retained) the array.
    private func reserve(_ text: inout MappedText, for run: Range<Int>) {
        let (capacity, runs) = tokens.withUnsafeBufferPointer { tokens -> (Int, Int) in
            var capacity = 0
            var runs = 0
            for line in run {
                capacity += tokens[line].bytes.count + 1
                runs += 1 + tokens[line].marks.count
            }
            return (capacity, runs)
        }
        text.reserveCapacity(capacity)
        // Room for the runs at once, not grown by doubling from one.
        text.reserveRunCapacity(runs)
    }

    /// The one span of the lines `run` (consecutive lines have no blank line between them).
    func spans(ofRun run: Range<Int>) -> [ByteSpan] {
        guard !run.isEmpty else { return [] }
        return tokens.withUnsafeBufferPointer { tokens in
            let last = run.upperBound - 1
            return [ByteSpan(tokens[run.lowerBound].start, tokens[last].start + tokens[last].bytes.count)]
        }
    }

    /// Source spans of a group's lines: one per run of lines with only blank lines between
    /// them, so a note continued past a page number does not claim the page number.
    func spans(of lines: LineList) -> [ByteSpan] {
        guard let first = lines.first else { return [] }
        // Most groups are a run of consecutive lines (one line in Markdown), which has no
        // blank line inside: one span, without the walk.
        if let run = lines.run {
            return tokens.withUnsafeBufferPointer { tokens in
                let last = run.upperBound - 1
                return [ByteSpan(tokens[first].start, tokens[last].start + tokens[last].bytes.count)]
            }
        }
        // Read in place: `tokens[i]` per line copied a token (and retained its arrays), and the
        // blank lines between two lines were walked by a closure.
        return tokens.withUnsafeBufferPointer { tokens in
            var result: [ByteSpan] = []
            var runStart = first
            var previous = first
            for line in lines.dropFirst() {
                var adjacent = line > previous
                if adjacent {
                    var between = previous + 1
                    while between < line {
                        if case .blank = tokens[between].kind { between += 1 } else { adjacent = false; break }
                    }
                }
                if !adjacent {
                    result.append(ByteSpan(tokens[runStart].start, tokens[previous].start + tokens[previous].bytes.count))
                    runStart = line
                }
                previous = line
            }
            result.append(ByteSpan(tokens[runStart].start, tokens[previous].start + tokens[previous].bytes.count))
            return result
        }
    }

    /// `"\(prefix)\(number)"` (`b_12`, `fn_3`) written straight into the string: interpolation
    /// went through `description` and a string append for every block.
    static func numberedID(_ prefix: StaticString, _ number: Int) -> String {
        guard number >= 0 else { return "\(prefix)\(number)" }
        var digits = 1
        var rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let prefixCount = prefix.utf8CodeUnitCount
        // The prefix is read from its start pointer (a literal's bytes): `withUTF8Buffer`
        // added a closure call and a check per id.
        let source = prefix.utf8Start
        return String(unsafeUninitializedCapacity: prefixCount + digits) { buffer in
            for index in 0..<prefixCount { buffer[index] = source[index] }
            var value = number
            var index = prefixCount + digits - 1
            while index >= prefixCount {
                buffer[index] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
                value /= 10
                index -= 1
            }
            return prefixCount + digits
        }
    }

    static func dropLeadingNumber(_ text: MappedText) -> MappedText {
        var index = 0
        while index < text.count, text.bytes[index] >= 0x30, text.bytes[index] <= 0x39 { index += 1 }
        while index < text.count, text.bytes[index] == 0x20 { index += 1 }
        var result = MappedText()
        for offset in index..<text.count { result.append(text.bytes[offset], from: text.sourceOffset(offset)) }
        return result
    }

    // MARK: Page repair

    /// Re-joins a paragraph that a page break, a footnote block or a lost page boundary cut in
    /// two: the first part does not end a sentence and the second goes on in lower case (or,
    /// in plain text after a page break, simply does not start a new numbered paragraph).
    func joinInterruptedParagraphs(_ groups: inout [LineGroup], plain: Bool) {
        var lastBody: Int? = nil
        var interrupted = false
        // Groups are read in place: a copy per group retained its line arrays.
        for index in groups.indices where !groups[index].mergedAway {
            if groups[index].isInterruption { interrupted = true; continue }
            switch groups[index].kind {
            case .paragraph:
                if let previous = lastBody {
                    // The two groups are read in place (passed from the array, each was copied
                    // and its line lists retained); the second is looked at only when the first
                    // does not end a sentence (both tests are pure).
                    let continues = groups.withUnsafeBufferPointer { groups -> Bool in
                        let ends = lastMeaningfulByte(groups[previous]).map(Self.endsSentence) ?? true
                        guard !ends else { return false }
                        return firstMeaningfulIsLowercase(groups[index])
                            || (plain && interrupted && !LineText.startsNumberedParagraph(tokens[groups[index].lines[0]]))
                    }
                    if continues {
                        let lines = groups[index].lines
                        groups[previous].continuations.append(lines)
                        groups[index].mergedAway = true
                        interrupted = false
                        continue
                    }
                }
                lastBody = index
            case .listItem:
                lastBody = index
            default:
                lastBody = nil
            }
            interrupted = false
        }
    }

    static func endsSentence(_ byte: (UInt8, UInt8)) -> Bool {
        let (last, beforeLast) = byte
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"):
            return true
        case UInt8(ascii: "\""), UInt8(ascii: ")"), 0x9D, 0x99, 0xBB:
            // Closing quote or parenthesis: the sentence ended if the byte before it did.
            return beforeLast == UInt8(ascii: ".") || beforeLast == UInt8(ascii: "!") || beforeLast == UInt8(ascii: "?")
        default:
            return false
        }
    }

    /// The last content byte of a group outside any markup mark, and the byte before it.
    ///
    /// The two bytes are kept in locals and the line read where it lies in `tokens`: an array
    /// of found bytes and a copy of the token per call cost more than the walk itself.
    func lastMeaningfulByte(_ group: LineGroup) -> (UInt8, UInt8)? {
        // The lines are read where they lie: `continuations.last ?? lines` copied them.
        if group.continuations.isEmpty { return lastMeaningfulByte(of: group.lines) }
        return group.continuations.withUnsafeBufferPointer { lastMeaningfulByte(of: $0[$0.count - 1]) }
    }

    /// `lastMeaningfulByte(_:)` over `lines`, walked back by position (`reversed()` iterated
    /// a copy of the list through the generic collection path).
    private func lastMeaningfulByte(of lines: LineList) -> (UInt8, UInt8)? {
        tokens.withUnsafeBufferPointer { tokens -> (UInt8, UInt8)? in
            var position = lines.count
            while position > 0 {
                position -= 1
                let line = lines[position]
                var last: UInt8? = nil
                var beforeLast: UInt8 = 0
                let start = tokens[line].start
                let contentStart = tokens[line].contentStart
                tokens[line].bytes.withUnsafeBufferPointer { bytes in
                    let marks = tokens[line].marks
                    var index = bytes.count - 1
                    while index >= contentStart {
                        let source = start + index
                        if let mark = marks.last(where: { $0.start <= source && source < $0.end }) {
                            index = mark.start - start - 1
                            continue
                        }
                        let byte = bytes[index]
                        if byte != 0x20 && byte != 0x09 && !(byte == 0xA0 && index > 0 && bytes[index - 1] == 0xC2) {
                            if last == nil { last = byte } else { beforeLast = byte; return }
                        } else if last != nil {
                            return
                        }
                        index -= 1
                    }
                }
                if let last { return (last, beforeLast) }
            }
            return nil
        }
    }

    /// Whether the group's first content byte outside markup starts a lower-case letter. The
    /// line is read where it lies in `tokens`: a copy of the token retained its arrays.
    func firstMeaningfulIsLowercase(_ group: LineGroup) -> Bool {
        let line = group.lines[0]
        return tokens.withUnsafeBufferPointer { tokens in
            let start = tokens[line].start
            return tokens[line].marks.withUnsafeBufferPointer { marks in
                tokens[line].bytes.withUnsafeBufferPointer { bytes in
                    var index = tokens[line].contentStart
                    while index < bytes.count {
                        let source = start + index
                        if let mark = marks.first(where: { $0.start <= source && source < $0.end }) {
                            index = mark.end - start
                            continue
                        }
                        let byte = bytes[index]
                        if byte == 0x20 || byte == 0x09 { index += 1; continue }
                        if byte >= 0x61 && byte <= 0x7A { return true }
                        if byte == 0xD0, index + 1 < bytes.count, bytes[index + 1] >= 0xB0 { return true }
                        if byte == 0xD1, index + 1 < bytes.count, bytes[index + 1] <= 0x8F { return true }
                        if byte == 0xC3, index + 1 < bytes.count, bytes[index + 1] >= 0xA0 { return true }
                        return false
                    }
                    return false
                }
            }
        }
    }

    // MARK: Exhibits

    /// One entry per exhibit label value, in order of first citation, with every citation of it.
    static func exhibits(from citations: [Citation]) -> [Exhibit] {
        var collector = ExhibitCollector()
        collector.add(citations)
        return collector.exhibits
    }
}

/// Gathers the exhibits cited, in order of first citation, from citations given in source
/// order, in one list or in several (the windows of a large document).
struct ExhibitCollector {
    /// The exhibits, in order of first citation.
    private var list: [Exhibit] = []
    /// Position in `list` of each exhibit, by lower-cased label and number: one hash of the
    /// key per citation (a dictionary of exhibits was hashed four or five times per citation,
    /// and each exhibit copied out of it to be updated).
    private var positions: [String: Int] = [:]

    /// Adds the exhibit citations of `citations`.
    mutating func add(_ citations: [Citation]) {
        // By index: `for citation in citations` copies every citation to look at its kind.
        for index in citations.indices where citations[index].kind == .exhibit {
            guard let number = citations[index].exhibit else { continue }
            let label = citations[index].label
            let key = (label ?? "Exhibit").lowercased() + "/" + number
            if let position = positions[key] {
                list[position].citations.append(citations[index].id)
                if list[position].title == nil { list[position].title = citations[index].title }
            } else {
                positions[key] = list.count
                list.append(Exhibit(label: label ?? "Exhibit", number: number, title: citations[index].title,
                                    citations: [citations[index].id]))
            }
        }
    }

    /// The exhibits, in order of first citation.
    var exhibits: [Exhibit] { list }
}
