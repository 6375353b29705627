import Testing
@testable import VerbaleKit

/// `MappedText.repairingInvalidUTF8()` and the UTF-8 validity a text remembers, against the
/// standard library's own reading of ill-formed UTF-8.
@Suite("Mapped text: UTF-8 repair and remembered validity")
struct MappedTextRepairTests {
    /// Pieces a damaged text is made of: letters of one to four bytes, ASCII, and bad or
    /// truncated sequences (lone continuation, C0/C1, surrogates, overlong E0, cut F0).
    static let pieces: [[UInt8]] = ["a", " ", "Ж", "é", "€", "\u{0800}", "😀", "Закон", "\n"].map { Array($0.utf8) }
        + [[0xFF], [0xC2], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x80], [0xE0, 0x80], [0xF0, 0x9F], [0xC0, 0xAF]]

    /// A text of random pieces, each appended from a source offset that sometimes jumps (a new
    /// run) and sometimes follows on, byte by byte or as one run.
    static func randomText(_ next: (Int) -> Int) -> MappedText {
        var text = MappedText()
        var source = next(5)
        for _ in 0..<(1 + next(30)) {
            let piece = pieces[next(pieces.count)]
            if next(3) == 0 { source += 1 + next(7) }
            if next(2) == 0 {
                piece.withUnsafeBufferPointer { text.append(run: $0, from: source) }
            } else {
                for (offset, byte) in piece.enumerated() { text.append(byte, from: source + offset) }
            }
            source += piece.count
        }
        return text
    }

    /// The repair by the standard library's parser (maximal subparts, as `String(decoding:)`):
    /// each well-formed character's bytes with their sources, each bad subpart as U+FFFD
    /// mapped to its first byte.
    static func reference(_ text: MappedText) -> (bytes: [UInt8], sources: [Int]) {
        var bytes: [UInt8] = []
        var sources: [Int] = []
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = text.bytes.makeIterator()
        var index = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                for offset in 0..<encoded.count {
                    bytes.append(text.bytes[index + offset])
                    sources.append(text.sourceOffset(index + offset))
                }
                index += encoded.count
            case .error(let length):
                bytes += [0xEF, 0xBF, 0xBD]
                sources += Array(repeating: text.sourceOffset(index), count: 3)
                index += length
            case .emptyInput:
                break loop
            }
        }
        return (bytes, sources)
    }

    @Test("The repair keeps every good byte's source and maps each U+FFFD to its bad subpart")
    func repairMatchesStandardLibrary() {
        var random = SeededRandom(seed: 0x2545_F491_4F6C_DD1D)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var damaged = 0
        for _ in 0..<2_000 {
            let text = Self.randomText(next)
            let repaired = text.repairingInvalidUTF8()
            let expected = Self.reference(text)
            #expect(repaired.bytes == expected.bytes, "\(text.bytes)")
            #expect(repaired.bytes == Array(String(decoding: text.bytes, as: UTF8.self).utf8), "\(text.bytes)")
            #expect(repaired.bytes.indices.map(repaired.sourceOffset) == expected.sources, "\(text.bytes)")
            #expect(repaired.isValidUTF8)
            if !text.isValidUTF8 { damaged += 1 }
        }
        // Both kinds were drawn: the test would pass vacuously on well-formed texts alone.
        #expect(damaged > 500 && damaged < 2_000)
    }

    @Test("Validity settled once is remembered, and an append forgets it")
    func settledValidity() {
        var text = MappedText()
        text.append(run: Array("Закон ".utf8)[...], from: 0)
        text.append(0xFF, from: 20)
        text.settleUTF8Validity()
        #expect(!text.isValidUTF8)
        // Trailing ASCII white space cut off leaves the bad byte bad.
        text.append(0x20, from: 21)
        text.trimTrailingWhitespace()
        #expect(!text.isValidUTF8)

        var good = MappedText()
        good.append(run: Array("régime".utf8)[...], from: 0)
        good.settleUTF8Validity()
        #expect(good.isValidUTF8)
        // A bad byte appended after settling: the text must be read again, not trusted.
        good.append(0xC2, from: 9)
        #expect(!good.isValidUTF8)
        good.settleUTF8Validity()
        #expect(!good.isValidUTF8)
        // Likewise a run appended at once.
        var other = MappedText()
        other.append(run: Array("régime".utf8)[...], from: 0)
        other.settleUTF8Validity()
        other.append(run: [0xE2, 0x82][...], from: 12)
        #expect(!other.isValidUTF8)
    }

    @Test("A document with one bad byte: every block reads well-formed after the repair")
    func documentBlocksRepaired() {
        var bytes = Array("Note verbale\n\nLa Mission présente ses compliments.\n\nArticle 19 du Pacte ".utf8)
        bytes.append(0xE2) // a sequence cut short by the end of the input
        let document = DocumentParser.parse(bytes: bytes, path: "cut.txt")
        #expect(document.allBlocks.allSatisfy { $0.mapped.isValidUTF8 })
        #expect(document.allBlocks.last?.text.hasSuffix("Pacte \u{FFFD}") == true)
        #expect(document.diagnostics.contains { $0.code == "invalid-utf8" })
    }
}
