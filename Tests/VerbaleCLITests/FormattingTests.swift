import Foundation
import Testing
@testable import VerbaleCLI

/// The CLI prints its figures without Foundation's printf; they must read as printf's did.
@Suite("Figures printed without printf")
struct FormattingTests {
    /// Values around the places where rounding carries (9.95, 0.05…), ties that are exact in
    /// binary (0.125, 2.5), zero and a negative zero, and pseudo-random rates and seconds.
    static let values: [Double] = {
        var values: [Double] = [0, -0.0, 0.04, 0.05, 0.06, 0.125, 0.375, 2.5, 3.5, 9.94, 9.95, 9.96, 99.95, 999.999,
                                1, 10, 100, 123_456.789, -1.25, -0.04, 0.001, 1e-9]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(state >> 11) / Double(1 << 53) * pow(10, Double(state % 7)))
        }
        return values
    }()

    @Test("fixed(_:decimals:) prints what %.Nf prints", arguments: [0, 1, 2, 3])
    func matchesPrintf(decimals: Int) {
        for value in Self.values {
            #expect(Formatting.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value)")
        }
    }

    @Test("padded(_:width:) right-aligns as %9.1f does")
    func padding() {
        for value in [0.0, 12.5, 1234.56, 99_999_999.9] {
            #expect(Formatting.padded(Formatting.fixed(value, decimals: 1), width: 9) == String(format: "%9.1f", value))
        }
    }

    @Test("not-a-number and infinities as printf spells them")
    func nonFinite() {
        #expect(Formatting.fixed(.nan, decimals: 1) == String(format: "%.1f", Double.nan))
        #expect(Formatting.fixed(.infinity, decimals: 2) == String(format: "%.2f", Double.infinity))
        #expect(Formatting.fixed(-.infinity, decimals: 0) == String(format: "%.0f", -Double.infinity))
    }
}
