import Testing
@testable import VerbaleKit

/// `CiteText.fold` reads two-byte scalars from `twoByteFoldTable`; the switches it replaced are
/// kept here as the reference, and every two-byte sequence (well-formed or not, and cut short
/// at the end of the text) must fold as they fold it.
@Suite("Two-byte fold table keeps the switch's answers")
struct CiteFoldTableTests {
    /// The two-byte folding as `foldSlow` wrote it before the table.
    static func referenceFold(_ b: [UInt8], _ i: Int) -> (UInt32, Int) {
        let b0 = b[i]
        guard i + 1 < b.count else { return (UInt32(b0), 1) }
        let scalar = (UInt32(b0 & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
        switch scalar {
        case 0xA0: return (CiteText.space, 2)
        case 0xBA: return (CiteText.degree, 2)
        case 0xAB, 0xBB: return (CiteText.quote, 2)
        case 0xC0...0xFF:
            let folded = CiteText.latin1Fold[Int(scalar - 0xC0)]
            return folded == 0 ? (scalar, 2) : (UInt32(folded), 2)
        case 0x400...0x40F: return (CiteText.cyrillicLower(scalar + 0x50), 2)
        case 0x410...0x42F: return (CiteText.cyrillicLower(scalar + 0x20), 2)
        case 0x430...0x45F: return (CiteText.cyrillicLower(scalar), 2)
        default: return (scalar, 2)
        }
    }

    @Test("Every lead byte C0–DF with every next byte, and cut short")
    func everyPair() {
        for lead in 0xC0...0xDF {
            for next in 0...0xFF {
                let b: [UInt8] = [UInt8(lead), UInt8(next)]
                let (f, l) = CiteText.fold(b, 0)
                let (rf, rl) = Self.referenceFold(b, 0)
                #expect(f == rf && l == rl, "\(lead) \(next)")
            }
            let short: [UInt8] = [0x41, UInt8(lead)]
            let (f, l) = CiteText.fold(short, 1)
            let (rf, rl) = Self.referenceFold(short, 1)
            #expect(f == rf && l == rl, "cut short \(lead)")
        }
    }

    /// `CiteText.wordEnd` as written before its Cyrillic steps moved into the unchecked loop
    /// (the scalar walk `CiteByteMatchTests` keeps).
    static func referenceWordEnd(_ b: [UInt8], _ i: Int, _ limit: Int) -> Int {
        CiteByteMatchTests.referenceWordEnd(b, i, limit)
    }

    @Test("wordEnd: Cyrillic, mixed scripts, hyphens, limits inside a letter")
    func wordEnds() {
        let pieces = ["закон", "Закона", "ст", "law", "Law", "-", " ", "1", "é", "ё", "\u{2013}", ".", "x", "ѐ", "ґ", "Ԁ", "\u{00A0}"]
        var rng = CiteSplitMix(state: 0x3131)
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<8 { text += pieces[rng.below(pieces.count)] }
            var b = Array(text.utf8)
            // A text cut inside its last scalar, as a block boundary may leave it.
            if rng.below(4) == 0 && !b.isEmpty { b.removeLast() }
            for i in 0..<b.count {
                for limit in Set([b.count, max(i, b.count - 1), min(b.count, i + 3)]) where limit >= i {
                    #expect(CiteText.wordEnd(b, i, limit) == Self.referenceWordEnd(b, i, limit), "\(b) \(i) \(limit)")
                }
            }
        }
    }

    @Test("Known letters: look-alikes, accents, no-break space")
    func knownLetters() {
        for (text, unit) in [("а", 0x61), ("Н", 0x68), ("é", 0x65), ("Ё", 0x65), ("\u{00A0}", 0x20), ("я", 0x44F), ("ß", 0x73)] {
            #expect(CiteText.fold(Array(text.utf8), 0).0 == UInt32(unit), "\(text)")
        }
    }
}
