/// Finds defined terms: `the International Covenant on Civil and Political Rights (the
/// “ICCPR”)`, `(hereinafter: Slovenia)`, `(ci-après « la Convention »)`, `(en adelante, "la Ley")`,
/// `(далее – «Закон»)`. The meaning is the capitalised name just before the parenthesis.
enum DefinitionFinder {
    /// Words that may introduce the term inside the parenthesis.
    static let introducers = [
        "hereinafter referred to as", "hereinafter called", "hereinafter", "the", "ci-après dénommé", "ci-après dénommée",
        "ci-après", "en adelante", "далее", "referred to as",
    ]
    /// Small words allowed inside a name (`Law on State Registration of Legal Entities`).
    static let connectors: Set<String> = [
        "of", "on", "the", "and", "for", "in", "to", "de", "du", "des", "la", "le", "les", "et", "del", "y", "los",
        "las", "en", "о", "и", "по",
    ]

    static func find(in blocks: [Block]) -> [Definition] {
        var result: [Definition] = []
        for block in blocks where block.kind != .pageFurniture {
            let bytes = block.mapped.bytes
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "(") else { index += 1; continue }
                if let definition = definition(at: index, in: block) { result.append(definition) }
                index += 1
            }
        }
        return result
    }

    /// Bytes that may follow `(` in a definition: a quote, or the start of an introducer.
    static func mayOpenDefinition(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "h"), UInt8(ascii: "H"),
             UInt8(ascii: "c"), UInt8(ascii: "e"), UInt8(ascii: "r"), 0xE2, 0xC2, 0xD0:
            return true  // ", ', the, hereinafter, ci-après, en adelante, referred, “ ‘, «, далее
        default:
            return false
        }
    }

    private static func definition(at open: Int, in block: Block) -> Definition? {
        let bytes = block.mapped.bytes
        guard mayOpenDefinition(bytes, open + 1) else { return nil }
        guard let close = bytes[open...].prefix(160).firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let inner = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        var rest = Substring(inner.trimmingSpaces())
        var introduced = false
        for introducer in introducers where rest.lowercased().hasPrefix(introducer) {
            rest = rest.dropFirst(introducer.count)
            introduced = true
            while let first = rest.first, first == ":" || first == "," || first == " " || first == "–" || first == "-" { rest = rest.dropFirst() }
            break
        }
        var term: String
        if let first = rest.first, "\"“«'‘".contains(first) {
            let closers: [Character: Character] = ["\"": "\"", "“": "”", "«": "»", "'": "'", "‘": "’"]
            let body = rest.dropFirst()
            guard let end = body.firstIndex(where: { $0 == closers[first] || $0 == "\"" || $0 == "”" || $0 == "»" }) else { return nil }
            term = String(body[..<end]).trimmingSpaces()
            guard body[body.index(after: end)...].trimmingSpaces().isEmpty else { return nil }
        } else if introduced && inner.lowercased().hasPrefix("hereinafter") {
            term = String(rest).trimmingSpaces()
        } else {
            return nil
        }
        guard !term.isEmpty, term.count <= 60, let firstLetter = term.first, firstLetter.isUppercase || firstLetter == "l" else { return nil }
        guard let (meaning, meaningStart) = meaningBefore(open, bytes) else { return nil }
        let termRange = Array(inner.utf8).firstRange(of: Array(term.utf8)).map { (open + 1 + $0.lowerBound)..<(open + 1 + $0.upperBound) }
        let termSpan = termRange.map { block.mapped.sourceSpan($0.lowerBound, $0.upperBound) } ?? block.mapped.sourceSpan(open, close + 1)
        return Definition(term: term, meaning: meaning,
                          start: block.mapped.sourceOffset(meaningStart),
                          end: block.mapped.sourceOffset(close) + 1, termSpan: termSpan)
    }

    /// Walks back from the parenthesis over capitalised words, connectors and date pieces.
    private static func meaningBefore(_ open: Int, _ bytes: [UInt8]) -> (String, Int)? {
        var words: [(String, Int)] = []
        var index = open
        while index > 0 && bytes[index - 1] == 0x20 { index -= 1 }
        while index > 0 && words.count < 30 {
            var start = index
            while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != UInt8(ascii: "(") { start -= 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            let bare = word.trimmingCharacters(",")
            guard !bare.isEmpty else { break }
            let isPossessive = bare.hasSuffix("’s") || bare.hasSuffix("'s")
            if isPossessive { break }
            let first = bare.first!
            let accepted = first.isUppercase || connectors.contains(bare.lowercased()) || bare.allSatisfy(\.isNumber)
            guard accepted else { break }
            words.insert((word, start), at: 0)
            index = start
            while index > 0 && bytes[index - 1] == 0x20 { index -= 1 }
            if word.hasSuffix(".") && words.count > 1 { break }
        }
        // Leading connectors, articles and a leading date (`on May 27, 2019, the Medeu District
        // Court`) are not part of the name; a date after the name (`… of April 17, 1995`) is.
        while let first = words.first {
            let bare = first.0.trimmingCharacters(",").lowercased()
            guard connectors.contains(bare) || bare == "the" || bare.allSatisfy(\.isNumber)
                    || DateParser.monthTable[bare] != nil else { break }
            words.removeFirst()
        }
        while let last = words.last, connectors.contains(last.0.lowercased()) { words.removeLast() }
        guard let start = words.first?.1 else { return nil }
        let meaning = words.map(\.0).joined(separator: " ").trimmingCharacters(",")
        guard meaning.count >= 2 else { return nil }
        return (meaning, start)
    }
}
