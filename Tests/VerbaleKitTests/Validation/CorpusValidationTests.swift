#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import VerbaleKit

/// End-to-end runs over the shared corpus: the seed's expected diagnostics, and no crash on
/// the public documents.
@Suite struct CorpusValidationTests {
    /// `../shared/corpus` from this file's location (`Tests/VerbaleKitTests/Validation/`).
    static let corpus: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/") + "/../shared/corpus"
    }()

    /// The bytes of a file (nil when it cannot be read).
    static func bytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    static func render(_ document: Document, _ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            let location = document.lineTable.location(of: diagnostic.span.start)
            return "\(location.line):\(location.column): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
        }.joined(separator: "\n")
    }

    @Test func seedDiagnostics() throws {
        let path = Self.corpus + "/seed/000_43be0010ffe11e27.txt"
        let document = try DocumentParser.parse(fileAt: path)
        let diagnostics = Validator.validate(document)
        print("blocks \(document.allBlocks.count) citations \(document.citations.count) footnotes \(document.footnotes.count) questions \(document.questions.count) definitions \(document.definitions.count) parts \(document.parts.map { "\($0.kind) \($0.date ?? "-")" })")
        for b in document.allBlocks { print(b.id, b.kind, b.role ?? "", b.mapped.count, b.text.utf8.count, String(b.text.prefix(60))) }
        print(Self.render(document, diagnostics))
    }
}
