import Testing
@testable import VerbaleKit

/// Introducers of defined terms: the longest one that opens the parenthesis is taken.
@Suite("Definition introducers")
struct DefinitionIntroducerTests {
    static func definitions(_ text: String) -> [Definition] {
        DocumentParser.parse(bytes: Array(text.utf8), path: "test.md").definitions
    }

    @Test("French introducers in every gender and number", arguments: [
        ("la Loi sur les associations (ci-après dénommée « la Loi »)", "la Loi"),
        ("le Pacte international relatif aux droits civils et politiques (ci-après dénommé « le Pacte »)", "le Pacte"),
        ("les Règles de Beijing (ci-après dénommées « les Règles »)", "les Règles"),
        ("les Principes de Paris (ci-après dénommés « les Principes »)", "les Principes"),
        ("le Code pénal (ci-après « le Code »)", "le Code"),
    ])
    func french(text: String, term: String) {
        let found = Self.definitions("Le Gouvernement se réfère à \(text) et ajoute ceci.\n")
        #expect(found.map(\.term) == [term], "\(text): \(found.map(\.term))")
    }

    @Test("Introducers are tried longest first")
    func longestFirst() {
        let lengths = DefinitionFinder.introducers.map(\.utf8.count)
        #expect(lengths == lengths.sorted(by: >))
        // Every introducer that is a prefix of another comes after it.
        for (i, a) in DefinitionFinder.introducers.enumerated() {
            for b in DefinitionFinder.introducers[(i + 1)...] { #expect(!b.hasPrefix(a), "\(b) after its prefix \(a)") }
        }
    }
}
