/// Defined terms: used before their definition, or defined twice with different meanings.
enum DefinitionChecks {
    static func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let definitions = context.document.definitions.sorted { $0.start < $1.start }
        // Defined twice with different meanings. Each term's slot is found by one look-up
        // per definition (the table is only looked up, never iterated, so it is sized once
        // for all the definitions); the first definition of each term is kept in source
        // order (the definitions are sorted) for the second check.
        var slotOf: [String: Int] = [:]
        slotOf.reserveCapacity(definitions.count)
        var firstInOrder: [Definition] = []
        // Comparable meanings, by slot, filled only for terms defined more than once (most
        // are not).
        var meanings: [[String]?] = []
        for definition in definitions {
            let key = definition.term.lowercased()
            guard let slot = slotOf[key] else {
                slotOf[key] = firstInOrder.count
                firstInOrder.append(definition)
                meanings.append(nil)
                continue
            }
            let earlier = firstInOrder[slot]
            if meanings[slot] == nil { meanings[slot] = [Bytes.comparable(earlier.meaning)] }
            let meaning = Bytes.comparable(definition.meaning)
            // A meaning that repeats or shortens one already given is the same definition again.
            guard !meaning.isEmpty, !meanings[slot]!.contains(where: { Bytes.containsText($0, meaning) || Bytes.containsText(meaning, $0) }) else { continue }
            meanings[slot]!.append(meaning)
            found.append(DiagnosticCode.definitionConflict.diagnostic(
                "“\(definition.term)” is defined as “\(definition.meaning)” here but as “\(earlier.meaning)” on line \(context.line(earlier.start))",
                definition.termSpan))
        }
        // Used before defined: only the first definition of each term counts.
        for definition in firstInOrder {
            if let use = earlyUse(of: definition, context) {
                found.append(DiagnosticCode.definitionUsedBefore.diagnostic(
                    "“\(definition.term)” is used here before it is defined on line \(context.line(definition.termSpan.start)) as “\(definition.meaning)”",
                    use))
            }
        }
        return found
    }

    /// Whether a term is distinctive enough that an earlier occurrence is a use of it: an
    /// acronym (`ICCPR`) or a phrase of several words. A single capitalised word (`Republic`,
    /// `Department`) also names other things (`the Department of Finance`), so it is skipped.
    static func isDistinctive(_ term: String) -> Bool {
        // ASCII answers from bytes (a space is a character of its own there); other text asks
        // `String`, whose search is character-aware (a space may carry a combining mark).
        if term.utf8.allSatisfy({ $0 < 0x80 }) { return isDistinctiveASCII(term.utf8) }
        if term.contains(" ") { return term.split(separator: " ").count >= 2 }
        let capitals = term.unicodeScalars.filter { $0.properties.isUppercase }.count
        return capitals >= 2
    }

    /// `isDistinctive` of an ASCII term, on its bytes: two runs of non-space bytes (what
    /// splitting at spaces counts, a byte being a character there), or without a space two
    /// capitals `A`–`Z` (the only ASCII scalars Unicode calls upper case). Splitting into
    /// `Substring`s and asking each scalar's properties cost some 6,000 instructions a term.
    static func isDistinctiveASCII(_ term: String.UTF8View) -> Bool {
        var hasSpace = false
        var runs = 0
        var capitals = 0
        var previous: UInt8 = 0x20
        for byte in term {
            if byte == 0x20 {
                hasSpace = true
            } else if previous == 0x20 {
                runs += 1
            }
            if Bytes.isUpperASCII(byte) { capitals += 1 }
            previous = byte
        }
        return hasSpace ? runs >= 2 : capitals >= 2
    }

    /// The first occurrence of the term, before its definition and in the same part, that is
    /// not part of the defined phrase itself (`Republic of Kazakhstan` before `the “Republic”`)
    /// and not in question text quoted from the communication answered.
    static func earlyUse(of definition: Definition, _ context: ValidationContext) -> ByteSpan? {
        guard isDistinctive(definition.term) else { return nil }
        let term = Array(definition.term.utf8)
        let meaning = Array(definition.meaning.utf8)
        guard let home = context.blockIndex(containing: definition.termSpan.start) ?? context.blockIndex(containing: definition.start) else { return nil }
        let part = context.partOfBlock[home]
        for index in context.partBlocks[part] where index <= home {
            // The kind is read in place: copying the block would retain all its fields.
            let kind = context.blocks[index].kind
            guard !context.isQuotedQuestion(index), kind != .letterhead, kind != .address,
                  kind != .heading, kind != .pageFurniture else { continue }
            let bytes = context.blockBytes[index]
            // Most blocks do not hold the term at all: look for it before anything else.
            guard Bytes.find(term, in: bytes) != nil else { continue }
            var limit = bytes.count
            let meaningRanges = Bytes.wordOccurrences(of: meaning, in: bytes)
            if index == home {
                // In the defining block, only text before the defined phrase counts.
                let estimate = context.estimatedTextOffset(block: index, source: definition.start)
                let meaningAt = nearest(meaningRanges.map(\.lowerBound), to: estimate)
                limit = meaningAt ?? min(bytes.count, estimate)
            }
            for occurrence in Bytes.wordOccurrences(of: term, in: bytes) where occurrence.upperBound <= limit {
                if meaningRanges.contains(where: { $0.lowerBound <= occurrence.lowerBound && occurrence.upperBound <= $0.upperBound }) { continue }
                return context.sourceSpan(block: index, occurrence)
            }
        }
        return nil
    }

    static func nearest(_ values: [Int], to target: Int) -> Int? {
        values.min { abs($0 - target) < abs($1 - target) }
    }
}
