import VerbaleKit

/// A TLC entry of `meta/references`.
struct TLC {
    /// Which TLC element.
    enum Kind { case organization, person, role, concept }
    var kind: Kind
    var eId: String
    /// What the href names: written `/akn/ontology/{kind}/{slug of name}` (see `slug`).
    var name: String
    var showAs: String
}

/// Every block of every part as one sequence, in source order, read through the parts in place:
/// copying a `Block` retains half a dozen buffers, which showed in profiles.
struct FlatBlocks {
    private let parts: [Part]
    /// Part index of each flat block.
    let part: [Int]
    private let index: [Int]

    init(_ parts: [Part]) {
        self.parts = parts
        var part: [Int] = []
        var index: [Int] = []
        for (number, each) in parts.enumerated() {
            part.append(contentsOf: repeatElement(number, count: each.blocks.count))
            index.append(contentsOf: 0..<each.blocks.count)
        }
        self.part = part
        self.index = index
    }

    var count: Int { index.count }
    var indices: Range<Int> { 0..<index.count }

    subscript(flat: Int) -> Block {
        _read { yield parts[part[flat]].blocks[index[flat]] }
    }
}

/// One `doc` to write: the root or an attachment.
struct DocPlan {
    /// The part that gives the doc its kind, date, parties and number.
    var part: Int
    var kind: PartKind
    /// Prefix of counter-based eIds (`att_1__`), empty for the root: the schema wants eIds unique
    /// across nested documents.
    var prefix: String
    /// Flat block indices: preface, main body, conclusions.
    var head: [Int] = []
    var body: [Int] = []
    var tail: [Int] = []
    /// Valid ISO date of the part, if any.
    var date: String?
    /// Date for FRBRdate (always valid) and its `name` (`issue`, `inferred`, `unknown`).
    var frbrDate = "0001-01-01"
    var frbrDateName = "unknown"
    var number: String?
    var workURI = ""
    var exprURI = ""
    var language = "und"
    var tlcs: [TLC] = []
    var authorRef = ""
    var signatoryRef: String?
    var roleRef: String?
    var questionerRef: String?
    /// Instrument name → TLCConcept eId.
    var instruments: [String: String] = [:]
    /// Questions whose blocks could not be found: written from their text fields.
    var textQuestions: [Int] = []
    /// Footnotes with no located call-out, written at the end of the main body.
    var orphanNotes: [Int] = []
}

/// A call-out of a footnote inside a flow block.
struct Callout {
    var span: ByteSpan
    var note: Int
}

/// How a citation is written.
enum CitationShape {
    case ref(Target)
    case rref(from: Target, upTo: Target)
    case mref([(label: String, target: Target)], fallback: Target)
    case text
}

/// Where a citation points: `/akn/ontology/citation/{kind}/{key}` of `citation`, then
/// `~art_{article}__para_{paragraph}` when a provision inside it is meant. Kept as parts and
/// written straight into the attribute: building the strings cost more than writing them.
struct Target {
    var citation: Int
    var article: String? = nil
    var paragraph: String? = nil
}

/// Everything decided before streaming starts: document split, footnote placement, citation
/// targets and TLCs. Computing it first keeps the writer a single forward pass (meta, which comes
/// first in the XML, needs to know which instruments the body cites).
struct Plan {
    let document: Document
    var diagnostics: [Diagnostic] = []
    let country: String
    /// Every block of every part, flattened in source order (read in place, never copied).
    let blocks: FlatBlocks
    /// Part index of each flat block.
    var blockPart: [Int] { blocks.part }
    var docs: [DocPlan] = []
    /// Content blocks (flat indices) of each footnote.
    var noteContent: [[Int]] = []
    /// Call-outs of each flat block, in source order (arrays by block: no hashing per lookup).
    var calloutsByBlock: [[Callout]] = []
    /// Citations in source order (the engine's order, re-sorted defensively).
    let citations: [Citation]
    var citationsByBlock: [[Int]] = []
    var shapes: [CitationShape] = []
    /// Citation id → index, when ids are not `c_N` in order (empty otherwise).
    var citationIds: [String: Int] = [:]
    /// TLCConcept eId of the instrument each citation cites, when it has one.
    var instrumentOf: [String?] = []
    /// Question index and role (`true` for the response) of each flow block in a question pair.
    var questionOf: [(question: Int, response: Bool)?] = []

