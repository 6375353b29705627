import Foundation
import Testing
@testable import VerbaleAKN
import VerbaleKit

/// Real inputs through the parser and the writer: every one must validate and pass the
/// reference check; the seed's structure is asserted.
@Suite("Akoma Ntoso on the corpus", .enabled(if: Fixtures.runSchemaTests, "needs ../shared/schema/akn/akomantoso30.xsd"))
struct AKNCorpusTests {
    static let seedPath = Fixtures.shared.appendingPathComponent("corpus/seed/000_43be0010ffe11e27.txt").path

    /// The seed, `../shared/corpus/public/*` and the project's `corpus/documents/*`.
    static var inputs: [String] {
        var paths = [seedPath]
        for directory in [Fixtures.shared.appendingPathComponent("corpus/public"),
                          Fixtures.repoRoot.appendingPathComponent("corpus/documents")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            paths += names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted().map { directory.appendingPathComponent($0).path }
        }
        return paths.filter { FileManager.default.fileExists(atPath: $0) }
    }

    static func convert(_ path: String) throws -> AKNOutput {
        let document = try DocumentParser.parse(fileAt: path)
        return try AKNWriter.write(document)
    }

    @Test(arguments: inputs)
    func convertsToValidXML(_ path: String) throws {
        let output = try Self.convert(path)
        let name = (path as NSString).lastPathComponent
        if let dump = ProcessInfo.processInfo.environment["VERBALE_AKN_DUMP"] {
            // For reading the output: VERBALE_AKN_DUMP=/tmp/akn-out swift test --filter AKNCorpus
            try Data(output.bytes).write(to: URL(fileURLWithPath: dump).appendingPathComponent(name + ".xml"))
        }
        try Fixtures.expectValid(output.bytes, name)
        let again = try Self.convert(path)
        #expect(again.bytes == output.bytes, "not deterministic")
    }

    @Test func seedStructure() throws {
        let document = try DocumentParser.parse(fileAt: Self.seedPath)
        let output = try AKNWriter.write(document)
        let elements = XMLTree.outline(output.bytes)
        func all(_ name: String) -> [XMLTree.Element] { elements.filter { $0.name == name } }

        let docs = all("doc")
        #expect(docs.first?.attributes["name"] == "noteVerbale")
        #expect(docs.first?.path == "akomaNtoso/doc")
        #expect(docs.contains { $0.attributes["name"] == "officialLetter" && $0.path == "akomaNtoso/doc/attachments/attachment/doc" })
        #expect(all("docNumber").first?.text == "20-404")
        #expect(all("docDate").first?.attributes["date"] == "2019-12-23")

        let notes = all("authorialNote")
        #expect(notes.count == 4)
        #expect(notes.map { $0.attributes["marker"] ?? "" } == ["1", "2", "3", "4"])
        #expect(notes.allSatisfy { $0.path.hasSuffix("p/sup/authorialNote") })
        #expect(notes.first?.text.hasPrefix("While the ICCPR provides strong protections") == true)
        // Call-outs sit where the source has them: note 1 ends "…all of its provisions."
        let xml = String(decoding: output.bytes, as: UTF8.self)
        #expect(xml.contains("all of its provisions.<sup><authorialNote marker=\"1\""))

        if !document.questions.isEmpty {
            #expect(all("question").count == 8)
            #expect(all("answer").count == 8)
        }
        if !document.citations.isEmpty {
            #expect(all("rref").contains { $0.text.contains("Art. 20, ¶¶ 1-2") })
            #expect(all("mref").contains { $0.text.contains("Art. 4, 9, 10, 12") })
        }
        #expect(all("person").contains { $0.text == "Marat Beketayev" && $0.path.contains("conclusions") })
        // Every citation is linked: none dropped for overlap or not found.
        let unplaced = output.diagnostics.filter { $0.code == "akn-citation-unplaced" }
        #expect(unplaced.isEmpty, "\(unplaced.map(\.message))")
    }

    /// The command-line check the issue asks for: `xmllint --noout --schema` on a written file.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"), "needs /usr/bin/xmllint"))
    func xmllintAcceptsTheSeed() throws {
        let output = try Self.convert(Self.seedPath)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("verbale-akn-seed-\(getpid()).xml")
        try Data(output.bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", Fixtures.schemaPath, file.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        #expect(message.contains("validates"))
    }
}
