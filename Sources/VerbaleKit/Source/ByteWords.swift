/// Word-at-a-time byte tests (SWAR: SIMD within a 64-bit register): eight bytes of a `UInt64`
/// tested in a few integer operations, so that hot loops skip eight plain bytes per step, and
/// whole-block scans visit only the lanes a selector marks.
///
/// Every test sets bit 7 (0x80) of exactly the lanes that match: no borrow or carry crosses
/// lanes, so a hit's index is `trailingZeroBitCount >> 3` of the mask.
enum ByteWords {
    /// 0x01 in every lane.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every lane.
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Eight bytes from `base + offset`, any alignment (lane 0 is the first byte).
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// Eight bytes from `base + offset` of a buffer of `count` bytes, lanes past the end zero
    /// (the last, short word of a scan).
    @inline(__always)
    static func loadPadded(_ base: UnsafePointer<UInt8>, _ offset: Int, _ count: Int) -> UInt64 {
        if offset + 8 <= count { return UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        var lane = 0
        while offset + lane < count, lane < 8 { word |= UInt64(base[offset + lane]) << UInt64(8 * lane); lane += 1 }
        return word
    }

    /// Nonzero when some lane of `word` equals `byte`, zero when none does: the classic
    /// "has a zero byte" test, three operations after the XOR against `equal`'s five. Unlike
    /// `equal` it may also mark lanes just above a matching one (a borrow runs through lanes
    /// equal to `byte ^ 1`), so it tells whether, not where: for loops that skip words with no
    /// byte of interest and let a byte loop decide the rest.
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Whether all eight bytes are ASCII.
    @inline(__always)
    static func isASCII(_ word: UInt64) -> Bool {
        word & highs == 0
    }
}

/// Exact lane tests and whole-block scans. Each validation check looks at a block only where a
/// rare byte occurs (a space before an honorific, a `2`/`3` that may start a day, a capital that
/// may open a reference): testing eight bytes with a handful of integer operations, then visiting
/// only the hits, costs a fraction of a byte-by-byte loop.
extension ByteWords {
    /// 0x7F in every lane.
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Lanes of `word` that are zero.
    @inline(__always)
    static func zeroLanes(_ word: UInt64) -> UInt64 {
        ~(((word & lows) &+ lows) | word | lows)
    }

    /// Lanes equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        zeroLanes(word ^ (ones &* UInt64(byte)))
    }

    /// Lanes holding an ASCII byte in `low...high` (`high` < 0x80).
    @inline(__always)
    static func between(_ word: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let seven = word & lows
        let atLeastLow = seven &+ ones &* UInt64(0x80 - low)
        let aboveHigh = seven &+ ones &* UInt64(0x7F - high)
        return atLeastLow & ~aboveHigh & ~word & highs
    }

    /// Calls `visit` with the index of every byte of `bytes[from...]` that `select` marks, in
    /// order. `visit` returns the index to go on from (at least the hit's index + 1): hits
    /// before it are skipped, as a byte loop that jumps ahead would skip them.
    @inline(__always)
    static func forEach(in bytes: [UInt8], from: Int = 0, select: (UInt64) -> UInt64, _ visit: (Int) -> Int) {
        // The two-word form with the look-ahead words ignored: one scan loop to maintain.
        forEach(in: bytes, from: from, select: { here, _, _ in select(here) }, visit)
    }
}

extension ByteWords {
    /// `forEach` whose selector also sees the next two bytes of each lane: `select(here,
    /// next, afterNext)` gets the eight bytes at the chunk, at chunk + 1 and at chunk + 2
    /// (zero past the end), so a hit can require a pair (`AL`, a space before `M`).
    @inline(__always)
    static func forEach(in bytes: [UInt8], from: Int = 0, select: (UInt64, UInt64, UInt64) -> UInt64, _ visit: (Int) -> Int) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            @inline(__always) func load(_ at: Int) -> UInt64 { loadPadded(base, at, count) }
            var floor = max(0, from)
            while floor < count {
                let chunk = floor
                let available = count - chunk
                var hits = select(load(chunk), load(chunk + 1), load(chunk + 2))
                if available < 8 { hits &= (UInt64(1) << UInt64(8 * available)) &- 1 }
                while hits != 0 {
                    let at = chunk + hits.trailingZeroBitCount >> 3
                    hits &= hits &- 1
                    if at >= floor { floor = visit(at) }
                }
                floor = max(floor, chunk + min(8, available))
            }
        }
    }
}

/// Integers written as ASCII decimal digits into a byte buffer, as `"\(value)"` writes them,
/// without making a string (the JSON writer's numbers, the citation engine's keys).
public enum ByteDecimal {
    /// Appends `value` in decimal (a `-` first when negative).
    public static func append(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            // Digits were produced last first: reverse them in place, append them at once.
            var low = 0
            var high = count - 1
            while low < high { buffer.swapAt(low, high); low += 1; high -= 1 }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}
