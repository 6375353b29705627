import Testing
@testable import VerbaleKit

/// Question and response texts are kept as UTF-8 bytes and written to JSON as bytes: on a
/// damaged input they must still read as the text repaired the way a `String` repairs it.
@Suite("Question texts as bytes")
struct QuestionTextBytesTests {
    /// A reply whose question and response paragraphs are `question` and `response`.
    static func reply(question: [[UInt8]], response: [[UInt8]]) -> [UInt8] {
        var bytes = Array("Replies of the Government\n\nQuestion 1: ".utf8)
        bytes += Array(question.joined(separator: Array("\n\n".utf8)))
        bytes += Array("\n\nResponse: ".utf8)
        bytes += Array(response.joined(separator: Array("\n\n".utf8)))
        bytes += Array("\n".utf8)
        return bytes
    }

    /// `paragraphs` joined by blank lines and repaired as `String(decoding:as:)` repairs.
    static func repaired(_ paragraphs: [[UInt8]]) -> String {
        String(decoding: Array(paragraphs.joined(separator: Array("\n\n".utf8))), as: UTF8.self)
    }

    /// The string value of the last `"name": "…"` in the JSON (blocks name their question's id
    /// under the same key before the questions come), its escapes undone (`\"`, `\\`, `\n`).
    static func jsonString(_ json: [UInt8], member name: String) -> String? {
        let key = Array("\"\(name)\": \"".utf8)
        guard let start = json.indices.last(where: { json[$0...].starts(with: key) }) else { return nil }
        var value: [UInt8] = []
        var index = start + key.count
        while index < json.count {
            let byte = json[index]
            if byte == 0x5C, index + 1 < json.count {
                value.append(json[index + 1] == UInt8(ascii: "n") ? 0x0A : json[index + 1])
                index += 2
            } else if byte == 0x22 {
                return String(decoding: value, as: UTF8.self)
            } else {
                value.append(byte)
                index += 1
            }
        }
        return nil
    }

    /// Damaged question and response paragraphs: a stray continuation byte, a lone 0xFF, a
    /// two-byte letter cut at a paragraph's end, a three-byte one cut before the blank line, a
    /// surrogate's encoding.
    static let damaged: [(question: [[UInt8]], response: [[UInt8]])] = [
        (question: [Array("Was the law \u{80} applied?".utf8), [0x4F, 0x6B, 0xFF, 0x2E]],
         response: [Array("Yes, in 2019 ".utf8) + [0xC3], Array("Voir l’annexe ".utf8) + [0xE2, 0x80]]),
        (question: [[0xC3]], response: [[0xFF, 0xFE], Array("Один.".utf8)]),
        (question: [Array("Quelles mesures l’État a-t-il prises ?".utf8)], response: [Array("Aucune ".utf8) + [0xED, 0xA0, 0x80]]),
    ]

    @Test("bad bytes in a question and a response read as the repaired text, in the model and in JSON")
    func damagedTexts() throws {
        for (question, response) in Self.damaged {
            try check(question: question, response: response)
        }
    }

    func check(question: [[UInt8]], response: [[UInt8]]) throws {
        let document = DocumentParser.parse(bytes: Self.reply(question: question, response: response), path: "q.txt")
        let found = try #require(document.questions.first)
        #expect(found.question == Self.repaired(question))
        #expect(found.response == Self.repaired(response))
        // The stored bytes are the repaired text's, not the input's.
        #expect(found.questionUTF8 == Array(Self.repaired(question).utf8))
        #expect(found.responseUTF8 == Array(Self.repaired(response).utf8))
        let json = JSONWriter.write(document)
        #expect(String(validating: json, as: UTF8.self) != nil)
        #expect(Self.jsonString(json, member: "question") == Self.repaired(question))
        #expect(Self.jsonString(json, member: "response") == Self.repaired(response))
    }

    @Test("well-formed texts are kept byte for byte, and set through their strings")
    func wellFormedTexts() throws {
        let question = [Array("Какие меры были приняты?".utf8), Array("Please give details.".utf8)]
        let response = [Array("Le Gouvernement a adopté la loi « relative » à l’égalité.".utf8)]
        var found = try #require(DocumentParser.parse(bytes: Self.reply(question: question, response: response),
                                                      path: "q.txt").questions.first)
        #expect(found.questionUTF8 == Array(question.joined(separator: Array("\n\n".utf8))))
        #expect(found.responseUTF8 == response[0])
        found.response = "Réponse"
        #expect(found.responseUTF8 == Array("Réponse".utf8))
        let made = Question(id: "q_1", numbers: [1], question: "Q?", response: "", start: 0, end: 3, responseStart: nil)
        #expect(made.questionUTF8 == Array("Q?".utf8) && made.response.isEmpty)
    }

    @Test("a response is blank on its bytes as on its string")
    func blankOnBytes() {
        let texts = ["", "   ", "\t*_\n", "\u{00A0} \u{2003}", " a", "\u{00A0}x", "_*_", "\u{FFFD}", "Нет"]
        for text in texts {
            #expect(FootnoteChecks.isBlank(utf8: Array(text.utf8)) == FootnoteChecks.isBlank(text), "\(text.debugDescription)")
        }
        #expect(!FootnoteChecks.isBlank(utf8: [0x20, 0xFF]))
    }
}
