#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where four checks look inside a block, found in one pass over its bytes: the honorific
/// scan of `NameChecks`, the day scan of `DateChecks`, the question-word scan of
/// `QuestionChecks` and the reference scan of `IdentifierChecks`.
///
/// Each of them once ran its own eight-bytes-at-a-time pass over every block, and the passes
/// cost more in loads, bounds and loop than in their tests: one pass loads each eight bytes
/// once and sorts the hits into a list per check. A check then visits its hits in order,
/// skipping those before where its last visit told it to go on, which is what its own pass
/// did (a lane's test depends on its position only, not on where the pass's word began).
struct BlockScan {
    /// One check's hits in every block: the positions of all blocks in one array (per-block
    /// arrays cost an allocation and a few regrowths per block and check), with where each
    /// block's run begins.
    struct Hits {
        /// Hit positions (offsets in their block's bytes), block after block.
        var positions: [Int] = []
        /// Where each block's hits begin in `positions`, and one past the last block's end.
        var starts: [Int] = [0]

        /// The hits of block `block`, in order.
        subscript(block: Int) -> ArraySlice<Int> {
            positions[starts[block]..<starts[block + 1]]
        }

        /// Ends the current block's run.
        mutating func closeBlock() { starts.append(positions.count) }
    }

    /// Spaces before a word that may be an honorific (its first two bytes a pair of
    /// `NameChecks.honorificPairs`, or a bracket or quote first): the other spaces are words
    /// the name scan steps over.
    var spaces = Hits()
    /// Starts of `29`, `30` or `31` not followed by a digit (`DateChecks.dayLanes`).
    var days = Hits()
    /// Possible starts of question words (`QuestionChecks.questionLanes`), Latin ones only
    /// where no ASCII letter or digit comes before (the question scan rejects those), and only
    /// in blocks the question scan reads.
    var questionLeads = Hits()
    /// Two capitals in a row at a word start (`IdentifierChecks.capitalPairLanes`, no ASCII
    /// letter before): inside a word the reference scan steps over them. Only in blocks with
    /// a `/`, which every reference shape holds.
    var capitalPairs = Hits()

    /// The hits of each of `blocks` (UTF-8 texts), by block index; question leads only in the
    /// blocks `questionBlocks` marks (all when nil).
    init(_ blocks: [[UInt8]], questionBlocks: [Bool]? = nil) {
        var spaces = Hits()
        var days = Hits()
        var questionLeads = Hits()
        var capitalPairs = Hits()
        let total = blocks.reduce(0) { $0 + $1.count }
        // About one word in ten opens with a byte the name scan must look at.
        spaces.positions.reserveCapacity(total / 48)
        for index in blocks.indices {
            Self.scan(blocks[index], questions: questionBlocks?[index] ?? true,
                      &spaces.positions, &days.positions, &questionLeads.positions, &capitalPairs.positions)
            spaces.closeBlock()
            days.closeBlock()
            questionLeads.closeBlock()
            capitalPairs.closeBlock()
        }
        self.spaces = spaces
        self.days = days
        self.questionLeads = questionLeads
        self.capitalPairs = capitalPairs
    }

