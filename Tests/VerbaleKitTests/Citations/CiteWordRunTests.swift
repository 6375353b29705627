import Testing
@testable import VerbaleKit

/// The citation scanner's main loop finds where a word's ASCII letters and digits end sixteen
/// bytes at a time (`CiteScanner.wordRunEnd`); it must land where the byte loop lands.
@Suite("Citation scanner: word ends found sixteen bytes at a time")
struct CiteWordRunTests {
    /// Bytes that sit at the edges of the lane tests: the letters' and digits' first and last,
    /// their neighbours (`@`, `[`, `` ` ``, `{`, `/`, `:`), a space, a hyphen, non-ASCII lead and
    /// continuation bytes and the bytes whose `| 0x20` lands in the letters' range.
    static let alphabet: [UInt8] = Array("aAzZ09mM@[`{/: -.".utf8) + [0x80, 0xC3, 0xA9, 0xD0, 0xE1, 0xFA, 0xFF, 0x00, 0x7F]

    /// The main loop's `lastStop`: the last byte that is no ASCII letter or digit (-1: none).
    static func lastStop(_ bytes: [UInt8]) -> Int {
        var last = bytes.count - 1
        while last >= 0 && CiteText.isAsciiWord(bytes[last]) { last -= 1 }
        return last
    }

    /// Random texts of 0–80 bytes, mostly word bytes so that runs cross the sixteen-byte steps.
    @Test("from every position of random texts, the vector steps and the byte loop agree")
    func agreesWithByteLoop() {
        var rng = CiteSplitMix(state: 0x5EED_0016)
        let isWord = CiteVocabulary.wordByteTable.buffer
        for _ in 0..<3000 {
            let count = rng.below(81)
            let bytes = (0..<count).map { _ in
                rng.below(4) == 0 ? Self.alphabet[rng.below(Self.alphabet.count)] : UInt8(0x61 + rng.below(26))
            }
            let last = Self.lastStop(bytes)
            bytes.withUnsafeBufferPointer { p in
                for start in 0...count {
                    let fast = CiteScanner.wordRunEnd(p, from: start, lastStop: last, isWord: isWord)
                    let slow = CiteScanner.wordRunEnd(p, from: start, lastStop: last, isWord: isWord, vectors: false)
                    #expect(fast == slow, "\(bytes) from \(start)")
                }
            }
        }
    }

    /// Every byte value in each lane, in a run of letters: the lane tests must mark exactly the
    /// ASCII letters and digits.
    @Test("each byte value, in each of the sixteen lanes, ends a run exactly when it is no letter or digit")
    func everyByteInEveryLane() {
        let isWord = CiteVocabulary.wordByteTable.buffer
        for value in 0...255 {
            for lane in 0..<16 {
                var bytes = [UInt8](repeating: 0x61, count: 40)
                bytes[lane + 1] = UInt8(value)
                let last = Self.lastStop(bytes)
                let expected = CiteText.isAsciiWord(UInt8(value)) ? 40 : lane + 1
                bytes.withUnsafeBufferPointer { p in
                    #expect(CiteScanner.wordRunEnd(p, from: 1, lastStop: last, isWord: isWord) == expected, "\(value) in lane \(lane)")
                }
            }
        }
    }
}
