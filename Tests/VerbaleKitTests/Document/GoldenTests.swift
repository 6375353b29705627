import Testing
@testable import VerbaleKit

/// Each document in corpus/documents has a reviewed output in corpus/expected; a change in the
/// parser that changes an output fails here until the new output is reviewed and re-recorded
/// with `make corpus`.
@Suite("Golden outputs")
struct GoldenTests {
    @Test("corpus/documents/*.txt convert to corpus/expected/*.json byte for byte")
    func golden() throws {
        let documents = Paths.repository + "/corpus/documents"
        let names = Paths.list(documents).filter { $0.hasSuffix(".txt") }
        #expect(names.count >= 7, "the corpus holds the seed and at least six documents of our own")
        for name in names {
            let expectedPath = Paths.repository + "/corpus/expected/" + name.dropLast(4) + ".json"
            let expected = Paths.read(expectedPath)
            #expect(!expected.isEmpty, "missing golden file \(expectedPath); run make corpus and review it")
            let actual = JSONWriter.write(DocumentParser.parse(bytes: Paths.read(documents + "/" + name), path: name))
            if actual != expected {
                let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
                Issue.record("\(name) differs from its golden file at line \((first?.offset ?? min(a.count, e.count)) + 1): \(first.map { "got \($0.element.0) expected \($0.element.1)" } ?? "length differs")")
            }
        }
    }
}
