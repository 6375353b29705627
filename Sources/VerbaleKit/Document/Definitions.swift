#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds defined terms: `the International Covenant on Civil and Political Rights (the
/// “ICCPR”)`, `(hereinafter: Slovenia)`, `(ci-après « la Convention »)`, `(en adelante, "la Ley")`,
/// `(далее – «Закон»)`. The meaning is the capitalised name just before the parenthesis.
enum DefinitionFinder {
    /// Words that may introduce the term inside the parenthesis.
    ///
    /// Longest first, so the longest introducer that opens the parenthesis is the one taken:
    /// listed shortest first, `ci-après dénommé` took the `ci-après dénommée « la Loi »` of a
    /// feminine term and left `e « … »`, which is no quoted term, so the definition was lost.
    static let introducers = [
        "hereinafter referred to as", "hereinafter called", "hereinafter", "the",
        "ci-après dénommées", "ci-après dénommée", "ci-après dénommés", "ci-après dénommé",
        "ci-après", "en adelante", "далее", "referred to as",
    ].sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
    /// Character counts of `introducers` (counting them for each definition cost more than
    /// the introducer test).
    static let introducerLengths = introducers.map(\.count)

    /// Whether `character` opens a quoted term (`"`, `“`, `«`, `'`, `‘`): compared with each,
    /// where `String.contains` walked the characters of the list for every parenthesis.
    static func isOpeningQuote(_ character: Character) -> Bool {
        switch character {
        case "\"", "“", "«", "'", "‘": return true
        default: return false
        }
    }