    /// Appends the hits of one block to the four lists.
    ///
    /// The word loop comes in four forms, with and without the question and capital tests: a
    /// block the question scan does not read needs no question leads, and a block without a
    /// `/` holds no reference shape (`TYPE CCC N/YYYY`), so its capital pairs lead nowhere.
    /// Most blocks hold no `/` (memchr tells, many bytes at a time).
    private static func scan(_ bytes: [UInt8], questions: Bool, _ spaces: inout [Int], _ days: inout [Int],
                             _ questionLeads: inout [Int], _ capitalPairs: inout [Int]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            let capitals = memchr(base, 0x2F, count) != nil
            switch (questions, capitals) {
            case (true, true): scanWords(base, count, true, true, &spaces, &days, &questionLeads, &capitalPairs)
            case (true, false): scanWords(base, count, true, false, &spaces, &days, &questionLeads, &capitalPairs)
            case (false, true): scanWords(base, count, false, true, &spaces, &days, &questionLeads, &capitalPairs)
            case (false, false): scanWords(base, count, false, false, &spaces, &days, &questionLeads, &capitalPairs)
            }
        }
    }

    /// The word loop of `scan` over `count` bytes at `base`, with the question and capital
    /// tests when asked (constants at every call, so each form is compiled without the
    /// others' tests).
    @inline(__always)
    private static func scanWords(_ base: UnsafePointer<UInt8>, _ count: Int, _ questions: Bool, _ capitals: Bool,
                                  _ spaces: inout [Int], _ days: inout [Int],
                                  _ questionLeads: inout [Int], _ capitalPairs: inout [Int]) {
        // In a local: a global is re-checked for initialisation at every use.
        let pairsByLead = NameChecks.honorificPairs
        // Eight bytes from `at`, zero past the end (as `ByteWords.forEach` loads them).
        @inline(__always) func load(_ at: Int) -> UInt64 { ByteWords.loadPadded(base, at, count) }
        @inline(__always) func collect(_ lanes: UInt64, _ chunk: Int, into list: inout [Int]) {
            var hits = lanes
            while hits != 0 {
                list.append(chunk + hits.trailingZeroBitCount >> 3)
                hits &= hits &- 1
            }
        }
        // Sorts the hits of the eight lanes at `chunk` into the lists.
        @inline(__always) func sort(_ chunk: Int, _ here: UInt64, _ next: UInt64, _ afterNext: UInt64, _ valid: UInt64) {
            // Spaces before a byte that may be in `openers` (`NameChecks.openerLanes`): only
            // those whose word's first two bytes are a pair of `honorificPairs` (what
            // `mayBeHonorific` asks, all it asks of a word with no bracket or quote first) are
            // kept. The name scan steps over the others: it goes on from the word's second
            // byte, and the next space lies beyond that.
            var space = ByteWords.equal(here, 0x20) & NameChecks.openerLanes(next) & valid
            while space != 0 {
                let at = chunk + space.trailingZeroBitCount >> 3
                space &= space &- 1
                guard at + 1 < count else { continue }
                let first = base[at + 1]
                if first == 0x28 || first == 0x22 || first == 0x5B || first == 0xE2 || first == 0xC2 {
                    spaces.append(at)  // ( " [ “ «: the name scan skips them, then decides
                } else if at + 2 < count, pairsByLead[Int(first)].contains(base[at + 2]) {
                    spaces.append(at)
                }
            }
            // One cheap test for the rare first bytes of days (`2`, `3`) and question words
            // (`p`, `q`, either case, and the second byte of `в`/`В`): `x | 0x21` maps them to
            // `3` (with 0x12, 0x13), `q`, and 0xB3 (with 0x93, 0xB3); the exact tests follow.
            let folded = here | (ByteWords.ones &* 0x21)
            var rare = ByteWords.hasByte(folded, UInt8(ascii: "3"))
            if questions {
                rare |= ByteWords.hasByte(folded, UInt8(ascii: "q")) | ByteWords.hasByte(folded, 0xB3)
            }
            if rare != 0 {
                collect(DateChecks.dayLanes(here, next, afterNext) & valid, chunk, into: &days)
                if questions {
                    let (latinFirst, cyrillicFirst) = QuestionChecks.questionLeadLanes(here)
                    if latinFirst | cyrillicFirst != 0 {
                        // Lanes whose byte before is an ASCII letter or digit are inside a word:
                        // the question scan rejects a Latin first letter there (`interpret`).
                        let previous = (here << 8) | (chunk > 0 ? UInt64(base[chunk - 1]) : 0)
                        let inWord = ByteWords.between(previous, UInt8(ascii: "0"), UInt8(ascii: "9"))
                            | ByteWords.between(previous | (ByteWords.ones &* 0x20), UInt8(ascii: "a"), UInt8(ascii: "z"))
                        let lanes = QuestionChecks.questionLanes(here, next, afterNext)
                        collect(((lanes & latinFirst & ~inWord) | (lanes & cyrillicFirst)) & valid, chunk, into: &questionLeads)
                    }
                }
            }
            if capitals {
                // A pair inside a word (`MISSION`) cannot open a reference: only pairs at a word
                // start are kept.
                var pairs = IdentifierChecks.capitalPairLanes(here, next) & valid
                while pairs != 0 {
                    let at = chunk + pairs.trailingZeroBitCount >> 3
                    pairs &= pairs &- 1
                    if at == 0 || !Bytes.isLetterASCII(base[at - 1]) { capitalPairs.append(at) }
                }
            }
        }
        var chunk = 0
        // While all three words lie inside the block, they are loaded without a bounds test.
        while chunk + 10 <= count {
            @inline(__always) func word(_ at: Int) -> UInt64 {
                UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
            }
            sort(chunk, word(chunk), word(chunk + 1), word(chunk + 2), ~0)
            chunk += 8
        }
        while chunk < count {
            let available = count - chunk
            let valid: UInt64 = available < 8 ? (UInt64(1) << UInt64(8 * available)) &- 1 : ~0
            sort(chunk, load(chunk), load(chunk + 1), load(chunk + 2), valid)
            chunk += 8
        }
    }

    /// Calls `visit` with each of `hits` at or after `from`, in order; `visit` returns the
    /// index to go on from, and hits before it are skipped.
    @inline(__always)
    static func visit(_ hits: ArraySlice<Int>, from: Int = 0, _ visit: (Int) -> Int) {
        var floor = from
        for hit in hits where hit >= floor { floor = visit(hit) }
    }
}
