import Testing
@testable import VerbaleKit

/// The branch-free forms of the stopword count and of the honorific-space scan must answer as
/// the general paths: `StopwordSlots` as `PackedWordTable`, the bit-map count as the
/// word-by-word detector, the vector block scan as the eight-byte one on dense candidates.
@Suite("Branch-free stopword slots and candidate spaces agree with the general paths")
struct ScanBranchlessTests {
    /// Every stopword is found with its language, and keys that are no stopword (zero, long
    /// words' masked keys, neighbours of stopwords, random ones) give language 4.
    @Test func stopwordSlotsEqualPackedTable() {
        let slots = LanguageDetector.stopwordSlots
        let table = LanguageDetector.littleEndianTable
        slots.entries.withUnsafeBufferPointer { entries in
            func language(_ key: UInt64) -> Int {
                StopwordSlots.language(key, entries.baseAddress!, slots.multiplier, slots.shift)
            }
            var keys: [UInt64] = [0, 1, 0xFF, StopwordSlots.keyMask, 0x00FF_FFFF_FFFF_FFFE]
            for words in LanguageDetector.stopwords.values {
                for word in words {
                    guard let key = LanguageDetector.packLittleEndian(Array(word.utf8)[...]) else { continue }
                    keys += [key, key ^ 1, key | 0x20, key << 8, key >> 8]
                }
            }
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            for _ in 0..<20000 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                keys.append(state >> UInt64(8 + (state & 0x3F) % 56))
            }
            // Key 0 (a long word's, masked) is no stopword; `PackedWordTable` takes 0 for an
            // empty slot and is never asked about it.
            #expect(language(0) == 4)
            for key in keys where key >> 56 == 0 && key != 0 {
                #expect(language(key) == (table.value(key) ?? 4), "key \(String(key, radix: 16))")
            }
        }
    }

    /// Words of every length from one to ten bytes placed across the bit map's 64-byte words
    /// and at the text's end, in votes that a miscounted word would tip.
    @Test func countAtBoundariesEqualsWordByWord() {
        let words = ["the", "The", "les", "que", "что", "это", "abcdef", "abcdefg", "thethe", "x", "été", "ЭТО", "también"]
        let fillers = ["", " ", "  ", ", ", "1", "\u{00A0}", "-"]
        var checked = 0
        for word in words {
            for other in ["el", "и", "and", "des"] {
                for pad in 0..<70 {
                    for filler in fillers {
                        let text = String(repeating: "a", count: pad) + filler + word + " " + other + " " + other
                            + filler + word + " " + word
                        let bytes = Array(text.utf8)
                        #expect(LanguageDetector.detect(bytes) == LanguageDetector.detectWordByWord(bytes), "\(text)")
                        for end in stride(from: max(0, bytes.count - 12), through: bytes.count, by: 1) {
                            let cut = Array(bytes[..<end])
                            #expect(LanguageDetector.detect(cut) == LanguageDetector.detectWordByWord(cut))
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 0)
        #expect(LanguageDetector.detect([]) == LanguageDetector.detectWordByWord([]))
    }

    /// Blocks dense in candidate spaces (up to eight a vector step: one-letter capitals,
    /// brackets, quotes, honorifics) and blocks cut at every length: the vector scan gathers
    /// two candidates a step without a loop and the rest in one, and must keep the same.
    @Test func denseCandidatesEqualWordScan() {
        let pieces = ["A ", "M ", "Mr ", "Mrs ", "(Mr ", "“Dr ", "«Mme ", "[H.E. ", "\"S ", "(a) ", "(2019) ", "1 ", "É ", "x ", "Q "]
        var blocks: [[UInt8]] = []
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<400 {
            var block: [UInt8] = []
            let length = Int(state >> 58) + 1
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                block += Array(pieces[Int(state >> 33) % pieces.count].utf8)
            }
            blocks.append(block)
        }
        let long = Array(String(repeating: "A B (Mr C “Dr ", count: 40).utf8)
        for end in 0...long.count { blocks.append(Array(long[..<end])) }
        blocks.append([])
        let fast = BlockScan(blocks)
        let plain = BlockScan(blocks, portable: true)
        for index in blocks.indices {
            #expect(Array(fast.spaces[index]) == Array(plain.spaces[index]), "\(blocks[index])")
        }
    }
}
