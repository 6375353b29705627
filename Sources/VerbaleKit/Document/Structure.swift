/// The structural passes over blocks: parts and their metadata, numbered questions, sections
/// and languages. Blocks are few (hundreds per document), so these passes use strings.
struct StructureBuilder {
    var blocks: [Block]
    let plain: Bool
    var parts: [Part] = []
    var sections: [Section] = []
    var questions: [Question] = []
    var documentLanguage = "und"
    /// For each part, the bytes its language vote read (its weight in `documentLanguage`).
    var languageWeights: [Int] = []
    /// Numbers the first part, question and section ids take (a window of a large document
    /// continues the numbering of the windows before it).
    var firstNumbers = (part: 1, question: 1, section: 1)
    /// Lower-cased head of each block: its first `headLength` bytes, enough for every phrase a
    /// block is asked to start with. Keeping whole lower-cased copies of every block doubled
    /// the text's memory through the pass (the peak of a large document); the few tests that
    /// read further (first person, formulas, mastheads) lower that block again (`lowered`).
    /// The heads lie end to end in one buffer: an array per block cost an allocation each,
    /// more than lowering the head.
    private let headBytes: [UInt8]
    /// End of each block's head in `headBytes`; it starts where the previous block's ends.
    /// Offsets rather than a slice per block: reading a slice out of an array retained and
    /// released its buffer, and the heads are read some thirty times per block.
    private let headEnds: [Int]
    /// Running maximum of the parts' ends, for `endOfPart(containing:)` (built on first use).
    private var partEnds: [Int] = []
    /// Whether the parts start in source order (else `endOfPart(containing:)` walks them).
    private var partsSorted = true
    /// How much of a block the lower-cased copies cover: formulas and labels stand within it.
    static let lowerLimit = 8192
    /// Longest phrase a block is tested to start with, with room for the spaces and the `:`
    /// after a response label (block text holds single spaces).
    static let headLength = [Phrases.salutations, Phrases.letterClosings, Phrases.annexLabels,
                                     Phrases.questionLabels, Phrases.responseLabels, onBehalfOf]
        .flatMap(\.phrases).map(\.count).max()! + 16
    /// Bytes lowered for a head: `headLength` and the byte after it, rounded up to whole
    /// sixteen-byte steps of `ByteCase.lower` (an ASCII head then has no byte-by-byte tail).
    static let loweredHeadSpan = (headLength + 1 + 15) / 16 * 16
    /// For each block, bit 1: it holds a note's opening formula; bit 2: a closing formula.
    private let noteFormulas: [UInt8]

    init(blocks: [Block], plain: Bool) {
        self.blocks = blocks
        self.plain = plain
        // Formulas, labels and salutations stand at the start of a block or within its first
        // lines: the lower-cased copy is bounded, so a huge paragraph costs nothing extra.
        // By index, and lower-cased in the one copy made: mapping the blocks copied each block,
        // and `ByteCase.lower` copied the prefix again.
        // Every block is asked about both formulas, most more than once: one scan of its
        // lower-cased copy answers both, and then only the copy's head is kept.
        var headEnds: [Int] = []
        headEnds.reserveCapacity(blocks.count)
        var formulas: [UInt8] = []
        formulas.reserveCapacity(blocks.count)
        // Well-formed blocks (nearly all) are scanned without a lowered copy, and only their
        // head is lowered: copying and lowering up to 8 kB of every block cost more than the scan.
        let matcher = Phrases.noteFormulas
        let limit = Self.lowerLimit
        let headLength = Self.headLength
        let total = blocks.indices.reduce(0) { $0 + min(blocks[$1].mapped.count, headLength) }
        // Each head is lowered where it is kept, in one buffer of the heads' size and spare
        // bytes: lowering looks one byte past the head, and runs on to a whole number of
        // sixteen-byte steps (`loweredHeadSpan`); the next head then overwrites the extra bytes.
        // A stack buffer per head, lowered and appended, cost a copy and a capacity check more.
        let span = Self.loweredHeadSpan
        let headBytes = [UInt8](unsafeUninitializedCapacity: total + span) { buffer, initialized in
            let out = UnsafeMutableRawBufferPointer(buffer)
            var fill = 0
            for index in blocks.indices {
                // Read in place: a copy of `mapped` retained and released its arrays, twice
                // per block.
                guard blocks[index].mapped.isValidUTF8 else {
                    let bytes = Self.lowered(blocks[index].mapped.bytes)
                    formulas.append(Phrases.noteFormulas(in: bytes))
                    let kept = min(bytes.count, headLength)
                    if kept > 0 { bytes.withUnsafeBytes { out.baseAddress!.advanced(by: fill).copyMemory(from: $0.baseAddress!, byteCount: kept) } }
                    fill += kept
                    headEnds.append(fill)
                    continue
                }
                blocks[index].mapped.bytes.withUnsafeBufferPointer { bytes in
                    formulas.append(matcher.matchedGroups(lowering: UnsafeBufferPointer(rebasing: bytes.prefix(limit))))
                    let filled = min(bytes.count, span, limit)
                    if filled > 0 {
                        out.baseAddress!.advanced(by: fill).copyMemory(from: bytes.baseAddress!, byteCount: filled)
                        ByteCase.lower(UnsafeMutableRawBufferPointer(rebasing: out[fill..<(fill + filled)]))
                        fill += min(filled, headLength)
                    }
                }
                headEnds.append(fill)
            }
            initialized = fill
        }
        self.headBytes = headBytes
        self.headEnds = headEnds
        self.noteFormulas = formulas
    }

    /// `Array(lowered(text).prefix(headLength))`, lowering only the head and the byte after
    /// it (lowering a byte looks at most one byte ahead).
    static func loweredHead(_ text: [UInt8]) -> [UInt8] { loweredPrefix(text, headLength) }

