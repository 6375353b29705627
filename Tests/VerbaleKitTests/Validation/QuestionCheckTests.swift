import Testing
@testable import VerbaleKit

@Suite struct QuestionCheckTests {
    static func questions(_ pairs: [(String, String)]) -> String {
        pairs.map { "**\($0.0):** *Please explain.*\n\n" + ($0.1.isEmpty ? "" : "**Response:** \($0.1)\n\n") }.joined()
    }

    @Test func orderlyQuestionsWithResponsesAndValidReference() {
        let text = Self.questions([("Question 1", "See below."), ("Question 2", "The law applies."),
                                   ("Questions 3 and 4", "As referenced in the response to Question 2, it applies.")])
        let found = ValidationFixture.validate(text)
        #expect(found.filter { $0.code.hasPrefix("question") }.isEmpty)
    }

    @Test func gapDuplicateAndOrder() {
        let text = Self.questions([("Question 1", "One."), ("Question 3", "Three."), ("Question 3", "Again."), ("Question 2", "Two."), ("Question 6", "Six.")])
        let found = ValidationFixture.validate(text)
        #expect(found.contains { $0.code == "question-duplicate" && $0.message.contains("Question 3") })
        #expect(found.contains { $0.code == "question-order" && $0.message.contains("Question 2 comes after Question 3") })
        #expect(found.contains { $0.code == "question-gap" && $0.message.contains("Questions 4–5") })
        // 2 exists, so 1 → 3 is not reported as a gap.
        #expect(!found.contains { $0.code == "question-gap" && $0.message.contains("Question 2 ") })
    }

    @Test func questionWithoutResponse() {
        let text = Self.questions([("Question 1", "One."), ("Question 2", ""), ("Question 3", "Three.")])
        let found = ValidationFixture.only(.questionNoResponse, ValidationFixture.validate(text))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("Question 2") == true)
    }

    @Test func referenceToMissingQuestion() {
        let text = Self.questions([("Question 1", "One."), ("Question 2", "As referenced in the response to Question 7, and to questions 1 and 9.")])
        let found = ValidationFixture.only(.questionReferenceMissing, ValidationFixture.validate(text))
        #expect(found.map(\.message).contains { $0.contains("Question 7") })
        #expect(found.map(\.message).contains { $0.contains("Question 9") })
        #expect(found.count == 2)
    }

    @Test func referenceNumbers() {
        let bytes = Array(" 6 and 7, then".utf8)
        #expect(QuestionChecks.numbers(after: 0, in: bytes).map(\.0) == [6, 7])
        #expect(QuestionChecks.numbers(after: 0, in: Array(" No. 4: text".utf8)).map(\.0) == [4])
        #expect(QuestionChecks.numbers(after: 0, in: Array(" 2.1 of".utf8)).isEmpty)
    }

    @Test func noQuestionsNoChecks() {
        let text = "In reply to question 2 of your letter, the Mission states the following.\n"
        #expect(ValidationFixture.validate(text).filter { $0.code.hasPrefix("question") }.isEmpty)
    }
}
