import Testing
@testable import VerbaleKit

/// The structure pass's byte shortcuts must give what the code they replaced gave; the
/// replaced forms are kept here as the reference.
@Suite("Structure pass speed-ups keep their answers")
struct StructureSpeedTests {
    /// Pieces the generated texts are made of: formulas in several cases, capitals whose
    /// lower-cased bytes differ (Latin-1, Cyrillic), bytes near the folded ranges.
    static let pieces: [String] = Phrases.noteOpeningsText + Phrases.noteClosingsText
        + (Phrases.noteOpeningsText + Phrases.noteClosingsText).map { $0.uppercased() }
        + ["Présente", "PRÉSENTE SES", "Свидетельствует", "СВИДЕТЕЛЬСТВУЕТ СВОЁ УВАЖЕНИЕ", "ПОЛЬЗУЕТСЯ",
           "Ѐ", "Џ", "ÀÉÎÕÜÞ×ß", "àéîõüþ÷", "ÿ", "€", "—", "«", "»", " ", "\u{00A0}", ",", ".", "The ", "Mission ",
           "of ", "A", "z", "SAISIT L’OCCASION", "Saisit l'Occasion", "Aprovecha La Ocasión", "Ω", "中文", "🙂"]

    /// The shared seeded generator (`Support/SeededRandom.swift`).
    typealias Generator = SeededRandom

