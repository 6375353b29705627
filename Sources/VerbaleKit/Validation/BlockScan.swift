#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): sixteen-byte compares and `pmovmskb`, which turns a
// compare's lanes into one bit each. Swift's own SIMD types have no such bit mask.
import _Builtin_intrinsics.intel
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
///
/// On x86-64 the pass reads sixteen bytes per step with SSE2 (`scanVectors`); elsewhere, and
/// in the tests that hold the vector pass to it, eight bytes per step in integer words
/// (`scanWords`). Both sort the same hits into the same lists.
struct BlockScan {
    /// One check's hits in every block: the positions of all blocks in one array (per-block
    /// arrays cost an allocation and a few regrowths per block and check), with where each
    /// block's run begins.
    struct Hits {
        /// Hit positions (offsets in their block's bytes), block after block.
        var positions: [Int] = []
        /// Where each block's hits begin in `positions`, and one past the last block's end.
        var starts: [Int]

        /// The hit positions of every block, block after block, and where each block's run
        /// begins (one more than there are blocks).
        init(positions: [Int], starts: [Int]) {
            self.positions = positions
            self.starts = starts
        }

        /// The hits of block `block`, in order.
        subscript(block: Int) -> ArraySlice<Int> {
            positions[starts[block]..<starts[block + 1]]
        }

        /// Whether block `block` has no hits: checks skip such blocks before reading anything
        /// of them (most blocks have no day, no question word and no capital pair).
        func isEmpty(_ block: Int) -> Bool { starts[block] == starts[block + 1] }
    }

    /// Spaces before a word that may be an honorific (its first two bytes a pair of
    /// `NameChecks.honorificPairs`, or a bracket or quote first): the other spaces are words
    /// the name scan steps over.
    var spaces: Hits
    /// Starts of `29`, `30` or `31` not followed by a digit (`DateChecks.dayLanes`).
    var days: Hits
    /// Possible starts of question words (`QuestionChecks.questionLanes`), Latin ones only
    /// where no ASCII letter or digit comes before (the question scan rejects those), and only
    /// in blocks the question scan reads.
    var questionLeads: Hits
    /// Two capitals in a row at a word start (`IdentifierChecks.capitalPairLanes`, no ASCII
    /// letter before): inside a word the reference scan steps over them. Only in blocks with
    /// a `/`, which every reference shape holds.
    var capitalPairs: Hits

    /// The hits of each of `blocks` (UTF-8 texts), by block index; question leads only in the
    /// blocks `questionBlocks` marks (all when nil). `portable` asks for the eight-bytes-at-a-
    /// time loop on every machine (the tests hold the vector loop to it); without it x86-64
    /// scans sixteen bytes per compare.
    init(_ blocks: [[UInt8]], questionBlocks: [Bool]? = nil, portable: Bool = false) {
        var spaces: [Int] = []
        var days: [Int] = []
        var questionLeads: [Int] = []
        var capitalPairs: [Int] = []
        let total = blocks.reduce(0) { $0 + $1.count }
        // About one word in ten opens with a byte the name scan must look at.
        spaces.reserveCapacity(total / 48)
        // Where each block's runs end, four lists side by side: stored through a pointer, as
        // four appends or stores per block into arrays went through calls that cost more than
        // the scan of a short block.
        var ends = [Int](repeating: 0, count: 4 * (blocks.count + 1))
        // Candidate spaces of one block (`scanVectors`): at most one per byte, plus the slots
        // a step writes past its last candidate.
        let longest = blocks.reduce(0) { max($0, $1.count) }
        // Left uninitialised: every slot is written before it is read (zeroing it cost as
        // much as a scan of the longest block).
        var scratch = [Int](unsafeUninitializedCapacity: longest + 64) { _, initialized in initialized = longest + 64 }
        scratch.withUnsafeMutableBufferPointer { scratch in
        let scratch = scratch.baseAddress!
        ends.withUnsafeMutableBufferPointer { ends in
            // The table read once, not once per block (a global is checked for initialisation
            // at every use).
            Self.honorificStarts.withUnsafeBufferPointer { starts in
              Self.honorificPairBits.withUnsafeBufferPointer { pairBits in
                for index in blocks.indices {
                    Self.scan(blocks[index], questions: questionBlocks?[index] ?? true, portable: portable, starts.baseAddress!,
                              pairBits.baseAddress!, scratch, &spaces, &days, &questionLeads, &capitalPairs)
                    let at = 4 * (index + 1)
                    ends[at] = spaces.count
                    ends[at + 1] = days.count
                    ends[at + 2] = questionLeads.count
                    ends[at + 3] = capitalPairs.count
                }
              }
            }
        }
        }
        func starts(_ list: Int) -> [Int] { stride(from: list, to: ends.count, by: 4).map { ends[$0] } }
        self.spaces = Hits(positions: spaces, starts: starts(0))
        self.days = Hits(positions: days, starts: starts(1))
        self.questionLeads = Hits(positions: questionLeads, starts: starts(2))
        self.capitalPairs = Hits(positions: capitalPairs, starts: starts(3))
    }