    init(document: Document, options: AKNOptions) {
        self.document = document
        blocks = FlatBlocks(document.parts)
        calloutsByBlock = Array(repeating: [], count: blocks.count)
        citationsByBlock = Array(repeating: [], count: blocks.count)
        questionOf = Array(repeating: nil, count: blocks.count)
        // The engine returns citations in source order; sorting copies every citation, so only
        // when needed.
        // Loops over indices read fields in place; closures over elements copied each citation.
        var inOrder = true
        var derived: String? = nil
        for index in document.citations.indices {
            if index > 0, document.citations[index].span < document.citations[index - 1].span { inOrder = false }
            if derived == nil, document.citations[index].kind == .communication,
               let country = document.citations[index].country, country != "OTH" {
                derived = country
            }
        }
        citations = inOrder ? document.citations : document.citations.sorted { $0.span < $1.span }
        let chosen = Names.segment(options.country ?? derived ?? "xx", lowercase: true)
        country = chosen.isEmpty ? "xx" : chosen

        splitDocuments()
        planDates()
        planFootnotes()
        planCitations()
        planQuestions()
        planParties()
    }

    // MARK: Documents

    /// The root is the first note verbale, else the first part that is not a letterhead; every
    /// other non-letterhead part becomes an attachment in source order. A letterhead's blocks go
    /// to the preface of the part that follows it.
    private mutating func splitDocuments() {
        let parts = document.parts
        let main = parts.indices.filter { parts[$0].kind != .letterhead }
        let root = main.first { parts[$0].kind == .noteVerbale } ?? main.first
        var order: [Int] = []
        if let root { order.append(root) }
        order.append(contentsOf: main.filter { $0 != root })
        if order.isEmpty {
            // Only letterheads (or nothing): one `doc name="communication"`.
            let kind: PartKind = .letterhead
            var plan = DocPlan(part: parts.isEmpty ? -1 : 0, kind: kind, prefix: "")
            plan.body = blocks.indices.filter { isFlow($0) }
            docs = [plan]
            return
        }
        var docIndex: [Int: Int] = [:]
        for (position, part) in order.enumerated() {
            docIndex[part] = position
            docs.append(DocPlan(part: part, kind: parts[part].kind, prefix: position == 0 ? "" : "att_\(position)__"))
        }
        // Which doc each part's blocks go to: letterheads to the next main part (else the previous).
        var target: [Int] = Array(repeating: 0, count: parts.count)
        var headOnly = Array(repeating: false, count: parts.count)
        for index in parts.indices {
            if let doc = docIndex[index] { target[index] = doc; continue }
            headOnly[index] = true
            if let next = main.first(where: { $0 > index }) { target[index] = docIndex[next] ?? 0 }
            else if let previous = main.last(where: { $0 < index }) { target[index] = docIndex[previous] ?? 0; headOnly[index] = false }
        }
        var flowByDoc: [[Int]] = Array(repeating: [], count: docs.count)
        var letterheadByDoc: [[Int]] = Array(repeating: [], count: docs.count)
        for index in blocks.indices where isFlow(index) {
            let part = blockPart[index]
            if headOnly[part] { letterheadByDoc[target[part]].append(index) } else { flowByDoc[target[part]].append(index) }
        }
        for doc in docs.indices {
            let flow = flowByDoc[doc]
            // Preface: the leading run of letterhead, address, reference, date and salutation
            // blocks; conclusions: the trailing run of signature, date, address and reference
            // blocks. Everything between stays in the main body, in source order.
            var first = 0
            while first < flow.count, isHeadKind(flow[first]) { first += 1 }
            var last = flow.count
            while last > first, isTailKind(flow[last - 1]) { last -= 1 }
            if first == flow.count {
                // No body at all: keep the blocks in the body so the text is not all preface.
                first = 0
                last = flow.count
            }
            docs[doc].head = letterheadByDoc[doc] + flow[0..<first]
            docs[doc].body = Array(flow[first..<last])
            docs[doc].tail = Array(flow[last...])
        }
    }

