#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): sixteen-byte compares and `pmovmskb`, which turns a
// compare's lanes into one bit each, so the scan jumps straight to the next markup byte.
import _Builtin_intrinsics.intel
#endif

/// Classifies one complete line and finds its inline marks. Pure function of the line's bytes.
enum LineClassifier {
    /// Classifies `bytes` (a line without its end-of-line) and hands the token(s) to `emit`.
    /// A line that begins with form feeds yields a `.pageBreak` token per form feed first.
    ///
    /// Tokens are handed to `emit` to own (`consuming`): a borrowed token had to be copied into
    /// the caller's array (its two arrays retained) and then destroyed here.
    static func emitLine(_ bytes: [UInt8], start: Int, lineEndLength: Int, emit: (consuming LineToken) -> Void) {
        var scratch: [InlineMark] = []
        emitLine(bytes, start: start, lineEndLength: lineEndLength, scratch: &scratch, emit: emit)
    }

    /// `emitLine(_:start:lineEndLength:emit:)` collecting each line's marks in `scratch` (the
    /// tokenizer's, reused from line to line), so a token's mark array is allocated once at
    /// its final size rather than grown by doubling from one mark.
    static func emitLine(_ bytes: consuming [UInt8], start: Int, lineEndLength: Int, scratch: inout [InlineMark],
                         emit: (consuming LineToken) -> Void) {
        var skip = 0
        while skip < bytes.count && bytes[skip] == 0x0C {
            emit(LineToken(kind: .pageBreak, start: start + skip, bytes: [0x0C], lineEndLength: 0,
                           contentStart: 0, indent: 0, marks: []))
            skip += 1
        }
        if skip > 0 {
            // The rest of a form-feed line is the first line of the next page.
            if skip < bytes.count {
                emit(classify(Array(bytes[skip...]), start: start + skip, lineEndLength: lineEndLength, scratch: &scratch))
            }
            return
        }
        emit(classify(consume bytes, start: start, lineEndLength: lineEndLength, scratch: &scratch))
    }

    /// Classifies a line that does not begin with a form feed (tests; the tokenizer passes
    /// its scratch array).
    static func classify(_ bytes: consuming [UInt8], start: Int, lineEndLength: Int) -> LineToken {
        var scratch: [InlineMark] = []
        return classify(consume bytes, start: start, lineEndLength: lineEndLength, scratch: &scratch)
    }

