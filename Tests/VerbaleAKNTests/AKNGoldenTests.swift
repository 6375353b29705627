import Foundation
import Testing
import VerbaleKit
@testable import VerbaleAKN

/// Each corpus document's Akoma Ntoso output is kept, reviewed, beside its JSON in
/// corpus/expected; a change fails here until it is reviewed and re-recorded (`make corpus`).
@Suite("Akoma Ntoso golden outputs")
struct AKNGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test("corpus/documents/*.txt write corpus/expected/*.xml byte for byte")
    func golden() throws {
        let documents = Self.repository.appendingPathComponent("corpus/documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: documents.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: documents.appendingPathComponent(name)))
            let document = DocumentParser.parse(bytes: bytes, path: name)
            let xml = try AKNWriter.write(document).bytes
            let expectedURL = Self.repository.appendingPathComponent("corpus/expected/" + name.dropLast(4) + ".xml")
            guard let expected = try? Data(contentsOf: expectedURL) else {
                Issue.record("missing golden file \(expectedURL.path); run make corpus and review it")
                continue
            }
            if [UInt8](expected) != xml {
                let a = String(decoding: xml, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
                Issue.record("\(name).xml differs from its golden file at line \((first?.offset ?? min(a.count, e.count)) + 1)")
            }
        }
    }
}
