/// The structural pass: physical lines → groups (candidate blocks), page furniture, footnote
/// definitions, and paragraphs re-joined across page breaks and footnote blocks.
///
/// Works on line indexes only; text is built later, once, from the final groups.
struct LineGroup: Sendable {
    /// What the group is.
    enum Kind: Sendable, Equatable {
        /// Running text (one or more lines).
        case paragraph
        /// A Markdown heading.
        case heading(level: Int)
        /// A bulleted list item and its continuation lines.
        case listItem
        /// The text of footnote `number`.
        case footnote(number: Int)
        /// `---` between pages.
        case separator
        /// A form feed.
        case pageBreak
        /// Running headers and footers, page numbers, print-job numbers.
        case furniture
    }

    /// What the group is.
    var kind: Kind
    /// Indexes into the token array, in order.
    var lines: LineList
    /// Indexes of further groups merged into this one (a paragraph continued after a page break).
    var continuations: [LineList] = []
    /// Set when the group has been merged into an earlier one.
    var mergedAway = false

    /// A group of `lines`.
    init(kind: Kind, lines: LineList) {
        self.kind = kind
        self.lines = lines
    }

    /// A group of the lines listed (the footnote finder splits groups into arrays).
    init(kind: Kind, lines: [Int]) {
        self.kind = kind
        self.lines = LineList(lines)
    }

    /// Whether the group is an interruption of the running text.
    var isInterruption: Bool {
        switch kind {
        case .separator, .pageBreak, .furniture, .footnote: return true
        default: return false
        }
    }
}

/// The line indexes of a group, in order. Almost every group is a run of consecutive lines
/// (the grouping pass only ever extends a group by the next line), held here as two bounds
/// with no storage of its own: an array per group was allocated, grown line by line, and
/// freed, some 14,000 of them for forty documents. A list that is not one run (a note
/// joined to a later group) is kept in an array.
struct LineList: RandomAccessCollection, RangeReplaceableCollection, Sendable {
    /// First line of the run, or -1 when the lines are in `spilled` (line indexes are never
    /// negative): the form is told by a field held inline, not by the array's count.
    private var lower = 0
    /// Number of lines, in either form.
    private var length = 0
    /// The lines, when they are not one run; empty otherwise.
    private var spilled: [Int] = []

    /// No lines.
    init() {}

    /// The single line `line`.
    init(line: Int) {
        lower = line
        length = 1
    }

    /// The lines `lines`, in their order, kept as a run when they are one.
    init(_ lines: [Int]) {
        self.init()
        append(contentsOf: lines)
    }

    /// The lines as a run, or nil when they are held in an array.
    var run: Range<Int>? { lower >= 0 ? lower..<(lower &+ length) : nil }

    var startIndex: Int { 0 }
    var endIndex: Int { length }
    var count: Int { length }
    var isEmpty: Bool { length == 0 }

    subscript(position: Int) -> Int {
        if lower >= 0 {
            precondition(UInt(bitPattern: position) < UInt(bitPattern: length), "LineList index out of range")
            return lower &+ position
        }
        return spilled[position]
    }

    /// Calls `body` with each line in order; a run is walked as a range, without the
    /// collection's iterator (a check of the form per line).
    @inline(__always)
    func forEachLine(_ body: (Int) -> Void) {
        if lower >= 0 {
            for line in lower..<(lower &+ length) { body(line) }
        } else {
            spilled.withUnsafeBufferPointer { lines in
                for line in lines { body(line) }
            }
        }
    }

    /// Appends `line`: extends the run when it is the next line.
    mutating func append(_ line: Int) {
        if lower >= 0 && line >= 0 {
            if length == 0 { lower = line; length = 1; return }
            if line == lower &+ length { length &+= 1; return }
        }
        replaceSubrange(length..<length, with: CollectionOfOne(line))
    }

    /// Replaces `subrange` by `newElements`. A tail replaced by lines that continue the run
    /// (append, `removeSubrange(i...)`) stays a run; anything else moves the lines to an array.
    mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Int {
        precondition(subrange.lowerBound >= 0 && subrange.upperBound <= length, "LineList range out of bounds")
        if lower >= 0 && subrange.upperBound == length {
            var newLower = lower
            var newUpper = lower + subrange.lowerBound
            var isRun = true
            for line in newElements {
                if line < 0 {
                    isRun = false
                    break
                } else if newLower == newUpper {
                    newLower = line
                    newUpper = line + 1
                } else if line == newUpper {
                    newUpper += 1
                } else {
                    isRun = false
                    break
                }
            }
            if isRun {
                lower = newLower
                length = newUpper - newLower
                return
            }
        }
        var lines: [Int]
        if lower >= 0 {
            lines = Array(lower..<(lower + length))
        } else {
            lines = spilled
            spilled = []  // `lines` the only reference: replaced in place
        }
        lines.replaceSubrange(subrange, with: newElements)
        if lines.isEmpty {
            lower = 0
            length = 0
        } else {
            lower = -1
            length = lines.count
            spilled = lines
        }
    }
}