    /// Blocks written in the text flow (footnote texts go into notes; page furniture is dropped).
    func isFlow(_ block: Int) -> Bool {
        let kind = blocks[block].kind
        return kind != .footnote && kind != .pageFurniture
    }

    private func isHeadKind(_ block: Int) -> Bool {
        guard blocks[block].question == nil else { return false }
        switch blocks[block].kind {
        case .letterhead, .address, .reference, .dateline, .salutation: return true
        default: return false
        }
    }

    private func isTailKind(_ block: Int) -> Bool {
        guard blocks[block].question == nil else { return false }
        switch blocks[block].kind {
        case .signature, .dateline, .address, .reference: return true
        default: return false
        }
    }

    // MARK: Dates and URIs

    private mutating func planDates() {
        let parts = document.parts
        var validDates: [String?] = Array(repeating: nil, count: parts.count)
        for (index, part) in parts.enumerated() {
            guard let date = part.date else { continue }
            if Names.isISODate(date) {
                validDates[index] = date
            } else {
                diagnostics.append(Diagnostic(
                    code: "akn-invalid-date", severity: .warning,
                    message: "\(part.id) has date \"\(date)\", which is not a calendar date (yyyy-mm-dd); docDate and the dated URI use a fallback",
                    span: ByteSpan(part.start, part.end)))
            }
        }
        let rootDate = docs.first.flatMap { $0.part >= 0 ? validDates[$0.part] : nil }
        let anyDate = validDates.compactMap { $0 }.first
        for doc in docs.indices {
            let partIndex = docs[doc].part
            let part: Part? = partIndex >= 0 ? parts[partIndex] : nil
            let own = partIndex >= 0 ? validDates[partIndex] : nil
            docs[doc].date = own
            if let own {
                docs[doc].frbrDate = own
                docs[doc].frbrDateName = "issue"
            } else if let inferred = rootDate ?? anyDate {
                docs[doc].frbrDate = inferred
                docs[doc].frbrDateName = "inferred"
            }
            if let reference = part?.reference, !Names.segment(reference).isEmpty {
                docs[doc].number = reference
            }
            let language = part?.language ?? document.language
            docs[doc].language = Names.language3(language.isEmpty ? document.language : language)
            let number = docs[doc].number.map { Names.segment($0) } ?? "nn"
            docs[doc].workURI = "/akn/\(country)/doc/\(Names.docName(docs[doc].kind))/\(docs[doc].frbrDate)/\(number)"
            docs[doc].exprURI = docs[doc].workURI + "/\(docs[doc].language)@"
        }
    }

    // MARK: Footnotes

    /// Flat index of the flow block containing source offset `offset`, among `candidates`.
    private func containing(_ span: ByteSpan, in candidates: [Int]) -> Int? {
        for index in candidates {
            for blockSpan in blocks[index].spans where span.start >= blockSpan.start && span.start < max(blockSpan.end, blockSpan.start + 1) {
                return index
            }
        }
        return nil
    }

    private mutating func planFootnotes() {
        let notes = document.footnotes
        noteContent = Array(repeating: [], count: notes.count)
        // Content: footnote blocks with the note's number inside its range, else by number alone.
        var byNumber: [Int: [Int]] = [:]
        for block in blocks.indices where blocks[block].kind == .footnote {
            if let number = blocks[block].footnote { byNumber[number, default: []].append(block) }
        }
        for (index, note) in notes.enumerated() {
            let numbered = byNumber[note.number] ?? []
            let inRange = numbered.filter { blocks[$0].start >= note.start && blocks[$0].start < max(note.end, note.start + 1) }
            noteContent[index] = inRange.isEmpty ? numbered : inRange
        }
        // Call-outs to blocks, in writing order (docs, then preface/body/conclusions).
        // Flat order is source order, so filtering keeps the list sorted by start.
        var isFlowBlock = Array(repeating: false, count: blocks.count)
        for doc in docs { for block in doc.head + doc.body + doc.tail { isFlowBlock[block] = true } }
        let sortedFlow = blocks.indices.filter { isFlowBlock[$0] }
        var located = Array(repeating: false, count: notes.count)
        for (index, note) in notes.enumerated() {
            for span in note.references {
                guard let block = locateBlock(span.start, sorted: sortedFlow) else { continue }
                calloutsByBlock[block].append(Callout(span: span, note: index))
                located[index] = true
            }
        }
        for block in calloutsByBlock.indices where calloutsByBlock[block].count > 1 { calloutsByBlock[block].sort { $0.span < $1.span } }
        for (index, note) in notes.enumerated() where !located[index] {
            let doc = docOf(sourceOffset: note.start)
            docs[doc].orphanNotes.append(index)
            diagnostics.append(Diagnostic(
                code: "akn-note-without-callout", severity: .note,
                message: "footnote \(note.number) has no call-out in the text; written at the end of the main body",
                span: ByteSpan(note.start, note.end)))
        }
    }