    /// Appends the hits of one block to the four lists.
    ///
    /// The loops skip the question and capital tests where they are not needed (the word loop
    /// comes in four forms, the vector loop tests two flags): a block the question scan does
    /// not read needs no question leads, and a block without a `/` holds no reference shape
    /// (`TYPE CCC N/YYYY`), so its capital pairs lead nowhere.
    /// Most blocks hold no `/` (memchr tells, many bytes at a time).
    private static func scan(_ bytes: [UInt8], questions: Bool, portable: Bool, _ honorificStarts: UnsafePointer<UInt64>,
                             _ pairBits: UnsafePointer<UInt64>, _ scratch: UnsafeMutablePointer<Int>, _ spaces: inout [Int],
                             _ days: inout [Int], _ questionLeads: inout [Int], _ capitalPairs: inout [Int]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            let capitals = memchr(base, 0x2F, count) != nil
            #if arch(x86_64)
            if !portable {
                scanVectors(base, count, questions, capitals, honorificStarts, pairBits, scratch, &spaces, &days, &questionLeads, &capitalPairs)
                return
            }
            #endif
            scanWords(base, count, questions, capitals, pairBits, &spaces, &days, &questionLeads, &capitalPairs)
        }
    }

    /// The eight-bytes-at-a-time loop of `scan` over `count` bytes at `base`, in the form
    /// without the tests it does not need.
    private static func scanWords(_ base: UnsafePointer<UInt8>, _ count: Int, _ questions: Bool, _ capitals: Bool,
                                  _ pairBits: UnsafePointer<UInt64>, _ spaces: inout [Int], _ days: inout [Int],
                                  _ questionLeads: inout [Int], _ capitalPairs: inout [Int]) {
        switch (questions, capitals) {
        case (true, true): wordLoop(base, count, true, true, pairBits, &spaces, &days, &questionLeads, &capitalPairs)
        case (true, false): wordLoop(base, count, true, false, pairBits, &spaces, &days, &questionLeads, &capitalPairs)
        case (false, true): wordLoop(base, count, false, true, pairBits, &spaces, &days, &questionLeads, &capitalPairs)
        case (false, false): wordLoop(base, count, false, false, pairBits, &spaces, &days, &questionLeads, &capitalPairs)
        }
    }

    /// The word loop of `scan` over `count` bytes at `base`, with the question and capital
    /// tests when asked (constants at every call, so each form is compiled without the
    /// others' tests).
    @inline(__always)
    private static func wordLoop(_ base: UnsafePointer<UInt8>, _ count: Int, _ questions: Bool, _ capitals: Bool,
                                 _ pairBits: UnsafePointer<UInt64>, _ spaces: inout [Int], _ days: inout [Int],
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
                    // ( " [ “ «: the name scan skips them, then asks for a pair.
                    if opensHonorific(base, count, at + 1, pairBits) { spaces.append(at) }
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

    /// Whether a space at `at` opens a word the name scan must look at, as `scanWords` decides
    /// it: one bit per pair of bytes after the space (`first | second << 8`), set where the
    /// pair is one of `NameChecks.honorificPairs` or the first byte is `(`, `"`, `[` or the lead
    /// byte of `“` or `«` (whatever follows). One load and one bit test per space instead of
    /// five compares and a set look-up.
    static let honorificStarts: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 65536 / 64)
        let pairs = NameChecks.honorificPairs
        for first in 0..<256 {
            let opens = first == 0x28 || first == 0x22 || first == 0x5B || first == 0xE2 || first == 0xC2
            guard opens || !pairs[first].isEmpty else { continue }
            for second in 0..<256 where opens || pairs[first].contains(UInt8(second)) {
                let index = first | second << 8
                table[index >> 6] |= UInt64(1) << UInt64(index & 63)
            }
        }
        return table
    }()

    /// One bit per pair of bytes (`first | second << 8`) that opens some honorific
    /// (`NameChecks.honorificPairs`), without the brackets and quotes of `honorificStarts`.
    static let honorificPairBits: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 65536 / 64)
        let pairs = NameChecks.honorificPairs
        for first in 0..<256 where !pairs[first].isEmpty {
            for second in 0..<256 where pairs[first].contains(UInt8(second)) {
                let index = first | second << 8
                table[index >> 6] |= UInt64(1) << UInt64(index & 63)
            }
        }
        return table
    }()

    /// `NameChecks.mayBeHonorific` of the word at `from` (`count` bytes at `base`): its
    /// opening brackets and quotes skipped, its first two bytes a pair of `pairBits`
    /// (`honorificPairBits`). A word that fails it is no honorific, so its space need not be
    /// visited.
    @inline(__always)
    static func opensHonorific(_ base: UnsafePointer<UInt8>, _ count: Int, _ from: Int, _ pairBits: UnsafePointer<UInt64>) -> Bool {
        var index = from
        while index < count {
            let byte = base[index]
            if byte == 0x28 || byte == 0x22 || byte == 0x5B { index += 1; continue }  // ( " [
            if byte == 0xE2, index + 2 < count, base[index + 1] == 0x80, base[index + 2] == 0x9C { index += 3; continue }  // “
            if byte == 0xC2, index + 1 < count, base[index + 1] == 0xAB { index += 2; continue }  // «
            break
        }
        guard index + 1 < count else { return false }
        let pair = Int(base[index]) | Int(base[index + 1]) << 8
        return pairBits[pair >> 6] & (UInt64(1) << UInt64(pair & 63)) != 0
    }

    #if arch(x86_64)
    /// `scanWords` sixteen bytes per step, on SSE2 vectors: each test is made on a whole
    /// vector and `pmovmskb` gathers its lanes into one bit per byte, so the hits are the set
    /// bits, in order, as in `scanWords`. The tests are those of `scanWords`, lane by lane; the
    /// look-ahead bytes come from loads one and two bytes on, zero past the end (the last
    /// steps read a zero-padded copy of the block's tail).
    ///
    /// The eight-byte loop spent about fifty instructions per eight bytes, most of them in
    /// the space and rare-byte tests every word needs; on vectors those cost about a dozen
    /// instructions per sixteen bytes, and the day tests run only where a `2` or `3` is.
    ///
    /// One function with the question and capital tests behind flags (two well-predicted
    /// branches a step): the compiler inlined neither a step function called from three places
    /// nor four forms of the loop, and paid a call per step or per load instead.
    private static func scanVectors(_ base: UnsafePointer<UInt8>, _ count: Int, _ questions: Bool, _ capitals: Bool,
                                    _ honorificStarts: UnsafePointer<UInt64>, _ pairBits: UnsafePointer<UInt64>,
                                    _ scratch: UnsafeMutablePointer<Int>, _ spaces: inout [Int], _ days: inout [Int],
                                    _ questionLeads: inout [Int], _ capitalPairs: inout [Int]) {
        @inline(__always) func splat(_ byte: UInt8) -> __m128i { _mm_set1_epi8(CChar(bitPattern: byte)) }
        @inline(__always) func equal(_ vector: __m128i, _ byte: UInt8) -> __m128i { _mm_cmpeq_epi8(vector, splat(byte)) }
        @inline(__always) func or(_ vector: __m128i, _ byte: UInt8) -> __m128i { _mm_or_si128(vector, splat(byte)) }
        // Lanes holding an ASCII byte in `low...high`: signed compares (bytes from 0x80 are
        // negative, below every ASCII bound).
        @inline(__always) func between(_ vector: __m128i, _ low: UInt8, _ high: UInt8) -> __m128i {
            _mm_and_si128(_mm_cmpgt_epi8(vector, splat(low - 1)), _mm_cmplt_epi8(vector, splat(high + 1)))
        }
        // The last one to seventeen bytes are copied here, zeros after them, so that the loads
        // past the end read zero as `ByteWords.loadPadded` does.
        var padded: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &padded) { padded in
            let tail = padded.baseAddress!
            // Candidate spaces gathered in `scratch`, then sorted after the loop (a local of
            // the closure: one captured from outside lived in memory).
            var candidates = 0
            var tailStart = -1
            var chunk = 0
            while chunk < count {
                let available = count - chunk
                // The lanes inside the block, and where the step's sixteen bytes and the two
                // after them are read: the block itself while they all lie in it.
                var valid: UInt32 = 0xFFFF
                let bytes: UnsafeRawPointer
                if available >= 18 {
                    bytes = UnsafeRawPointer(base + chunk)
                } else {
                    if tailStart < 0 {
                        tailStart = chunk
                        tail.copyMemory(from: base + chunk, byteCount: available)
                    }
                    bytes = UnsafeRawPointer(tail + (chunk - tailStart))
                    if available < 16 { valid = (1 << UInt32(available)) - 1 }
                }
                // One bit per lane (its top bit), lanes outside the block cleared.
                @inline(__always) func bits(_ vector: __m128i) -> UInt32 { UInt32(bitPattern: _mm_movemask_epi8(vector)) & valid }
                @inline(__always) func collect(_ lanes: UInt32, into list: inout [Int]) {
                    var hits = lanes
                    while hits != 0 {
                        list.append(chunk + hits.trailingZeroBitCount)
                        hits &= hits &- 1
                    }
                }
                // `_mm_loadu_si128`, not `loadUnaligned(as:)`: the generic load was not always
                // inlined.
                let here = _mm_loadu_si128(bytes.assumingMemoryBound(to: __m128i_u.self))
                let next = _mm_loadu_si128((bytes + 1).assumingMemoryBound(to: __m128i_u.self))
                let afterNext = _mm_loadu_si128((bytes + 2).assumingMemoryBound(to: __m128i_u.self))

                // Spaces before a byte that may be in `openers` (`NameChecks.openerLanes` on
                // vectors: bit 6, XOR bit 5 where bit 7 is clear, read from the top bit of `2x`
                // and of `4x`; a byte add shifts within the lane). Of those, only spaces whose
                // next two bytes are in `honorificStarts` are kept: the name scan steps over the
                // others (it goes on from the word's second byte, and the next space lies beyond).
                let doubled = _mm_add_epi8(next, next)
                let opener = _mm_xor_si128(doubled, _mm_andnot_si128(next, _mm_add_epi8(doubled, doubled)))
                var space = bits(_mm_and_si128(equal(here, 0x20), opener))
                // The candidates are stored first, the table decides after the loop: a loop
                // over them here mispredicted its exit at most steps (zero to three candidates a
                // step, two thirds of one on average). Two are written whatever their number
                // (the slots past the last are overwritten later), the rare others in a loop.
                // The count advances by a flag, not a population count: x86-64 without
                // `popcnt` counts bits in a dozen instructions.
                scratch[candidates] = chunk &+ space.trailingZeroBitCount
                candidates &+= space != 0 ? 1 : 0
                space &= space &- 1
                scratch[candidates] = chunk &+ space.trailingZeroBitCount
                candidates &+= space != 0 ? 1 : 0
                space &= space &- 1
                while space != 0 {
                    scratch[candidates] = chunk &+ space.trailingZeroBitCount
                    space &= space &- 1
                    candidates &+= 1
                }

                // Days (`DateChecks.dayLanes`: `29`, `30` or `31`, no digit after), tested only
                // where a `2` or `3` is (`x | 1 == "3"`).
                if bits(equal(or(here, 1), UInt8(ascii: "3"))) != 0 {
                    let twentyNine = _mm_and_si128(equal(here, UInt8(ascii: "2")), equal(next, UInt8(ascii: "9")))
                    let thirty = _mm_and_si128(equal(here, UInt8(ascii: "3")), equal(or(next, 1), UInt8(ascii: "1")))
                    let digitAfter = between(afterNext, UInt8(ascii: "0"), UInt8(ascii: "9"))
                    collect(bits(_mm_andnot_si128(digitAfter, _mm_or_si128(twentyNine, thirty))), into: &days)
                }

                // Question words (`QuestionChecks.questionLanes`): `que`/`pre` (either case:
                // `x | 0x21 == "q"` is p, P, q, Q) or `во`/`Во` (B2 or 92, then D0 BE or D0 9E).
                // The whole three-letter test is made before the branch: on the first letter
                // alone (a `p` in one step of three) the branch mispredicted often; on the
                // three letters it is rarely taken.
                if questions {
                    let latinFirst = equal(or(here, 0x21), UInt8(ascii: "q"))
                    let cyrillicFirst = equal(or(here, 0x20), 0xB2)
                    let nextFolded = or(next, 0x20)
                    let afterFolded = or(afterNext, 0x20)
                    let latin = _mm_and_si128(
                        _mm_and_si128(latinFirst, equal(afterFolded, UInt8(ascii: "e"))),
                        _mm_or_si128(equal(nextFolded, UInt8(ascii: "u")), equal(nextFolded, UInt8(ascii: "r"))))
                    let cyrillic = _mm_and_si128(_mm_and_si128(cyrillicFirst, equal(next, 0xD0)), equal(afterFolded, 0xBE))
                  if bits(_mm_or_si128(latin, cyrillic)) != 0 {
                    // A Latin first letter after an ASCII letter or digit is inside a word: the
                    // question scan rejects it (`scanWords` tests the byte before too).
                    var latinHits = bits(latin)
                    var keep = bits(cyrillic)
                    while latinHits != 0 {
                        let lane = latinHits.trailingZeroBitCount
                        latinHits &= latinHits &- 1
                        let at = chunk + lane
                        if at == 0 || !(Bytes.isLetterASCII(base[at - 1]) || Bytes.isDigit(base[at - 1])) {
                            keep |= 1 << UInt32(lane)
                        }
                    }
                    collect(keep, into: &questionLeads)
                  }
                }

                if capitals {
                    // A pair inside a word (`MISSION`) cannot open a reference: only pairs at a
                    // word start are kept.
                    let upper = UInt8(ascii: "A")
                    let last = UInt8(ascii: "Z")
                    var pairs = bits(_mm_and_si128(between(here, upper, last), between(next, upper, last)))
                    while pairs != 0 {
                        let at = chunk + pairs.trailingZeroBitCount
                        pairs &= pairs &- 1
                        if at == 0 || !Bytes.isLetterASCII(base[at - 1]) { capitalPairs.append(at) }
                    }
                }
                chunk += 16
            }
            keepHonorificSpaces(base, count, honorificStarts, pairBits, scratch, candidates, &spaces)
        }
    }

    /// Appends to `spaces` those of the `candidates` spaces at `scratch` that `scanVectors`
    /// keeps.
    @inline(__always)
    private static func keepHonorificSpaces(_ base: UnsafePointer<UInt8>, _ count: Int, _ honorificStarts: UnsafePointer<UInt64>,
                                            _ pairBits: UnsafePointer<UInt64>, _ scratch: UnsafeMutablePointer<Int>,
                                            _ candidates: Int, _ spaces: inout [Int]) {
        // The candidate spaces in order, each kept where its next two bytes are in
        // `honorificStarts`: the name scan steps over the others (it goes on from the word's
        // second byte, and the next space lies beyond). Kept ones are packed to the front with
        // no branch on the table's answer.
        var kept = 0
        for candidate in 0..<candidates {
            let at = scratch[candidate]
            // The byte after the space is in the block: past the end it reads zero, no opener.
            // A pair cut by the block's end is kept only after a bracket or quote (their bits
            // are set for every second byte, zero among them).
            let first = Int(base[at &+ 1])
            let second = at &+ 2 < count ? Int(base[at &+ 2]) : 0
            let index = first | second &<< 8
            var keep = Int(truncatingIfNeeded: (honorificStarts[index &>> 6] &>> UInt64(index & 63)) & 1)
            if first == 0x28 || first == 0x22 || first == 0x5B || first == 0xE2 || first == 0xC2 {
                // After a bracket or quote (all of whose pairs are set), the pair after the
                // brackets and quotes decides: most such words (`(a)`, `(2019)`) are no honorific.
                keep = opensHonorific(base, count, at &+ 1, pairBits) ? 1 : 0
            }
            scratch[kept] = at
            kept &+= keep
        }
        if kept > 0 { spaces.append(contentsOf: UnsafeBufferPointer(start: scratch, count: kept)) }
    }
    #endif

    /// Calls `visit` with each of `hits` at or after `from`, in order; `visit` returns the
    /// index to go on from, and hits before it are skipped.
    @inline(__always)
    static func visit(_ hits: ArraySlice<Int>, from: Int = 0, _ visit: (Int) -> Int) {
        var floor = from
        for hit in hits where hit >= floor { floor = visit(hit) }
    }
}
