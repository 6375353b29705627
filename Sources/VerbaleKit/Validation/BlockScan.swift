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

    /// A list of hit positions under construction, written through a pointer. Before each
    /// block the scan makes room for every hit the block can give (at most one a byte, plus
    /// the slots a vector step writes past its last candidate space), so a hit is one store:
    /// an array's append was a call per hit, and the per-block bookkeeping of four arrays
    /// cost more than the scan of a short block.
    struct HitBuffer {
        /// Where the positions are stored.
        private(set) var base: UnsafeMutablePointer<Int>
        /// How many positions are written.
        var count = 0
        /// How many positions fit before the storage must grow.
        private(set) var capacity: Int

        /// An empty list with room for `capacity` positions.
        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        /// Makes room for `more` positions after the written ones (the storage may move).
        @inline(__always) mutating func reserve(_ more: Int) {
            if count &+ more > capacity { grow(count &+ more) }
        }

        /// Moves the positions to storage for at least `needed`, doubling at least.
        @inline(never) private mutating func grow(_ needed: Int) {
            let larger = max(needed, capacity &* 2)
            let moved = UnsafeMutablePointer<Int>.allocate(capacity: larger)
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = larger
        }

        /// Appends `position`, for which room was reserved.
        @inline(__always) mutating func append(_ position: Int) {
            base[count] = position
            count &+= 1
        }

        /// The positions as an array; the storage is freed (the buffer must not be used again).
        func finish() -> [Int] {
            let result = Array(UnsafeBufferPointer(start: base, count: count))
            base.deallocate()
            return result
        }
    }

    /// The four lists being filled, passed to the scans as one.
    struct Lists {
        /// `BlockScan.spaces` so far.
        var spaces: HitBuffer
        /// `BlockScan.days` so far.
        var days: HitBuffer
        /// `BlockScan.questionLeads` so far.
        var questionLeads: HitBuffer
        /// `BlockScan.capitalPairs` so far.
        var capitalPairs: HitBuffer
    }

    /// The hits of each of `blocks` (UTF-8 texts), by block index; question leads only in the
    /// blocks `questionBlocks` marks (all when nil). `portable` asks for the eight-bytes-at-a-
    /// time loop on every machine (the tests hold the vector loop to it); without it x86-64
    /// scans sixty-four bytes per step in sixteen-byte vectors.
    init(_ blocks: [[UInt8]], questionBlocks: [Bool]? = nil, portable: Bool = false) {
        var total = 0
        for block in blocks { total &+= block.count }
        // About one word in ten opens with a byte the name scan must look at; the other
        // lists are short (each grows, by doubling, when a block needs more room).
        var lists = Lists(spaces: HitBuffer(capacity: total / 48 + 72), days: HitBuffer(capacity: 64),
                          questionLeads: HitBuffer(capacity: 64), capitalPairs: HitBuffer(capacity: 64))
        // Where each block's runs end, one list of ends per list of hits, written in place.
        let ends = blocks.count + 1
        var spaceStarts = [Int](repeating: 0, count: ends)
        var dayStarts = [Int](repeating: 0, count: ends)
        var questionStarts = [Int](repeating: 0, count: ends)
        var capitalStarts = [Int](repeating: 0, count: ends)
        spaceStarts.withUnsafeMutableBufferPointer { spaceStarts in
        dayStarts.withUnsafeMutableBufferPointer { dayStarts in
        questionStarts.withUnsafeMutableBufferPointer { questionStarts in
        capitalStarts.withUnsafeMutableBufferPointer { capitalStarts in
            // The tables read once, not once per block (a global is checked for
            // initialisation at every use).
            Self.honorificStarts.withUnsafeBufferPointer { starts in
              Self.honorificPairBits.withUnsafeBufferPointer { pairBits in
                Self.wordOpeners.withUnsafeBufferPointer { openers in
                for index in blocks.indices {
                    let questions = questionBlocks?[index] ?? true
                    blocks[index].withUnsafeBufferPointer { buffer in
                        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
                        Self.scan(base, buffer.count, questions: questions, portable: portable, starts.baseAddress!,
                                  pairBits.baseAddress!, openers.baseAddress!, &lists)
                    }
                    spaceStarts[index + 1] = lists.spaces.count
                    dayStarts[index + 1] = lists.days.count
                    questionStarts[index + 1] = lists.questionLeads.count
                    capitalStarts[index + 1] = lists.capitalPairs.count
                }
                }
              }
            }
        }
        }
        }
        }
        self.spaces = Hits(positions: lists.spaces.finish(), starts: spaceStarts)
        self.days = Hits(positions: lists.days.finish(), starts: dayStarts)
        self.questionLeads = Hits(positions: lists.questionLeads.finish(), starts: questionStarts)
        self.capitalPairs = Hits(positions: lists.capitalPairs.finish(), starts: capitalStarts)
    }

    /// Appends the hits of one block (`count` bytes at `base`, at least one) to the lists.
    ///
    /// The loops skip the question and capital tests where they are not needed (the word loop
    /// comes in four forms, the vector loop tests two flags): a block the question scan does
    /// not read needs no question leads, and a block without a `/` holds no reference shape
    /// (`TYPE CCC N/YYYY`), so its capital pairs lead nowhere.
    /// Most blocks hold no `/` (memchr tells, many bytes at a time).
    @inline(__always)
    private static func scan(_ base: UnsafePointer<UInt8>, _ count: Int, questions: Bool, portable: Bool,
                             _ honorificStarts: UnsafePointer<UInt64>, _ pairBits: UnsafePointer<UInt64>,
                             _ openers: UnsafePointer<UInt8>, _ lists: inout Lists) {
        let capitals = memchr(base, 0x2F, count) != nil
        // Room for a hit at every byte (and the vector step's spare candidate slots).
        lists.spaces.reserve(count &+ 8)
        lists.days.reserve(count)
        if questions { lists.questionLeads.reserve(count) }
        if capitals { lists.capitalPairs.reserve(count) }
        #if arch(x86_64)
        if !portable {
            scanVectors(base, count, questions, capitals, honorificStarts, pairBits, openers, &lists)
            return
        }
        #endif
        scanWords(base, count, questions, capitals, pairBits, &lists)
    }

    /// The eight-bytes-at-a-time loop of `scan` over `count` bytes at `base`, in the form
    /// without the tests it does not need.
    private static func scanWords(_ base: UnsafePointer<UInt8>, _ count: Int, _ questions: Bool, _ capitals: Bool,
                                  _ pairBits: UnsafePointer<UInt64>, _ lists: inout Lists) {
        switch (questions, capitals) {
        case (true, true): wordLoop(base, count, true, true, pairBits, &lists.spaces, &lists.days, &lists.questionLeads, &lists.capitalPairs)
        case (true, false): wordLoop(base, count, true, false, pairBits, &lists.spaces, &lists.days, &lists.questionLeads, &lists.capitalPairs)
        case (false, true): wordLoop(base, count, false, true, pairBits, &lists.spaces, &lists.days, &lists.questionLeads, &lists.capitalPairs)
        case (false, false): wordLoop(base, count, false, false, pairBits, &lists.spaces, &lists.days, &lists.questionLeads, &lists.capitalPairs)
        }
    }

    /// The word loop of `scan` over `count` bytes at `base`, with the question and capital
    /// tests when asked (constants at every call, so each form is compiled without the
    /// others' tests).
    @inline(__always)
    private static func wordLoop(_ base: UnsafePointer<UInt8>, _ count: Int, _ questions: Bool, _ capitals: Bool,
                                 _ pairBits: UnsafePointer<UInt64>, _ spaces: inout HitBuffer, _ days: inout HitBuffer,
                                 _ questionLeads: inout HitBuffer, _ capitalPairs: inout HitBuffer) {
        // In a local: a global is re-checked for initialisation at every use.
        let pairsByLead = NameChecks.honorificPairs
        // Eight bytes from `at`, zero past the end (as `ByteWords.forEach` loads them).
        @inline(__always) func load(_ at: Int) -> UInt64 { ByteWords.loadPadded(base, at, count) }
        @inline(__always) func collect(_ lanes: UInt64, _ chunk: Int, into list: inout HitBuffer) {
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

    /// Bytes that open a word the name scan skips before asking for a pair (`(`, `"`, `[`,
    /// and the lead bytes of `“` and `«`): 1 for them, 0 for every other byte. One load per
    /// candidate space instead of five compares.
    static let wordOpeners: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in [0x28, 0x22, 0x5B, 0xE2, 0xC2] { table[byte] = 1 }
        return table
    }()

    #if arch(x86_64)
    /// `scanWords` sixty-four bytes per step, on four SSE2 vectors: each test is made on the
    /// vectors and `pmovmskb` gathers their lanes into one 64-bit mask, a bit per byte, so the
    /// hits are the set bits, in order, as in `scanWords`. The tests are those of `scanWords`,
    /// lane by lane; the look-ahead bytes come from loads one and two bytes on, zero past the
    /// end (the last steps read a zero-padded copy of the block's tail).
    ///
    /// Sixteen bytes a step cost about 115 instructions: the loop, the tail test, the branch
    /// of each rare test and the candidate stores were paid per sixteen bytes. Per sixty-four
    /// they are paid once, and the rare tests (`2`/`3` for days, the question words) first
    /// ask one mask of all four vectors.
    ///
    /// One function with the question and capital tests behind flags (two well-predicted
    /// branches a step): the compiler inlined neither a step function called from three places
    /// nor four forms of the loop, and paid a call per step or per load instead.
    private static func scanVectors(_ base: UnsafePointer<UInt8>, _ count: Int, _ questions: Bool, _ capitals: Bool,
                                    _ honorificStarts: UnsafePointer<UInt64>, _ pairBits: UnsafePointer<UInt64>,
                                    _ openers: UnsafePointer<UInt8>, _ lists: inout Lists) {
        @inline(__always) func equal(_ vector: __m128i, _ byte: UInt8) -> __m128i { _mm_cmpeq_epi8(vector, ByteLanes.splat(byte)) }
        @inline(__always) func or(_ vector: __m128i, _ byte: UInt8) -> __m128i { _mm_or_si128(vector, ByteLanes.splat(byte)) }
        @inline(__always) func and(_ a: __m128i, _ b: __m128i) -> __m128i { _mm_and_si128(a, b) }
        // Lanes holding an ASCII byte in `low...high`: signed compares (bytes from 0x80 are
        // negative, below every ASCII bound).
        @inline(__always) func between(_ vector: __m128i, _ low: UInt8, _ high: UInt8) -> __m128i {
            _mm_and_si128(_mm_cmpgt_epi8(vector, ByteLanes.splat(low - 1)), _mm_cmplt_epi8(vector, ByteLanes.splat(high + 1)))
        }
        // One bit per lane of a vector (its top bit), in the low sixteen bits.
        @inline(__always) func mask(_ vector: __m128i) -> UInt64 { UInt64(UInt32(bitPattern: _mm_movemask_epi8(vector))) }
        // One bit per lane of the four vectors at `bytes`, `bytes + 16`, … of `test`.
        @inline(__always) func lanes(_ bytes: UnsafeRawPointer, _ test: (UnsafeRawPointer) -> __m128i) -> UInt64 {
            mask(test(bytes)) | mask(test(bytes + 16)) &<< 16 | mask(test(bytes + 32)) &<< 32 | mask(test(bytes + 48)) &<< 48
        }
        // Whether any lane of the four vectors passes `test`, without the lanes' places.
        @inline(__always) func any(_ bytes: UnsafeRawPointer, _ test: (UnsafeRawPointer) -> __m128i) -> Bool {
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(test(bytes), test(bytes + 16)),
                                           _mm_or_si128(test(bytes + 32), test(bytes + 48)))) != 0
        }
        // `DateChecks.dayLanes`: `29`, `30` or `31`, no digit after.
        @inline(__always) func day(_ at: UnsafeRawPointer) -> __m128i {
            let here = ByteLanes.load(at)
            let next = ByteLanes.load(at + 1)
            let twentyNine = and(equal(here, UInt8(ascii: "2")), equal(next, UInt8(ascii: "9")))
            let thirty = and(equal(here, UInt8(ascii: "3")), equal(or(next, 1), UInt8(ascii: "1")))
            return _mm_andnot_si128(between(ByteLanes.load(at + 2), UInt8(ascii: "0"), UInt8(ascii: "9")),
                                    _mm_or_si128(twentyNine, thirty))
        }
        // `QuestionChecks.questionLanes`, its Latin words: `que`/`pre`, either case
        // (`x | 0x21 == "q"` is p, P, q, Q).
        @inline(__always) func latinQuestion(_ at: UnsafeRawPointer) -> __m128i {
            let nextFolded = or(ByteLanes.load(at + 1), 0x20)
            return and(and(equal(or(ByteLanes.load(at), 0x21), UInt8(ascii: "q")),
                           equal(or(ByteLanes.load(at + 2), 0x20), UInt8(ascii: "e"))),
                       _mm_or_si128(equal(nextFolded, UInt8(ascii: "u")), equal(nextFolded, UInt8(ascii: "r"))))
        }
        // Its Cyrillic ones: `во`/`Во` (B2 or 92, then D0 BE or D0 9E).
        @inline(__always) func cyrillicQuestion(_ at: UnsafeRawPointer) -> __m128i {
            and(and(equal(or(ByteLanes.load(at), 0x20), 0xB2), equal(ByteLanes.load(at + 1), 0xD0)),
                equal(or(ByteLanes.load(at + 2), 0x20), 0xBE))
        }
        // The last one to sixty-five bytes are copied here, zeros after them, so that the
        // loads past the end read zero as `ByteWords.loadPadded` does (a step reads up to
        // 66 bytes from its start, and the second tail step starts 64 bytes in).
        var padded: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                     UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &padded) { padded in
            let tail = padded.baseAddress!
            // Kept spaces are stored past the written spaces (room was reserved).
            let slots = lists.spaces.base + lists.spaces.count
            var kept = 0
            var tailStart = -1
            var chunk = 0
            while chunk < count {
                let available = count &- chunk
                // The lanes inside the block, and where the step's bytes and the two after
                // them are read: the block itself while they all lie in it.
                var valid: UInt64 = ~0
                let bytes: UnsafeRawPointer
                if available >= 66 {
                    bytes = UnsafeRawPointer(base + chunk)
                } else {
                    if tailStart < 0 {
                        tailStart = chunk
                        tail.copyMemory(from: base + chunk, byteCount: available)
                    }
                    bytes = UnsafeRawPointer(tail + (chunk &- tailStart))
                    if available < 64 { valid = (1 &<< UInt64(available)) &- 1 }
                }

                // Spaces before a byte that may be in `openers` (`NameChecks.openerLanes` on
                // vectors: bit 6, XOR bit 5 where bit 7 is clear, read from the top bit of `2x`
                // and of `4x`; a byte add shifts within the lane).
                var space = lanes(bytes) { at in
                    let next = ByteLanes.load(at + 1)
                    let doubled = _mm_add_epi8(next, next)
                    let opener = _mm_xor_si128(doubled, _mm_andnot_si128(next, _mm_add_epi8(doubled, doubled)))
                    return and(equal(ByteLanes.load(at), 0x20), opener)
                } & valid
                // Each candidate is kept where its next two bytes are in `honorificStarts`:
                // the name scan steps over the others (it goes on from the word's second byte,
                // and the next space lies beyond). Kept ones are stored with no branch on the
                // table's answer. The byte after the space is in the block (past the end it
                // reads zero, no opener); a pair cut by the block's end is kept only after a
                // bracket or quote (their bits are set for every second byte, zero among them).
                while space != 0 {
                    let at = chunk &+ space.trailingZeroBitCount
                    space &= space &- 1
                    let first = Int(base[at &+ 1])
                    let second = at &+ 2 < count ? Int(base[at &+ 2]) : 0
                    let index = first | second &<< 8
                    var keep = Int(truncatingIfNeeded: (honorificStarts[index &>> 6] &>> UInt64(index & 63)) & 1)
                    if openers[first] != 0 {
                        // After a bracket or quote (all of whose pairs are set), the pair after
                        // the brackets and quotes decides: most such words (`(a)`, `(2019)`)
                        // are no honorific.
                        keep = opensHonorific(base, count, at &+ 1, pairBits) ? 1 : 0
                    }
                    slots[kept] = at
                    kept &+= keep
                }

                // Days, tested only where a `2` or `3` is (`x | 1 == "3"`).
                if any(bytes, { at in equal(or(ByteLanes.load(at), 1), UInt8(ascii: "3")) }) {
                    var hits = lanes(bytes, day) & valid
                    while hits != 0 {
                        lists.days.append(chunk &+ hits.trailingZeroBitCount)
                        hits &= hits &- 1
                    }
                }

                // Question words: the whole three-letter tests, then one branch, rarely taken.
                if questions, any(bytes, { at in _mm_or_si128(latinQuestion(at), cyrillicQuestion(at)) }) {
                    // A Latin first letter after an ASCII letter or digit is inside a word: the
                    // question scan rejects it (`scanWords` tests the byte before too).
                    var latinHits = lanes(bytes, latinQuestion) & valid
                    var keep = lanes(bytes, cyrillicQuestion) & valid
                    while latinHits != 0 {
                        let lane = latinHits.trailingZeroBitCount
                        latinHits &= latinHits &- 1
                        let at = chunk &+ lane
                        if at == 0 || !(Bytes.isLetterASCII(base[at - 1]) || Bytes.isDigit(base[at - 1])) {
                            keep |= 1 &<< UInt64(lane)
                        }
                    }
                    while keep != 0 {
                        lists.questionLeads.append(chunk &+ keep.trailingZeroBitCount)
                        keep &= keep &- 1
                    }
                }

                if capitals {
                    // A pair inside a word (`MISSION`) cannot open a reference: only pairs at a
                    // word start are kept.
                    var pairs = lanes(bytes) { at in
                        and(between(ByteLanes.load(at), UInt8(ascii: "A"), UInt8(ascii: "Z")), between(ByteLanes.load(at + 1), UInt8(ascii: "A"), UInt8(ascii: "Z")))
                    } & valid
                    while pairs != 0 {
                        let at = chunk &+ pairs.trailingZeroBitCount
                        pairs &= pairs &- 1
                        if at == 0 || !Bytes.isLetterASCII(base[at - 1]) { lists.capitalPairs.append(at) }
                    }
                }
                chunk &+= 64
            }
            lists.spaces.count &+= kept
        }
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