    @Test("note formulas found without a lowered copy are the ones found in it")
    func noteFormulasWithoutCopy() {
        var random = Generator(state: 7)
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<random.next(24) { text += Self.pieces[random.next(Self.pieces.count)] }
            var bytes = Array(text.utf8)
            // Cut anywhere, even inside a sequence, as the 8 kB limit may.
            if !bytes.isEmpty, random.next(3) == 0 { bytes = Array(bytes.prefix(random.next(bytes.count))) }
            let expected = Phrases.noteFormulas(in: StructureBuilder.lowered(bytes))
            let found = bytes.withUnsafeBufferPointer { Phrases.noteFormulas.matchedGroups(lowering: $0) }
            #expect(found == expected, "\(bytes)")
            for index in bytes.indices {
                let lowered = ByteCase.lower(bytes)
                let byte = bytes.withUnsafeBufferPointer { GroupMatcher.loweredByte($0, index) }
                if byte != lowered[index] { Issue.record("byte \(index) of \(bytes)"); break }
            }
        }
    }

    @Test("a lowered head is the head of the lowered block, even of bad UTF-8")
    func loweredHead() {
        var random = Generator(state: 11)
        let special: [UInt8] = [0xC3, 0xD0, 0xD1, 0x80, 0x8F, 0x90, 0x97, 0x9E, 0x9F, 0xA0, 0xAF, 0xBF, 0x41, 0x5A, 0x61]
        for _ in 0..<4000 {
            var bytes: [UInt8] = []
            let length = StructureBuilder.headLength - 4 + random.next(12)
            for _ in 0..<length { bytes.append(random.next(2) == 0 ? special[random.next(special.count)] : UInt8(random.next(256))) }
            #expect(StructureBuilder.loweredHead(bytes) == Array(StructureBuilder.lowered(bytes).prefix(StructureBuilder.headLength)))
        }
    }

    @Test("first-person phrases found without a lowered copy are the ones found in it")
    func firstPersonWithoutCopy() {
        var random = Generator(state: 13)
        let pieces = Phrases.firstPersonText + Phrases.firstPersonText.map { $0.uppercased() }
            + ["I WRITE", "J’AI L’HONNEUR", "ИМЕЮ ЧЕСТЬ", "Я ХОТЕЛ", "Je Vous", "Ѐ", "Џ", "É", "×", "ß", " ", "i", "I", "note", "wish", "à", "—", "🙂"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<random.next(20) { text += pieces[random.next(pieces.count)] }
            var bytes = Array(text.utf8)
            if !bytes.isEmpty, random.next(3) == 0 { bytes = Array(bytes.prefix(random.next(bytes.count))) }
            let expected = Phrases.containsFirstPerson(StructureBuilder.lowered(bytes))
            let found = bytes.withUnsafeBufferPointer { Phrases.firstPersonMatcher.matchedGroups(lowering: $0) } != 0
            #expect(found == expected, "\(bytes)")
        }
    }

    @Test("an ASCII line looks like a name on bytes as it does on characters")
    func asciiLooksLikeName() {
        var random = Generator(state: 17)
        let words = ["Marat", "BEKETAYEV", "of", "OF", "The", "the", "(Signed)", "(meenakshi", "Iyer)", "and", "And", "Y", "y",
                     "Ambassador", "ambassador", "2021", "A1", "In", "IN", "Del", "x", "", "\t", "Permanent", "Representative,",
                     "Dr.", "Ms", "O'Neil", "Jean-Luc", "é", "Über", "\u{0301}", "\r\n"]
        for _ in 0..<6000 {
            var line = ""
            for index in 0..<random.next(9) {
                if index > 0 { line += String(repeating: " ", count: 1 + random.next(2)) }
                line += words[random.next(words.count)]
            }
            if let answer = StructureBuilder.asciiLooksLikeName(line) {
                #expect(answer == StructureBuilder.characterLooksLikeName(line), "\(line)")
            }
            #expect(StructureBuilder.looksLikeName(line) == StructureBuilder.characterLooksLikeName(line), "\(line)")
        }
    }

    @Test("a head lowered in place in the shared buffer is the lowered head")
    func appendedHead() {
        var random = Generator(state: 19)
        let special: [UInt8] = [0xC3, 0xD0, 0xD1, 0x80, 0x8F, 0x90, 0x97, 0x9E, 0x9F, 0xA0, 0xAF, 0xBF, 0x41, 0x5A, 0x61]
        var shared: [UInt8] = []
        for _ in 0..<4000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(StructureBuilder.headLength + 8) {
                bytes.append(random.next(2) == 0 ? special[random.next(special.count)] : UInt8(random.next(256)))
            }
            let before = shared
            StructureBuilder.appendLoweredHead(bytes, to: &shared)
            #expect(Array(shared.prefix(before.count)) == before)
            #expect(Array(shared.dropFirst(before.count)) == StructureBuilder.loweredHead(bytes))
        }
    }

    @Test("a response's first text trimmed on bytes becomes the string it was trimmed as a string")
    func responseTrimmedOnBytes() {
        var random = Generator(state: 23)
        let special: [UInt8] = [0x20, 0x20, 0x09, 0x0A, 0x0D, 0xC2, 0xA0, 0xE2, 0x80, 0x94, 0xF0, 0x9F, 0xC3, 0xA9, 0xFF, 0x41]
        for _ in 0..<6000 {
            var rest: [UInt8] = []
            for _ in 0..<random.next(12) { rest.append(random.next(4) == 0 ? UInt8(random.next(256)) : special[random.next(special.count)]) }
            var next: [UInt8] = []
            for _ in 0..<random.next(3) { next.append(special[random.next(special.count)]) }
            let old = Array(String(decoding: rest, as: UTF8.self).trimmingSpaces().utf8)
            let new = rest.withUnsafeBufferPointer { bytes -> [UInt8] in
                let (start, end) = trimmedSpaceBounds(bytes)
                return Array(bytes[start..<end])
            }
            #expect(Array(String(decoding: new, as: UTF8.self).utf8) == old, "\(rest)")
            #expect(new.isEmpty == old.isEmpty)
            let tail: [UInt8] = [0x0A, 0x0A] + next
            #expect(Array(String(decoding: new + tail, as: UTF8.self).utf8) == Array(String(decoding: old + tail, as: UTF8.self).utf8), "\(rest) \(next)")
        }
    }

    @Test("a head cut from the bytes is the text's first characters")
    func bytePrefix() {
        var random = Generator(state: 29)
        let pieces = ["a", "B", " ", "1", ",", "\r", "\n", "\r\n", "é", "e\u{0301}", "\u{0301}", "Д", "🙂", "👍🏽", "—", "\u{00A0}"]
        for _ in 0..<6000 {
            var text = ""
            let ascii = random.next(2) == 0
            for _ in 0..<random.next(40) { text += ascii && random.next(8) != 0 ? "x" : pieces[random.next(pieces.count)] }
            let length = random.next(30)
            let bytes = Array(text.utf8)
            if let head = bytes.withUnsafeBufferPointer({ StructureBuilder.bytePrefix($0, length) }) {
                #expect(Array(head.utf8) == Array(String(text.prefix(length)).utf8), "\(bytes) \(length)")
            }
        }
    }
}
