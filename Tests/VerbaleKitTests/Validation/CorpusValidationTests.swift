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
        Paths.readIfPresent(path)
    }

    static func render(_ document: Document, _ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            let location = document.lineTable.location(of: diagnostic.span.start)
            return "\(location.line):\(location.column): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]"
        }.joined(separator: "\n")
    }

    /// The seed gives exactly the two reviewed warnings (exhibit 7 missing, BIN day/month swap)
    /// and the one name-variant note, and nothing else.
    @Test func seedDiagnostics() throws {
        let path = Self.corpus + "/seed/000_43be0010ffe11e27.txt"
        let document = try DocumentParser.parse(fileAt: path)
        let diagnostics = Validator.validate(document)
        print(Self.render(document, diagnostics))
        let name = diagnostics.filter { $0.code == "name-variant" }
        #expect(name.count == 1)
        #expect(name.first?.message.contains("Sekerbaeva") == true)
        let serious = diagnostics.filter { $0.severity != .note }
        guard !document.citations.isEmpty else {
            // Without the citation engine nothing citation-based can be said, and nothing else may be.
            #expect(serious.isEmpty)
            return
        }
        #expect(serious.map(\.code) == ["registration-date-mismatch", "exhibit-gap"])
        #expect(serious.contains { $0.code.contains("exhibit") && $0.message.contains("7") })
        #expect(serious.contains { $0.code.contains("registration") && $0.message.contains("971140002687") })
        #expect(diagnostics.count == 3)
    }

    /// Text files of a directory, sorted.
    static func files(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".txt") { names.append(directory + "/" + name) }
        }
        return names.sorted()
    }

    /// Every shared and project corpus document validates without a crash. The shared public
    /// documents were reviewed by hand: none has an impossible date, a bad check digit or any
    /// other finding a reader would accept, so they must stay silent. Project documents may
    /// plant mistakes on purpose; their findings are printed for review, not asserted.
    @Test func corpusValidates() throws {
        var projectParts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        projectParts.removeLast(4)
        let project = projectParts.joined(separator: "/")
        let shared = Self.files(in: Self.corpus + "/public")
        #expect(shared.count >= 5)
        for path in shared + Self.files(in: project + "/corpus/documents") {
            let document = try DocumentParser.parse(fileAt: path)
            let diagnostics = Validator.validate(document)
            if !diagnostics.isEmpty { print(path + "\n" + Self.render(document, diagnostics)) }
            if shared.contains(path) { #expect(diagnostics.isEmpty, "\(path)") }
        }
    }
}
