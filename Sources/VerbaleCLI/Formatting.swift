/// Numbers for the CLI's progress lines and summaries.
///
/// `String(format:)` is the only reason the binary would link the whole of Foundation (with its
/// ICU data): FoundationEssentials, which ArgumentParser and the library use, has no printf.
enum Formatting {
    /// `value` with `decimals` digits after the point, a tie to the even digit, as `%.Nf`
    /// prints it for the figures shown here (rates, seconds, megabytes); `nan` and `inf` as
    /// printf spells them.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<max(decimals, 0) { scale *= 10 }
        // printf rounds the exact binary value. The product can round onto a tie the value is
        // not (9.95 is 9.9499999…, yet 9.95 × 10 gives 99.5): its exact error, from a fused
        // multiply-add, says which side the value lies on. A true tie goes to the even digit.
        let magnitude = abs(value)
        let product = magnitude * scale
        let error = (-product).addingProduct(magnitude, scale)
        var scaled = product.rounded(.toNearestOrEven)
        if product - product.rounded(.down) == 0.5 && error != 0 {
            scaled = error > 0 ? product.rounded(.up) : product.rounded(.down)
        }
        // Beyond 2^63 the integer conversion would trap; such figures are never shown.
        guard scaled < 9.2e18 else { return value < 0 ? "-\(abs(value))" : "\(value)" }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        // printf keeps the sign of a value that rounds to zero (`-0.0`).
        let sign = value.sign == .minus ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(whole)" }
        let fraction = String(units % UInt64(scale))
        return "\(sign)\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// `text` right-aligned in `width` columns (`%9.1f`'s padding).
    static func padded(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
