/// What every check needs, computed once per document: blocks in order with their UTF-8
/// text, the part each block belongs to, and ways to turn text offsets into source spans and
/// line numbers.
struct ValidationContext {
    /// The document under check.
    let document: Document
    /// Every block of every part, in source order (a view: blocks stay in their parts).
    let blocks: BlockList
    /// Each block's text as UTF-8 bytes (parallel to `blocks`).
    let blockBytes: [[UInt8]]
    /// Index of the part each block belongs to (parallel to `blocks`).
    let partOfBlock: [Int]
    /// The blocks of each part, as a range of `blocks` (parts hold their blocks in order).
    let partBlocks: [Range<Int>]
    /// Block index by block id (filled only when some citation lies outside every block span).
    let blockIndexByID: [String: Int]
    /// Indexes into `document.citations` by kind.
    let citationsOfKind: [CitationKind: [Int]]
    /// Indexes into `document.citations` of the citations in each block (by block index).
    let citationsByBlock: [[Int]]
    /// Every block span as `(start, end, block index)`, sorted by start, for offset look-ups.
    let spanIndex: [(start: Int, end: Int, block: Int)]
    /// Where the block scans of the checks look, by block index.
    let scans: BlockScan

    init(document: Document) {
        self.document = document
        var partOfBlock: [Int] = []
        var partBlocks: [Range<Int>] = []
        var total = 0
        for partIndex in document.parts.indices {
            let count = document.parts[partIndex].blocks.count
            partBlocks.append(total..<(total + count))
            partOfBlock.append(contentsOf: repeatElement(partIndex, count: count))
            total += count
        }
        let blocks = BlockList(parts: document.parts, partOfBlock: partOfBlock, partBlocks: partBlocks)
        self.blocks = blocks
        self.partOfBlock = partOfBlock
        self.partBlocks = partBlocks
        // The text map already holds the text's bytes: share its array rather than copy, and
        // make no string to learn that (the text is made from the map when asked for).
        self.blockBytes = blocks.indices.map { index in
            let mapped = blocks[index].mapped
            if !blocks[index].hasOwnText, mapped.isValidUTF8 { return mapped.bytes }
            let text = blocks[index].text
            return mapped.count == text.utf8.count ? mapped.bytes : Array(text.utf8)
        }
        // Question leads are looked for only where `QuestionChecks.crossReferences` reads:
        // blocks of its kinds, in a document with questions.
        let hasQuestions = !document.questions.isEmpty
        self.scans = BlockScan(blockBytes, questionBlocks: blocks.indices.map { index in
            hasQuestions && QuestionChecks.readsForReferences(blocks[index].kind, blocks[index].role)
        })
        var spans: [(start: Int, end: Int, block: Int)] = []
        spans.reserveCapacity(blocks.count)
        for index in blocks.indices {
            for span in blocks[index].spans { spans.append((span.start, span.end, index)) }
        }
        spans.sort { $0.start < $1.start }
        self.spanIndex = spans
        // Citations are placed by offset (spans do not overlap); the block id is the fallback,
        // and its table is built only when some offset falls outside every block.
        var byBlock = [[Int]](repeating: [], count: blocks.count)
        var unplaced: [Int] = []
        // A kind hashes as its raw string: the citations are grouped by a compare with the
        // few kinds met so far (most often the last one), and hashed once per kind at the end.
        var kinds: [CitationKind] = []
        var ofKind: [[Int]] = []
        var last = -1
        let citations = document.citations
        for index in citations.indices {
            let kind = citations[index].kind
            if last < 0 || kinds[last] != kind {
                if let at = kinds.firstIndex(of: kind) {
                    last = at
                } else {
                    kinds.append(kind)
                    ofKind.append([])
                    last = kinds.count - 1
                }
            }
            ofKind[last].append(index)
            if let block = Self.lookup(spans, citations[index].span.start) {
                byBlock[block].append(index)
            } else {
                unplaced.append(index)
            }
        }
        let citationsOfKind = Dictionary(uniqueKeysWithValues: zip(kinds, ofKind))
        var byID: [String: Int] = [:]
        if !unplaced.isEmpty {
            for index in blocks.indices where byID[blocks[index].id] == nil { byID[blocks[index].id] = index }
            for index in unplaced {
                if let id = citations[index].block, let block = byID[id] { byBlock[block].append(index) }
            }
        }
        self.blockIndexByID = byID
        self.citationsByBlock = byBlock
        self.citationsOfKind = citationsOfKind
    }

    /// The citations of one kind, in source order: a view that lends them from the document
    /// (an array of them would copy every citation in and again out, then destroy them all).
    func citations(_ kind: CitationKind) -> CitationList {
        CitationList(all: document.citations, indexes: citationsOfKind[kind] ?? [])
    }

