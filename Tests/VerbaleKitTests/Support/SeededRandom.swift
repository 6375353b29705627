/// The tests' source of random inputs: a 64-bit linear congruential generator (Knuth's MMIX
/// constants). The same seed gives the same draws on every machine and run, so an input a
/// failure names can be drawn again.
struct SeededRandom {
    /// The generator's state: the seed before the first draw.
    var state: UInt64

    /// The next draw, in `0..<bound`, from the state's high bits (the low bits of an LCG
    /// cycle with short periods).
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}

extension SeededRandom {
    /// A generator whose first draw follows `seed`.
    init(seed: UInt64) { self.init(state: seed) }
}
