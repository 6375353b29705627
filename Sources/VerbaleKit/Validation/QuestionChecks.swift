/// Numbered questions: gaps, duplicates, order, questions left without a response, and
/// cross-references (`as referenced in the response to Question 2`) to questions that do not exist.
enum QuestionChecks {
    static func run(_ context: ValidationContext) -> [Diagnostic] {
        let all = context.document.questions
        // The questions in order, by index: each is read in place (a copy retains its
        // strings). The same comparisons in the same sort give the same order.
        let questions = all.indices.sorted { all[$0].start < all[$1].start }
        guard !questions.isEmpty else { return [] }
        var found: [Diagnostic] = []
        var allNumbers = Set<Int>()
        for question in questions { allNumbers.formUnion(all[question].numbers) }
        // The start of the first question of each number (all a repeat's message needs), in
        // a table by number.
        var seen = FootnoteChecks.ByNumber<Int>(numbers: allNumbers, count: allNumbers.count)
        var highest = 0
        for question in questions {
            let span = headingSpan(start: all[question].start, end: all[question].end, context)
            for number in all[question].numbers {
                if let earlier = seen[number] {
                    found.append(DiagnosticCode.questionDuplicate.diagnostic(
                        "Question \(number) appears twice (first on line \(context.line(earlier)))", span))
                    continue
                }
                seen[number] = all[question].start
                if number < highest {
                    found.append(DiagnosticCode.questionOrder.diagnostic(
                        "Question \(number) comes after Question \(highest): questions are out of order", span))
                } else if highest > 0, number > highest + 1 {
                    let missing = ((highest + 1)..<number).filter { !allNumbers.contains($0) }
                    if !missing.isEmpty {
                        let names = missing.count == 1 ? "Question \(missing[0]) is" : "Questions \(missing.first!)–\(missing.last!) are"
                        found.append(DiagnosticCode.questionGap.diagnostic(
                            "questions jump from \(highest) to \(number): \(names) not answered", span))
                    }
                }
                highest = max(highest, number)
            }
            if FootnoteChecks.isBlank(utf8: all[question].responseUTF8) {
                let numbers = all[question].numbers
                let names = numbers.map(String.init).joined(separator: " and ")
                let label = numbers.count > 1 ? "Questions \(names) have" : "Question \(names) has"
                found.append(DiagnosticCode.questionNoResponse.diagnostic(
                    all[question].responseStart == nil ? "\(label) no response" : "the response to \(numbers.count > 1 ? "Questions" : "Question") \(names) is empty",
                    span))
            }
        }
        found += crossReferences(context, known: allNumbers)
        return found
    }

    /// The first line of a question from `start` to `end`, where its label is.
    static func headingSpan(start: Int, end: Int, _ context: ValidationContext) -> ByteSpan {
        if let block = context.blockIndex(containing: start),
           let span = context.blocks[block].spans.first(where: { $0.end > start }) {
            return ByteSpan(start, min(span.end, end))
        }
        return ByteSpan(start, start)
    }

    /// The question's first line, where its label is.
    static func headingSpan(_ question: Question, _ context: ValidationContext) -> ByteSpan {
        if let block = context.blockIndex(containing: question.start),
           let span = context.blocks[block].spans.first(where: { $0.end > question.start }) {
            return ByteSpan(question.start, min(span.end, question.end))
        }
        return ByteSpan(question.start, question.start)
    }

    /// Words that name a question, lower-case.
    static let questionWords = Bytes.words(["questions", "question", "preguntas", "pregunta", "вопросам", "вопросы", "вопросу", "вопроса", "вопрос"])
    /// Words between numbers of a list (`2 and 3`, `2, 3 et 5`).
    static let joiners = Bytes.words(["and", "et", "y", "e", "и", "or", "ou", "o", "to", "à"])