/// Byte-level predicates over a line's content.
enum LineText {
    /// The first content byte index at or after `from` that is not white space, or nil.
    static func firstContent(_ token: LineToken) -> Int? {
        var index = token.contentStart
        while index < token.bytes.count, token.bytes[index] == 0x20 || token.bytes[index] == 0x09 { index += 1 }
        return index < token.bytes.count ? index : nil
    }

    /// Trimmed content as a string (for short lines only).
    static func trimmed(_ token: LineToken) -> String {
        var start = token.contentStart
        var end = token.bytes.count
        while start < end, token.bytes[start] == 0x20 || token.bytes[start] == 0x09 { start += 1 }
        while end > start, token.bytes[end - 1] == 0x20 || token.bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: token.bytes[start..<end], as: UTF8.self)
    }

    /// Number of trimmed content bytes.
    static func contentLength(_ token: LineToken) -> Int {
        guard let first = firstContent(token) else { return 0 }
        var end = token.bytes.count
        while end > first, token.bytes[end - 1] == 0x20 || token.bytes[end - 1] == 0x09 { end -= 1 }
        return end - first
    }

    /// `N` digits at the start of the content followed by white space (not `.`): a footnote
    /// line in `pdftotext` output. Returns the number and where the note text starts.
    static func leadingNoteNumber(_ token: LineToken) -> (Int, Int)? {
        guard let first = firstContent(token) else { return nil }
        var index = first
        var value = 0
        while index < token.bytes.count, token.bytes[index] >= 0x30, token.bytes[index] <= 0x39, index - first < 4 {
            value = value * 10 + Int(token.bytes[index] - 0x30)
            index += 1
        }
        guard index > first, index - first <= 3 else { return nil }
        if index == token.bytes.count { return (value, index) }
        guard token.bytes[index] == 0x20 || token.bytes[index] == 0x09 else { return nil }
        var textStart = index
        while textStart < token.bytes.count, token.bytes[textStart] == 0x20 || token.bytes[textStart] == 0x09 { textStart += 1 }
        guard textStart < token.bytes.count else { return (value, textStart) }
        // The note text starts with a letter or quote, never with more digits (a table row).
        let next = token.bytes[textStart]
        if next >= 0x30 && next <= 0x39 { return nil }
        return (value, textStart)
    }

    /// `12.   Text` — a numbered paragraph of a UN document (the number, then a full stop).
    static func startsNumberedParagraph(_ token: LineToken) -> Bool {
        guard let first = firstContent(token) else { return false }
        var index = first
        while index < token.bytes.count, token.bytes[index] >= 0x30, token.bytes[index] <= 0x39, index - first < 4 { index += 1 }
        guard index > first, index - first <= 3, index + 1 < token.bytes.count,
              token.bytes[index] == UInt8(ascii: "."), token.bytes[index + 1] == 0x20 || token.bytes[index + 1] == 0x09
        else { return false }
        return true
    }

    /// Whether the line is only a page number (1–4 digits, maybe with a roman numeral form).
    static func isPageNumber(_ token: LineToken) -> Bool {
        guard let first = firstContent(token) else { return false }
        let length = contentLength(token)
        guard length >= 1 && length <= 4 else { return false }
        for index in first..<(first + length) where !(token.bytes[index] >= 0x30 && token.bytes[index] <= 0x39) {
            return false
        }
        return true
    }
}

/// Builds groups from tokens and repairs the page structure.
struct GroupBuilder {
    let tokens: [LineToken]
    let plain: Bool

    /// Groups consecutive lines into blocks; a blank line, a separator, a page break, a heading,
    /// a list item or an explicit footnote definition starts a new group.
    func group(furniture: Set<Int>) -> [LineGroup] {
        // A flag per line rather than a hash lookup per line: most documents have no furniture
        // at all, and those that have some have it on few lines.
        var isFurniture: [Bool] = []
        if !furniture.isEmpty {
            isFurniture = Array(repeating: false, count: tokens.count)
            for index in furniture { isFurniture[index] = true }
        }
        // Tokens are read in place: enumerating them copied each one (and retained its arrays).
        return tokens.withUnsafeBufferPointer { Self.group($0, isFurniture: isFurniture, plain: plain) }
    }