    /// Appends `loweredHead(text)` to `bytes`, lowered in place there (no array of its own).
    static func appendLoweredHead(_ text: [UInt8], to bytes: inout [UInt8]) {
        let filled = min(text.count, headLength + 1, lowerLimit)
        // Lowered in a stack buffer and appended as one copy of the kept bytes: appending the
        // slice, lowering it in the array and removing the extra byte cost more per block.
        if filled == 0 { return }
        if filled <= 64 {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
                text.withUnsafeBufferPointer { source in
                    buffer.baseAddress!.initialize(from: source.baseAddress!, count: filled)
                }
                ByteCase.lower(UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<filled]))
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<min(filled, headLength)]))
            }
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: text.prefix(filled))
        bytes.withUnsafeMutableBytes { _ = ByteCase.lower(UnsafeMutableRawBufferPointer(rebasing: $0[start..<(start + filled)])) }
        if filled > headLength { bytes.removeLast() }
    }

    /// `Array(lowered(text).prefix(length))`, lowering only those bytes and the one after them.
    static func loweredPrefix(_ text: [UInt8], _ length: Int) -> [UInt8] {
        let headLength = min(length, lowerLimit)
        let filled = min(text.count, headLength + 1, lowerLimit)
        // Copied from a slice: `Array(repeating:count:)` and `unsafeUninitializedCapacity`
        // went through a generic allocation that cost more than the lowering.
        var bytes = Array(text.prefix(filled))
        bytes.withUnsafeMutableBytes { _ = ByteCase.lower($0) }
        if filled > headLength { bytes.removeLast() }
        return bytes
    }

    /// The lower-cased first `lowerLimit` of `text`.
    static func lowered(_ text: [UInt8]) -> [UInt8] {
        var bytes = Array(text.prefix(lowerLimit))
        bytes.withUnsafeMutableBytes { _ = ByteCase.lower($0) }
        return bytes
    }

    /// The lower-cased first `lowerLimit` bytes of block `index` (its head when that is all).
    private func lowered(_ index: Int) -> [UInt8] {
        blocks[index].mapped.count <= Self.headLength ? Array(headBytes[headRange(index)]) : Self.lowered(blocks[index].mapped.bytes)
    }

    /// Where block `index`'s lower-cased head lies in `headBytes`.
    @inline(__always)
    private func headRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : headEnds[index - 1])..<headEnds[index]
    }

    /// Whether block `index`'s lower-cased head starts with any of `phrases`.
    private func headStarts(_ index: Int, _ phrases: PhraseSet) -> Bool {
        let range = headRange(index)
        return headBytes.withUnsafeBufferPointer { phrases.startsAny(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// `responseLabel` of block `index`'s lower-cased head.
    private func headResponseLabel(_ index: Int) -> Int? {
        let range = headRange(index)
        return headBytes.withUnsafeBufferPointer { Self.responseLabel(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    mutating func build() {
        let ranges = partRanges()
        for (kind, range) in ranges {
            parts.append(makePart(kind: kind, range: range))
        }
        findQuestions()
        buildSections()
        // Parts and blocks are both in source order: one merge pass hands each block to its part.
        // The blocks move into their parts: `blocks` is emptied, so no second array of them
        // lives on next to the parts.
        var partIndex = 0
        var partOfBlock: [Int] = []
        partOfBlock.reserveCapacity(blocks.count)
        for index in blocks.indices {
            while partIndex + 1 < parts.count, blocks[index].start >= parts[partIndex + 1].start { partIndex += 1 }
            partOfBlock.append(partIndex)
        }
        // Popped from the end, each block is moved, not copied (a copy retains a dozen
        // references, and dropping the source array releases them again); each part's list
        // is then reversed in place.
        var moving: [Block] = []
        swap(&moving, &blocks)
        if !parts.isEmpty {
            var lists = [[Block]](repeating: [], count: parts.count)
            // Each part's list allocated once at its size: grown by doubling, the lists held up
            // to twice the blocks' room while every block's text was alive.
            var counts = [Int](repeating: 0, count: parts.count)
            for part in partOfBlock { counts[part] += 1 }
            for index in lists.indices { lists[index].reserveCapacity(counts[index]) }
            while let block = moving.popLast() { lists[partOfBlock[moving.count]].append(block) }
            for index in parts.indices {
                // Through a buffer, whose swaps move the blocks: `Array.reverse()` copied both
                // blocks of every swap (a dozen references retained and released each).
                lists[index].withUnsafeMutableBufferPointer { $0.reverse() }
                swap(&parts[index].blocks, &lists[index])
            }
        }
        assignLanguages()
    }

    /// `Phrases.containsFirstPerson(lowered(index))`, scanning a well-formed block without a
    /// lowered copy (lowering up to 8 kB of each block asked cost more than the scan).
    private func hasFirstPerson(_ index: Int) -> Bool {
        // A short block too: copying its lowered head to scan the copy cost more than the scan.
        guard blocks[index].mapped.isValidUTF8 else {
            return Phrases.containsFirstPerson(lowered(index))
        }
        return blocks[index].mapped.bytes.withUnsafeBufferPointer { bytes in
            Phrases.firstPersonMatcher.matchedGroups(lowering: UnsafeBufferPointer(rebasing: bytes.prefix(Self.lowerLimit))) != 0
        }
    }

    /// Whether block `index` holds a note's opening formula (`presents its compliments`).
    private func hasOpening(_ index: Int) -> Bool { noteFormulas[index] & 1 != 0 }
    /// Whether block `index` holds a note's closing formula (`avails itself of this opportunity`).
    private func hasClosing(_ index: Int) -> Bool { noteFormulas[index] & 2 != 0 }

    // MARK: Block text, read through the stored fields

    // `Block.text`, `textFits`, `hasOwnText` and `textBytes` called on
    // `blocks[index]` were each handed a copy of the whole block (a dozen references retained
    // and released, some 400 instructions); these read only the fields they need, in place.

    /// `blocks[index].text`.
    private func blockText(_ index: Int) -> String {
        if let own = blocks[index].ownText { return own }
        return String(decoding: blocks[index].mapped.bytes, as: UTF8.self)
    }

    /// `blocks[index].hasOwnText`.
    private func blockHasOwnText(_ index: Int) -> Bool { blocks[index].ownText != nil }

    /// `blocks[index].textFits(limit)`: more mapped bytes than `limit` settle it at once (bad
    /// sequences only lengthen the text); well-formed bytes are the text.
    private func blockFits(_ index: Int, _ limit: Int) -> Bool {
        guard blocks[index].ownText == nil else { return blockText(index).utf8.count <= limit }
        if blocks[index].mapped.count > limit { return false }
        return blocks[index].mapped.isValidUTF8 || blockText(index).utf8.count <= limit
    }

    /// `blocks[index].textBytes.count`, without copying a text of the block's own.
    private func blockTextByteLength(_ index: Int) -> Int {
        if let own = blocks[index].ownText { return own.utf8.count }
        return blocks[index].mapped.count
    }

    /// `body` of the block's bytes when they are its text (no text of its own, well-formed
    /// UTF-8); `nil` when only the string can answer.
    private func withBlockBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard blocks[index].ownText == nil, blocks[index].mapped.isValidUTF8 else { return nil }
        return blocks[index].mapped.bytes.withUnsafeBufferPointer(body)
    }

    /// Indexes of blocks that carry running text (not page furniture, not footnotes).
    private func isBody(_ index: Int) -> Bool {
        blocks[index].kind != .pageFurniture && blocks[index].kind != .footnote
    }

    // MARK: Parts

    /// Splits the blocks into parts: a UN masthead makes a report; each note verbale runs from
    /// its compliments to its closing courtesy and dateline; what precedes the first part is
    /// the letterhead; what follows a note is the transmitted letter (first person or a
    /// salutation) or an annex; an `Annex` heading starts an annex.
    private mutating func partRanges() -> [(PartKind, Range<Int>)] {
        let count = blocks.count
        guard count > 0 else { return [] }
        if isReport() { return splitAnnexes(kind: .report, 0..<count) }
        var notes: [Range<Int>] = []
        var index = 0
        while index < count {
            guard isBody(index), hasOpening(index) else { index += 1; continue }
            var end = index
            var cursor = index
            while cursor < count {
                if cursor > index, isBody(cursor), hasOpening(cursor) { break }
                if isBody(cursor), hasClosing(cursor) { end = cursor; break }
                cursor += 1
            }
            if end == index && !hasClosing(index) {
                // No closing courtesy: the note runs to the next opening or a letter's start.
                end = index
            }
            var extended = 0
            while end + 1 < count, extended < 2, isDateline(end + 1) {
                end += 1
                extended += 1
            }
            // A dateline just above the compliments belongs to the note (`Note CANBERRA, 8
            // September 1947`); so do the headings between two notes (`Nr. II`).
            var start = index
            let floor = notes.last?.upperBound ?? 0
            while start - 1 >= floor, isDateline(start - 1) || (!notes.isEmpty && blocks[start - 1].kind == .heading) {
                start -= 1
            }
            notes.append(start..<(end + 1))
            index = end + 1
        }
        var result: [(PartKind, Range<Int>)] = []
        var cursor = 0
        for (number, note) in notes.enumerated() {
            if note.lowerBound > cursor {
                let gap = cursor..<note.lowerBound
                if number == 0 {
                    result.append((.letterhead, gap))
                } else {
                    result.append(contentsOf: splitAnnexes(kind: gapKind(gap, afterNote: true), gap))
                }
            }
            result.append((.noteVerbale, note))
            cursor = note.upperBound
        }
        if cursor < count {
            let gap = cursor..<count
            if notes.isEmpty {
                let head = letterheadEnd(gap)
                if head > gap.lowerBound { result.append((.letterhead, gap.lowerBound..<head)) }
                let rest = head..<count
                if !rest.isEmpty { result.append(contentsOf: splitAnnexes(kind: gapKind(rest, afterNote: false), rest)) }
            } else {
                result.append(contentsOf: splitAnnexes(kind: gapKind(gap, afterNote: true), gap))
            }
        }
        // Trailing furniture or footnotes alone do not make a part: fold them into the previous.
        var merged: [(PartKind, Range<Int>)] = []
        for entry in result {
            if let last = merged.last, entry.1.allSatisfy({ !isBody($0) }) || (entry.0 == .annex && isTrailingMatter(entry.1)) {
                merged[merged.count - 1] = (last.0, last.1.lowerBound..<entry.1.upperBound)
            } else {
                merged.append(entry)
            }
        }
        return merged
    }

    /// Whether a gap holds too little text to be a part of its own (a rule, an archival
    /// reference): it is folded into the part before it.
    private func isTrailingMatter(_ range: Range<Int>) -> Bool {
        if range.contains(where: { isBody($0) && isAnnexLabel($0) }) { return false }
        let bodyBytes = range.filter(isBody).reduce(0) { $0 + blocks[$1].textByteCount }
        return bodyBytes < 300 && gapKind(range, afterNote: true) != .letter
    }

    /// A letter signed for someone else opens with this.
    static let onBehalfOf = PhraseSet(["on behalf of"])

    private func gapKind(_ range: Range<Int>, afterNote: Bool) -> PartKind {
        let probe = range.prefix(14)
        for index in probe where isBody(index) {
            if headStarts(index, Phrases.salutations) && blockFits(index, 79) { return .letter }
            if hasFirstPerson(index) { return .letter }
            if headStarts(index, Self.onBehalfOf) { return .letter }
        }
        for index in range where isBody(index) && headStarts(index, Phrases.letterClosings) {
            return .letter
        }
        return afterNote ? .annex : .statement
    }

    /// Splits off annexes: a short block that is an annex label (`Annex`, `Annex II`,
    /// `Enclosure 1`) starts one.
    private func splitAnnexes(kind: PartKind, _ range: Range<Int>) -> [(PartKind, Range<Int>)] {
        var result: [(PartKind, Range<Int>)] = []
        var start = range.lowerBound
        for index in range where index > range.lowerBound && isBody(index) && isAnnexLabel(index) {
            result.append((result.isEmpty ? kind : .annex, start..<index))
            start = index
        }
        result.append((result.isEmpty ? kind : .annex, start..<range.upperBound))
        return result
    }

    private func isAnnexLabel(_ index: Int) -> Bool {
        guard blocks[index].mapped.count <= 40, headStarts(index, Phrases.annexLabels) else { return false }
        let text = String(decoding: lowered(index), as: UTF8.self)
        // `Annex II`, `Enclosure 1 – Decree`: a label, not a sentence that starts with the word.
        return !text.contains(":") || text.split(separator: " ").count <= 3
    }

    /// Letterhead lines at the top of a document with no note: short lines before the first
    /// date, salutation or running text.
    private mutating func letterheadEnd(_ range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound {
            // Fields read in place rather than from a copy of the block.
            if blocks[index].kind == .pageFurniture { index += 1; continue }
            guard blocks[index].kind != .footnote, blockFits(index, 200), !isDateline(index),
                  !headStarts(index, Phrases.salutations),
                  isMostlyUppercase(blockText(index)) else { break }
            index += 1
        }
        return index
    }

    private func isMostlyUppercase(_ text: String) -> Bool {
        var upper = 0
        var lowerCount = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isUppercase { upper += 1 } else if scalar.properties.isLowercase { lowerCount += 1 }
        }
        return upper > 0 && lowerCount * 4 < upper
    }

    /// A UN document masthead: a symbol such as `A/HRC/43/15/Add.1` near "United Nations" or
    /// "Distr." at the top.
    private func isReport() -> Bool {
        // The masthead is the first lines: the symbol there, with the distribution line
        // ("Distr.: General") or the organ's name. A symbol cited in a footnote is not a masthead.
        let head = blocks.indices.prefix(3).filter { blocks[$0].kind != .footnote }
        // A symbol holds two slashes: without two `/` bytes (each slash character is one) a
        // block holds no symbol and is not split into words. Asked first: a head with no such
        // block is no masthead whatever its words, and the masthead words were searched in a
        // lowered copy of each block (most documents have no symbol at the top).
        let slashed = head.filter { index in
            // Counted in place up to the second (a lazy filter's count read every byte in
            // several steps).
            blocks[index].mapped.bytes.withUnsafeBufferPointer { bytes in
                var slashes = 0
                for byte in bytes.prefix(600) where byte == UInt8(ascii: "/") {
                    slashes += 1
                    if slashes == 2 { return true }
                }
                return false
            }
        }
        guard !slashed.isEmpty else { return false }
        guard head.contains(where: { Phrases.containsAny(Self.loweredPrefix(blocks[$0].mapped.bytes, 600), Self.mastheadWords) }) else { return false }
        return slashed.contains { index in
            String(decoding: blocks[index].mapped.bytes.prefix(600), as: UTF8.self).split(separator: " ").contains { Self.looksLikeSymbol($0) }
        }
    }

    /// Words of a UN masthead: the distribution line or the organ.
    static let mastheadWords = PhraseSet(["distr", "general assembly", "assemblée générale", "asamblea general", "генеральная ассамблея"])

    static func looksLikeSymbol(_ word: Substring) -> Bool {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, let first = parts.first, (1...6).contains(first.count),
              first.allSatisfy({ $0.isUppercase }) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty }
    }

    /// For each block, whether it is a dateline: 0 not yet asked, -1 no, else one more than
    /// the index of its first date in `datelineDates`. The answer reads only the block's text
    /// and whether it is body text, which the pass never changes (it gives blocks other body
    /// kinds only), and the same short blocks are asked again by the part split and the
    /// part's dateline, date and signature searches.
    private var datelines: [Int32] = []
    /// The first date of each block found to be a dateline (`datelineDate`): the parts'
    /// date searches read it again, and scanning the text again cost as much as the test.
    private var datelineDates: [FoundDate] = []

    /// A short block that is a date, or a place and a date (asked once per block).
    private mutating func isDateline(_ index: Int) -> Bool {
        guard index < blocks.count else { return false }
        if datelines.isEmpty { datelines = [Int32](repeating: 0, count: blocks.count) }
        let known = datelines[index]
        if known != 0 { return known > 0 }
        guard let date = findDateline(index) else {
            datelines[index] = -1
            return false
        }
        datelineDates.append(date)
        datelines[index] = Int32(datelineDates.count)
        return true
    }

    /// `DateParser.firstDate(in: blockText(index))!` of a block `isDateline` said yes to.
    private func datelineDate(_ index: Int) -> FoundDate {
        datelineDates[Int(datelines[index]) - 1]
    }

    /// `isDateline` answered afresh: the block's first date when it is a dateline. On the
    /// block's bytes, when they are its text, the date's range is the same as in its text.
    private func findDateline(_ index: Int) -> FoundDate? {
        // The length first: the text is made from the block's bytes when read.
        guard index < blocks.count, isBody(index), blockFits(index, 80) else { return nil }
        // On the block's bytes when they are its text: no string made, and no copy of it.
        if !blockHasOwnText(index), blocks[index].mapped.isValidUTF8 {
            guard let date = DateParser.dates(in: blocks[index].mapped.bytes).first else { return nil }
            return blocks[index].mapped.count - (date.range.upperBound - date.range.lowerBound) <= 40 ? date : nil
        }
        let text = blockText(index)
        guard let date = DateParser.firstDate(in: text) else { return nil }
        // The date must be most of the line: `Geneva, December « 23 », 2019`, not a sentence.
        return text.utf8.count - (date.range.upperBound - date.range.lowerBound) <= 40 ? date : nil
    }

    private mutating func makePart(kind: PartKind, range: Range<Int>) -> Part {
        var part = Part(id: "part_\(firstNumbers.part + parts.count)", kind: kind, start: blocks[range.lowerBound].start, end: blocks[range.upperBound - 1].end,
                        language: "und", blocks: [])
        switch kind {
        case .noteVerbale: fillNote(&part, range)
        case .letter, .annex, .statement: fillLetter(&part, range)
        case .letterhead:
            for index in range where isBody(index) { blocks[index].kind = .letterhead }
            // Texts made one at a time until a reference is found: making every block's text
            // first cost more than the search.
            for index in range {
                if let reference = referenceNumber(ofBlock: index) { part.reference = reference; break }
            }
        case .report:
            part.reference = blocks.prefix(4).lazy.flatMap { $0.text.split(separator: " ") }
                .first { Self.looksLikeSymbol($0) }.map(String.init)
            for index in range.prefix(8) {
                if let date = DateParser.firstDate(in: blockText(index)) { part.date = date.iso; break }
            }
        }
        return part
    }

    /// Date, place, parties and reference of a note verbale.
    private mutating func fillNote(_ part: inout Part, _ range: Range<Int>) {
        let openingIndex = range.first { hasOpening($0) } ?? range.lowerBound
        let openingBytes = blocks[openingIndex].mapped.bytes
        if let (formulaLength, offset) = Phrases.firstNoteFormula(openingBytes, validUTF8: blocks[openingIndex].mapped.isValidUTF8,
                                                                   limit: Self.lowerLimit, Phrases.noteOpeningIndexes) {
            var from = String(decoding: openingBytes[..<offset], as: UTF8.self).trimmingSpaces()
            if let date = DateParser.firstDate(in: from) {
                from = String(decoding: Array(from.utf8)[date.range.upperBound...], as: UTF8.self).trimmingSpaces()
            }
            if let reference = Self.referenceNumber(in: from) {
                part.reference = reference
                if let range = from.firstRange(of: reference) { from = String(from[range.upperBound...]).trimmingSpaces() }
            }
            part.from = from.isEmpty ? nil : from
            let after = openingBytes[(offset + formulaLength)...].prefix(400)
            // The bytes are the text's when the block is well-formed (the formula's end starts a
            // scalar): then no string is made for the search. A cut inside a scalar becomes
            // U+FFFD in the string; the bytes before that scalar answer alike when a stop ends
            // the addressee before it, so only then are they read.
            var end = after.endIndex
            while end > after.startIndex, end < openingBytes.count, openingBytes[end] & 0xC0 == 0x80 { end -= 1 }
            if blocks[openingIndex].mapped.isValidUTF8,
               let to = openingBytes[after.startIndex..<end].withUnsafeBufferPointer({
                   Self.plainAddressee(afterCompliments: $0, untilStop: end < after.endIndex)
               }) {
                part.to = to
            } else {
                part.to = Self.addressee(afterCompliments: String(decoding: after, as: UTF8.self))
            }
        }
        // Date and place: a dateline after the closing, else a date in the closing, else one
        // before the compliments.
        var dated = false
        for index in range.reversed() where isDateline(index) {
            blocks[index].kind = .dateline
            setDate(&part, from: blockText(index), date: datelineDate(index))
            dated = true
            break
        }
        if !dated, let closing = range.last(where: { hasClosing($0) }) {
            if let (_, offset) = Phrases.firstNoteFormula(blocks[closing].mapped.bytes, validUTF8: blocks[closing].mapped.isValidUTF8,
                                                          limit: Self.lowerLimit, Phrases.noteClosingIndexes) {
                let tail = String(decoding: blocks[closing].mapped.bytes[offset...].prefix(600), as: UTF8.self)
                if let date = DateParser.firstDate(in: tail) { setDate(&part, from: tail, date: date); dated = true }
            }
        }
        if !dated {
            let openingHead = String(decoding: openingBytes.prefix(200), as: UTF8.self)
            if let date = DateParser.firstDate(in: openingHead) { setDate(&part, from: openingHead, date: date) }
        }
        if part.reference == nil {
            // The note's own number is printed on the letterhead just above it.
            var index = openingIndex - 1
            while index >= 0 && index >= openingIndex - 4 {
                if let reference = referenceNumber(ofBlock: index) { part.reference = reference; break }
                index -= 1
            }
        }
    }

    private func setDate(_ part: inout Part, from text: String, date: FoundDate) {
        guard date.isValid else { return }
        let bytes = Array(text.utf8)
        part.date = date.iso
        part.dateText = String(decoding: bytes[date.range], as: UTF8.self)
        // The place is the capitalised words just before the date, up to a comma.
        var before = String(decoding: bytes[..<date.range.lowerBound], as: UTF8.self).trimmingSpaces()
        for suffix in [", le", ", el", " le", " el", ","] where before.hasSuffix(suffix) {
            before = String(before.dropLast(suffix.count))
            break
        }
        let words = Self.lastWords(before, 3)
        var placeWords: [Substring] = []
        for word in words.reversed() {
            guard let first = word.first, first.isUppercase, !word.hasSuffix("."), word.count > 1 else { break }
            // A second word joins only when both are in mixed case (`New York`, `La Haye`), so a
            // letterhead's `REPUBLIQUE FRANÇAISE Paris` yields `Paris`.
            if let previous = placeWords.first {
                let mixed = { (text: Substring) in text.contains(where: \.isLowercase) }
                guard mixed(word) && mixed(previous) else { break }
            }
            placeWords.insert(word, at: 0)
            if placeWords.count == 2 { break }
        }
        if !placeWords.isEmpty {
            let place = placeWords.joined(separator: " ").trimmingCharacters(",;:")
            if !["Note", "Nota", "Note verbale", "Ref", "No"].contains(place) { part.place = place }
        }
    }

    /// `text.split(separator: " ").suffix(count)`, reading only the tail that holds those
    /// words (a dateline's text before the date can be a whole paragraph) and on bytes when
    /// its spaces are plain (`plainLastWords`); otherwise the whole text is split.
    static func lastWords(_ text: String, _ count: Int) -> [Substring] {
        if let words = plainLastWords(text, count) { return words }
        return Array(text.split(separator: " ").suffix(count))
    }

    /// `lastWords` on the text's bytes, when every space byte read is a character of its own:
    /// the scalar before it is ASCII, Latin-1 or basic Cyrillic (none prepends itself to the
    /// next character), and the one after it is ASCII or a Latin-1 or basic Cyrillic letter
    /// (`C3`, `D0`, `D1` leads: no combining mark). The words are then the runs between space
    /// bytes. A text of fewer words than `count` is split whole so: splitting the characters
    /// of a short dateline (most of the texts asked) cost some 5,000 instructions. `nil` when
    /// a space read is not plain.
    static func plainLastWords(_ text: String, _ count: Int) -> [Substring]? {
        guard count > 0 else { return nil }
        let bounds = text.utf8.withContiguousStorageIfAvailable { bytes -> [(Int, Int)]? in
            func isOwnCharacter(_ space: Int) -> Bool { isPlainSpace(bytes, space) }
            var words: [(Int, Int)] = []
            var index = bytes.count
            while index > 0 {
                while index > 0, bytes[index - 1] == 0x20 {
                    guard isOwnCharacter(index - 1) else { return nil }
                    index -= 1
                }
                guard index > 0 else { break }
                let end = index
                while index > 0, bytes[index - 1] != 0x20 { index -= 1 }
                words.append((index, end))
                if words.count == count {
                    // The space before the first word kept must split there too.
                    guard index == 0 || isOwnCharacter(index - 1) else { return nil }
                    break
                }
            }
            return words
        }
        guard let found = bounds ?? nil else { return nil }
        let utf8 = text.utf8
        return found.reversed().map { start, end in
            text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
        }
    }

    /// `to the Office of the United Nations High Commissioner for Human Rights and …` → the
    /// addressee, up to the first ` and ` / ` et ` / ` y ` / comma.
    static func addressee(afterCompliments text: String) -> String? {
        var rest = text.trimmingSpaces()
        // The prefixes are at most 7 characters: lower-case only the head, not 400 bytes.
        let head = String(rest.prefix(8)).lowercased()
        for prefix in ["to the ", "to ", "au ", "à la ", "à l'", "à l’", "aux ", "a la ", "al ", "a ", "в "] where head.hasPrefix(prefix) {
            rest = String(rest.dropFirst(prefix.count))
            break
        }
        let restBytes = Array(rest.utf8)
        let end = restBytes.withUnsafeBufferPointer { addresseeEnd($0) }
        let result = String(decoding: restBytes[..<end], as: UTF8.self).trimmingSpaces()
        return result.isEmpty ? nil : result
    }

    /// The articles and prepositions `addressee` drops before the addressee, as bytes.
    static let addresseePrefixes = ["to the ", "to ", "au ", "à la ", "à l'", "à l’", "aux ", "a la ", "al ", "a ", "в "].map { Array($0.utf8) }

    /// `addressee(afterCompliments:)` on well-formed bytes whose first nine characters (after
    /// the leading spaces) are plain scalars (`plainScalarWidth`): each is a character, so the
    /// eight-character head is eight scalars, lower-cased on bytes (`String.lowercased()`
    /// lowers them alike, or to no letter of a prefix), and the prefix dropped is its bytes.
    /// Only the addressee becomes a string; the 400 bytes after the formula were made one,
    /// trimmed, lowered and copied twice. `.none` when the head is not plain, or when
    /// `untilStop` and no stop ends the addressee.
    static func plainAddressee(afterCompliments text: UnsafeBufferPointer<UInt8>, untilStop: Bool = false) -> String?? {
        let (start, end) = trimmedSpaceBounds(text)
        var rest = UnsafeBufferPointer(rebasing: text[start..<end])
        guard let headEnd = plainWindowEnd(rest, 8) else { return .none }
        var head: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &head) { buffer in
            for offset in 0..<headEnd { buffer[offset] = rest[offset] }
            ByteCase.lower(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<headEnd]))
            for prefix in addresseePrefixes where prefix.count <= headEnd {
                guard prefix.indices.allSatisfy({ buffer[$0] == prefix[$0] }) else { continue }
                rest = UnsafeBufferPointer(rebasing: rest[prefix.count...])
                break
            }
        }
        let stop = addresseeEnd(rest)
        if untilStop, stop == rest.count { return .none }
        let (nameStart, nameEnd) = trimmedSpaceBounds(UnsafeBufferPointer(rebasing: rest[..<stop]))
        return .some(nameEnd > nameStart ? String(decoding: UnsafeBufferPointer(rebasing: rest[nameStart..<nameEnd]), as: UTF8.self) : nil)
    }

    /// Where the addressee ends in `… compliments to X and has the honour …`.
    static let addresseeStops = [" and ", " and,", " et ", " et,", " y ", " y,", " и ", ","].map { Array($0.utf8) }

    /// The offset of the first of `addresseeStops` in `bytes` (the earliest start of any of
    /// them), else the count. One pass that looks at the bytes after each space and stops at
    /// the first hit: searching for each stop in turn read the text eight times, stopping at
    /// every space seven of them.
    static func addresseeEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var index = 0
        // Whether `word` stands at `at`, then a space or a comma (`" and "`, `" and,"`).
        @inline(__always) func wordThenStop(_ at: Int, _ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard at + length < count else { return false }
            for offset in 0..<length where bytes[at + offset] != word.utf8Start[offset] { return false }
            let next = bytes[at + length]
            return next == 0x20 || next == UInt8(ascii: ",")
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") { return index }
            if byte == 0x20 {
                let next = index + 1
                if wordThenStop(next, "and") || wordThenStop(next, "et") || wordThenStop(next, "y") { return index }
                // ` и ` (Cyrillic `и` is D0 B8): a space only, no comma form.
                if next + 2 < count, bytes[next] == 0xD0, bytes[next + 1] == 0xB8, bytes[next + 2] == 0x20 { return index }
            }
            index += 1
        }
        return count
    }

    /// A reference number after `Réf.`, `Ref.`, `No.`, `Nº`, `№`, `N°`: the first token that
    /// holds a digit.
    /// Words that introduce a reference number, lower-cased.
    static let referenceWords: Set<String> = ["réf.", "ref.", "ref", "réf", "reference", "référence", "no.", "no", "nº", "n°", "№", "núm.", "nr.", "исх."]
    /// Number signs that may stand between the word and the number.
    static let numberSignWords: Set<String> = ["№", "no.", "no", "nº", "n°", ":"]

    /// First UTF-8 bytes of the reference words in either case (`r`, `n`, `№`, `и`/`И`): most
    /// words are rejected before any case folding.
    static let referenceLeads: Set<UInt8> = [0x52, 0x72, 0x4E, 0x6E, 0xE2, 0xD0]

    /// Whether a space-separated word within the first 160 characters of `text` starts like a
    /// reference word or number sign (`ref`, `réf`, `no`, `nº`, `n°`, `núm`, `nr`, `№`, `исх`,
    /// in any case): the bytes tell, before the text is split into characters.
    static func mayHoldReference(_ text: String) -> Bool {
        var text = text
        // 160 characters are rarely more than 640 bytes; count them only when they may be,
        // on bytes when those characters are plain scalars.
        let count = text.utf8.count
        let limit = count <= 640 ? count
            : (text.utf8.withContiguousStorageIfAvailable { plainWindowEnd($0, 160) } ?? nil) ?? text.prefix(160).utf8.count
        return text.withUTF8 { startsLikeReference($0, limit: limit) }
    }

    /// The scan of `mayHoldReference`: whether a word starting before `limit` starts like a
    /// reference word or number sign.
    static func startsLikeReference(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Bool {
        var index = 0
        while index < limit {
            if startsLikeReferenceWord(bytes, index) { return true }
            // Skip to the next word.
            while index < limit, bytes[index] != 0x20 { index += 1 }
            while index < limit, bytes[index] == 0x20 { index += 1 }
        }
        return false
    }

    /// Whether the bytes at `index`, lower-cased as `ByteCase.lower` lowers them from there,
    /// start with one of `referencePrefixes`. Told from the bytes and their capitals (`R`, `É`,
    /// `Ú`, `И`, `С`, `Х`: `ByteCase.lower` maps no other bytes onto these prefixes' bytes)
    /// rather than by lowering a copy of each word's head and comparing it with every prefix,
    /// which cost thousands of instructions a text.
    @inline(__always)
    static func startsLikeReferenceWord(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let available = bytes.count - index
        @inline(__always) func at(_ offset: Int) -> UInt8 { bytes[index + offset] }
        switch bytes[index] {
        case 0x52, 0x72:
            // `ref`, `réf` (`é` is C3 A9, `É` C3 89).
            if available >= 3, at(1) | 0x20 == 0x65, at(2) | 0x20 == 0x66 { return true }
            return available >= 4 && at(1) == 0xC3 && (at(2) == 0xA9 || at(2) == 0x89) && at(3) | 0x20 == 0x66
        case 0x4E, 0x6E:
            // `no`, `nr`, `nº` (C2 BA), `n°` (C2 B0), `núm` (`ú` is C3 BA, `Ú` C3 9A).
            guard available >= 2 else { return false }
            let second = at(1)
            if second | 0x20 == 0x6F || second | 0x20 == 0x72 { return true }
            if available >= 3, second == 0xC2, at(2) == 0xBA || at(2) == 0xB0 { return true }
            return available >= 4 && second == 0xC3 && (at(2) == 0xBA || at(2) == 0x9A) && at(3) | 0x20 == 0x6D
        case 0xE2:
            // `№` (E2 84 96).
            return available >= 3 && at(1) == 0x84 && at(2) == 0x96
        case 0xD0:
            // `исх`: `и` D0 B8 (`И` D0 98), `с` D1 81 (`С` D0 A1), `х` D1 85 (`Х` D0 A5).
            guard available >= 6, at(1) == 0xB8 || at(1) == 0x98 else { return false }
            let es = (at(2) == 0xD1 && at(3) == 0x81) || (at(2) == 0xD0 && at(3) == 0xA1)
            let kha = (at(4) == 0xD1 && at(5) == 0x85) || (at(4) == 0xD0 && at(5) == 0xA5)
            return es && kha
        default:
            return false
        }
    }

    /// The byte offset where the first `characters` characters of `bytes` end, when those and
    /// the one after them (which a mark could otherwise join) are plain scalars
    /// (`plainScalarWidth`); `nil` otherwise.
    static func plainWindowEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ characters: Int) -> Int? {
        // ASCII without CR (most heads): every byte is a plain scalar of its own, so the window
        // ends after `characters` bytes, or at the end of a shorter text. Eight bytes a test;
        // any other byte leaves the answer to the scalar walk below.
        if let base = bytes.baseAddress {
            let needed = min(bytes.count, characters + 1)
            var index = 0
            var plain = true
            while index + 8 <= needed {
                let word = ByteWords.load(base, index)
                if !ByteWords.isASCII(word) || ByteWords.hasByte(word, 0x0D) != 0 { plain = false; break }
                index += 8
            }
            while plain, index < needed {
                if base[index] >= 0x80 || base[index] == 0x0D { plain = false }
                index += 1
            }
            if plain { return min(bytes.count, characters) }
        }
        var index = 0
        var scalars = 0
        var window = bytes.count
        while index < bytes.count {
            if scalars == characters { window = index } else if scalars > characters { break }
            let width = plainScalarWidth(bytes, index)
            if width == 0 { return nil }
            index += width
            scalars += 1
        }
        return window
    }

    /// `referenceNumber(in: blockText(index))`, making the text only when the block may hold
    /// a reference: a well-formed block with no text of its own is its bytes, so the scan of
    /// `mayHoldReference` runs on them (most blocks asked hold no reference word, and the
    /// blocks above a note or in a letterhead can be whole paragraphs).
    ///
    /// When the block's first 161 characters are plain scalars, its bytes answer whole: the
    /// scan reads only the 160-character window that the search reads (every reference word
    /// the search can find starts there; scanning up to 640 bytes found more words, all
    /// outside it), and the byte search then runs on the block's bytes, with no text made
    /// and validated for it.
    private func referenceNumber(ofBlock index: Int) -> String? {
        if !blockHasOwnText(index), blocks[index].mapped.isValidUTF8 {
            let answer = blocks[index].mapped.bytes.withUnsafeBufferPointer { bytes -> String?? in
                if let window = Self.plainWindowEnd(bytes, 160) {
                    guard Self.startsLikeReference(bytes, limit: window) else { return .some(nil) }
                    return Self.bytewiseReferenceNumber(bytes: bytes)
                }
                if bytes.count <= 640, !Self.startsLikeReference(bytes, limit: bytes.count) { return .some(nil) }
                return .none
            }
            if let answer { return answer }
        }
        return Self.referenceNumber(in: blockText(index))
    }

    /// Lower-cased starts of `referenceWords` and `numberSignWords`.
    static let referencePrefixes: [[UInt8]] = ["ref", "réf", "no", "nº", "n°", "núm", "nr", "№", "исх"].map { Array($0.utf8) }

    static func referenceNumber(in text: String) -> String? {
        // Most texts have no word starting like a reference word: tell that from the bytes
        // before splitting into characters.
        guard mayHoldReference(text) else { return nil }
        if let answer = bytewiseReferenceNumber(in: text) { return answer }
        return characterReferenceNumber(in: text)
    }

    /// `referenceNumber` on characters, for any text.
    static func characterReferenceNumber(in text: String) -> String? {
        // A reference stands at the start of a line or block; long paragraphs are not searched.
        let words = text.prefix(160).split(whereSeparator: { $0 == " " })
        for (index, word) in words.enumerated() {
            // Cheap filter before any case folding: reference words are short.
            guard word.utf8.count <= 11, let lead = word.utf8.first, Self.referenceLeads.contains(lead) else { continue }
            var folded = word.lowercased()
            if folded.hasSuffix(":") { folded.removeLast() }
            guard referenceWords.contains(folded) else { continue }
            var next = index + 1
            while next < words.count, numberSignWords.contains(words[next].lowercased()) { next += 1 }
            guard next < words.count else { return nil }
            let candidate = words[next].trimmingCharacters(",;:")
            guard let first = candidate.first, first.isLetter || first.isNumber else { return nil }
            if candidate.contains(where: \.isNumber) { return candidate }
        }
        return nil
    }

    /// The byte length of the scalar at `index` when it is one that `referenceNumber` can read
    /// on bytes, else 0. Such a scalar is a character of its own whatever stands around it
    /// (no carriage return, combining mark or joiner), is in NFC, and `String.lowercased()`
    /// lowers it as `ByteCase.lower` does, or else to no letter of a reference word: ASCII
    /// other than CR; U+00A0–00FF (Latin-1 letters, `º`, `°`, no-break space); U+0400–047F
    /// (Cyrillic); U+2010–2027 (dashes, quotes, bullets); `№`.
    @inline(__always)
    static func plainScalarWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x0D ? 0 : 1 }
        guard index + 1 < bytes.count else { return 0 }
        let next = bytes[index + 1]
        switch lead {
        case 0xC2: return next >= 0xA0 && next <= 0xBF ? 2 : 0
        case 0xC3, 0xD0, 0xD1: return next >= 0x80 && next <= 0xBF ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count else { return 0 }
            let last = bytes[index + 2]
            if next == 0x80 && last >= 0x90 && last <= 0xA7 { return 3 }
            return next == 0x84 && last == 0x96 ? 3 : 0
        default: return 0
        }
    }

    /// Whether the plain scalar at `index` (`plainScalarWidth`) is a number to `Character`
    /// (`isNumber`: a numeric type): an ASCII digit, `²`, `³`, `¹`, `¼`, `½`, `¾`.
    @inline(__always)
    static func isPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let lead = bytes[index]
        if lead >= 0x30 && lead <= 0x39 { return true }
        guard lead == 0xC2 else { return false }
        let next = bytes[index + 1]
        return next == 0xB2 || next == 0xB3 || next == 0xB9 || (next >= 0xBC && next <= 0xBE)
    }

    /// Whether the plain scalar at `index` is a letter to `Character` (`isLetter`: alphabetic):
    /// an ASCII letter, a Latin-1 letter (not `×`, `÷`), `ª`, `µ`, `º`, or a Cyrillic letter.
    @inline(__always)
    static func isPlainLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A }
        let next = bytes[index + 1]
        switch lead {
        case 0xC2: return next == 0xAA || next == 0xB5 || next == 0xBA
        case 0xC3: return next != 0x97 && next != 0xB7
        case 0xD0, 0xD1: return true
        default: return false
        }
    }

    /// `referenceNumber` on bytes, for a text whose first 161 characters are plain scalars
    /// (`plainScalarWidth`): there each scalar is a character, so the 160-character window
    /// ends after 160 scalars, words split at spaces are byte runs, lower-casing a word is
    /// `ByteCase.lower` on its bytes, and `isLetter`/`isNumber` are told from the scalar;
    /// only the number found becomes a string. Splitting the window into substrings of
    /// characters cost most of the search, and French, Spanish and Russian notes (accented
    /// letters, Cyrillic, `№`) all took that path. `nil` outside for any other text.
    static func bytewiseReferenceNumber(in text: String) -> String?? {
        text.utf8.withContiguousStorageIfAvailable { bytewiseReferenceNumber(bytes: $0) } ?? .none
    }

    /// `bytewiseReferenceNumber(in:)` on a text's UTF-8 bytes (well-formed), so a block's bytes
    /// are read without making its text.
    static func bytewiseReferenceNumber(bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        do {
            guard let window = plainWindowEnd(bytes, 160) else { return .none }
            var words: [Range<Int>] = []
            // Room for a short line's words at once: grown from empty, the list was
            // reallocated four times a line.
            words.reserveCapacity(32)
            var index = 0
            while index < window {
                while index < window, bytes[index] == 0x20 { index += 1 }
                let start = index
                while index < window, bytes[index] != 0x20 { index += 1 }
                if index > start { words.append(start..<index) }
            }
            // Whether the word, lower-cased (less a final `:` when `dropColon`), is one of `list`.
            func isAny(_ word: Range<Int>, _ list: [[UInt8]], dropColon: Bool) -> Bool {
                var end = word.upperBound
                if dropColon, bytes[end - 1] == UInt8(ascii: ":") { end -= 1 }
                let length = end - word.lowerBound
                guard length <= 16 else { return false }
                var buffer: (UInt64, UInt64) = (0, 0)
                return withUnsafeMutableBytes(of: &buffer) { lowered -> Bool in
                    for offset in 0..<length { lowered[offset] = bytes[word.lowerBound + offset] }
                    ByteCase.lower(UnsafeMutableRawBufferPointer(rebasing: lowered[0..<length]))
                    return list.contains { entry in
                        entry.count == length && entry.indices.allSatisfy { lowered[$0] == entry[$0] }
                    }
                }
            }
            for (number, word) in words.enumerated() {
                let lead = bytes[word.lowerBound]
                guard word.count <= 11, lead == 0x52 || lead == 0x72 || lead == 0x4E || lead == 0x6E || lead == 0xE2 || lead == 0xD0,
                      isAny(word, referenceWordBytes, dropColon: true) else { continue }
                var next = number + 1
                while next < words.count, isAny(words[next], numberSignWordBytes, dropColon: false) { next += 1 }
                guard next < words.count else { return .some(nil) }
                // The candidate as `trimmingCharacters(",;:")` cuts it: white space, then `,;:`
                // from the end and from the start, then white space again.
                let (start, end) = trimmedCandidateBounds(UnsafeBufferPointer(rebasing: bytes[words[next]]))
                guard start < end else { return .some(nil) }
                let candidate = UnsafeBufferPointer(rebasing: bytes[(words[next].lowerBound + start)..<(words[next].lowerBound + end)])
                guard isPlainLetter(candidate, 0) || isPlainNumber(candidate, 0) else { return .some(nil) }
                var offset = 0
                while offset < candidate.count {
                    if isPlainNumber(candidate, offset) { return .some(String(decoding: candidate, as: UTF8.self)) }
                    offset += plainScalarWidth(candidate, offset)
                }
            }
            return .some(nil)
        }
    }

    /// The bounds of `word` as `trimmingCharacters(",;:")` cuts it: white space, then `,;:`
    /// from the end and from the start, then white space again.
    static func trimmedCandidateBounds(_ word: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        func isTrimmed(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") }
        var (start, end) = trimmedSpaceBounds(word)
        while end > start, isTrimmed(word[end - 1]) { end -= 1 }
        while start < end, isTrimmed(word[start]) { start += 1 }
        let (innerStart, innerEnd) = trimmedSpaceBounds(UnsafeBufferPointer(rebasing: word[start..<end]))
        return (start + innerStart, start + innerEnd)
    }

    /// `referenceWords` as bytes.
    static let referenceWordBytes = referenceWords.map { Array($0.utf8) }
    /// `numberSignWords` as bytes.
    static let numberSignWordBytes = numberSignWords.map { Array($0.utf8) }

    /// Date, addressee, reference and signatory of a letter (or annex, statement).
    private mutating func fillLetter(_ part: inout Part, _ range: Range<Int>) {
        var bodyStarted = false
        var address: [String] = []
        for index in range.prefix(10) where isBody(index) {
            // Every test below asks for at most 90 bytes (a dateline 80, a salutation under 80,
            // a reference 24, an address 90): a longer block starts the body, and its text
            // (a paragraph, most of the blocks here) is not made.
            guard blockFits(index, 90) else { bodyStarted = true; continue }
            let text = blockText(index)
            if isDateline(index) && part.date == nil {
                blocks[index].kind = .dateline
                setDate(&part, from: text, date: datelineDate(index))
                continue
            }
            if headStarts(index, Phrases.salutations) && text.utf8.count < 80 {
                blocks[index].kind = .salutation
                bodyStarted = true
                continue
            }
            if !bodyStarted, text.utf8.count <= 24, text.contains(where: \.isNumber), !text.contains(" ") || Self.referenceNumber(in: text) != nil {
                blocks[index].kind = .reference
                part.reference = Self.referenceNumber(in: text) ?? text
                continue
            }
            if !bodyStarted, text.utf8.count <= 90, blocks[index].kind == .paragraph,
               !text.hasSuffix("."), !hasFirstPerson(index) {
                blocks[index].kind = .address
                address.append(text)
                continue
            }
            bodyStarted = true
        }
        if part.kind == .letter, !address.isEmpty { part.to = address.joined(separator: ", ") }
        if part.date == nil, let last = range.reversed().first(where: { isBody($0) }), isDateline(last) {
            // Some replies are dated at the foot (`Geneva, 16 July 2021`).
            blocks[last].kind = .dateline
            setDate(&part, from: blockText(last), date: datelineDate(last))
        }
        if part.date == nil {
            for index in range.filter({ isBody($0) && blocks[$0].kind != .heading }).prefix(2) {
                let head = textPrefix(index, 240)
                if let date = DateParser.firstDate(in: head) { setDate(&part, from: head, date: date); break }
            }
        }
        // Signature: the last closing formula and the short blocks after it.
        guard let closing = range.last(where: { isBody($0) && headStarts($0, Phrases.letterClosings) && blockFits($0, 199) })
        else { return }
        blocks[closing].kind = .signature
        var lines: [String] = []
        var index = closing + 1
        while index < range.upperBound {
            if !isBody(index) { index += 1; continue }
            guard blockFits(index, 200), !isDateline(index) || lines.isEmpty == false else { break }
            if isDateline(index) { break }
            blocks[index].kind = .signature
            let blockLines = lineTexts(of: blocks[index])
            lines.append(contentsOf: blockLines)
            index += 1
            // The block with the name ends the signature; an addressee block may follow it.
            if blockLines.contains(where: { Self.looksLikeName($0.trimmingCharacters("()")) }) { break }
        }
        if lines.isEmpty {
            // Closing and name in one block: the lines after the closing formula.
            lines = Array(lineTexts(of: blocks[closing]).dropFirst())
        }
        guard let nameIndex = lines.lastIndex(where: { Self.looksLikeName($0.trimmingCharacters("()")) }) else { return }
        let title = lines.enumerated().filter { $0.offset != nameIndex }.map(\.element).joined(separator: " ").trimmingSpaces()
        // `(Meenakshi Raghavan Iyer)`: a typed name under a signature is often in parentheses.
        let name = lines[nameIndex].trimmingCharacters("()")
        part.signatory = Signatory(name: name, title: title.isEmpty ? nil : title)
        if part.from == nil, !title.isEmpty { part.from = title }
    }

    /// `String(blockText(index).prefix(length))`, cut from the bytes when they are the
    /// text's and tell where the characters end (`bytePrefix`): counting characters through
    /// a long paragraph cost more than the date search that reads the head.
    private func textPrefix(_ index: Int, _ length: Int) -> String {
        if !blockHasOwnText(index), blocks[index].mapped.isValidUTF8,
           let head = blocks[index].mapped.bytes.withUnsafeBufferPointer({ Self.bytePrefix($0, length) }) {
            return head
        }
        return String(blockText(index).prefix(length))
    }

    /// `String(String(decoding: bytes, as: UTF8.self).prefix(length))` for well-formed
    /// `bytes` when the bytes settle it: all of them when they are at most `length` (no more
    /// characters than bytes), or the first `length` characters when the first `length + 1`
    /// are plain scalars (`plainScalarWidth`: ASCII but CR, Latin-1, Cyrillic, dashes and
    /// quotes, each a character, none joining the next). `nil` otherwise. Only ASCII was read
    /// so before, and French and Spanish paragraphs were made whole strings and walked.
    static func bytePrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ length: Int) -> String? {
        if bytes.count <= length { return String(decoding: bytes, as: UTF8.self) }
        guard let end = plainWindowEnd(bytes, length) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
    }

    /// The block's text split at its source line breaks.
    private func lineTexts(of block: Block) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        var previousSource = -1
        let mapped = block.mapped
        for index in 0..<mapped.count {
            let source = mapped.sourceOffset(index)
            let byte = mapped.bytes[index]
            if byte == 0x20, previousSource >= 0, index + 1 < mapped.count,
               spansNewline(after: previousSource, before: mapped.sourceOffset(index + 1)) {
                lines.append(String(decoding: current, as: UTF8.self).trimmingSpaces())
                current = []
                previousSource = source
                continue
            }
            current.append(byte)
            previousSource = source
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self).trimmingSpaces()) }
        return lines.filter { !$0.isEmpty }
    }

    /// Whether a line break lies between two source offsets (known from the block's spans:
    /// a gap of more than the spaces a line could hold means a new line).
    private func spansNewline(after: Int, before: Int) -> Bool {
        var low = 0
        var high = lineBreaks.count
        while low < high {
            let mid = (low + high) / 2
            if lineBreaks[mid] <= after { low = mid + 1 } else { high = mid }
        }
        return low < lineBreaks.count && lineBreaks[low] < before
    }

    /// The letter of the last lettered heading, to tell `I.` after `H.` from a roman one.
    private var lastLetterHeading: Unicode.Scalar? = nil

    /// Source offsets of line ends, set by the assembler.
    var lineBreaks: [Int] = []

    /// Two to five capitalised words with no digits and no lower-case function words:
    /// `Marat Beketayev`, `ERICA SCHOUTEN`.
    static func looksLikeName(_ line: String) -> Bool {
        if let answer = asciiLooksLikeName(line) { return answer }
        // A name has at most five words: a longer line (a paragraph under a signature) is
        // turned away after its sixth, where splitting all its characters cost some 70,000
        // instructions.
        if hasMoreWords(line, than: 5) { return false }
        return characterLooksLikeName(line)
    }

    /// Whether `line.split(separator: " ").count > count`, told from the bytes when the
    /// first `count + 1` words are runs between plain space bytes (`isPlainSpace`): each such
    /// run is a word of its own. `false` when the bytes cannot tell (then the characters do).
    static func hasMoreWords(_ line: String, than count: Int) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var words = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x20 {
                    guard isPlainSpace(bytes, index) else { return false }
                    index += 1
                    continue
                }
                words += 1
                if words > count { return true }
                while index < bytes.count, bytes[index] != 0x20 { index += 1 }
            }
            return false
        } ?? false
    }

    /// Whether the space byte at `space` is a character of its own: the scalar before it is
    /// ASCII, Latin-1 or basic Cyrillic (none prepends itself to the next character), and the
    /// one after it is ASCII or a Latin-1 or basic Cyrillic letter (`C3`, `D0`, `D1` leads:
    /// no combining mark extends the space).
    @inline(__always)
    static func isPlainSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ space: Int) -> Bool {
        let before = space == 0 || bytes[space - 1] < 0x80
            || (space >= 2 && bytes[space - 1] & 0xC0 == 0x80 && (bytes[space - 2] == 0xC3 || bytes[space - 2] == 0xD0 || bytes[space - 2] == 0xD1))
        guard before else { return false }
        guard space + 1 < bytes.count else { return true }
        let after = bytes[space + 1]
        return after < 0x80 || after == 0xC3 || after == 0xD0 || after == 0xD1
    }

    /// Lower-case function words that `looksLikeName` turns a line away for.
    static let nameFunctionWords: Set<String> = ["of", "the", "for", "and", "to", "de", "du", "la", "des", "del", "y", "et", "on", "in"]
    /// `nameFunctionWords` as bytes.
    static let asciiNameFunctionWords: [[UInt8]] = nameFunctionWords.map { Array($0.utf8) }

    /// `looksLikeName` on bytes, for an ASCII line with no carriage return (every byte a
    /// character; words are runs of bytes other than spaces, numbers are digits, capitals
    /// are `A`…`Z`): the signature's lines can be whole paragraphs, and splitting them into
    /// characters cost most of the signature search. `nil` for any other line.
    static func asciiLooksLikeName(_ line: String) -> Bool? {
        line.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var words: [Range<Int>] = []
            var index = 0
            var digit = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 || byte == 0x0D { return nil }
                if byte == 0x20 { index += 1; continue }
                let start = index
                while index < bytes.count, bytes[index] != 0x20 {
                    let byte = bytes[index]
                    if byte >= 0x80 || byte == 0x0D { return nil }
                    if byte >= 0x30 && byte <= 0x39 { digit = true }
                    index += 1
                }
                words.append(start..<index)
            }
            guard (2...5).contains(words.count), !digit else { return false }
            for word in words {
                let first = bytes[word.lowerBound]
                let isFunction = asciiNameFunctionWords.contains { entry in
                    entry.count == word.count && entry.indices.allSatisfy { offset in
                        let byte = bytes[word.lowerBound + offset]
                        return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == entry[offset]
                    }
                }
                guard !isFunction, (first >= 0x41 && first <= 0x5A) || first == UInt8(ascii: "(") else { return false }
            }
            return true
        } ?? nil
    }

    /// `looksLikeName` on characters, for any line.
    static func characterLooksLikeName(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (2...5).contains(words.count), !line.contains(where: \.isNumber) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, !nameFunctionWords.contains(word.lowercased()) else { return false }
            return first.isUppercase || word.hasPrefix("(")
        }
    }

    // MARK: Questions

    /// `Question 1:` … `Response:` pairs; `Questions 6 and 7` answered together.
    /// Question headings parsed so far, by block index (`nil` inside: not a heading), so that
    /// finding the questions and then the sections parses each heading once.
    /// An array by block index (`nil`: not parsed yet): every body block is asked, most
    /// twice, and hashing the index into a dictionary cost more than the byte test that answers
    /// for most blocks.
    ///
    /// Kept as one small integer per block (`headingSlots`) with the few headings found in
    /// `foundHeadings`: reading an optional tuple of an array and a string per block asked
    /// retained and released both, and nearly every body block is asked, most twice.
    private var headingSlots: [Int32] = []
    /// The question headings found so far, indexed by `headingSlots`.
    private var foundHeadings: [(numbers: [Int], rest: HeadingRest)] = []

    /// The text after a question heading's label and numbers.
    enum HeadingRest {
        /// Bytes `start..<end` of the block's mapped bytes, which are its text.
        case bytes(Int, Int)
        /// A string, for blocks whose text is not their mapped bytes, or that only the
        /// character parse could read.
        case text(String)
    }

    /// Whether block `index` starts with a question heading (parsed and memoised on first use).
    private mutating func isQuestionHeading(_ index: Int) -> Bool {
        questionHeadingSlot(index) != nil
    }

    /// The index in `foundHeadings` of block `index`'s question heading, if it has one.
    private mutating func questionHeadingSlot(_ index: Int) -> Int? {
        if headingSlots.isEmpty { headingSlots = Array(repeating: 0, count: blocks.count) }
        let known = headingSlots[index]
        if known != 0 { return known > 0 ? Int(known) - 1 : nil }
        var heading: (numbers: [Int], rest: HeadingRest)? = nil
        if headStarts(index, Phrases.questionLabels) {
            // A well-formed block is parsed on its own bytes, and the rest kept as a byte
            // range: making its text validated and copied the block once for the parse and
            // again for the rest, which the question then copied into its bytes.
            let parsed = withBlockBytes(index) { Self.bytewiseQuestionHeadingBounds($0) } ?? .unknown
            switch parsed {
            case .heading(let numbers, let start, let end): heading = (numbers, .bytes(start, end))
            case .none: heading = nil
            case .unknown: heading = Self.questionHeading(blockText(index)).map { ($0.0, .text($0.1)) }
            }
        }
        guard let heading else {
            headingSlots[index] = -1
            return nil
        }
        foundHeadings.append(heading)
        headingSlots[index] = Int32(foundHeadings.count)
        return foundHeadings.count - 1
    }

    /// The question heading that block `index` starts with, if any (memoised): its numbers
    /// and the rest of the block as a string.
    private mutating func questionHeading(at index: Int) -> ([Int], String)? {
        guard let slot = questionHeadingSlot(index) else { return nil }
        let heading = foundHeadings[slot]
        switch heading.rest {
        case .text(let rest): return (heading.numbers, rest)
        case .bytes(let start, let end): return (heading.numbers, String(decoding: blocks[index].mapped.bytes[start..<end], as: UTF8.self))
        }
    }

    /// The numbers of the question heading already parsed for block `index`, if it has one.
    private func parsedQuestionNumbers(_ index: Int) -> [Int]? {
        guard index < headingSlots.count, headingSlots[index] > 0 else { return nil }
        return foundHeadings[Int(headingSlots[index]) - 1].numbers
    }

    /// The first part (in order) that holds source offset `offset`. Parts start in source
    /// order, so the candidates are a prefix found by bisection; their running maximum end
    /// finds the first one that reaches past `offset` (a walk over every part for each
    /// question was quadratic in a long volume).
    /// The end of that part is returned, not the part: a copy of it retained its strings and blocks.
    private mutating func endOfPart(containing offset: Int) -> Int? {
        if partEnds.count != parts.count {
            partEnds = []
            var highest = Int.min
            for part in parts { highest = max(highest, part.end); partEnds.append(highest) }
            partsSorted = zip(parts, parts.dropFirst()).allSatisfy { $0.start <= $1.start }
        }
        guard partsSorted else { return parts.firstIndex { $0.start <= offset && offset < $0.end }.map { parts[$0].end } }
        var low = 0
        var high = parts.count
        while low < high {
            let mid = (low + high) / 2
            if parts[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        let candidates = low
        low = 0
        high = candidates
        while low < high {
            let mid = (low + high) / 2
            if partEnds[mid] > offset { high = mid } else { low = mid + 1 }
        }
        return low < candidates ? parts[low].end : nil
    }

    /// A question's or response's text as UTF-8: `headText`, then the text bytes of each block
    /// of `paragraphs`, each after a blank line unless nothing precedes it, written straight
    /// into an array of the final size. Bad UTF-8 stays for `DocumentParser.repairInvalidUTF8`,
    /// which repairs the whole text as `String(decoding:as:)` does (the line breaks end any
    /// broken sequence, so the result is the same as repairing block by block).
    private func gatheredText(headText: String, _ paragraphs: [Int]) -> [UInt8] {
        var head = headText
        return head.withUTF8 { gatheredText(head: $0, paragraphs) }
    }

    /// `gatheredText(headText:_:)` with the head as bytes `start..<end` of block `block`'s
    /// mapped bytes (`nil`: an empty head).
    private func gatheredText(head: (block: Int, start: Int, end: Int)?, _ paragraphs: [Int]) -> [UInt8] {
        guard let head else { return gatheredText(head: UnsafeBufferPointer(start: nil, count: 0), paragraphs) }
        return blocks[head.block].mapped.bytes.withUnsafeBufferPointer {
            gatheredText(head: UnsafeBufferPointer(rebasing: $0[head.start..<head.end]), paragraphs)
        }
    }

    /// `gatheredText` with the head as a buffer.
    private func gatheredText(head: UnsafeBufferPointer<UInt8>, _ paragraphs: [Int]) -> [UInt8] {
        // Room for each block and the blank line before it (an upper bound: the first
        // paragraph of an empty text has none).
        let capacity = paragraphs.reduce(head.count) { $0 + 2 + blockTextByteLength($1) }
        if capacity == 0 { return [] }
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var fill = 0
            func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let base = bytes.baseAddress, bytes.count > 0 else { return }
                UnsafeMutableRawPointer(out.baseAddress! + fill).copyMemory(from: base, byteCount: bytes.count)
                fill += bytes.count
            }
            append(head)
            for block in paragraphs {
                if fill > 0 {
                    out[fill] = 0x0A
                    out[fill + 1] = 0x0A
                    fill += 2
                }
                if var own = blocks[block].ownText {
                    own.withUTF8 { append($0) }
                } else {
                    blocks[block].mapped.bytes.withUnsafeBufferPointer { append($0) }
                }
            }
            count = fill
        }
    }

    private mutating func findQuestions() {
        var index = 0
        // The blocks gathered into the current question's text and into its response's, by
        // index: the texts are then made at their final size (appended block by block, they
        // grew by doubling, each growth a copy of all gathered so far). Kept across questions.
        var questionBlocks: [Int] = []
        var responseBlocks: [Int] = []
        while index < blocks.count {
            guard isBody(index), let slot = questionHeadingSlot(index) else { index += 1; continue }
            let numbers = foundHeadings[slot].numbers
            let id = "q_\(firstNumbers.question + questions.count)"
            // Where each text's first paragraph lies: the heading's rest, and the response
            // label's block after its label. The texts are written once, straight into their
            // strings (`gatheredText`), when their blocks are known.
            let questionHead = foundHeadings[slot].rest
            var responseHead: (block: Int, start: Int, end: Int)? = nil
            var responseStart: Int? = nil
            blocks[index].question = id
            blocks[index].role = "question"
            var cursor = index + 1
            var inResponse = false
            var end = blocks[index].end
            let partEnd = endOfPart(containing: blocks[index].start) ?? Int.max
            while cursor < blocks.count, blocks[cursor].start < partEnd {
                if !isBody(cursor) { cursor += 1; continue }
                if isQuestionHeading(cursor) { break }
                if blocks[cursor].kind == .signature || blocks[cursor].kind == .heading { break }
                if headStarts(cursor, Phrases.letterClosings) && blockFits(cursor, 199) { break }
                if !inResponse, let label = headResponseLabel(cursor) {
                    inResponse = true
                    responseStart = blocks[cursor].start
                    // Trimmed on bytes: spaces and no-break spaces are the same in the bytes as
                    // in their repaired string, and the whole text is repaired when it becomes
                    // a string (a line break or its end closes any broken sequence).
                    responseHead = blocks[cursor].mapped.bytes.withUnsafeBufferPointer { bytes in
                        let from = min(label, bytes.count)
                        let (start, end) = trimmedSpaceBounds(UnsafeBufferPointer(rebasing: bytes[from...]))
                        return (cursor, from + start, from + end)
                    }
                } else if inResponse {
                    responseBlocks.append(cursor)
                } else {
                    questionBlocks.append(cursor)
                }
                blocks[cursor].question = id
                blocks[cursor].role = inResponse ? "response" : "question"
                end = blocks[cursor].end
                cursor += 1
            }
            let question: [UInt8]
            switch questionHead {
            case .bytes(let start, let end): question = gatheredText(head: (index, start, end), questionBlocks)
            case .text(let rest): question = gatheredText(headText: rest, questionBlocks)
            }
            let response = gatheredText(head: responseHead, responseBlocks)
            questionBlocks.removeAll(keepingCapacity: true)
            responseBlocks.removeAll(keepingCapacity: true)
            questions.append(Question(id: id, numbers: numbers, questionUTF8: question, responseUTF8: response,
                                      start: blocks[index].start, end: end, responseStart: responseStart))
            index = cursor
        }
    }

    /// Byte length of a response label (`Response:`) at the start of lower-cased bytes.
    static func responseLabel(_ lowerText: [UInt8]) -> Int? {
        lowerText.withUnsafeBufferPointer { responseLabel($0) }
    }

    /// `responseLabel` of a head slice (read from offset 0).
    static func responseLabel(_ lowerText: ArraySlice<UInt8>) -> Int? {
        lowerText.withUnsafeBufferPointer { responseLabel($0) }
    }

    /// `responseLabel` on a buffer.
    static func responseLabel(_ lowerText: UnsafeBufferPointer<UInt8>) -> Int? {
        for label in Phrases.responseLabels.phrases where lowerText.starts(with: label) {
            var length = label.count
            while length < lowerText.count, lowerText[length] == 0x20 { length += 1 }
            if length < lowerText.count, lowerText[length] == UInt8(ascii: ":") || lowerText[length] == UInt8(ascii: ".") {
                return length + 1
            }
        }
        return nil
    }

    /// `Question 3:`, `Questions 6 and 7:`, `Question No. 2.`, `Вопрос 4:` → numbers and the
    /// rest of the block.
    static func questionHeading(_ text: String) -> ([Int], String)? {
        switch bytewiseQuestionHeading(text) {
        case .heading(let numbers, let rest): return (numbers, rest)
        case .none: return nil
        case .unknown: return characterQuestionHeading(text)
        }
    }

    /// `questionHeading` on characters, for any text.
    static func characterQuestionHeading(_ text: String) -> ([Int], String)? {
        let lowerText = String(text.prefix(40)).lowercased()
        guard let label = Phrases.questionLabelsText.first(where: { lowerText.hasPrefix($0) }) else { return nil }
        // Parse the heading on a short prefix; only the rest of the block is copied whole.
        let scalars = Array(String(text.prefix(160)).unicodeScalars.dropFirst(label.unicodeScalars.count))
        var numbers: [Int] = []
        var position = 0
        func skipSpaces() { while position < scalars.count, scalars[position] == " " || scalars[position] == "\u{00A0}" { position += 1 } }
        skipSpaces()
        for prefix in ["no.", "n°", "nº", "№"] {
            let prefixScalars = Array(prefix.unicodeScalars)
            if position + prefixScalars.count <= scalars.count,
               String(String.UnicodeScalarView(scalars[position..<(position + prefixScalars.count)])).lowercased() == prefix {
                position += prefixScalars.count
                skipSpaces()
            }
        }
        var pendingRange = false
        while position < scalars.count {
            var value = 0
            var digits = 0
            while position < scalars.count, let digit = scalars[position].properties.numericType != nil ? Int(String(scalars[position])) : nil, digits < 4 {
                value = value * 10 + digit
                digits += 1
                position += 1
            }
            guard digits > 0 else { break }
            Self.appendQuestionNumber(value, afterRangeMark: &pendingRange, to: &numbers)
            skipSpaces()
            let restText = String(String.UnicodeScalarView(scalars[position..<min(scalars.count, position + 6)])).lowercased()
            var consumed = 0
            for joiner in [",", "and", "et", "y", "и", "&"] where restText.hasPrefix(joiner) {
                consumed = joiner.unicodeScalars.count
                break
            }
            if consumed == 0, let first = restText.unicodeScalars.first, first == "-" || first == "–" || first == "—" {
                consumed = 1
                pendingRange = true
            }
            if consumed == 0 { break }
            position += consumed
            skipSpaces()
        }
        guard !numbers.isEmpty, position <= scalars.count else { return nil }
        skipSpaces()
        // The heading ends with a colon, full stop, parenthesis or the block's end.
        if position < scalars.count {
            guard scalars[position] == ":" || scalars[position] == "." || scalars[position] == ")" else { return nil }
            position += 1
        }
        // Byte length of what was consumed, so the rest is cut from the UTF-8 bytes.
        var consumedBytes = 0
        for scalar in text.unicodeScalars.prefix(label.unicodeScalars.count + position) { consumedBytes += UTF8.width(scalar) }
        let rest = text.utf8.dropFirst(consumedBytes)
        return (numbers, String(decoding: rest, as: UTF8.self).trimmingSpaces())
    }

    /// What the byte parse of a question heading found.
    enum ParsedHeading {
        /// A heading: its numbers and the rest of the block.
        case heading([Int], String)
        /// Not a heading.
        case none
        /// The text is not one the byte parse can read: parse it on characters.
        case unknown
    }

    /// `questionHeading` on bytes, for a text whose first 161 characters are plain scalars
    /// (`plainScalarWidth`: ASCII but CR, Latin-1, Cyrillic, dashes, quotes, `№`). Each is a
    /// character, so the 40- and 160-character windows end after 40 and 160 scalars; lowering
    /// keeps every such scalar's length, and `ByteCase.lower` lowers them as
    /// `String.lowercased()` does or to no letter of a label, sign or joiner, so these are
    /// matched on the lowered bytes; no string is built until the rest is kept. Character
    /// parsing of the block's head cost more than the rest of the question pass, and Spanish
    /// and Russian headings (`Pregunta 3:` with accents after it, `Вопрос 4:`) took it.
    static func bytewiseQuestionHeading(_ text: String) -> ParsedHeading {
        text.utf8.withContiguousStorageIfAvailable { bytes -> ParsedHeading in
            switch bytewiseQuestionHeadingBounds(bytes) {
            case .heading(let numbers, let start, let end):
                return .heading(numbers, String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            case .none: return .none
            case .unknown: return .unknown
            }
        } ?? .unknown
    }

    /// What `bytewiseQuestionHeadingBounds` found: `ParsedHeading` with the rest as a byte range.
    enum ParsedHeadingBounds {
        /// A heading: its numbers and the bounds of the rest of the block, trimmed of spaces.
        case heading([Int], Int, Int)
        /// Not a heading.
        case none
        /// The bytes are not ones the byte parse can read: parse the text on characters.
        case unknown
    }

    /// `bytewiseQuestionHeading` on the text's UTF-8 bytes, giving the rest as bounds in them,
    /// so a caller holding the bytes makes no string of the rest until it keeps one.
    static func bytewiseQuestionHeadingBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedHeadingBounds {
        do {
            guard let window = plainWindowEnd(bytes, 160), let labelWindow = plainWindowEnd(bytes, 40) else { return .unknown }
            var lowered = Array(bytes[0..<window])
            lowered.withUnsafeMutableBytes { _ = ByteCase.lower($0) }
            return lowered.withUnsafeBufferPointer { lower -> ParsedHeadingBounds in
                func starts(_ word: [UInt8], at start: Int, limit: Int) -> Bool {
                    guard start + word.count <= limit else { return false }
                    for offset in word.indices where lower[start + offset] != word[offset] { return false }
                    return true
                }
                guard let label = Phrases.questionLabels.phrases.first(where: { starts($0, at: 0, limit: labelWindow) }) else {
                    return .none
                }
                var position = label.count
                // Spaces and no-break spaces, as the character parse skips them.
                func skipSpaces() {
                    while position < window {
                        if lower[position] == 0x20 { position += 1 } else if lower[position] == 0xC2, position + 1 < window, lower[position + 1] == 0xA0 {
                            position += 2
                        } else { break }
                    }
                }
                skipSpaces()
                for sign in questionNumberSigns where starts(sign, at: position, limit: window) {
                    position += sign.count
                    skipSpaces()
                }
                var numbers: [Int] = []
                var pendingRange = false
                while position < window {
                    var value = 0
                    var digits = 0
                    while position < window, lower[position] >= 0x30, lower[position] <= 0x39, digits < 4 {
                        value = value * 10 + Int(lower[position] - 0x30)
                        digits += 1
                        position += 1
                    }
                    guard digits > 0 else { break }
                    Self.appendQuestionNumber(value, afterRangeMark: &pendingRange, to: &numbers)
                    skipSpaces()
                    // Joiners are matched within the next six characters, as the character parse reads them.
                    var joinerLimit = position
                    for _ in 0..<6 where joinerLimit < window { joinerLimit += plainScalarWidth(lower, joinerLimit) }
                    var consumed = questionJoiners.first { starts($0, at: position, limit: joinerLimit) }?.count ?? 0
                    if consumed == 0, position < joinerLimit,
                       lower[position] == UInt8(ascii: "-") || starts(enDash, at: position, limit: joinerLimit) || starts(emDash, at: position, limit: joinerLimit) {
                        consumed = plainScalarWidth(lower, position)
                        pendingRange = true
                    }
                    if consumed == 0 { break }
                    position += consumed
                    skipSpaces()
                }
                guard !numbers.isEmpty else { return .none }
                skipSpaces()
                // The heading ends with a colon, full stop, parenthesis or the block's end.
                if position < window {
                    let byte = lower[position]
                    guard byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") else { return .none }
                    position += 1
                }
                let (start, end) = trimmedSpaceBounds(UnsafeBufferPointer(rebasing: bytes[position...]))
                return .heading(numbers, position + start, position + end)
            }
        }
    }

    /// The number signs a question heading may put before its numbers, in the order they are
    /// tried (`Question No. 2`, `n° 3`, `nº 4`, `№ 5`).
    static let questionNumberSigns = ["no.", "n°", "nº", "№"].map { Array($0.utf8) }
    /// Words joining the numbers of a question heading (`6 and 7`, `6 et 7`, `6 и 7`), in order.
    static let questionJoiners = [",", "and", "et", "y", "и", "&"].map { Array($0.utf8) }
    /// The dashes that mark a range of questions besides `-`.
    static let enDash = Array("–".utf8)
    static let emDash = Array("—".utf8)

    /// Adds a number read in a question heading; after a range mark (`3-5`, `3 to 5`) the
    /// numbers between join too, for ranges shorter than 50. Shared by the byte path and the
    /// character path, so both expand ranges alike.
    static func appendQuestionNumber(_ value: Int, afterRangeMark pendingRange: inout Bool, to numbers: inout [Int]) {
        if pendingRange, let last = numbers.last, value > last, value - last < 50 {
            numbers.append(contentsOf: (last + 1)...value)
        } else {
            numbers.append(value)
        }
        pendingRange = false
    }

    /// `String(decoding: bytes, as: UTF8.self).trimmingSpaces()` with the spaces cut from the
    /// bytes, so only the kept string is built.
    static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let (start, end) = trimmedSpaceBounds(bytes)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    // MARK: Sections

    /// Headings open sections; a stack of heading styles gives levels (the first style seen is
    /// level 1, a new style nests, a known style closes everything below it).
    private mutating func buildSections() {
        var styleStack: [String] = []
        var openSections: [Int] = []
        // The section (and each section's parent) by index, kept as the ids are given: the
        // end pass below walks them without hashing an id per block.
        var sectionOfBlock = [Int](repeating: -1, count: blocks.count)
        var parentIndex: [Int?] = []
        for index in blocks.indices where isBody(index) {
            guard let (style, number, heading) = headingInfo(index) else {
                if let open = openSections.last {
                    blocks[index].section = sections[open].id
                    sectionOfBlock[index] = open
                }
                continue
            }
            if let position = styleStack.firstIndex(of: style) {
                while styleStack.count > position {
                    styleStack.removeLast()
                    _ = openSections.popLast()
                }
            }
            styleStack.append(style)
            if style == "letter" { lastLetterHeading = number?.unicodeScalars.first } else if style != "question" && style != "number" && style.hasPrefix("md") == false { lastLetterHeading = nil }
            let section = Section(id: "sec_\(firstNumbers.section + sections.count)", number: number, heading: heading,
                                  level: styleStack.count, parent: openSections.last.map { sections[$0].id },
                                  start: blocks[index].start, end: blocks[index].end)
            parentIndex.append(openSections.last)
            sections.append(section)
            openSections.append(sections.count - 1)
            blocks[index].section = section.id
            sectionOfBlock[index] = sections.count - 1
        }
        // A section ends where its last block (or a descendant's) ends, not at the next
        // heading: one pass over the blocks, walking up the parents by index.
        // By index: a `for block in` loop copies every block.
        for blockIndex in blocks.indices where isBody(blockIndex) {
            var current: Int? = sectionOfBlock[blockIndex] >= 0 ? sectionOfBlock[blockIndex] : nil
            let end = blocks[blockIndex].end
            while let index = current {
                if end > sections[index].end { sections[index].end = end }
                current = parentIndex[index]
            }
        }
    }

    /// Style, number and heading text of a heading block, if it is one.
    private func headingInfo(_ index: Int) -> (String, String?, String)? {
        // The block's fields are read in place: a copy of the block retains a dozen references,
        // and nearly every body block is asked.
        if blocks[index].role == "question", let numbers = parsedQuestionNumbers(index) {
            // The label is read from the block's bytes when they are its text (no string of
            // the whole block is made for a label of a few words).
            let label = (withBlockBytes(index) { Self.plainQuestionLabel($0) } ?? nil)
                ?? Self.questionLabel(blockText(index))
            return ("question", Self.joinedNumbers(numbers), label)
        }
        if blocks[index].kind == .heading {
            let (number, heading) = Self.splitNumber(blockText(index))
            return ("md\(blocks[index].level ?? 1)", number, heading)
        }
        guard blocks[index].kind == .paragraph, blocks[index].spans.count == 1, blockFits(index, 90) else { return nil }
        // Most short paragraphs are turned away on their bytes, before their text is made.
        if withBlockBytes(index, { Self.endsWithStop($0) == true || !Self.mayHaveNumber($0) }) == true { return nil }
        let text = blockText(index)
        guard !Self.endsWithStop(text), Self.mayHaveNumber(text) else { return nil }
        let (number, heading) = Self.splitNumber(text)
        guard let number, Self.startsUppercase(heading) else { return nil }
        // `I.`, `L.`, `C.` are letters when they continue a lettered sequence (`H.` → `I.`).
        if number.count == 1, let letter = number.unicodeScalars.first, let last = lastLetterHeading,
           letter.value == last.value + 1 {
            return ("letter", number, heading)
        }
        if number.allSatisfy({ "IVXLC".contains($0) }) { return ("roman", number, heading) }
        if number.count == 1, Self.startsUppercase(number) { return ("letter", number, heading) }
        if number.allSatisfy(\.isNumber), heading.utf8.count <= 60, !plain || text.utf8.count <= 60 {
            return ("number", number, heading)
        }
        return nil
    }

    /// Whether `text` ends with `.`, `,` or `;` (as `hasSuffix` answers): told from the last
    /// bytes, asking the characters only when a non-ASCII scalar could join the stop.
    static func endsWithStop(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let last = utf8.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";") else {
            return false
        }
        if utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80 { return true }
        return text.hasSuffix(".") || text.hasSuffix(",") || text.hasSuffix(";")
    }

    /// Whether `splitNumber(text)` may find a number. `false` only when the bytes prove it
    /// cannot: the text before the first `.` or `)` is ASCII (one character a byte) and is not
    /// a number of at most six digits or roman numerals, or a single letter, or nothing follows
    /// the stop. Most short paragraphs are turned away so, without splitting them into characters.
    static func mayHaveNumber(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { mayHaveNumber($0) } ?? true
    }

    /// `mayHaveNumber` on the text's UTF-8 bytes.
    static func mayHaveNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        do {
            let (start, end) = trimmedSpaceBounds(bytes)
            var stop = start
            var numeral = true
            while stop < end, bytes[stop] != UInt8(ascii: "."), bytes[stop] != UInt8(ascii: ")") {
                let byte = bytes[stop]
                if byte >= 0x80 { return true }
                if !((byte >= 0x30 && byte <= 0x39) || byte == 0x49 || byte == 0x56 || byte == 0x58 || byte == 0x4C || byte == 0x43) {
                    numeral = false
                }
                stop += 1
            }
            guard stop < end else { return false }
            // A combining mark after the stop would make it another character.
            if stop + 1 < end, bytes[stop + 1] >= 0x80 { return true }
            let length = stop - start
            let letter = length == 1 && ((bytes[start] | 0x20) >= 0x61 && (bytes[start] | 0x20) <= 0x7A)
            guard length >= 1, length <= 6, numeral || letter else { return false }
            return stop + 1 < end
        }
    }

    /// `endsWithStop` on the text's UTF-8 bytes: `nil` when a non-ASCII scalar before the
    /// stop could join it (only the characters can tell).
    static func endsWithStop(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let last = bytes.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";") else {
            return false
        }
        if bytes.count == 1 || bytes[bytes.count - 2] < 0x80 { return true }
        return nil
    }

    /// `text.first?.isUppercase == true`, told from the first byte when it and the next are
    /// ASCII (then the first character is that one scalar: two ASCII scalars are two
    /// characters but for CR LF): `Character.isUppercase` cost some 900 instructions a call.
    static func startsUppercase(_ text: some StringProtocol) -> Bool {
        let utf8 = text.utf8
        if let first = utf8.first, first < 0x80 {
            let second = utf8.dropFirst().first
            if second == nil || (second! < 0x80 && first != 0x0D) { return first >= 0x41 && first <= 0x5A }
        }
        return text.first?.isUppercase == true
    }

    /// `numbers.map(String.init).joined(separator: ",")`, written as bytes (numbers from 0).
    static func joinedNumbers(_ numbers: [Int]) -> String {
        guard numbers.allSatisfy({ $0 >= 0 }) else { return numbers.map(String.init).joined(separator: ",") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count * 4)
        for (position, number) in numbers.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            let start = bytes.count
            var rest = number
            repeat {
                bytes.append(UInt8(0x30 + rest % 10))
                rest /= 10
            } while rest > 0
            bytes[start...].reverse()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A question heading's label: its text up to the first `:` or `.`, trimmed.
    static func questionLabel(_ text: String) -> String {
        if let label = plainQuestionLabel(text) { return label }
        return String(text.prefix { $0 != ":" && $0 != "." }).trimmingSpaces()
    }

    /// `questionLabel` on bytes, for a text whose scalars up to the stop, and the one after
    /// it, are plain (`plainScalarWidth`): each is a character, so the first `:` or `.`
    /// byte is the first such character. Walking the characters cost most of the heading
    /// test for a question block. `nil` for any other text.
    static func plainQuestionLabel(_ text: String) -> String? {
        text.utf8.withContiguousStorageIfAvailable { plainQuestionLabel($0) } ?? nil
    }

    /// `plainQuestionLabel` on the text's UTF-8 bytes.
    static func plainQuestionLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        do {
            var index = 0
            while index < bytes.count {
                let width = plainScalarWidth(bytes, index)
                if width == 0 { return nil }
                if bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: ".") {
                    if index + 1 < bytes.count, plainScalarWidth(bytes, index + 1) == 0 { return nil }
                    break
                }
                index += width
            }
            return trimmedString(UnsafeBufferPointer(rebasing: bytes[..<index]))
        }
    }

    /// `I. Introduction` → ("I", "Introduction"); `A.   Legal framework` → ("A", …).
    static func splitNumber(_ text: String) -> (String?, String) {
        if let split = plainSplitNumber(text) { return split }
        return characterSplitNumber(text)
    }

    /// `splitNumber` on bytes, for a text of plain scalars (`plainScalarWidth`): each is a
    /// character, so the stop is the first `.` or `)` byte, the number's characters are its
    /// scalars, and `isNumber`/`isLetter` are told from them. Walking the characters of a
    /// heading with no stop cost most of the section pass. `nil` for any other text.
    static func plainSplitNumber(_ text: String) -> (String?, String)? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> (String?, String)? in
            var index = 0
            while index < bytes.count {
                let width = plainScalarWidth(bytes, index)
                if width == 0 { return nil }
                index += width
            }
            func string(_ start: Int, _ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            let (start, end) = trimmedSpaceBounds(bytes)
            var dot = start
            while dot < end, bytes[dot] != UInt8(ascii: "."), bytes[dot] != UInt8(ascii: ")") { dot += 1 }
            guard dot < end else { return (nil, string(start, end)) }
            // At most six characters, each a number or a roman numeral, or a single letter.
            var characters = 0
            var numeral = true
            var offset = start
            while offset < dot {
                let byte = bytes[offset]
                if !(isPlainNumber(bytes, offset) || byte == 0x49 || byte == 0x56 || byte == 0x58 || byte == 0x4C || byte == 0x43) {
                    numeral = false
                }
                characters += 1
                offset += plainScalarWidth(bytes, offset)
            }
            guard characters >= 1, characters <= 6, numeral || (characters == 1 && isPlainLetter(bytes, start)) else {
                return (nil, string(start, end))
            }
            let (restStart, restEnd) = trimmedSpaceBounds(UnsafeBufferPointer(rebasing: bytes[(dot + 1)..<end]))
            guard restEnd > restStart else { return (nil, string(start, end)) }
            return (string(start, dot), string(dot + 1 + restStart, dot + 1 + restEnd))
        } ?? nil
    }

    /// `splitNumber` on characters, for any text.
    static func characterSplitNumber(_ text: String) -> (String?, String) {
        let trimmed = text.trimmingSpaces()
        guard let dot = trimmed.firstIndex(where: { $0 == "." || $0 == ")" }) else { return (nil, trimmed) }
        let number = trimmed[..<dot]
        guard !number.isEmpty, number.count <= 6,
              number.allSatisfy({ $0.isNumber || "IVXLC".contains($0) }) || (number.count == 1 && number.first!.isLetter)
        else { return (nil, trimmed) }
        let rest = trimmed[trimmed.index(after: dot)...].trimmingSpaces()
        guard !rest.isEmpty else { return (nil, trimmed) }
        return (String(number), rest)
    }

    // MARK: Languages

    private mutating func assignLanguages() {
        // Sampled bytes per language (the order of `LanguageDetector.languages`).
        var totals = (0, 0, 0, 0)
        languageWeights = [Int](repeating: 0, count: parts.count)
        // The heads of a part are copied end to end, a space after each, and counted in one
        // call: counted block by block, each short block paid the call's setup and its tail
        // loops. A space is no word byte, so the words and the votes are the same. Each block
        // visited adds at least one to `sampled`, so a copy holds at most 4,096 bytes of text
        // and 4,097 spaces. One buffer for all the parts (one of this size per part was
        // allocated on the heap).
        let capacity = 2 * 4096 + 2
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        for index in parts.indices {
            // A few kilobytes decide the language; reading the whole part would decide nothing more.
            var sampled = 0
            var counts = (0, 0, 0, 0)
            var fill = 0
            // By index: a `for block in` loop copies every block (a dozen references retained).
            for blockIndex in parts[index].blocks.indices where parts[index].blocks[blockIndex].kind != .pageFurniture {
                let take = 4096 - min(4096, sampled)
                parts[index].blocks[blockIndex].mapped.bytes.withUnsafeBufferPointer { bytes in
                    let kept = min(take, bytes.count)
                    if kept > 0 { (buffer + fill).initialize(from: bytes.baseAddress!, count: kept) }
                    fill += kept
                    buffer[fill] = 0x20
                    fill += 1
                }
                sampled += min(take, parts[index].blocks[blockIndex].mapped.count) + 1
                if sampled >= 4096 { break }
            }
            LanguageDetector.countStopwords(UnsafeBufferPointer(start: buffer, count: fill), into: &counts)
            let vote = LanguageDetector.languageIndex(counts)
            parts[index].language = vote.map { LanguageDetector.languages[$0] } ?? "und"
            languageWeights[index] = sampled
            if parts[index].kind != .letterhead, let vote {
                switch vote {
                case 0: totals.0 += sampled
                case 1: totals.1 += sampled
                case 2: totals.2 += sampled
                default: totals.3 += sampled
                }
            }
        }
        // `documentLanguage(totals:firstPart:)` on the tuple: the codes are in alphabetical
        // order, so the first of the largest totals is the smaller code of a tie; a language
        // that had a vote has a total of at least one.
        let votes = [totals.0, totals.1, totals.2, totals.3]
        var best = 0
        for language in votes.indices where votes[language] > votes[best] { best = language }
        documentLanguage = votes[best] > 0 ? LanguageDetector.languages[best] : parts.first?.language ?? "und"
    }

    /// The language most of the parts' sampled bytes are in (letterheads and undecided parts
    /// not counted; ties to the smaller code), else the first part's.
    static func documentLanguage(totals: [String: Int], firstPart: String?) -> String {
        totals.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? firstPart ?? "und"
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space (ASCII and no-break spaces), cut on
    /// UTF-8 bytes: no per-character work, and no copy of the bytes when nothing is cut.
    func trimmingSpaces() -> String {
        let trimmed = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            let (start, end) = trimmedSpaceBounds(bytes)
            if start == 0 && end == bytes.count { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        switch trimmed {
        case .some(.some(let string)): return string
        case .some(.none): return String(self)
        case .none:
            let bytes = Array(utf8)
            let (start, end) = bytes.withUnsafeBufferPointer { trimmedSpaceBounds($0) }
            if start == 0 && end == bytes.count { return String(self) }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// The string without leading and trailing characters from `set`, and spaces.
    func trimmingCharacters(_ set: String) -> String {
        if let untouched = untouchedByTrimming(set), untouched { return String(self) }
        var result = Substring(trimmingSpaces())
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        return String(result).trimmingSpaces()
    }

    /// Whether `trimmingCharacters(set)` would leave the string as it is, told from its end
    /// bytes: both are ASCII characters of their own (their neighbours are ASCII too, and
    /// neither is a space or in `set`). `nil` or `false` when the bytes cannot tell; then the
    /// characters are asked. Only sets of ASCII, guillemets and curly quotes are read on bytes:
    /// no character of theirs is canonically equal to an ASCII one.
    private func untouchedByTrimming(_ set: String) -> Bool? {
        let setBytes = set.utf8
        for byte in setBytes where byte >= 0x80 && byte != 0xC2 && byte != 0xAB && byte != 0xBB && byte != 0xE2 && byte != 0x80
            && !(0x98...0x9D).contains(byte) {
            return nil
        }
        return utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let count = bytes.count
            guard count > 0 else { return false }
            let first = bytes[0]
            let last = bytes[count - 1]
            @inline(__always) func isPlain(_ byte: UInt8) -> Bool {
                byte < 0x80 && byte > 0x20 && byte != 0x7F && !setBytes.contains(byte)
            }
            guard isPlain(first), isPlain(last) else { return false }
            if count > 1 && (bytes[1] >= 0x80 || bytes[count - 2] >= 0x80) { return false }
            return true
        }
    }
}

/// The bounds of `bytes` without leading and trailing ASCII white space and no-break spaces.
func trimmedSpaceBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    var start = 0
    var end = bytes.count
    @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
    while start < end {
        if isSpace(bytes[start]) { start += 1; continue }
        if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 { start += 2; continue }
        break
    }
    while end > start {
        if isSpace(bytes[end - 1]) { end -= 1; continue }
        if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2; continue }
        break
    }
    return (start, end)
}
