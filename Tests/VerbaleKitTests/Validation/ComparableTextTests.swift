import Testing
@testable import VerbaleKit

/// `Bytes.comparable` answers ASCII, Latin-1 and basic Cyrillic text from bytes: it must give
/// what the general path (Unicode case mapping and properties) gives.
@Suite struct ComparableTextTests {
    @Test func latin1AgreesWithTheGeneralPath() {
        for value in UInt32(0x80)...0xFF {
            let scalar = String(Character(Unicode.Scalar(value)!))
            for text in ["Loi n\(scalar) 2007", "\(scalar)", "La \(scalar)cole", "THE R\(scalar)GULATION", "a\(scalar)\(scalar)b"] {
                #expect(Bytes.comparable(text) == Bytes.comparableGeneral(text), "U+\(String(value, radix: 16)) in \(text)")
            }
        }
    }

    @Test func mixedTextAgreesWithTheGeneralPath() {
        for text in ["Conseil national de régulation de l'audiovisuel", "la Ley Orgánica nº 5", "ÉTAT  ×  ÷ ½ ² µ ª º",
                     "Закон о СМИ à Genève", "the “Republic”", "Les Pièces"] {
            #expect(Bytes.comparable(text) == Bytes.comparableGeneral(text), "\(text)")
        }
        #expect(Bytes.comparableSimple("Conseil national de régulation") != nil)
    }
}