    /// `Question N` mentions outside question text that name a number the document lacks.
    static func crossReferences(_ context: ValidationContext, known: Set<Int>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // A block without question leads gives nothing: it is skipped before its kind and
        // role (a string compare) are read.
        for index in context.blocks.indices
        where !context.scans.questionLeads.isEmpty(index) && readsForReferences(context.blocks[index].kind, context.blocks[index].role) {
            let bytes = context.blockBytes[index]
            var firstContent: Int? = nil
            // Possible first letters of question words (`questionLanes`, found by the block's
            // `BlockScan`), each visited in order.
            BlockScan.visit(context.scans.questionLeads[index]) { hit in
                let cyrillicV = bytes[hit] >= 0x80
                // The word starts at the lead byte of `в`.
                guard !cyrillicV || (hit > 0 && bytes[hit - 1] == 0xD0) else { return hit + 1 }
                let position = cyrillicV ? hit - 1 : hit
                // Only at a word start (the cheaper test first: a letter before rules it out).
                guard !Bytes.wordBefore(position, in: bytes) else { return position + 1 }
                let words = cyrillicV ? cyrillicQuestionWords : latinQuestionWords(bytes[position])
                guard let word = words.first(where: { matchesFolded($0, bytes, position) }) else { return position + 1 }
                let wordEnd = position + word.count
                // A label at the start of a block is the question itself, not a reference to it.
                if firstContent == nil { firstContent = EnclosureList.skipMarkup(bytes, 0) }
                guard position > firstContent! else { return wordEnd }
                for (number, range) in numbers(after: wordEnd, in: bytes) where !known.contains(number) {
                    found.append(DiagnosticCode.questionReferenceMissing.diagnostic(
                        "the text refers to Question \(number), but the document has no Question \(number) (it has \(summary(known)))",
                        context.sourceSpan(block: index, position..<range.upperBound)))
                }
                return wordEnd
            }
        }
        return found
    }

    /// Whether `crossReferences` reads a block: text of the reply (not question text quoted
    /// from the communication answered) in paragraphs, list items, footnotes or unclassified
    /// blocks. `BlockScan` looks for question leads in these blocks only.
    static func readsForReferences(_ kind: BlockKind, _ role: String?) -> Bool {
        role != "question" && (kind == .paragraph || kind == .listItem || kind == .footnote || kind == .unclassified)
    }

    /// Lanes of `here` where a question word may start (`next` and `afterNext` are the words
    /// one and two bytes on). Question words start with ASCII q/p (`question`, `pregunta`;
    /// `byte | 0x21` is `q` for p, P, q, Q) or Cyrillic `в`/`В` (D0 B2 / D0 92, found by the
    /// second byte, `byte | 0x20 == B2`). The next letters narrow it further: `que`, `pre`
    /// (either case) and `во`/`Во` (B2 then D0 BE / D0 9E).
    @inline(__always)
    static func questionLanes(_ here: UInt64, _ next: UInt64, _ afterNext: UInt64) -> UInt64 {
        let space = ByteWords.ones &* 0x20
        let (lead, cyrillicLead) = questionLeadLanes(here)
        // Most eight-byte words hold no first letter: the next letters are tested only
        // where one is.
        guard lead | cyrillicLead != 0 else { return 0 }
        // Every Latin question word opens `que` or `pre`: the third letter rules out the many
        // `pro…`, `pri…` and `qua…` words of legal text.
        let latin = lead & (ByteWords.equal(next | space, UInt8(ascii: "u")) | ByteWords.equal(next | space, UInt8(ascii: "r")))
            & ByteWords.equal(afterNext | space, UInt8(ascii: "e"))
        let cyrillic = cyrillicLead & ByteWords.equal(next, 0xD0) & ByteWords.equal(afterNext | space, 0xBE)
        return latin | cyrillic
    }

    /// Lanes of `here` holding a possible first byte of a question word: Latin (q, Q, p, P)
    /// and Cyrillic (the second byte of `в`/`В`) apart, as `questionLanes` tests them first.
    @inline(__always)
    static func questionLeadLanes(_ here: UInt64) -> (latin: UInt64, cyrillic: UInt64) {
        (ByteWords.equal(here | (ByteWords.ones &* 0x21), UInt8(ascii: "q")),
         ByteWords.equal(here | (ByteWords.ones &* 0x20), 0xB2))
    }

