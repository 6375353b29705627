import Testing
@testable import VerbaleKit

/// A small deterministic generator (SplitMix64), so a failing input can be reproduced.
struct CiteSplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

@Suite("Citation robustness")
struct CitationRobustnessTests {
    /// Fragments that start recognizers, cut short or joined in odd ways.
    static let fragments: [String] = [
        "Art.", "Art", "Article", "article ", "arts.", "статья ", "ст.", "пункт ", "paragraph ", "¶¶ ", "¶", "§ ", "No.", "No ",
        "№", "n°", "Réf.", "Note (", "Exhibit ", "Annex ", "Enclosure:", "Id.", "Ibid.", "Там же", "BIN ", "ИНН ", "AL ",
        "UA KAZ ", "OTH ", "A/HRC/", "CCPR/C/", "resolution ", "resolutions ", "Law on ", "Code", " Act", "Convention",
        "ICCPR", "of the ", "du ", "del ", ", ", " and ", "-", "–", "/", "(", ")", "(a)", "1", "19", "2019", "4/2019",
        "1-2", "IV", "011040008019", "December 8, 2019", "\n", "  ", "*", "\u{00A0}", "а", "С", "é", "\u{FFFD}", ".", "\"",
    ]

    @Test("Citation: random fragments and bytes never crash, and spans stay inside the source")
    func randomInputs() {
        var rng = CiteSplitMix(state: 20191223)
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.below(60) {
                if rng.below(5) == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: rng.next())) // stray bytes, invalid UTF-8 included
                } else {
                    bytes += Array(Self.fragments[rng.below(Self.fragments.count)].utf8)
                }
            }
            var mapped = MappedText()
            mapped.append(contentsOf: bytes, from: 7)
            let note: Int? = rng.below(3) == 0 ? rng.below(4) + 1 : nil
            let cites = CitationEngine.scan([CitationSource(block: "b_1", footnote: note, text: mapped)], definitions: [])
            for (k, c) in cites.enumerated() {
                #expect(c.id == "c_\(k + 1)")
                #expect(c.span.start >= 7 && c.span.end <= 7 + bytes.count && c.span.start < c.span.end)
                if let a = c.antecedent { #expect(cites.contains { $0.id == a && $0.kind != .id }) }
            }
        }
    }

    @Test("Citation: long runs and edge sizes")
    func edges() {
        #expect(citeScanText("").isEmpty)
        #expect(citeScanText("A").isEmpty)
        #expect(citeScanText("Art. ").isEmpty)
        let longList = "Art. " + (1...1500).map(String.init).joined(separator: ", ") + " of the ICCPR"
        let c = citeScanText(longList).first
        #expect(c?.articles.count == 1500)
        #expect(c?.key == "iccpr/art1-1500")
        // A year after a comma ends a list: `Art. 5, 2019` is article 5.
        #expect(citeScanText("Art. 5, 2019").first?.articles == ["5"])
        #expect(citeScanText("Articles 1-999999 of the CRC").first?.articles != nil)
        #expect(citeScanText(String(repeating: "Law on ", count: 2000)).count >= 0)
        #expect(citeScanText(String(repeating: "No. ", count: 5000) + "5").count <= 1)
    }
}
