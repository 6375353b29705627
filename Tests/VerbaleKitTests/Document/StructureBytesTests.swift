import Testing
@testable import VerbaleKit

/// The structure pass's byte shortcuts must answer what the character parses answer.
@Suite("Structure byte shortcuts")
struct StructureBytesTests {
    /// Deterministic pseudo-random texts built from `pieces`, of every length up to `maxPieces`.
    static func texts(_ pieces: [String], count: Int, maxPieces: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<next(maxPieces + 1) { text += pieces[next(pieces.count)] }
            return text
        }
    }

    @Test("question headings on bytes agree with the character parse")
    func questionHeadings() {
        let heads = ["Question", "QUESTIONS", "questions", "Pregunta", "Preguntas", "Questionnaire", "Quest", "Вопрос", "ВОПРОСЫ",
                     "вопросы", "Pregunta\u{00A0}"]
        let pieces = [" ", "  ", "1", "2", "7", "12", "12345", "No.", "no. ", "n°", ",", " and ", "and", " et ", "y", " & ",
                      "-", "–", "80", ":", ".", ")", " Please provide", "x", "\u{00A0}", "\n", "\r\n", "é", "\u{301}",
                      "nº", "Nº ", "№", "N°", "—", "–", " и ", "И", "¿Qué?", "ñ", "½", "²"]
        var count = 0
        for (index, head) in heads.enumerated() {
            for tail in Self.texts(pieces, count: 800, maxPieces: 12, seed: UInt64(index) + 1) {
                let text = head + tail
                let fast = StructureBuilder.questionHeading(text)
                let slow = StructureBuilder.characterQuestionHeading(text)
                #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1, "\(text.debugDescription)")
                if case .heading = StructureBuilder.bytewiseQuestionHeading(text) { count += 1 }
            }
        }
        // Long blocks: the 160-character window ends inside a number or a joiner.
        for length in 140...170 {
            let text = "Question " + String(repeating: "1, ", count: length / 3) + String(repeating: "x", count: length % 3) + ": rest"
            let fast = StructureBuilder.questionHeading(text)
            let slow = StructureBuilder.characterQuestionHeading(text)
            #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1, "\(length)")
        }
        #expect(count > 100)
    }

    @Test("the byte test for a heading number never turns away a number splitNumber finds")
    func mayHaveNumber() {
        let pieces = ["I", "IV", "XL", "C", "A", "b", "1", "12", "1234567", ".", ")", " ", "  ", "\u{00A0}", "Intro", "é",
                      "\u{301}", "\t", "\r\n", "(a)", "Ω", "x"]
        for text in Self.texts(pieces, count: 20000, maxPieces: 6, seed: 7) {
            if !StructureBuilder.mayHaveNumber(text) {
                #expect(StructureBuilder.splitNumber(text).0 == nil, "\(text.debugDescription)")
            }
        }
        #expect(StructureBuilder.mayHaveNumber("IV. Legal framework"))
        #expect(!StructureBuilder.mayHaveNumber("Legal framework. Other"))
    }

    @Test("stops at the end, as hasSuffix sees them")
    func endsWithStop() {
        let pieces = ["a", ".", ",", ";", " ", "é", "\u{301}", "\u{0600}", ":"]
        for text in Self.texts(pieces, count: 5000, maxPieces: 5, seed: 11) {
            let expected = text.hasSuffix(".") || text.hasSuffix(",") || text.hasSuffix(";")
            #expect(StructureBuilder.endsWithStop(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test("trimmed strings cut on bytes equal trimmingSpaces")
    func trimmedString() {
        let pieces = [" ", "\t", "\n", "\r", "\u{000C}", "\u{00A0}", "a", "é", "Ω", "x y"]
        for text in Self.texts(pieces, count: 5000, maxPieces: 8, seed: 13) {
            let bytes = Array(text.utf8)
            let trimmed = bytes.withUnsafeBufferPointer { StructureBuilder.trimmedString($0) }
            #expect(trimmed == text.trimmingSpaces(), "\(text.debugDescription)")
        }
    }
}

/// References found on bytes must be the ones the character search finds.
@Suite("Reference numbers on bytes")
struct ReferenceBytesTests {
    /// The character search, as it ran before the byte path.
    static func characterReference(_ text: String) -> String? {
        let words = text.prefix(160).split(whereSeparator: { $0 == " " })
        for (index, word) in words.enumerated() {
            guard word.utf8.count <= 11, let lead = word.utf8.first, StructureBuilder.referenceLeads.contains(lead) else { continue }
            var folded = word.lowercased()
            if folded.hasSuffix(":") { folded.removeLast() }
            guard StructureBuilder.referenceWords.contains(folded) else { continue }
            var next = index + 1
            while next < words.count, StructureBuilder.numberSignWords.contains(words[next].lowercased()) { next += 1 }
            guard next < words.count else { return nil }
            let candidate = words[next].trimmingCharacters(",;:")
            guard let first = candidate.first, first.isLetter || first.isNumber else { return nil }
            if candidate.contains(where: \.isNumber) { return candidate }
        }
        return nil
    }

    @Test("the byte search agrees with the character search")
    func agrees() {
        let pieces = ["Ref.", "REF", "ref:", "Reference", "No.", "no", "NO:", "Nr.", ":", " ", "  ", "123/45", "A-7", ",12;",
                      "\n9", "x", "Note", "(1)", ";;", "\t", "2021", "abc", "Réf.", "№"]
        for text in StructureBytesTests.texts(pieces, count: 20000, maxPieces: 9, seed: 17) {
            guard case .some(let fast) = StructureBuilder.bytewiseReferenceNumber(in: text) else { continue }
            #expect(fast == Self.characterReference(text), "\(text.debugDescription)")
        }
        #expect(StructureBuilder.referenceNumber(in: "Ref. No. 123/2021") == "123/2021")
    }
}

/// The last words of a text, split from its tail only, must be the full split's last words.
@Suite("Last words from the tail")
struct LastWordsTests {
    @Test("lastWords agrees with split(separator:).suffix")
    func agrees() {
        let pieces = ["Geneva", " ", "  ", "New", "York", "é", "\u{301}", " \u{301}", "La", "Haye", ",", "\u{0600}", "x"]
        for text in StructureBytesTests.texts(pieces, count: 20000, maxPieces: 9, seed: 23) {
            for count in 1...3 {
                let expected = Array(text.split(separator: " ").suffix(count)).map(String.init)
                #expect(StructureBuilder.lastWords(text, count).map(String.init) == expected, "\(text.debugDescription)")
            }
        }
    }
}

/// Phrase lists answer whether a text starts with one of them, as `starts(with:)` does.
@Suite("Phrase starts")
struct PhraseStartsTests {
    @Test("startsAny agrees with starts(with:) on every list")
    func agrees() {
        let lists = [Phrases.salutationsText, Phrases.letterClosingsText, Phrases.annexLabelsText, Phrases.questionLabelsText]
        for list in lists {
            let set = PhraseSet(list)
            let texts = list.flatMap { phrase in
                let bytes = Array(phrase.utf8)
                return [bytes, Array(bytes.dropLast()), bytes + Array(" x".utf8), Array(bytes.dropFirst()), []]
            }
            for text in texts {
                #expect(set.startsAny(text) == list.contains { text.starts(with: Array($0.utf8)) })
            }
        }
    }
}

/// The Wu–Manber first-person scan must answer what the prefix-hash scan answers.
@Suite("First-person phrases")
struct FirstPersonTests {
    @Test("containsFirstPerson agrees with containsAny")
    func agrees() {
        let texts = PhraseMatchingTests.texts(count: 3000, phrases: Phrases.firstPersonText)
        for text in texts {
            #expect(Phrases.containsFirstPerson(text) == Phrases.containsAny(text, Phrases.firstPerson))
        }
        #expect(Phrases.containsFirstPerson(Array("dear sir, i have the honour to".utf8)))
        #expect(!Phrases.containsFirstPerson(Array("the mission presents its compliments".utf8)))
    }
}

/// Closing quotes of a defined term found on bytes must be the characters the search finds.
@Suite("Closing quotes on bytes")
struct ClosingQuoteTests {
    @Test("closingQuote agrees with the character search")
    func agrees() {
        let pieces = ["ICCPR", " ", "\"", "”", "»", "'", "’", "‘", "“", "«", "é", "\u{301}", "\u{0600}", "Ω", "–", "x", "\r\n"]
        for closer: Character in ["\"", "”", "»", "'", "’"] {
            for text in StructureBytesTests.texts(pieces, count: 6000, maxPieces: 6, seed: 29) {
                let body = Substring(text)
                guard case .some(let fast) = DefinitionFinder.closingQuote(in: body, apostrophe: closer == "'", rightSingle: closer == "’") else { continue }
                let slow = body.firstIndex(where: { $0 == closer || $0 == "\"" || $0 == "”" || $0 == "»" })
                #expect(fast == slow, "\(text.debugDescription) \(closer)")
            }
        }
    }
}