    /// `questionWords` that start with an ASCII letter, by that letter (folded), in list order.
    static let questionWordsQ = questionWords.filter { Bytes.lowerASCII($0[0]) == UInt8(ascii: "q") }
    /// `questionWords` that start with `p`.
    static let questionWordsP = questionWords.filter { Bytes.lowerASCII($0[0]) == UInt8(ascii: "p") }
    /// `questionWords` in Cyrillic, in list order.
    static let cyrillicQuestionWords = questionWords.filter { $0[0] >= 0x80 }

    /// The ASCII question words that can start at a byte (`q`/`Q` or `p`/`P`).
    static func latinQuestionWords(_ byte: UInt8) -> [[UInt8]] {
        Bytes.lowerASCII(byte) == UInt8(ascii: "q") ? questionWordsQ : questionWordsP
    }

    /// Case-insensitive match of a whole word: ASCII by byte, Cyrillic capitals folded by
    /// byte arithmetic (`Bytes.loweredPrefix`), no string built.
    static func matchesFolded(_ word: [UInt8], _ bytes: [UInt8], _ at: Int) -> Bool {
        if word[0] < 0x80 { return Bytes.matches(word, in: bytes, at: at) && !Bytes.wordAt(at + word.count, in: bytes) }
        guard at + word.count <= bytes.count else { return false }
        // The lower case of exactly the word's bytes must be the word: all of them used.
        return Bytes.loweredPrefix(word, in: bytes, at: at, whole: true) == word.count
            && !Bytes.wordAt(at + word.count, in: bytes)
    }

    /// Numbers right after a question word: `2`, `No. 2`, `2 and 3`, `2, 3 and 5`, `2-3`.
    static func numbers(after start: Int, in bytes: [UInt8]) -> [(Int, Range<Int>)] {
        var result: [(Int, Range<Int>)] = []
        var index = start
        func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 { index += 1 } }
        skipSpaces()
        // `No.`, `n°`, `№`
        if Bytes.matches(Array("no.".utf8), in: bytes, at: index) { index += 3; skipSpaces() }
        else if Bytes.matches([0xE2, 0x84, 0x96], in: bytes, at: index) { index += 3; skipSpaces() }
        else if Bytes.matches(Array("n°".utf8), in: bytes, at: index) { index += 3; skipSpaces() }
        while index < bytes.count, Bytes.isDigit(bytes[index]) {
            let numberStart = index
            while index < bytes.count, Bytes.isDigit(bytes[index]) { index += 1 }
            // `2.1`, `2(a)` or `2019`-like values are not plain question numbers.
            if index < bytes.count, bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count, Bytes.isDigit(bytes[index + 1]) { return result }
            guard let value = Bytes.integer(bytes[numberStart..<index]), value < 1000 else { return result }
            result.append((value, numberStart..<index))
            // A list continues after `,`, `-`, `–` or a joining word.
            var next = index
            while next < bytes.count, bytes[next] == 0x20 || bytes[next] == UInt8(ascii: ",") { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "-") {
                next += 1
            } else if Bytes.matches([0xE2, 0x80, 0x93], in: bytes, at: next) {
                next += 3
            } else if let joiner = joiners.first(where: { Bytes.matches($0, in: bytes, at: next) && next + $0.count < bytes.count && bytes[next + $0.count] == 0x20 }) {
                next += joiner.count
            } else if next > index, bytes[index] == UInt8(ascii: ","), next < bytes.count, Bytes.isDigit(bytes[next]) {
                // `2, 3`
            } else {
                return result
            }
            while next < bytes.count, bytes[next] == 0x20 { next += 1 }
            guard next < bytes.count, Bytes.isDigit(bytes[next]) else { return result }
            index = next
        }
        return result
    }

    /// `1–9` style summary of the numbers a document has.
    static func summary(_ numbers: Set<Int>) -> String {
        let parts = ExhibitChecks.ranges(numbers.sorted()).map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
        return (numbers.count == 1 ? "Question " : "Questions ") + parts.joined(separator: ", ")
    }
}