    /// Binary search over flow blocks sorted by start, then a check of the block's spans.
    private func locateBlock(_ offset: Int, sorted: [Int]) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if blocks[sorted[mid]].start <= offset { low = mid + 1 } else { high = mid }
        }
        // Candidates: the block starting at or before the offset, and its predecessor (spans of
        // interrupted blocks interleave with others).
        var index = low - 1
        var tried = 0
        while index >= 0, tried < 4 {
            let block = blocks[sorted[index]]
            for span in block.spans where offset >= span.start && offset <= span.end {
                return sorted[index]
            }
            index -= 1
            tried += 1
        }
        return nil
    }

    /// The doc whose part contains `offset`; the root when none does.
    func docOf(sourceOffset offset: Int) -> Int {
        for (index, doc) in docs.enumerated() where doc.part >= 0 {
            let part = document.parts[doc.part]
            if offset >= part.start && offset < part.end { return index }
        }
        return 0
    }

    /// The doc each note's text is written in: that of its first call-out in writing order, or
    /// the doc it is an orphan of. One pass over the flow blocks.
    func noteDocs() -> [Int] {
        var result = Array(repeating: -1, count: document.footnotes.count)
        guard !result.isEmpty else { return result }
        for index in docs.indices {
            for note in docs[index].orphanNotes where result[note] < 0 { result[note] = index }
            for list in [docs[index].head, docs[index].body, docs[index].tail] {
                for block in list {
                    for callout in calloutsByBlock[block] where result[callout.note] < 0 { result[callout.note] = index }
                }
            }
        }
        return result.map { max(0, $0) }
    }

    // MARK: Citations

    private mutating func planCitations() {
        guard !citations.isEmpty else { return }
        // Doc of every written block (-1: not written). Arrays, not dictionaries: this runs per
        // citation and hashing showed in profiles.
        var blockDoc = Array(repeating: -1, count: blocks.count)
        for index in docs.indices {
            for block in docs[index].head { blockDoc[block] = index }
            for block in docs[index].body { blockDoc[block] = index }
            for block in docs[index].tail { blockDoc[block] = index }
        }
        let docsOfNotes = noteDocs()
        for note in noteContent.indices {
            for block in noteContent[note] { blockDoc[block] = docsOfNotes[note] }
        }
        let sortedWritable = blocks.indices.filter { blockDoc[$0] >= 0 }

        instrumentOf = Array(repeating: nil, count: citations.count)
        shapes = Array(repeating: .text, count: citations.count)
        var blockIds: [String: Int]? = nil
        // Kept apart from `docs` while the loop runs: touching `docs[doc]` in it copied the
        // whole DocPlan each time.
        var instruments: [[String: String]] = Array(repeating: [:], count: docs.count)
        var concepts: [[TLC]] = Array(repeating: [], count: docs.count)
        let prefixes = docs.map(\.prefix)
        // Citation ids are `c_N` in order; a dictionary only for models numbered otherwise.
        if !citations.indices.allSatisfy({ citations[$0].id.isEmpty || Self.trailingNumber(citations[$0].id) == $0 + 1 }) {
            citationIds = Dictionary(citations.indices.map { (citations[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        // Fields are read in place: a `Citation` has some thirty fields, and copying one per
        // citation cost more than writing its XML.
        for index in citations.indices {
            var block: Int? = nil
            if let id = citations[index].block, let found = flatIndex(ofBlockId: id, &blockIds), blockDoc[found] >= 0 {
                block = found
            } else {
                block = locateBlock(citations[index].span.start, sorted: sortedWritable)
            }
            guard let block else {
                diagnostics.append(Diagnostic(
                    code: "akn-citation-unplaced", severity: .note,
                    message: "\(citations[index].id) \"\(citations[index].text)\" is in no written block (page furniture?); not linked in the XML",
                    span: citations[index].span))
                continue
            }
            citationsByBlock[block].append(index)
            let doc = blockDoc[block]
            if let instrument = resolvedInstrument(index) {
                if let eId = instruments[doc][instrument] {
                    instrumentOf[index] = eId
                } else {
                    let eId = prefixes[doc] + "instrument_\(instruments[doc].count + 1)"
                    instruments[doc][instrument] = eId
                    concepts[doc].append(TLC(kind: .concept, eId: eId, name: instrument, showAs: instrument))
                    instrumentOf[index] = eId
                }
            }
            shapes[index] = shape(index)
        }
        for doc in docs.indices {
            docs[doc].instruments = instruments[doc]
            docs[doc].tlcs += concepts[doc]
        }
    }

    /// Flat index of the block with id `id`: the parser numbers blocks `b_N` in source order, so
    /// `N - 1` is tried first and checked; otherwise a dictionary, built on first need.
    private func flatIndex(ofBlockId id: String, _ index: inout [String: Int]?) -> Int? {
        if let guess = Self.trailingNumber(id), guess >= 1, guess <= blocks.count, blocks[guess - 1].id == id {
            return guess - 1
        }
        if index == nil {
            index = Dictionary(blocks.indices.map { (blocks[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return index?[id]
    }

    /// Index of the citation with id `id` (`c_N`, numbered in source order), checked; otherwise
    /// through `citationIds`.
    private func citationIndex(ofId id: String) -> Int? {
        if let guess = Self.trailingNumber(id), guess >= 1, guess <= citations.count, citations[guess - 1].id == id {
            return guess - 1
        }
        return citationIds[id]
    }

    /// The number after the last `_` of an id (`b_14` → 14).
    static func trailingNumber(_ id: String) -> Int? {
        var value = 0
        var digits = 0
        for byte in id.utf8.reversed() {
            if byte == 0x5F { break }
            guard byte >= 0x30, byte <= 0x39, digits < 9 else { return nil }
            var power = 1
            for _ in 0..<digits { power *= 10 }
            value += Int(byte - 0x30) * power
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// The instrument a citation (or the citation an `Id.` repeats) cites.
    private func resolvedInstrument(_ index: Int) -> String? {
        guard let target = resolveId(index) else { return nil }
        guard let name = citations[target].instrument, !name.isEmpty else { return nil }
        return name
    }

    /// Follows `Id.` antecedents to the citation they repeat (bounded, so a cycle cannot hang).
    func resolveId(_ index: Int) -> Int? {
        var current = index
        var steps = 0
        while citations[current].kind == .id {
            guard steps < 32, let antecedent = citations[current].antecedent, let next = citationIndex(ofId: antecedent) else { return nil }
            current = next
            steps += 1
        }
        return current
    }

    private mutating func shape(_ index: Int) -> CitationShape {
        if citations[index].kind == .id {
            if let target = resolveId(index), !citations[target].key.isEmpty {
                return .ref(Target(citation: target))
            }
            diagnostics.append(Diagnostic(
                code: "akn-id-unresolved", severity: .note,
                message: "\(citations[index].id) \"\(citations[index].text)\" has no resolvable antecedent; written as plain text",
                span: citations[index].span))
            return .text
        }
        guard !citations[index].key.isEmpty else {
            diagnostics.append(Diagnostic(
                code: "akn-citation-no-key", severity: .note,
                message: "\(citations[index].id) \"\(citations[index].text)\" has no key; written as plain text",
                span: citations[index].span))
            return .text
        }
        let base = Target(citation: index)
        guard citations[index].kind == .article else { return .ref(base) }
        let articles = citations[index].articles
        let paragraphs = citations[index].paragraphs
        func provision(_ article: String, _ paragraph: String?) -> Target {
            Target(citation: index, article: article, paragraph: paragraph)
        }
        if let range = citations[index].range, range.count == 2 {
            if articles.count == 1, paragraphs.count > 1 {
                return .rref(from: provision(articles[0], range[0]), upTo: provision(articles[0], range[1]))
            }
            if articles.count > 1 {
                return .rref(from: provision(range[0], nil), upTo: provision(range[1], nil))
            }
            return .ref(base)
        }
        if articles.count > 1 {
            return .mref(articles.map { ($0, provision($0, nil)) }, fallback: base)
        }
        if articles.count == 1, paragraphs.count > 1 {
            return .mref(paragraphs.map { ($0, provision(articles[0], $0)) }, fallback: base)
        }
        return .ref(base)
    }

    // MARK: Questions

    private mutating func planQuestions() {
        let questions = document.questions
        guard !questions.isEmpty else { return }
        let marked = blocks.indices.contains { blocks[$0].question != nil }
        var covered = Array(repeating: false, count: questions.count)
        var position = 0
        // Body blocks of every doc, in source (flat) order.
        var isBody = Array(repeating: false, count: blocks.count)
        for index in docs.indices { for block in docs[index].body { isBody[block] = true } }
        for block in blocks.indices where isBody[block] {
            if marked {
                guard let id = blocks[block].question else { continue }
                // Questions are in source order, as their blocks are: look ahead from the last match.
                var found: Int? = nil
                for offset in 0..<questions.count {
                    let candidate = (position + offset) % questions.count
                    if questions[candidate].id == id { found = candidate; break }
                }
                guard let question = found else { continue }
                position = question
                questionOf[block] = (question, blocks[block].role == "response")
                covered[question] = true
            } else {
                // No block carries its question: place blocks by source position.
                let start = blocks[block].start
                while position < questions.count, questions[position].end <= start { position += 1 }
                guard position < questions.count, start >= questions[position].start else { continue }
                let responseStart = questions[position].responseStart ?? Int.max
                questionOf[block] = (position, start >= responseStart)
                covered[position] = true
            }
        }
        for question in questions.indices where !covered[question] {
            docs[docOf(sourceOffset: questions[question].start)].textQuestions.append(question)
        }
    }

    // MARK: Parties

    private mutating func planParties() {
        for doc in docs.indices {
            let prefix = docs[doc].prefix
            let part: Part? = docs[doc].part >= 0 ? document.parts[docs[doc].part] : nil
            var tlcs: [TLC] = [TLC(kind: .organization, eId: prefix + "verbale",
                                   name: "verbale", showAs: "Verbale")]
            var author: String? = nil
            if let from = part?.from, !from.isEmpty {
                tlcs.append(TLC(kind: .organization, eId: prefix + "sender",
                                name: from, showAs: from))
                author = prefix + "sender"
            }
            var recipient: String? = nil
            if let to = part?.to, !to.isEmpty {
                tlcs.append(TLC(kind: .organization, eId: prefix + "recipient",
                                name: to, showAs: to))
                recipient = prefix + "recipient"
            }
            if let signatory = part?.signatory, !signatory.name.isEmpty {
                tlcs.append(TLC(kind: .person, eId: prefix + "signatory",
                                name: signatory.name, showAs: signatory.name))
                docs[doc].signatoryRef = prefix + "signatory"
                if let title = signatory.title, !title.isEmpty {
                    tlcs.append(TLC(kind: .role, eId: prefix + "signatoryRole",
                                    name: title, showAs: title))
                    docs[doc].roleRef = prefix + "signatoryRole"
                }
                if author == nil { author = prefix + "signatory" }
            }
            if author == nil {
                tlcs.append(TLC(kind: .organization, eId: prefix + "sender",
                                name: "unknown", showAs: "Unknown sender"))
                author = prefix + "sender"
            }
            let hasQuestions = !docs[doc].textQuestions.isEmpty || docs[doc].body.contains { questionOf[$0] != nil }
            if hasQuestions {
                if let recipient {
                    docs[doc].questionerRef = recipient
                } else {
                    tlcs.append(TLC(kind: .organization, eId: prefix + "questioner",
                                    name: "unknown-questioner", showAs: "Author of the questions"))
                    docs[doc].questionerRef = prefix + "questioner"
                }
            }
            docs[doc].authorRef = author ?? prefix + "sender"
            docs[doc].tlcs = tlcs + docs[doc].tlcs
        }
    }
}
