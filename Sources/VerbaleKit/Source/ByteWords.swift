/// Word-at-a-time byte tests: eight bytes of a `UInt64` compared in a few integer operations
/// (the "has a zero byte" trick), so that hot loops skip eight plain bytes per step.
///
/// Each test sets bit 7 of every lane that matches. A lane just above a matching one may be
/// flagged too (a borrow), so a non-zero result means "look closer with the byte loop"; a
/// zero result is exact: no lane matches.
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

    /// Lanes of `word` equal to `byte`.
    @inline(__always)
    static func lanes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }

    /// Lanes of `word` below `byte` (which must be at most 0x80).
    @inline(__always)
    static func lanes(_ word: UInt64, below byte: UInt8) -> UInt64 {
        (word &- ones &* UInt64(byte)) & ~word & highs
    }

    /// Whether all eight bytes are ASCII.
    @inline(__always)
    static func isASCII(_ word: UInt64) -> Bool {
        word & highs == 0
    }
}
