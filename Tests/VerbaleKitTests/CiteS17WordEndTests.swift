import Testing
@testable import VerbaleKit

/// `CiteText.wordEnd` steps over whole sixteen-byte blocks of ASCII letters and Russian
/// letters by lane masks (`vectorWordRunEnd`); it must end every word where the byte loop it
/// replaced ends it, on every kind of block edge, odd byte and limit.
@Suite("Citation word end: vector blocks keep the byte loop's answer")
struct CiteS17WordEndTests {
    /// The answer `wordEnd` must give: one scalar at a time (`CiteByteMatchTests`), which the
    /// byte loop before the vector blocks also gave.
    static func referenceWordEnd(_ b: [UInt8], _ i: Int, _ limit: Int) -> Int {
        CiteByteMatchTests.referenceWordEnd(b, i, limit)
    }

    /// Pieces of generated texts: Russian and Latin words of many lengths (so words cross the
    /// sixteen-byte blocks at every offset), accented and three-byte letters, dashes, spaces,
    /// and bytes no valid UTF-8 text has (a lone lead, a stray continuation byte).
    static let pieces: [[UInt8]] = [
        "статья", "Международного", "пакта", "о", "гражданских", "и", "политических", "правах",
        "Республики", "Казахстан", "article", "Convention", "ICCPR", "19", "2а-6757/19", "co-operation",
        "résolution", "Überblick", "ёж", "Ѐ", "ѣ", "№", "—", "–", "-", " ", "  ", ".", ",", "«", "»",
        "x", "abcdefghijklmnopqrstuvwxyz0123", "ааааааааааааааааааа", "a\u{0301}", "中文",
    ].map { Array($0.utf8) } + [[0xD0], [0xD1], [0xD0, 0x20], [0x80], [0xBF, 0xBF], [0xD0, 0xD0, 0xB0], [0xC3]]

    @Test("wordEnd equals the byte loop at every scalar start and several limits")
    func wordEndMatchesByteLoop() {
        var rng = SeededRandom(seed: 17)
        for round in 0..<400 {
            var b: [UInt8] = []
            let count = 1 + rng.next(24)
            for _ in 0..<count {
                b += Self.pieces[rng.next(Self.pieces.count)]
                if rng.next(3) == 0 { b.append(0x20) }
            }
            for i in b.indices {
                for limit in [b.count, max(i, b.count - 1), min(b.count, i + 16), min(b.count, i + 17), i] {
                    let got = CiteText.wordEnd(b, i, limit)
                    let want = Self.referenceWordEnd(b, i, limit)
                    #expect(got == want, "round \(round) at \(i) limit \(limit) in \(b)")
                    if got != want { return }
                }
            }
        }
    }

    @Test("the vector blocks stop where the byte loop stops, or earlier, and never past it")
    func vectorRunIsAPrefix() {
        var rng = SeededRandom(seed: 1_717)
        for _ in 0..<300 {
            var b: [UInt8] = []
            for _ in 0..<(1 + rng.next(20)) { b += Self.pieces[rng.next(Self.pieces.count)] }
            b.withUnsafeBufferPointer { p in
                for i in b.indices where b[i] & 0xC0 != 0x80 {
                    let fast = CiteText.vectorWordRunEnd(p, from: i, end: b.count)
                    #expect(CiteText.vectorWordRunEnd(p, from: i, end: b.count, vectors: false) == i)
                    #expect(fast >= i && fast <= Self.referenceWordEnd(b, i, b.count))
                }
            }
        }
    }

    @Test("empty and short texts")
    func edges() {
        #expect(CiteText.wordEnd([], 0, 0) == 0)
        let russian = Array("Международного пакта".utf8)
        #expect(CiteText.wordEnd(russian, 0, russian.count) == Array("Международного".utf8).count)
        let long = Array(String(repeating: "я", count: 40).utf8)
        #expect(CiteText.wordEnd(long, 0, long.count) == long.count)
        #expect(CiteText.wordEnd(long, 0, 33) == Self.referenceWordEnd(long, 0, 33))
    }
}
