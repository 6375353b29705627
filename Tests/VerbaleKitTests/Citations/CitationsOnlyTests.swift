import Testing
@testable import VerbaleKit

/// `verbale cites` skips the structure pass (`PipelineStages.citationsOnly`): it must find what
/// the whole pipeline finds, or the command would disagree with `convert`.
@Suite("citations without the structure pass")
struct CitationsOnlyTests {
    static func parse(_ bytes: [UInt8], stages: PipelineStages) -> Document {
        var parser = DocumentParser(path: "input.txt")
        parser.stages = stages
        parser.feed(bytes)
        return parser.finish()
    }

    @Test("the same citations and definitions as the whole pipeline, on every corpus document and their volume")
    func sameAsWholePipeline() {
        let folder = Paths.repository + "/corpus/documents"
        var inputs = Paths.list(folder).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.map { Paths.read(folder + "/" + $0) }
        inputs.append(inputs.reduce([], { $0 + $1 + Array("\n\n".utf8) }))
        #expect(inputs.count >= 5)
        for input in inputs {
            let whole = Self.parse(input, stages: .all)
            let alone = Self.parse(input, stages: [.citationsOnly])
            #expect(!whole.citations.isEmpty)
            #expect(alone.parts.isEmpty)
            #expect(alone.citations == whole.citations)
            #expect(alone.definitions.map(\.term) == whole.definitions.map(\.term))
            #expect(alone.definitions.map(\.start) == whole.definitions.map(\.start))
            #expect(alone.footnotes.map(\.id) == whole.footnotes.map(\.id))
            // Only citations are read from it, so the input is not hashed; the whole
            // pipeline's hash is the real one.
            #expect(alone.source.sha256 == "")
            #expect(whole.source.sha256.count == 64)
            #expect(alone.source.bytes == input.count)
        }
    }
}
