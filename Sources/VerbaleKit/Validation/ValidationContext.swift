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
    /// The citation kinds the document has, in order of first appearance.
    let kinds: [CitationKind]
    /// Indexes into `document.citations` of each of `kinds`, in source order (an array by
    /// position: a document has a handful of kinds, found by a compare each).
    let citationsOfKind: [[Int]]
    /// Every block span as `(start, end, block index)`, sorted by start, for offset look-ups.
    let spanIndex: [(start: Int, end: Int, block: Int)]
    /// Where the block scans of the checks look, by block index.
    let scans: BlockScan

    init(document: Document) {
        self.document = document
        let parts = document.parts
        var total = 0
        for partIndex in parts.indices { total += parts[partIndex].blocks.count }
        var partOfBlock: [Int] = []
        partOfBlock.reserveCapacity(total)
        var partBlocks: [Range<Int>] = []
        partBlocks.reserveCapacity(parts.count)
        var blockBytes: [[UInt8]] = []
        blockBytes.reserveCapacity(total)
        var questionBlocks: [Bool] = []
        questionBlocks.reserveCapacity(total)
        var spans: [(start: Int, end: Int, block: Int)] = []
        spans.reserveCapacity(total)
        // Question leads are looked for only where `QuestionChecks.crossReferences` reads:
        // blocks of its kinds, in a document with questions.
        let hasQuestions = !document.questions.isEmpty
        // One pass over the parts' blocks, each read in place (a copy of a block retains
        // all its strings and arrays): part, bytes, question mark and spans together.
        var sorted = true
        var lastStart = Int.min
        for partIndex in parts.indices {
            let first = blockBytes.count
            for blockIndex in parts[partIndex].blocks.indices {
                let index = blockBytes.count
                partOfBlock.append(partIndex)
                // The text map already holds the text's bytes: share its array rather than
                // copy, and make no string to learn that (the text is made from the map when
                // asked for).
                // The map's fields are read in place: a copy of the map retains its arrays.
                if !parts[partIndex].blocks[blockIndex].hasOwnText, parts[partIndex].blocks[blockIndex].mapped.isValidUTF8 {
                    blockBytes.append(parts[partIndex].blocks[blockIndex].mapped.bytes)
                } else {
                    let text = parts[partIndex].blocks[blockIndex].text
                    let mapped = parts[partIndex].blocks[blockIndex].mapped
                    blockBytes.append(mapped.count == text.utf8.count ? mapped.bytes : Array(text.utf8))
                }
                questionBlocks.append(hasQuestions && QuestionChecks.readsForReferences(
                    parts[partIndex].blocks[blockIndex].kind, parts[partIndex].blocks[blockIndex].role))
                for span in parts[partIndex].blocks[blockIndex].spans {
                    if span.start < lastStart { sorted = false }
                    lastStart = span.start
                    spans.append((span.start, span.end, index))
                }
            }
            partBlocks.append(first..<blockBytes.count)
        }
        self.blocks = BlockList(parts: parts, partOfBlock: partOfBlock, partBlocks: partBlocks)
        self.partOfBlock = partOfBlock
        self.partBlocks = partBlocks
        self.blockBytes = blockBytes
        self.scans = BlockScan(blockBytes, questionBlocks: questionBlocks)
        // Blocks come in source order, so their spans mostly already are: the (stable) sort
        // runs only when some span starts before the one before it.
        if !sorted { spans.sort { $0.start < $1.start } }
        self.spanIndex = spans
        // Citations are grouped by kind; the block-id table is built only when some
        // citation's offset falls outside every block (`blockIndex(of:)` falls back to it).
        // A kind hashes as its raw string: the citations are grouped by a compare with the
        // few kinds met so far (most often the last one), with no table at all.
        // Each kind's list is sized from a first pass's counts: grown by appends, the lists
        // were reallocated a few times each.
        var kinds: [CitationKind] = []
        var counts: [Int] = []
        var last = -1
        var unplaced = false
        let citations = document.citations
        var kindOf = [Int](repeating: 0, count: citations.count)
        for index in citations.indices {
            let kind = citations[index].kind
            if last < 0 || kinds[last] != kind {
                if let at = kinds.firstIndex(of: kind) {
                    last = at
                } else {
                    kinds.append(kind)
                    counts.append(0)
                    last = kinds.count - 1
                }
            }
            kindOf[index] = last
            counts[last] += 1
            if !unplaced, Self.lookup(spans, citations[index].span.start) == nil { unplaced = true }
        }
        var ofKind: [[Int]] = counts.map { count in
            var list: [Int] = []
            list.reserveCapacity(count)
            return list
        }
        for index in kindOf.indices { ofKind[kindOf[index]].append(index) }
        var byID: [String: Int] = [:]
        if unplaced {
            for index in blockBytes.indices where byID[blocks[index].id] == nil { byID[blocks[index].id] = index }
        }
        self.blockIndexByID = byID
        self.kinds = kinds
        self.citationsOfKind = ofKind
    }

    /// Indexes into `document.citations` of the citations of `kind` in block `block`, in
    /// order, placed as `blockIndex(of:)` places them (read in place, no copy of a citation).
    /// Asked for the few blocks with registration numbers only: a table of every block's
    /// citations cost an array per block with citations, for all documents.
    func citations(inBlock block: Int, of kind: CitationKind) -> [Int] {
        let all = document.citations
        return citations(kind).indexes.filter { index in
            if let at = blockIndex(containing: all[index].span.start) { return at == block }
            guard let id = all[index].block else { return false }
            return (blockIndexByID[id] ?? blocks.indices.first { blocks[$0].id == id }) == block
        }
    }

    /// The citations of one kind, in source order: a view that lends them from the document
    /// (an array of them would copy every citation in and again out, then destroy them all).
    func citations(_ kind: CitationKind) -> CitationList {
        guard let at = kinds.firstIndex(of: kind) else { return CitationList(all: document.citations, indexes: []) }
        return CitationList(all: document.citations, indexes: citationsOfKind[at])
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