    /// Classifies a line that does not begin with a form feed. The token is made once, at the
    /// end, from what was found: building it first and then setting its fields copied it.
    ///
    /// Marks are found into `scratch` (emptied first, its capacity kept) and copied into an
    /// array of their exact count: appending to the token's own array grew it by doubling.
    static func classify(_ bytes: consuming [UInt8], start: Int, lineEndLength: Int, scratch marks: inout [InlineMark]) -> LineToken {
        // Emptied mark by mark (a line has few): `removeAll(keepingCapacity:)` went through the
        // general range replacement, some 80 instructions a line with marks.
        while !marks.isEmpty { marks.removeLast() }
        var index = 0
        if start == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            marks.append(InlineMark(kind: .markup, start: 0, end: 3))
            index = 3
        }
        var indent = 0
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) {
            index += 1
            indent += 1
        }
        var kind = LineKind.text
        var contentStart = index
        // A line that opens with a letter or a digit (most lines) is running text: no block
        // marker opens that way, so it skips the tests. From 0x80 up, C2 may open a no-break
        // space (a blank line) and E2 or EF a bullet: those take the tests.
        let opensWithWord = index < bytes.count && (bytes[index] < 0x80
            ? isWordByte(bytes[index]) : bytes[index] != 0xC2 && bytes[index] != 0xE2 && bytes[index] != 0xEF)
        if opensWithWord {
            scanInline(bytes, from: index, lineStart: start, into: &marks)
        } else if index == bytes.count || isOnlyWhitespace(bytes, from: index) {
            kind = .blank
        } else if isThematicBreak(bytes, from: index) {
            kind = .pageSeparator
        } else {
            let first = bytes[index]
            if first == UInt8(ascii: "#") {
                var level = 0
                var cursor = index
                while cursor < bytes.count && bytes[cursor] == UInt8(ascii: "#") { level += 1; cursor += 1 }
                if level <= 6 && cursor < bytes.count {
                    marks.append(InlineMark(kind: .markup, start: start + index, end: start + cursor))
                    while cursor < bytes.count && bytes[cursor] == 0x20 { cursor += 1 }
                    kind = .heading(level: level)
                    contentStart = cursor
                    index = cursor
                }
            } else if let markerEnd = bulletEnd(bytes, at: index) {
                marks.append(InlineMark(kind: .markup, start: start + index, end: start + markerEnd))
                kind = .listItem
                contentStart = markerEnd
                index = markerEnd
            } else if first == UInt8(ascii: "<") || first == UInt8(ascii: "["),
                      // Both markers open with one of these: most lines are spared the two calls.
                      let (number, end) = explicitFootnoteMarker(bytes, at: index) {
                marks.append(InlineMark(kind: .markup, start: start + index, end: start + end))
                var cursor = end
                while cursor < bytes.count && bytes[cursor] == 0x20 { cursor += 1 }
                kind = .footnoteDefinition(number: number)
                contentStart = cursor
                index = cursor
            }
            scanInline(bytes, from: index, lineStart: start, into: &marks)
        }
        // The line's bytes move into the token (owned here): borrowed, they were retained for
        // it and released by the tokenizer.
        return LineToken(kind: kind, start: start, bytes: consume bytes, lineEndLength: lineEndLength,
                         contentStart: contentStart, indent: indent, marks: exactCopy(marks))
    }

    /// A copy of `marks` in storage of its own, of exactly their count (none for no marks).
    /// `Array(marks)` would share the scratch array's storage, which the next line then copied.
    @inline(__always)
    static func exactCopy(_ marks: [InlineMark]) -> [InlineMark] {
        let count = marks.count
        guard count > 0 else { return [] }
        // From a buffer, not `unsafeUninitializedCapacity:`: that one allocates through an
        // unspecialized path that looks the storage type up at run time (some 370 instructions).
        return marks.withUnsafeBufferPointer { Array($0) }
    }

    @inline(__always)
    static func isOnlyWhitespace(_ bytes: [UInt8], from: Int) -> Bool {
        var index = from
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B {
                index += 1
                continue
            }
            // U+00A0 NO-BREAK SPACE counts as white space in converter output.
            if byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0 {
                index += 2
                continue
            }
            return false
        }
        return true
    }

    /// `---`, `***` or `___` (three or more, spaces allowed between) alone on the line.
    static func isThematicBreak(_ bytes: [UInt8], from: Int) -> Bool {
        let first = bytes[from]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else {
            return false
        }
        var count = 0
        for index in from..<bytes.count {
            let byte = bytes[index]
            if byte == first { count += 1 } else if byte != 0x20 && byte != 0x09 { return false }
        }
        return count >= 3
    }

    /// End of a bullet marker and the spaces after it, if the line starts with one.
    static func bulletEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        var after = -1
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            after = index + 1
        } else if byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA2 || bytes[index + 2] == 0x93) {
            after = index + 3  // • U+2022 or – U+2013
        } else if byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0x82 && bytes[index + 2] == 0xB7 {
            after = index + 3  // Symbol-font bullet U+F0B7 left by Word converters
        }
        guard after > 0, after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 else { return nil }
        var cursor = after
        while cursor < bytes.count && (bytes[cursor] == 0x20 || bytes[cursor] == 0x09) { cursor += 1 }
        return cursor
    }

    /// `<sup>N</sup>` or `[^N]:` at `index`, returning the number and the end of the marker.
    static func explicitFootnoteMarker(_ bytes: [UInt8], at index: Int) -> (Int, Int)? {
        if let (number, end) = supNumber(bytes, at: index), end < bytes.count {
            return (number, end)
        }
        if let (number, end) = caretNumber(bytes, at: index), end < bytes.count, bytes[end] == UInt8(ascii: ":") {
            return (number, end + 1)
        }
        return nil
    }

    /// `<sup>N</sup>` (N of up to 4 digits, spaces allowed) at `index`.
    static func supNumber(_ bytes: [UInt8], at index: Int) -> (Int, Int)? {
        guard matchesLiteral(bytes, at: index, "<sup>") else { return nil }
        var cursor = index + 5
        while cursor < bytes.count && bytes[cursor] == 0x20 { cursor += 1 }
        guard let (number, afterDigits) = smallNumber(bytes, at: cursor) else { return nil }
        cursor = afterDigits
        while cursor < bytes.count && bytes[cursor] == 0x20 { cursor += 1 }
        guard matchesLiteral(bytes, at: cursor, "</sup>") else { return nil }
        return (number, cursor + 6)
    }

    /// `[^N]` at `index`.
    static func caretNumber(_ bytes: [UInt8], at index: Int) -> (Int, Int)? {
        guard index + 3 < bytes.count, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^"),
              let (number, end) = smallNumber(bytes, at: index + 2),
              end < bytes.count, bytes[end] == UInt8(ascii: "]") else { return nil }
        return (number, end + 1)
    }

    /// 1 to 4 ASCII digits at `index`.
    @inline(__always)
    static func smallNumber(_ bytes: [UInt8], at index: Int) -> (Int, Int)? {
        var cursor = index
        var value = 0
        while cursor < bytes.count, cursor - index < 5, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            value = value * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
        }
        guard cursor > index, cursor - index <= 4 else { return nil }
        return (value, cursor)
    }

    @inline(__always)
    static func matchesLiteral(_ bytes: [UInt8], at index: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count {
                var byte = bytes[index + offset]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if byte != buffer[offset] { return false }
            }
            return true
        }
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Finds emphasis delimiters, inline HTML tags, escapes, links and call-outs from `from` on.
    static func scanInline(_ bytes: [UInt8], from: Int, lineStart: Int, into marks: inout [InlineMark]) {
        var index = from
        let count = bytes.count
        while index < count {
            // Most bytes are plain text: skip them in a tight loop before the switch.
            index = bytes.withUnsafeBufferPointer { Self.skipPlain($0, from: index) }
            guard index < count else { break }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "*"):
                var end = index
                while end < count && bytes[end] == UInt8(ascii: "*") { end += 1 }
                let before: UInt8 = index > 0 ? bytes[index - 1] : 0x20
                let after: UInt8 = end < count ? bytes[end] : 0x20
                // A delimiter touches text on at least one side; a lone `*` between spaces is a
                // character (a multiplication sign, a footnote asterisk in a masthead).
                if !(isSpace(before) && isSpace(after)) {
                    marks.append(InlineMark(kind: .markup, start: lineStart + index, end: lineStart + end))
                }
                index = end
            case UInt8(ascii: "_"):
                var end = index
                while end < count && bytes[end] == UInt8(ascii: "_") { end += 1 }
                let before: UInt8 = index > 0 ? bytes[index - 1] : 0x20
                let after: UInt8 = end < count ? bytes[end] : 0x20
                // Inside a word (snake_case, file names) an underscore is text.
                if !(isWordByte(before) && isWordByte(after)) && !(isSpace(before) && isSpace(after)) {
                    marks.append(InlineMark(kind: .markup, start: lineStart + index, end: lineStart + end))
                }
                index = end
            case UInt8(ascii: "\\"):
                if index + 1 < count, isMarkdownEscapable(bytes[index + 1]) {
                    marks.append(InlineMark(kind: .markup, start: lineStart + index, end: lineStart + index + 1))
                    index += 2
                } else {
                    index += 1
                }
            case UInt8(ascii: "<"):
                if let (number, end) = supNumber(bytes, at: index) {
                    marks.append(InlineMark(kind: .callout(number: number), start: lineStart + index, end: lineStart + end))
                    index = end
                } else if let end = inlineTagEnd(bytes, at: index) {
                    marks.append(InlineMark(kind: .markup, start: lineStart + index, end: lineStart + end))
                    index = end
                } else {
                    index += 1
                }
            case UInt8(ascii: "["):
                if let (number, end) = caretNumber(bytes, at: index) {
                    marks.append(InlineMark(kind: .callout(number: number), start: lineStart + index, end: lineStart + end))
                    index = end
                } else if index + 2 < count, let (number, end) = smallNumber(bytes, at: index + 1),
                          end < count, bytes[end] == UInt8(ascii: "]"),
                          !(end + 1 < count && bytes[end + 1] == UInt8(ascii: "(")) {
                    marks.append(InlineMark(kind: .bracketedNumber(number: number), start: lineStart + index, end: lineStart + end + 1))
                    index = end + 1
                } else if let (closeBracket, linkEnd) = markdownLink(bytes, at: index) {
                    marks.append(InlineMark(kind: .markup, start: lineStart + index, end: lineStart + index + 1))
                    marks.append(InlineMark(kind: .markup, start: lineStart + closeBracket, end: lineStart + linkEnd))
                    index += 1
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        // Marks are found in source order except around links (`[` is marked, then the text
        // inside is scanned): sort only when one is out of order. Starts are distinct, so the
        // order is the same either way.
        if marks.count > 1 && !isSortedByStart(marks) { marks.sort { $0.start < $1.start } }
    }

    /// Whether each mark starts after the one before it.
    @inline(__always)
    static func isSortedByStart(_ marks: [InlineMark]) -> Bool {
        marks.withUnsafeBufferPointer { marks in
            for index in 1..<marks.count where marks[index].start < marks[index - 1].start { return false }
            return true
        }
    }

    /// The first index at or after `from` holding a byte that may start inline markup
    /// (`*`, `_`, `\\`, `<`, `[`).
    ///
    /// Sixteen bytes a step on SSE2 (five lane compares, exact), then eight a step in words,
    /// then bytes. `vectors: false` gives the portable path alone (tests).
    @inline(__always)
    static func skipPlain(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, vectors: Bool = true) -> Int {
        var index = from
        #if arch(x86_64)
        if vectors, let base = bytes.baseAddress {
            @inline(__always) func equal(_ vector: __m128i, _ byte: UInt8) -> __m128i {
                _mm_cmpeq_epi8(vector, _mm_set1_epi8(CChar(bitPattern: byte)))
            }
            while index &+ 16 <= bytes.count {
                let vector = _mm_loadu_si128(UnsafeRawPointer(base + index).assumingMemoryBound(to: __m128i_u.self))
                let marks = _mm_or_si128(_mm_or_si128(equal(vector, 0x2A), equal(vector, 0x5F)),
                                         _mm_or_si128(_mm_or_si128(equal(vector, 0x5C), equal(vector, 0x3C)), equal(vector, 0x5B)))
                let lanes = _mm_movemask_epi8(marks)
                if lanes != 0 { return index &+ Int(lanes.trailingZeroBitCount) }
                index &+= 16
            }
        }
        #endif
        while index + 8 <= bytes.count {
            let word = ByteWords.load(bytes.baseAddress!, index)
            if ByteWords.equal(word, 0x2A) | ByteWords.equal(word, 0x5F) | ByteWords.equal(word, 0x5C)
                | ByteWords.equal(word, 0x3C) | ByteWords.equal(word, 0x5B) != 0 { break }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x2A || byte == 0x5F || byte == 0x5C || byte == 0x3C || byte == 0x5B { return index }
            index += 1
        }
        return index
    }

    static func isMarkdownEscapable(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "$"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    /// End of a known inline HTML tag (`<sup>`, `</sub>`, `<br/>`, `<em>`…) at `index`.
    static func inlineTagEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        var cursor = index + 1
        if cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
        let nameStart = cursor
        while cursor < bytes.count, (bytes[cursor] | 0x20) >= 0x61, (bytes[cursor] | 0x20) <= 0x7A, cursor - nameStart < 8 {
            cursor += 1
        }
        let nameLength = cursor - nameStart
        guard nameLength > 0 else { return nil }
        var name: UInt64 = 0
        for offset in nameStart..<cursor { name = name << 8 | UInt64(bytes[offset] | 0x20) }
        guard knownTags.contains(name) else { return nil }
        while cursor < bytes.count && bytes[cursor] != UInt8(ascii: ">") && bytes[cursor] != UInt8(ascii: "<") && cursor - index < 200 {
            cursor += 1
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") else { return nil }
        return cursor + 1
    }

    /// Tag names packed into integers, so the scan compares one word rather than strings.
    static let knownTags: Set<UInt64> = {
        var set = Set<UInt64>()
        for name in ["sup", "sub", "br", "b", "i", "em", "strong", "u", "span", "meta", "p", "div", "small"] {
            var value: UInt64 = 0
            for byte in name.utf8 { value = value << 8 | UInt64(byte) }
            set.insert(value)
        }
        return set
    }()

    /// `[text](target)` starting at `index`: the offsets of `]` and one past `)`.
    static func markdownLink(_ bytes: [UInt8], at index: Int) -> (Int, Int)? {
        var cursor = index + 1
        while cursor < bytes.count && bytes[cursor] != UInt8(ascii: "]") {
            if bytes[cursor] == UInt8(ascii: "[") { return nil }
            cursor += 1
        }
        guard cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "(") else { return nil }
        let close = cursor
        cursor += 2
        // Stop at the next `[` too: every `[` retries this scan, so without that stop a line of
        // `[x](` repeated (no `)`) scanned the rest of the line from each one, quadratically.
        while cursor < bytes.count && bytes[cursor] != UInt8(ascii: ")") && bytes[cursor] != 0x20
                && bytes[cursor] != UInt8(ascii: "[") { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ")") else { return nil }
        return (close, cursor + 1)
    }
}