    /// Byte length of the quote whose first byte is `lead` (`"` `'`, `» «`, `” ’ …`).
    static func quoteByteLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead == 0xC2 ? 2 : 3
    }

    /// `text.trimmingSpaces().isEmpty`, told from the bytes without making the string.
    static func isBlank(_ text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            let (start, end) = trimmedSpaceBounds(bytes)
            return start == end
        } ?? text.trimmingSpaces().isEmpty
    }

    /// The closing quote for each opening one.
    static let closers: [Character: Character] = ["\"": "\"", "“": "”", "«": "»", "'": "'", "‘": "’"]

    /// `closers[opening]` by a switch: building the dictionary hashed its characters, a
    /// quarter of a million instructions once per process, more than all its look-ups.
    static func closer(of opening: Character) -> Character? {
        switch opening {
        case "\"": return "\""
        case "“": return "”"
        case "«": return "»"
        case "'": return "'"
        case "‘": return "’"
        default: return nil
        }
    }
    /// Small words allowed inside a name (`Law on State Registration of Legal Entities`).
    static let connectors: Set<String> = [
        "of", "on", "the", "and", "for", "in", "to", "de", "du", "des", "la", "le", "les", "et", "del", "y", "los",
        "las", "en", "о", "и", "по",
    ]

    /// The definitions in the blocks of `parts`, in block order. The blocks are read where
    /// they lie in their parts: a flattened array of them copied every block.
    static func find(in parts: [Part]) -> [Definition] {
        parts.indices.flatMap { find(in: parts[$0].blocks) }
    }

    /// The definitions in `blocks` (page furniture aside), in order.
    static func find(in blocks: [Block]) -> [Definition] {
        var result: [Definition] = []
        for index in blocks.indices where blocks[index].kind != .pageFurniture {
            // The block's bytes are read in place, and its mapped text passed on only for a
            // parenthesis that may open a definition: a copy of the mapped text per block
            // retained and released its two arrays, and most blocks have no such parenthesis.
            let opens = blocks[index].mapped.bytes.withUnsafeBufferPointer { openings(in: $0) }
            for open in opens {
                // The mapped text is all a definition needs: passing the block copied all of it.
                if let definition = definition(at: open, in: blocks[index].mapped) { result.append(definition) }
            }
        }
        return result
    }

    /// Offsets of the parentheses in `bytes` that may open a definition (`mayOpenDefinition`).
    /// Parentheses are rare: they are found with memchr.
    static func openings(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let base = bytes.baseAddress else { return [] }
        var found: [Int] = []
        var index = 0
        while index < bytes.count, let hit = memchr(base + index, 0x28, bytes.count - index) {
            let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if mayOpenDefinition(bytes, offset + 1) { found.append(offset) }
            index = offset + 1
        }
        return found
    }

    /// Bytes that may follow `(` in a definition: a quote, or the start of an introducer.
    static func mayOpenDefinition(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "h"), UInt8(ascii: "H"),
             UInt8(ascii: "c"), UInt8(ascii: "e"), UInt8(ascii: "r"), 0xE2, 0xC2, 0xD0:
            return true  // ", ', the, hereinafter, ci-après, en adelante, referred, “ ‘, «, далее
        default:
            return false
        }
    }

    /// Whether the parenthesis holds a quote or starts with `hereinafter`/`ci-après`/`далее`:
    /// one byte scan that rules out nearly every parenthesis before any string is built.
    static func mayHoldTerm(_ bytes: [UInt8], _ open: Int) -> Bool {
        var index = open + 1
        let limit = min(bytes.count, open + 160)
        while index < limit {
            switch bytes[index] {
            case UInt8(ascii: ")"): return false
            case UInt8(ascii: "\""), UInt8(ascii: "'"): return true
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x98):
                return true  // “ ‘
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xAB:
                return true  // «
            default: index += 1
            }
        }
        let head = ByteCase.lower(Array(bytes[(open + 1)..<min(bytes.count, open + 14)]))
        return head.starts(with: Array("hereinafter".utf8)) || head.starts(with: Array("далее".utf8))
    }

    private static func definition(at open: Int, in mapped: MappedText) -> Definition? {
        let bytes = mapped.bytes
        guard mayHoldTerm(bytes, open) else { return nil }
        guard let close = bytes[open...].prefix(160).firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let inner = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        var rest = Substring(inner.trimmingSpaces())
        var introduced = false
        // Introducers are at most 26 characters: lower-case the head once, not per introducer;
        // on bytes when the head is ASCII.
        let introducerIndex = asciiIntroducer(rest) ?? plainIntroducer(rest) ?? {
            let lowerHead = String(rest.prefix(32)).lowercased()
            // First bytes compared before the character-level prefix test: no character is
            // canonically equal to the first letter of an introducer but that letter itself.
            let first = lowerHead.utf8.first
            return introducers.firstIndex { $0.utf8.first == first && lowerHead.hasPrefix($0) }
        }()
        if let introducerIndex {
            rest = rest.dropFirst(introducerLengths[introducerIndex])
            introduced = true
            while let first = rest.first, first == ":" || first == "," || first == " " || first == "–" || first == "-" { rest = rest.dropFirst() }
        }
        var term: String
        if let first = rest.first, Self.isOpeningQuote(first) {
            let body = rest.dropFirst()
            let closer = Self.closer(of: first)
            let found = closingQuote(in: body, apostrophe: closer == "'", rightSingle: closer == "’")
                ?? body.firstIndex(where: { $0 == closer || $0 == "\"" || $0 == "”" || $0 == "»" })
            guard let end = found else { return nil }
            term = String(body[..<end]).trimmingSpaces()
            // The closing quote is one scalar (see `closingQuote`): the rest starts after its bytes.
            let afterQuote = body.utf8.index(end, offsetBy: Self.quoteByteLength(body.utf8[end]))
            guard Self.isBlank(body[afterQuote...]) else { return nil }
        } else if introduced && inner.lowercased().hasPrefix("hereinafter") {
            term = String(rest).trimmingSpaces()
        } else {
            return nil
        }
        // `(hereinafter "the Government")`: the English article is not part of the term.
        if term.hasPrefix("the ") && term.count > 5 { term = String(term.dropFirst(4)) }
        // No more characters than bytes: the count is only walked for a long term.
        guard !term.isEmpty, term.utf8.count <= 60 || term.count <= 60,
              StructureBuilder.startsUppercase(term) || term.first == "l" else { return nil }
        guard let (meaning, meaningStart) = meaningBefore(open, bytes) else { return nil }
        let termRange = Phrases.find(Array(term.utf8), in: Array(inner.utf8)).map { (open + 1 + $0)..<(open + 1 + $0 + term.utf8.count) }
        let termSpan = termRange.map { mapped.sourceSpan($0.lowerBound, $0.upperBound) } ?? mapped.sourceSpan(open, close + 1)
        return Definition(term: term, meaning: meaning,
                          start: mapped.sourceOffset(meaningStart),
                          end: mapped.sourceOffset(close) + 1, termSpan: termSpan)
    }

    /// The first character of `body` that closes a quoted term (`"`, `”`, `»`, and `'` or `’`
    /// when the term opened with `'` or `‘`), found on bytes: comparing every character of the
    /// term with four quotes cost more than the rest of the definition. A quote found is a
    /// character of its own when the scalar before it cannot be a prepended one (ASCII, or a
    /// two-byte scalar below U+0600, or a quote) and the scalar after it cannot extend it
    /// (ASCII, a two-byte scalar outside the combining marks, or a quote). `nil` inside when
    /// there is no quote; `nil` outside when the bytes cannot tell.
    static func closingQuote(in body: Substring, apostrophe: Bool, rightSingle: Bool) -> Substring.Index?? {
        let offset = body.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            let count = bytes.count
            func isPlainLead(_ byte: UInt8) -> Bool { byte >= 0xC2 && byte <= 0xCB || byte >= 0xCE && byte <= 0xD1 }
            func isQuote(_ at: Int) -> Bool {
                at + 2 < count && bytes[at] == 0xE2 && bytes[at + 1] == 0x80 && (0x98...0x9D).contains(bytes[at + 2])
            }
            var index = 0
            while index < count {
                let byte = bytes[index]
                var length = 0
                if byte == UInt8(ascii: "\"") || (apostrophe && byte == UInt8(ascii: "'")) {
                    length = 1
                } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80,
                          bytes[index + 2] == 0x9D || (rightSingle && bytes[index + 2] == 0x99) {
                    length = 3
                } else if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xBB {
                    length = 2
                }
                if length == 0 { index += 1; continue }
                // The scalar before: ASCII, a quote's last byte, or a two-byte scalar's trail.
                if index > 0 {
                    let before = bytes[index - 1]
                    let plain = before < 0x80
                        || (index >= 2 && isPlainLead(bytes[index - 2]) && before & 0xC0 == 0x80)
                        || (index >= 3 && isQuote(index - 3))
                    guard plain else { return .none }
                }
                let next = index + length
                if next < count {
                    let after = bytes[next]
                    guard after < 0x80 || isPlainLead(after) || isQuote(next) else { return .none }
                }
                return .some(index)
            }
            return .some(nil)
        }
        switch offset {
        case .some(.some(.some(let found))): return .some(body.utf8.index(body.startIndex, offsetBy: found))
        case .some(.some(.none)): return .some(nil)
        default: return .none
        }
    }

    /// The introducers as ASCII bytes; `nil` for those that are not ASCII.
    static let asciiIntroducers: [[UInt8]?] = introducers.map { text in text.utf8.allSatisfy { $0 < 0x80 } ? Array(text.utf8) : nil }

    /// The index of the first introducer `text` starts with (as its lower-cased head would
    /// tell), found on bytes: `nil` inside when none does; `nil` outside when the bytes cannot
    /// tell. Introducers differ in their first letter but for `hereinafter…` and `ci-après…`,
    /// so a head starting with neither `c` nor a non-ASCII byte can only start with an ASCII
    /// one. An ASCII introducer matched byte for byte is a character match when the next
    /// scalar is ASCII or a quote or space that never joins the letter before it.
    static func asciiIntroducer(_ text: Substring) -> Int?? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            guard let first = bytes.first else { return .some(nil) }
            // A term in quotes (`(“ICCPR”)`, the common case): no introducer starts so.
            if first == 0xE2, bytes.count >= 3, bytes[1] == 0x80, (0x98...0x9D).contains(bytes[2]) { return .some(nil) }
            if first == 0xC2, bytes.count >= 2, bytes[1] == 0xAB || bytes[1] == 0xBB { return .some(nil) }
            if first >= 0x80 || first | 0x20 == UInt8(ascii: "c") { return .none }
            for (number, introducer) in asciiIntroducers.enumerated() {
                guard let introducer, introducer.count <= bytes.count else { continue }
                var matched = true
                for offset in introducer.indices {
                    let byte = bytes[offset]
                    if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != introducer[offset] { matched = false; break }
                }
                guard matched else { continue }
                let next = introducer.count
                if next == bytes.count || bytes[next] < 0x80 { return .some(number) }
                if bytes[next] == 0xC2, next + 1 < bytes.count, [0xA0, 0xAB, 0xBB].contains(bytes[next + 1]) { return .some(number) }
                if bytes[next] == 0xE2, next + 2 < bytes.count, bytes[next + 1] == 0x80, (0x98...0x9D).contains(bytes[next + 2]) {
                    return .some(number)
                }
                return .none
            }
            return .some(nil)
        } ?? .none
    }

    /// Byte length of the longest introducer, with room for the scalar after it.
    static let introducerWindow = introducers.map(\.utf8.count).max()! + 4

    /// The index of the first introducer `text` starts with, as `String(text.prefix(32))
    /// .lowercased().hasPrefix` would find it (the general path, which normalised and compared
    /// characters for every `c…` or Cyrillic head, costing more than the rest of the
    /// definition), told on bytes when the head's scalars are ASCII, Latin-1 (`C2 xx`, `C3 xx`),
    /// basic Cyrillic (`D0 xx`, `D1 xx`) or general punctuation (`E2 80 xx`, the joiners
    /// aside): none of these is a combining mark or joins the
    /// scalar before it but CR LF, which no introducer holds, so each is a character of its
    /// own, equal to another only byte for byte; `ByteCase.lower` lowers the capitals of
    /// the introducers' letters as `lowercased()` does, and lowers no other scalar to one of
    /// them. An introducer then matches when its bytes start the lowered head and the next
    /// scalar (any of these kinds) starts a character. `nil` inside when none matches; `nil`
    /// outside when some scalar of the head's window is of another kind.
    static func plainIntroducer(_ text: Substring) -> Int?? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            // The head lowered in a fixed buffer, its window checked scalar by scalar.
            var head: [UInt8] = []
            head.reserveCapacity(introducerWindow + 2)
            var index = 0
            while index < bytes.count && index < introducerWindow {
                let lead = bytes[index]
                if lead < 0x80 { head.append(lead); index += 1; continue }
                // General punctuation (`E2 80 xx`: dashes, quotes, spaces) but the joiners
                // U+200C and U+200D, which extend the character before them.
                if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xC0 == 0x80,
                   bytes[index + 2] != 0x8C, bytes[index + 2] != 0x8D {
                    head.append(contentsOf: bytes[index..<(index + 3)])
                    index += 3
                    continue
                }
                guard lead == 0xC2 || lead == 0xC3 || lead == 0xD0 || lead == 0xD1, index + 1 < bytes.count,
                      bytes[index + 1] & 0xC0 == 0x80 else { return .none }
                head.append(lead)
                head.append(bytes[index + 1])
                index += 2
            }
            head.withUnsafeMutableBytes { _ = ByteCase.lower($0) }
            guard let first = head.first else { return .some(nil) }
            for (number, introducer) in introducers.enumerated() where introducer.utf8.first == first {
                // Every scalar of the window is a character of its own: the introducer is a
                // prefix of the characters exactly when its bytes are a prefix of the bytes.
                if head.count >= introducer.utf8.count, head.starts(with: introducer.utf8) { return .some(number) }
            }
            return .some(nil)
        } ?? .none
    }

    /// Walks back from the parenthesis over capitalised words, connectors and date pieces.
    /// Length of a quote or comma at `index` (ASCII `"` `'` `,`, UTF-8 “ ” ‘ ’ « »), else 0.
    @inline(__always)
    static func quoteLength(_ bytes: [UInt8], _ index: Int, limit: Int) -> Int {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ",") { return 1 }
        if byte == 0xE2, index + 2 < limit, bytes[index + 1] == 0x80, (0x98...0x9D).contains(bytes[index + 2]) { return 3 }
        if byte == 0xC2, index + 1 < limit, bytes[index + 1] == 0xAB || bytes[index + 1] == 0xBB { return 2 }
        return 0
    }

    /// Whether the letter at `index` is a capital (ASCII, Latin-1, Cyrillic).
    @inline(__always)
    static func isCapital(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte >= 0x41 && byte <= 0x5A { return true }
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        if byte == 0xC3 { return next >= 0x80 && next <= 0x9E && next != 0x97 }
        if byte == 0xD0 { return next >= 0x80 && next <= 0xAF }
        return false
    }

    /// Walks back from the parenthesis over capitalised words, connectors and date pieces,
    /// classifying each word on its bytes; strings are built for the words kept only.
    private static func meaningBefore(_ open: Int, _ bytes: [UInt8]) -> (String, Int)? {
        // Words as byte ranges (start, end): strings are made once, for the meaning kept.
        var words: [(Int, Int)] = []
        words.reserveCapacity(8)
        var index = open
        while index > 0 && bytes[index - 1] == 0x20 { index -= 1 }
        while index > 0 && words.count < 30 {
            var start = index
            while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != UInt8(ascii: "(") { start -= 1 }
            // Quotes around a name (`"Steppe Voices"`) are not part of the test for capitals.
            var bareStart = start
            var bareEnd = index
            while bareStart < bareEnd, quoteLength(bytes, bareStart, limit: bareEnd) > 0 { bareStart += quoteLength(bytes, bareStart, limit: bareEnd) }
            while bareEnd > bareStart {
                if bytes[bareEnd - 1] == UInt8(ascii: ",") || bytes[bareEnd - 1] == UInt8(ascii: "\"") || bytes[bareEnd - 1] == UInt8(ascii: "'") { bareEnd -= 1; continue }
                if bareEnd - 3 >= bareStart, bytes[bareEnd - 3] == 0xE2, bytes[bareEnd - 2] == 0x80, (0x98...0x9D).contains(bytes[bareEnd - 1]) { bareEnd -= 3; continue }
                if bareEnd - 2 >= bareStart, bytes[bareEnd - 2] == 0xC2, bytes[bareEnd - 1] == 0xBB || bytes[bareEnd - 1] == 0xAB { bareEnd -= 2; continue }
                break
            }
            guard bareStart < bareEnd else { break }
            // A possessive (`the Republic's Department`) ends the name on the left.
            if bytes[bareEnd - 1] == UInt8(ascii: "s"), bareEnd - bareStart >= 2,
               bytes[bareEnd - 2] == UInt8(ascii: "'") || (bareEnd - bareStart >= 4 && bytes[bareEnd - 2] == 0x99 && bytes[bareEnd - 4] == 0xE2) {
                break
            }
            let allDigits = bytes[bareStart..<bareEnd].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            var accepted = isCapital(bytes, bareStart) || allDigits
            if !accepted {
                accepted = isConnector(bytes[bareStart..<bareEnd]) || isNumberSign(bytes[bareStart..<bareEnd])
            }
            guard accepted else { break }
            // Words are collected right to left and put in order once: inserting each at the
            // front moved the others every time.
            words.append((start, index))
            index = start
            while index > 0 && bytes[index - 1] == 0x20 { index -= 1 }
            if bytes[bareEnd - 1] == UInt8(ascii: "."), words.count > 1, !isNumberSign(bytes[bareStart..<bareEnd]) {
                break
            }
        }
        words.reverse()
        // Leading connectors, articles and a leading date (`on May 27, 2019, the Medeu District
        // Court`) are not part of the name; a date after the name (`… of April 17, 1995`) is.
        while let first = words.first {
            guard isLeadingPiece(bytes[first.0..<first.1]) else { break }
            words.removeFirst()
        }
        while let last = words.last, isConnector(bytes[last.0..<last.1]) {
            words.removeLast()
        }
        guard let start = words.first?.0 else { return determinedPhraseBefore(open, bytes) }
        // `…, Counsellor at the Embassy (the "Counsellor")`: a name right after `at the` is the
        // tail of an apposition, not what the term stands for; better no meaning than a wrong one.
        if words.count == 1, precededByPrepositionAndArticle(start, bytes) { return nil }
        // The words with one space between them, as joining their strings would give: a
        // word never holds a space, so no character spans two words.
        var joined: [UInt8] = []
        joined.reserveCapacity(words.last!.1 - start)
        for (number, word) in words.enumerated() {
            if number > 0 { joined.append(0x20) }
            joined.append(contentsOf: bytes[word.0..<word.1])
        }
        guard let meaning = trimmedMeaning(joined) else { return nil }
        return (meaning, start)
    }

    /// The meaning's bytes as a string trimmed of white space, commas and quotes (as
    /// `trimmingCharacters(",\"“”«»")` trims), nil when fewer than two characters are left.
    /// ASCII without a CR is trimmed on bytes: each of its bytes is a character of its own
    /// (only CR LF joins two ASCII scalars into one character), so trimming characters is
    /// trimming bytes, and the count of characters is the count of bytes. Any other text
    /// goes through the character-level trim.
    static func trimmedMeaning(_ joined: [UInt8]) -> String? {
        guard joined.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            let meaning = String(decoding: joined, as: UTF8.self).trimmingCharacters(",\"“”«»")
            return meaning.count >= 2 ? meaning : nil
        }
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C
        }
        @inline(__always) func isTrimmed(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
        }
        var start = 0
        var end = joined.count
        while start < end, isSpace(joined[start]) { start += 1 }
        while end > start, isSpace(joined[end - 1]) { end -= 1 }
        while end > start, isTrimmed(joined[end - 1]) { end -= 1 }
        while start < end, isTrimmed(joined[start]) { start += 1 }
        while start < end, isSpace(joined[start]) { start += 1 }
        while end > start, isSpace(joined[end - 1]) { end -= 1 }
        return end - start >= 2 ? String(decoding: joined[start..<end], as: UTF8.self) : nil
    }

    /// Whether a word at the head of a name is not part of it: a connector, `the`, a number or
    /// a month (`on May 27, 2019, the …`), commas around it aside. An ASCII word with no
    /// white space or control byte is decided on its bytes; any other word as a string.
    static func isLeadingPiece(_ word: ArraySlice<UInt8>) -> Bool {
        if word.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            var start = word.startIndex
            var end = word.endIndex
            while end > start, word[end - 1] == UInt8(ascii: ",") { end -= 1 }
            while start < end, word[start] == UInt8(ascii: ",") { start += 1 }
            // An ASCII character is a number only if it is a digit (and none is empty).
            if word[start..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
            return isASCIILeadingWord(word[start..<end])
        }
        let bare = String(decoding: word, as: UTF8.self).trimmingCharacters(",").lowercased()
        return connectors.contains(bare) || bare == "the" || bare.allSatisfy(\.isNumber) || DateParser.monthTable[bare] != nil
    }

    /// `connectors.contains(bare) || bare == "the" || DateParser.monthTable[bare] != nil` for
    /// `bare`, an ASCII word lower-cased, told on its bytes: the connectors compared byte for
    /// byte, the months looked up in the date scan's packed tables (an ASCII string equals
    /// another only byte for byte). Making the string and hashing it twice cost some 800
    /// instructions a word.
    static func isASCIILeadingWord(_ word: ArraySlice<UInt8>) -> Bool {
        if isConnector(word) { return true }
        let count = word.count
        guard count > 0, count <= LongWordTable.longest else { return false }
        var buffer: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &buffer) { lowered -> Bool in
            var length = 0
            for byte in word {
                lowered[length] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                length += 1
            }
            if length == 3, lowered[0] == UInt8(ascii: "t"), lowered[1] == UInt8(ascii: "h"), lowered[2] == UInt8(ascii: "e") { return true }
            let code: Int?
            if length <= 8 {
                var key: UInt64 = 0
                for offset in 0..<length { key = key << 8 | UInt64(lowered[offset]) }
                code = DateParser.packedCodes.value(key)
            } else {
                code = DateParser.longCodes.value(UnsafeRawBufferPointer(rebasing: lowered[0..<length]))
            }
            guard let code else { return false }
            return (1...12).contains(code)
        }
    }

    /// Whether the two words before `start` are a preposition and `the` (`at the Embassy`).
    private static func precededByPrepositionAndArticle(_ start: Int, _ bytes: [UInt8]) -> Bool {
        var words: [String] = []
        var index = start
        while words.count < 2 {
            while index > 0 && bytes[index - 1] == 0x20 { index -= 1 }
            guard index > 0 else { return false }
            var wordStart = index
            while wordStart > 0, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
            words.append(String(decoding: bytes[wordStart..<index], as: UTF8.self).lowercased())
            index = wordStart
        }
        return words[0] == "the" && ["at", "in", "to", "with", "by", "from", "within"].contains(words[1])
    }

    /// `String(decoding: word, as: UTF8.self).lowercased()` for an ASCII word, built from the
    /// lowered bytes; `nil` for a word that is not ASCII.
    static func asciiLowercased(_ word: ArraySlice<UInt8>) -> String? {
        guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
        // Written straight into the string's storage: a short word needs no allocation.
        return String(unsafeUninitializedCapacity: word.count) { buffer in
            var offset = 0
            for byte in word {
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                offset += 1
            }
            return offset
        }
    }

    /// The ASCII connectors as bytes, to test an ASCII word without making a string of it.
    static let asciiConnectors: [[UInt8]] = connectors.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }

    /// `asciiConnectors` packed as `isConnector` packs a word (first byte highest).
    static let asciiConnectorKeys: [UInt64] = asciiConnectors.map { $0.reduce(0) { $0 << 8 | UInt64($1) } }

    /// The longest ASCII connector's length: longer words are no connector.
    static let asciiConnectorLength = asciiConnectors.map(\.count).max() ?? 0

    /// `connectors.contains(word lower-cased)`, on bytes when the word is ASCII (an ASCII
    /// string equals another only byte for byte, and no non-ASCII connector equals it).
    static func isConnector(_ word: ArraySlice<UInt8>) -> Bool {
        if word.allSatisfy({ $0 < 0x80 }) {
            guard word.count <= asciiConnectorLength else { return false }
            // Packed lower-cased, one integer compared per connector (no connector byte is 0,
            // so words of different lengths pack differently).
            var key: UInt64 = 0
            for byte in word { key = key << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            return asciiConnectorKeys.contains(key)
        }
        return connectors.contains(String(decoding: word, as: UTF8.self).lowercased())
    }

    /// The ASCII number signs as bytes (see `isConnector`).
    static let asciiNumberSigns: [[UInt8]] = numberSigns.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }

    /// `numberSigns.contains(word)`, on bytes when the word is ASCII.
    static func isNumberSign(_ word: ArraySlice<UInt8>) -> Bool {
        if word.allSatisfy({ $0 < 0x80 }) {
            return asciiNumberSigns.contains { $0.elementsEqual(word) }
        }
        return numberSigns.contains(String(decoding: word, as: UTF8.self))
    }

    /// The word lower-cased, as a string.
    static func lowered(_ word: ArraySlice<UInt8>) -> String {
        asciiLowercased(word) ?? String(decoding: word, as: UTF8.self).lowercased()
    }

    /// Number signs inside a statute's name (`Act No. 2 of 2021`, `loi n° 2020-38`).
    static let numberSigns: Set<String> = ["No", "No.", "Nos.", "N°", "Nº", "n°", "nº", "no.", "№"]

    /// Head nouns of names written in lower case in French and Spanish (statutes, bodies).
    static let headNouns: Set<String> = [
        "loi", "ley", "décret", "decreto", "code", "código", "convention", "convención", "pacte", "pacto",
        "règlement", "reglamento", "accord", "acuerdo", "arrêté", "ordonnance", "constitution", "constitución",
        "charte", "carta", "protocole", "protocolo", "traité", "tratado", "conseil", "consejo", "comité",
        "commission", "comisión", "cour", "corte", "tribunal", "ministère", "ministerio", "office", "oficina",
        "agence", "agencia", "autorité", "autoridad", "fonds", "fondo", "association", "asociación",
        "fondation", "fundación", "programme", "programa", "plan", "stratégie", "estrategia", "résolution", "resolución",
    ]

    /// Articles that start a noun phrase in French, Spanish and English.
    static let determiners: Set<String> = ["la", "le", "les", "l'", "l’", "el", "los", "las", "the", "du", "del"]

    /// The ASCII determiners as bytes (an ASCII string equals another only byte for byte, and
    /// no other determiner equals an ASCII string).
    static let asciiDeterminers: [[UInt8]] = determiners.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }

    /// For an ASCII `word`, the step of `determinedPhraseBefore` on it, told on its bytes:
    /// `.some(start)` when it begins the phrase there (a determiner before a head noun, or an
    /// elided `l'` on one), `.some(nil)` when it does not; `nil` (outside) for a word that is
    /// not ASCII, left to the strings. Lower-casing the word into a string, hashing it into
    /// the determiners and asking `hasPrefix` twice cost some 1,500 instructions a word.
    static func asciiDeterminedStart(_ word: ArraySlice<UInt8>, following: Range<Int>?, _ bytes: [UInt8]) -> Int?? {
        guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let isDeterminer = asciiDeterminers.contains { entry in
            entry.count == word.count && zip(entry, word).allSatisfy { $0 == lower($1) }
        }
        if isDeterminer {
            if let next = following, headNouns.contains(lowered(bytes[next])) { return .some(word.endIndex + 1) }
            return .some(nil)
        }
        // `hasPrefix("l'")`: in ASCII each byte is a character (CR LF aside, which is neither).
        guard word.count >= 2, lower(word[word.startIndex]) == UInt8(ascii: "l"), word[word.startIndex + 1] == UInt8(ascii: "'") else {
            return .some(nil)
        }
        let rest = asciiLowercased(word[(word.startIndex + 2)...])!
        return .some(headNouns.contains(rest) ? word.startIndex + 2 : nil)
    }

    /// French and Spanish names are written in lower case after their head noun (`la loi
    /// n° 2020-38 du 22 décembre 2020 relative à …`, `le Conseil national de régulation de
    /// l'audiovisuel`): walk back, without crossing a comma or a full stop, to the farthest
    /// article followed by a head noun.
    private static func determinedPhraseBefore(_ open: Int, _ bytes: [UInt8]) -> (String, Int)? {
        var index = open
        while index > 0 && bytes[index - 1] == 0x20 { index -= 1 }
        let end = index
        var words = 0
        var best: Int? = nil
        var following: Range<Int>? = nil  // the word after the current one
        while index > 0 && words < 20 {
            var start = index
            while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
            // A stop after an ASCII byte is a character of its own: `hasSuffix` is asked only
            // when a non-ASCII scalar could join it. The word is a string only where one is read.
            let last = bytes[index - 1]
            if last == UInt8(ascii: ",") || last == UInt8(ascii: ";") || last == UInt8(ascii: ":") || last == UInt8(ascii: ".") {
                let word = String(decoding: bytes[start..<index], as: UTF8.self)
                if index - start == 1 || bytes[index - 2] < 0x80 {
                    if last != UInt8(ascii: ".") || !numberSigns.contains(word) { break }
                } else if word.hasSuffix(",") || word.hasSuffix(";") || word.hasSuffix(":") || (word.hasSuffix(".") && !numberSigns.contains(word)) {
                    break
                }
            }
            // Only a word that may be an article is lower-cased: a word longer than four bytes
            // (`l’`, the longest article) is none, unless it starts with an elided `l'`. (Of
            // the characters lower-casing to ASCII, only the Kelvin sign shrinks, to `k`, which
            // no article holds; only `L` lower-cases to `l`.)
            if index - start <= 4 || bytes[start] | 0x20 == UInt8(ascii: "l"),
               let asciiBest = asciiDeterminedStart(bytes[start..<index], following: following, bytes) {
                // An ASCII word, decided on its bytes.
                if let asciiBest { best = asciiBest }
            } else if index - start <= 4 || bytes[start] | 0x20 == UInt8(ascii: "l") {
                let lowerWord = lowered(bytes[start..<index])
                if determiners.contains(lowerWord), let next = following, headNouns.contains(lowered(bytes[next])) {
                    best = index + 1
                } else if lowerWord.utf8.first == UInt8(ascii: "l"), lowerWord.hasPrefix("l'") || lowerWord.hasPrefix("l’") {
                    let elided = lowerWord.hasPrefix("l'") ? 2 : 4
                    if headNouns.contains(String(lowerWord.dropFirst(lowerWord.hasPrefix("l'") ? 2 : 2))) { best = start + elided }
                }
            }
            following = start..<index
            words += 1
            index = start
            while index > 0 && bytes[index - 1] == 0x20 { index -= 1 }
        }
        guard let phraseStart = best, phraseStart < end else { return nil }
        return (String(decoding: bytes[phraseStart..<end], as: UTF8.self), phraseStart)
    }
}
