import Testing
@testable import VerbaleKit

/// The sixty-four-byte vector scan of `BlockScan` against the eight-byte word scan, and the
/// byte-buffer `Message` interpolation against the standard one.
@Suite struct ValidationS17Tests {
    /// Blocks of 0 to 400 bytes drawn from the bytes the scan's tests single out (space,
    /// brackets, quotes and their UTF-8 leads, honorific letters, day digits, question letters,
    /// `в`/`о` bytes, capitals, `/`) and a few others, so that hits, near misses and the
    /// block's end fall at every lane of a step, across several steps, in the tail step and
    /// in the second tail step (a block whose tail is 64 or 65 bytes).
    static func longBlocks(_ count: Int, seed: UInt64) -> [[UInt8]] {
        let alphabet: [UInt8] = Array(" (\"[MrsDHLPSe.o2931q0uepQPRUEAZ/a5".utf8)
            + [0xD0, 0xD1, 0xB2, 0x92, 0xBE, 0x9E, 0xB3, 0x93, 0xE2, 0x80, 0x9C, 0xC2, 0xAB, 0x00, 0xFF, 0x7F, 0x20, 0x20]
        var random = SeededRandom(seed: seed)
        var blocks = (0..<count).map { _ in (0..<random.next(401)).map { _ in alphabet[random.next(alphabet.count)] } }
        // Every length around the step boundaries, dense in hits.
        let dense = Array(String(repeating: "M Mr (Dr “Ms 29 31 Que pre во AL KAZ 4/2019 ", count: 12).utf8)
        for end in 0...min(dense.count, 300) { blocks.append(Array(dense[..<end])) }
        return blocks
    }

    /// Every list of the vector scan equals the word scan's, block by block, with and
    /// without question leads, on long generated blocks scanned together.
    @Test func vectorScanEqualsWordScanOnLongBlocks() {
        ValidationSpeedTests.expectVectorScanEqualsWordScan(Self.longBlocks(3000, seed: 0x5DEE_CE66_D1CE_4E5B)
                                                            + ValidationSpeedTests.texts(500))
    }

    /// Blocks scanned one by one give the hits they give scanned together (the hit buffers
    /// grow across blocks).
    @Test func longBlocksAloneEqualTogether() {
        ValidationSpeedTests.expectTogetherEqualAlone(Self.longBlocks(200, seed: 0x1234_5678_9ABC_DEF1))
    }

    /// A message built through `Message` reads as the standard interpolation reads:
    /// numbers of every size and sign, non-ASCII text, substrings, optionals and other types.
    @Test func messageEqualsStandardInterpolation() {
        let numbers = [0, 1, -1, 9, 10, -10, 99, 100, 12345, -98765, 1_000_000_007, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for number in numbers {
            let message: Message = "n=\(number), «\(number)» line \(number)"
            #expect(message.text == "n=\(number), «\(number)» line \(number)")
        }
        let texts = ["", "a", "Приложение 3", "“Exhibit”", "é\u{301}", String(repeating: "long text ", count: 40)]
        for text in texts {
            let piece = text.dropFirst()
            let optional: Int? = text.isEmpty ? nil : text.utf8.count
            let message: Message = "“\(text)” and \(piece) of \(optional as Any) at \(2.5) (\(text.utf8.count) bytes)"
            #expect(message.text == "“\(text)” and \(piece) of \(optional as Any) at \(2.5) (\(text.utf8.count) bytes)")
        }
        let plain: Message = "no interpolation"
        #expect(plain.text == "no interpolation")
        #expect(Message("as is").text == "as is")
    }
}
