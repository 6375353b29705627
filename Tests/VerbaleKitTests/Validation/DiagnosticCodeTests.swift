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
        Paths.readIfPresent(Paths.repository + "/docs/diagnostics.md").map { String(decoding: $0, as: UTF8.self) }
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
