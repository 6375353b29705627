import Testing
@testable import VerbaleKit
#if canImport(Glibc)
import Glibc
#endif

/// No quadratic behaviour: the same pathological shape at 16 times the size must take at most
/// 20 times as long (parse and JSON writing).
///
/// By default the sizes are 64 KiB and 1 MiB, so `make test` (a debug build, where the
/// pipeline runs some 30 times slower than in release) stays quick; `HOSTILE_FULL=1` uses the
/// sizes of issue #7, 1 MiB and 16 MiB — run those with `swift test -c release --filter
/// LinearTime`. Time is the test thread's CPU time, not wall time, so other test suites
/// running in parallel on the same cores do not skew the ratio.
@Suite("Hostile input: linear time", .serialized)
struct HostileLinearTimeTests {
    static let full = getenv("HOSTILE_FULL").map { String(cString: $0) } == "1"
    static let small = full ? 1 << 20 : 64 << 10

    static let words = "the mission presents its compliments to the office of the high commissioner and has the honour"
        .split(separator: " ").map(String.init)

    static func prose(_ count: Int) -> String {
        (0..<count).map { words[$0 % words.count] }.joined(separator: " ")
    }

    /// `unit` repeated to exactly `size` bytes.
    static func repeated(_ unit: [UInt8], _ size: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + unit.count)
        while bytes.count < size { bytes.append(contentsOf: unit) }
        return Array(bytes[0..<size])
    }

    /// A growing sequence (numbered notes, questions) of about `size` bytes.
    static func numbered(_ size: Int, _ line: (Int) -> String) -> [UInt8] {
        var bytes: [UInt8] = []
        var number = 1
        while bytes.count < size { bytes.append(contentsOf: line(number).utf8); number += 1 }
        return bytes
    }

    /// Shapes by name; each takes a size in bytes.
    static let shapes: [String: @Sendable (Int) -> [UInt8]] = [
        "no-newline": { repeated(Array((prose(40) + " ").utf8), $0) },
        "blank-lines": { repeated([0x0A], $0) },
        "markdown-footnotes": { size in
            let count = size / 48
            var text = ""
            for number in 1...count { text += "Sentence \(number) cites.<sup>\(number)</sup>\n" }
            text += "\n---\n"
            for number in 1...count { text += "<sup>\(number)</sup> Note \(number).\n" }
            return Array(text.utf8)
        },
        "plain-footnotes": { size in
            numbered(size) { page in
                let base = (page - 1) * 3
                return (1...3).map { "the report of the Committee\(base + $0) says so\n" }.joined() + "\n"
                    + (1...3).map { "\(base + $0) See A/HRC/\(base + $0)/1.\n" }.joined() + "\u{0C}"
            }
        },
        // Regression (614f181): notes whose call-outs are missing were searched for across every
        // group, per note.
        "orphan-footnotes": { size in numbered(size) { "<sup>\($0)</sup> orphan note\n" } },
        "id-repeated": { repeated(Array("Id. ".utf8), $0) },
        "sup-never-closed": { repeated(Array("Text<sup>1 and more\n".utf8), $0) },
        "bold-never-closed": { repeated(Array(("**" + prose(6) + "\n").utf8), $0) },
        // Regression (6d7992d): a link target scan from every `[` to the end of the line.
        "link-never-closed": { repeated(Array("[x](".utf8), $0) },
        "questions": { size in numbered(size) { "Question \($0)\n\n\(prose(6)).\n\n" } },
        "numbered-paragraphs": { size in numbered(size) { "\($0). \(prose(5))\n" } },
        "mixed-eol": { repeated(Array("One\r\ntwo\nthree\r\rfour\n\r\n".utf8), $0) },
        "combining": { repeated(Array(("a" + String(repeating: "\u{0301}", count: 500) + " ").utf8), $0) },
        "rtl": { repeated(Array("\u{202E}\u{0627}\u{0644}\u{0628}\u{0639}\u{062B}\u{0629} \u{05E9}\u{05DC}\u{05D5}\u{05DD}\n".utf8), $0) },
    ]

    /// CPU seconds the current thread spends in `body`.
    static func cpuSeconds(_ body: () -> Void) -> Double {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    static func run(_ bytes: [UInt8]) -> Double {
        cpuSeconds {
            let document = DocumentParser.parse(bytes: bytes, path: "linear")
            _ = JSONWriter.write(document)
        }
    }

    @Test("16 times the input takes at most 20 times the time", arguments: [
        "no-newline", "blank-lines", "markdown-footnotes", "plain-footnotes", "orphan-footnotes", "id-repeated", "sup-never-closed",
        "bold-never-closed", "link-never-closed", "questions", "numbered-paragraphs", "mixed-eol", "combining", "rtl",
    ])
    func linear(shape: String) {
        guard let make = Self.shapes[shape] else { Issue.record("no shape \(shape)"); return }
        let small = make(Self.small)
        let large = make(Self.small * 16)
        // The fastest of three runs of each size: CPU time only grows with interference, so the
        // minimum is the stable estimate. The small size is 64 KiB, not less: below that the
        // small run's data fits in the caches and the large one's does not, which alone makes a
        // linear pass look 20 % superlinear.
        let smallTime = max(1e-4, (0..<3).map { _ in Self.run(small) }.min()!)
        let largeTime = (0..<3).map { _ in Self.run(large) }.min()!
        let ratio = largeTime / smallTime
        print("linear \(shape): \(small.count) B \(smallTime) s, \(large.count) B \(largeTime) s, ratio \(ratio)")
        // Issue #7's bound is 20 for 1 MiB vs 16 MiB (HOSTILE_FULL=1, release). The default
        // debug run's bound is 40 (n^1.33), a sixth of the 256 a quadratic pass shows: the
        // unoptimised array code costs more on the larger input. `rtl` once measured 32 to 41
        // and the bound was raised to 64 for it; the cause was the 1 MiB input, cut mid-letter,
        // ending in a bad byte: each pass re-read the damaged paragraph and the repair copied
        // it byte by byte, while the 64 KiB input is well-formed. With the validity settled
        // once and the repair copying runs, `rtl` measured 21 to 24 beside two builds.
        let bound = Self.full ? 20.0 : 40.0
        #expect(ratio <= bound, "\(shape): \(small.count) B took \(smallTime) s, \(large.count) B took \(largeTime) s (ratio \(ratio))")
    }
}
