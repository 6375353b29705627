import Foundation
import Testing
@testable import VerbaleKit

/// The public corpus documents: no crash, and the citations a reader would expect.
@Suite("Citation public corpus")
struct CitationCorpusTests {
    /// Scans one public document through the seed harness.
    static func scan(_ name: String) -> [Citation]? {
        guard let bytes = SeedHarness.read("corpus/public/\(name)") else { return nil }
        let citations = CitationEngine.scan(SeedHarness.sources(bytes), definitions: [])
        if ProcessInfo.processInfo.environment["VERBALE_CITE_PRINT"] != nil {
            for c in citations {
                print("\(name):\(SeedHarness.line(bytes, c.span.start)) \(c.kind) \(c.key) | \(c.text) | \(c.instrument ?? "") \(c.number ?? "") \(c.body ?? "") \(c.date ?? "") \(c.antecedent ?? "")")
            }
        }
        return citations
    }

    @Test("Citation: every public document scans", arguments: [
        "04_SVN_A-HRC-43-15-Add1_UPR-state-replies-to-recommendations.txt",
        "05_SVN_A-HRC-WG6-48-SVN-1_UPR-national-report.txt",
        "09_NLD-FRA_echange-de-notes_Europol_FR.txt",
        "11_AUS_DEA-note-to-Netherlands-Legation_1947_footnotes.txt",
        "13_NLD-NATO_exchange-of-letters_PermRep_2013.txt",
    ])
    func scans(_ name: String) {
        guard let citations = Self.scan(name) else { return }
        #expect(citations.allSatisfy { !$0.text.isEmpty && $0.span.end > $0.span.start })
    }
}
