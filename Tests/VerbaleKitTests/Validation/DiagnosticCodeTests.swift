#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import VerbaleKit

@Suite struct DiagnosticCodeTests {
    /// `docs/diagnostics.md` from this file's location.
    static func readDocs() -> String? {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        let path = parts.joined(separator: "/") + "/docs/diagnostics.md"
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func everyCodeHasOneRowWithItsSeverity() throws {
        let docs = try #require(Self.readDocs())
        for code in DiagnosticCode.allCases {
            let row = "| `\(code.rawValue)` | \(code.severity.rawValue) |"
            #expect(docs.contains(row), "docs/diagnostics.md lacks the row for \(code.rawValue)")
        }
    }

    @Test func codesAreKebabCaseAndUnique() {
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(code.allSatisfy { $0 == "-" || ($0.isLetter && $0.isLowercase) }, "\(code)")
        }
    }

    @Test func severityPolicy() {
        #expect(DiagnosticCode.dateImpossible.severity == .error)
        #expect(DiagnosticCode.registrationCheckDigit.severity == .error)
        #expect(DiagnosticCode.exhibitGap.severity == .warning)
        #expect(DiagnosticCode.registrationDateMismatch.severity == .warning)
        #expect(DiagnosticCode.nameVariant.severity == .note)
    }
}