    /// `group(furniture:)` over tokens read in place. The groups under construction are locals
    /// of this function: a nested `close()` capturing them made every access to them a checked
    /// one, and `if let group = current` copied the open group before dropping it.
    private static func group(_ tokens: UnsafeBufferPointer<LineToken>, isFurniture: [Bool], plain: Bool) -> [LineGroup] {
        var groups: [LineGroup] = []
        // Room for a group per two lines (a paragraph and the blank line after it, the most
        // groups a Markdown document has): grown by doubling, the array was copied some
        // nine times per document. A document with more groups still grows it.
        groups.reserveCapacity((tokens.count + 1) / 2)
        var current: LineGroup? = nil
        for index in tokens.indices {
            if !isFurniture.isEmpty && isFurniture[index] {
                if let group = current.take() { groups.append(group) }
                groups.append(LineGroup(kind: .furniture, lines: LineList(line: index)))
                continue
            }
            switch tokens[index].kind {
            case .blank:
                if let group = current.take() { groups.append(group) }
            case .pageSeparator:
                if let group = current.take() { groups.append(group) }
                groups.append(LineGroup(kind: .separator, lines: LineList(line: index)))
            case .pageBreak:
                if let group = current.take() { groups.append(group) }
                groups.append(LineGroup(kind: .pageBreak, lines: LineList(line: index)))
            case .heading(let level):
                if let group = current.take() { groups.append(group) }
                groups.append(LineGroup(kind: .heading(level: level), lines: LineList(line: index)))
            case .listItem:
                if let group = current.take() { groups.append(group) }
                current = LineGroup(kind: .listItem, lines: LineList(line: index))
            case .footnoteDefinition(let number):
                if let group = current.take() { groups.append(group) }
                current = LineGroup(kind: .footnote(number: number), lines: LineList(line: index))
            case .text:
                if current != nil, plain, LineText.startsNumberedParagraph(tokens[index]) {
                    if let group = current.take() { groups.append(group) }
                }
                if current == nil {
                    current = LineGroup(kind: .paragraph, lines: LineList(line: index))
                } else {
                    current!.lines.append(index)
                }
            }
        }
        if let group = current.take() { groups.append(group) }
        return groups
    }

    /// Running headers/footers and page numbers next to form feeds, and lines that repeat at
    /// page tops (a document symbol printed on every page).
    func findFurniture() -> Set<Int> {
        var furniture = Set<Int>()
        guard plain else { return furniture }
        // Tokens are read in place: an array element passed to a predicate was copied (its
        // arrays retained and released) for every line.
        return tokens.withUnsafeBufferPointer { tokens in
            var topLines: [String: Int] = [:]
            for index in tokens.indices where tokens[index].kind == .pageBreak {
                // First non-blank line after the break: a running header when short.
                var after = index + 1
                while after < tokens.count, tokens[after].kind == .blank { after += 1 }
                if after < tokens.count, tokens[after].kind == .text, LineText.contentLength(tokens[after]) <= 60 {
                    topLines[LineText.trimmed(tokens[after]), default: 0] += 1
                }
                // Last non-blank lines before the break: a page number, a print-job number.
                var before = index - 1
                var checked = 0
                while before >= 0, checked < 3 {
                    if tokens[before].kind == .blank { before -= 1; continue }
                    if tokens[before].kind == .text, LineText.isPageNumber(tokens[before]) || isJobNumber(tokens[before]) {
                        furniture.insert(before)
                        before -= 1
                        checked += 1
                        continue
                    }
                    break
                }
            }
            let repeated = Set(topLines.filter { $0.value >= 2 }.map(\.key))
            // Lines are strings only where a running header may match them: most documents have
            // none, and most lines are not print-job numbers (`GE.` first, checked on bytes).
            for index in tokens.indices where tokens[index].kind == .text {
                if !repeated.isEmpty, LineText.contentLength(tokens[index]) <= 60, repeated.contains(LineText.trimmed(tokens[index])) {
                    furniture.insert(index)
                } else if isJobNumber(tokens[index]) {
                    furniture.insert(index)
                }
            }
            return furniture
        }
    }

    /// `GE.20-02535(E)` — the UN print-job number at the foot of a first page.
    @inline(__always)  // inlined, the token passed is not copied
    func isJobNumber(_ token: LineToken) -> Bool {
        guard let first = LineText.firstContent(token), first + 3 <= token.bytes.count,
              token.bytes[first] == UInt8(ascii: "G"), token.bytes[first + 1] == UInt8(ascii: "E"),
              token.bytes[first + 2] == UInt8(ascii: ".") else { return false }
        let text = LineText.trimmed(token)
        guard text.utf8.count <= 24, text.hasPrefix("GE.") else { return false }
        return text.utf8.dropFirst(3).first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
    }
}