    private static func lookup(_ spanIndex: [(start: Int, end: Int, block: Int)], _ offset: Int) -> Int? {
        var low = 0
        var high = spanIndex.count
        while low < high {
            let mid = (low + high) / 2
            if spanIndex[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0, offset < spanIndex[low - 1].end else { return nil }
        return spanIndex[low - 1].block
    }

    /// 1-based line of a source offset, for messages that point at a second place.
    func line(_ offset: Int) -> Int { document.lineTable.location(of: offset).line }

    /// Whether a block is question text quoted from the communication being answered: its words
    /// are the sender's, so drafting checks on the reply skip it.
    func isQuotedQuestion(_ block: Int) -> Bool { blocks[block].role == "question" }

    /// The block whose spans contain `offset`, if any.
    func blockIndex(containing offset: Int) -> Int? {
        // Binary search for the last span starting at or before `offset`; spans do not overlap.
        Self.lookup(spanIndex, offset)
    }

    /// The block a citation sits in: by its offset, else by its `block` id.
    func blockIndex(of citation: Citation) -> Int? {
        if let index = blockIndex(containing: citation.span.start) { return index }
        if let id = citation.block, let index = blockIndexByID[id] { return index }
        if let id = citation.block { return blocks.indices.first { blocks[$0].id == id } }
        return nil
    }

    /// Estimated text offset of a source offset inside a block (markup makes text shorter than
    /// source, so this is an upper bound; callers search around it).
    func estimatedTextOffset(block: Int, source: Int) -> Int {
        var before = 0
        for span in blocks[block].spans {
            if source < span.end { return before + max(0, source - span.start) }
            before += span.count
        }
        return before
    }

    /// Text range of a citation inside its block: the occurrence of its text nearest to where
    /// its source offset says it is.
    func textRange(of citation: Citation, in block: Int) -> Range<Int>? {
        textRange(text: citation.text, sourceStart: citation.span.start, in: block)
    }

    /// `textRange(of:in:)` of a citation with text `text` whose source span starts at
    /// `sourceStart` (read in place, without a copy of the citation).
    func textRange(text: String, sourceStart: Int, in block: Int) -> Range<Int>? {
        let needle = Array(text.utf8)
        guard !needle.isEmpty else { return nil }
        let estimate = estimatedTextOffset(block: block, source: sourceStart)
        var best: Int? = nil
        var from = 0
        let hay = blockBytes[block]
        while let at = Bytes.find(needle, in: hay, from: from) {
            if best == nil || abs(at - estimate) < abs(best! - estimate) { best = at }
            from = at + 1
        }
        return best.map { $0..<($0 + needle.count) }
    }

    /// Source span of a text range inside a block: exact through the block's text map, else
    /// (hand-built blocks without a map) estimated by walking the block's source spans.
    func sourceSpan(block: Int, _ range: Range<Int>) -> ByteSpan {
        let mapped = blocks[block].mapped
        if mapped.count == blockBytes[block].count, range.lowerBound < mapped.count {
            return mapped.sourceSpan(range.lowerBound, min(range.upperBound, mapped.count))
        }
        let start = estimatedSource(block: block, text: range.lowerBound)
        let end = estimatedSource(block: block, text: range.upperBound)
        return ByteSpan(start, max(start, end))
    }

    private func estimatedSource(block: Int, text offset: Int) -> Int {
        var remaining = offset
        let spans = blocks[block].spans
        for span in spans {
            if remaining <= span.count { return span.start + remaining }
            remaining -= span.count
        }
        return spans.last?.end ?? 0
    }
}

/// The blocks of all parts as one random-access collection, without copying them out of their
/// parts: the subscript lends each block in place (`_read`), so `blocks[i].kind` costs no copy
/// of the block's strings and arrays.
struct BlockList: RandomAccessCollection {
    /// The document's parts.
    let parts: [Part]
    /// Part of each block.
    let partOfBlock: [Int]
    /// Block range of each part.
    let partBlocks: [Range<Int>]

    var startIndex: Int { 0 }
    var endIndex: Int { partOfBlock.count }

    subscript(position: Int) -> Block {
        _read {
            let part = partOfBlock[position]
            yield parts[part].blocks[position - partBlocks[part].lowerBound]
        }
    }
}

/// Some of a document's citations, by index, as one random-access collection: the subscript
/// lends each citation in place (`_read`), so reading a field costs no copy of the citation.
struct CitationList: RandomAccessCollection {
    /// Every citation of the document.
    let all: [Citation]
    /// Indexes into `all` of the citations in the list, in order.
    let indexes: [Int]

    var startIndex: Int { 0 }
    var endIndex: Int { indexes.count }

    subscript(position: Int) -> Citation {
        _read { yield all[indexes[position]] }
    }
}
