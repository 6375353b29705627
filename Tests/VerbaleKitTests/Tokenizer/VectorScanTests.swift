import Testing
@testable import VerbaleKit

/// The SSE2 scans of the line stage (and their portable word fallbacks) against byte loops
/// that say what each must find: on random lines over the bytes the scans look for, from
/// every start, so every hit falls once in every lane of a vector and of a word, and near
/// every end (the last, short step).
@Suite("Line stage vector scans")
struct VectorScanTests {
    /// Random lines from the shared seeded generator, so a failure repeats.
    struct Lines {
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)

        /// The next draw in `0..<bound`.
        mutating func next(_ bound: Int) -> Int { random.next(bound) }

        /// A line of `count` bytes: mostly letters, with `special` bytes sprinkled at `rate`
        /// in 1000.
        mutating func line(_ count: Int, special: [UInt8], rate: Int) -> [UInt8] {
            (0..<count).map { _ in
                next(1000) < rate ? special[next(special.count)] : UInt8(0x61 + next(26))
            }
        }
    }

    /// Line lengths around the step sizes (8, 16, 17) and longer.
    static let lengths = [0, 1, 2, 7, 8, 9, 15, 16, 17, 18, 31, 32, 33, 34, 40, 63, 64, 65, 100]

    // MARK: TextBuilder.skipRun

    /// Where `TextBuilder.appendContent`'s byte loop ends a run that reaches `limit`.
    static func byteLoopStops(_ bytes: [UInt8], at index: Int, limit: Int) -> Bool {
        func foldable(_ i: Int) -> Bool {
            let byte = bytes[i]
            if byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B { return true }
            return byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0
        }
        let byte = bytes[index]
        if byte == 0x20 { return !(index + 1 < limit) || foldable(index + 1) }
        return byte == 0x09 || byte == 0x0C || byte == 0x0B || (byte == 0xC2 && foldable(index))
    }

    /// The end of the run from `from` as `appendContent` finds it with `skipRun`.
    static func runEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8], from: Int, limit: Int, vectors: Bool) -> Int {
        var stop = from
        while stop < limit {
            let next = TextBuilder.skipRun(buffer, from: stop, limit: limit, vectors: vectors)
            // A scan never passes a byte where the run ends, nor goes back.
            if next < stop { return -1 }
            for index in stop..<min(next, limit) where byteLoopStops(bytes, at: index, limit: limit) { return -2 }
            stop = next
            guard stop < limit else { break }
            if byteLoopStops(bytes, at: stop, limit: limit) { break }
            stop += 1
        }
        return min(stop, limit)
    }

    @Test("A run ends where the byte loop ends it, vectors or words, at every start and limit")
    func runEnds() {
        var lines = Lines()
        for count in Self.lengths {
            for _ in 0..<12 {
                let bytes = lines.line(count, special: [0x20, 0x20, 0x20, 0x09, 0x0B, 0x0C, 0xC2, 0xA0, 0x01, 0x0D, 0x21], rate: 120)
                bytes.withUnsafeBufferPointer { buffer in
                    for limit in Set([count, max(0, count - 1), max(0, count - 5), count / 2]) {
                        for from in 0..<max(limit, 1) where from < limit {
                            var expected = from
                            while expected < limit, !Self.byteLoopStops(bytes, at: expected, limit: limit) { expected += 1 }
                            #expect(Self.runEnd(buffer, bytes, from: from, limit: limit, vectors: true) == expected,
                                    "vectors \(bytes) from \(from) limit \(limit)")
                            #expect(Self.runEnd(buffer, bytes, from: from, limit: limit, vectors: false) == expected,
                                    "words \(bytes) from \(from) limit \(limit)")
                        }
                    }
                }
            }
        }
    }

    // MARK: LineTokenizer.skipToControl

    @Test("The line-end scan never passes a byte below 0x0E, and reaches each one")
    func controlScan() {
        var lines = Lines()
        for count in Self.lengths {
            for _ in 0..<12 {
                let bytes = lines.line(count, special: [0x0A, 0x0D, 0x09, 0x0C, 0x0E, 0x80, 0xFF, 0x00], rate: 40)
                bytes.withUnsafeBufferPointer { buffer in
                    for from in 0...count {
                        var expected = from
                        while expected < count, bytes[expected] >= 0x0E { expected += 1 }
                        for vectors in [true, false] {
                            var index = from
                            var passed = false
                            while true {
                                let next = LineTokenizer.skipToControl(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: index, count: count, vectors: vectors)
                                if next < index || next > expected { passed = true; break }
                                index = next
                                guard index < count, bytes[index] >= 0x0E else { break }
                                index += 1
                            }
                            #expect(!passed && index == expected, "\(vectors) \(bytes) from \(from)")
                        }
                    }
                }
            }
        }
    }

    // MARK: LineClassifier.skipPlain

    @Test("The markup scan lands on the first `*`, `_`, `\\`, `<` or `[`")
    func markupScan() {
        var lines = Lines()
        for count in Self.lengths {
            for _ in 0..<12 {
                let bytes = lines.line(count, special: Array("*_\\<[]>^#".utf8) + [0xC2, 0x80, 0x00], rate: 50)
                bytes.withUnsafeBufferPointer { buffer in
                    for from in 0...count {
                        var expected = from
                        while expected < count, !"*_\\<[".utf8.contains(bytes[expected]) { expected += 1 }
                        #expect(LineClassifier.skipPlain(buffer, from: from, vectors: true) == expected, "\(bytes) from \(from)")
                        #expect(LineClassifier.skipPlain(buffer, from: from, vectors: false) == expected, "\(bytes) from \(from)")
                    }
                }
            }
        }
    }

    // MARK: InputDecoder.skipASCII

    @Test("The ASCII skip lands on the first NUL or byte from 0x80")
    func asciiScan() {
        var lines = Lines()
        for count in Self.lengths {
            for _ in 0..<12 {
                let bytes = lines.line(count, special: [0x00, 0x7F, 0x80, 0xC2, 0xD0, 0xE2, 0xFF, 0x01, 0x0A], rate: 40)
                bytes.withUnsafeBufferPointer { buffer in
                    let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
                    for from in 0...count {
                        var expected = from
                        while expected < count, bytes[expected] != 0, bytes[expected] < 0x80 { expected += 1 }
                        #expect(InputDecoder.skipASCII(base, from: from, count: count, vectors: true) == expected, "\(bytes) from \(from)")
                        #expect(InputDecoder.skipASCII(base, from: from, count: count, vectors: false) == expected, "\(bytes) from \(from)")
                    }
                }
            }
        }
    }

    @Test("Valid and invalid UTF-8 around every vector boundary read as before")
    func decoderOnMixedText() {
        // A two- or three-byte character, a bad byte and a NUL-free ASCII run, at every offset.
        for insert in [[0xD0, 0x9F], [0xE2, 0x80, 0x99], [0xFF], [0xC2], [0xE2, 0x80]] as [[UInt8]] {
            for offset in 0..<40 {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: offset) + insert + Array(repeating: UInt8(ascii: "b"), count: 40 - offset) + [0x0A]
                let document = DocumentParser.parse(bytes: bytes, path: "test.md")
                let valid = String(validating: bytes, as: UTF8.self) != nil
                #expect(document.diagnostics.contains { $0.code == "invalid-utf8" } == !valid, "\(insert) at \(offset)")
                if !valid {
                    let span = document.diagnostics.first { $0.code == "invalid-utf8" }?.span
                    #expect(span?.start == offset, "\(insert) at \(offset)")
                }
            }
        }
    }

    // MARK: LineClassifier.classify, lines that open with a word byte

    @Test("Lines that open with a letter or digit skip the marker tests; C2, E2 and EF do not")
    func wordOpenedLines() {
        func token(_ text: String) -> LineToken {
            LineClassifier.classify(Array(text.utf8), start: 10, lineEndLength: 1)
        }
        #expect(token("\u{A0}\u{A0}").kind == .blank)
        #expect(token("  \u{A0} ").kind == .blank)
        #expect(token("\u{A0}text").kind == .text)
        #expect(token("\u{2022} item").kind == .listItem)
        #expect(token("\u{2013} item").kind == .listItem)
        #expect(token("\u{F0B7} item").kind == .listItem)
        #expect(token("1 The note").kind == .text)
        #expect(token("Жалоба *важно*").kind == .text)
        #expect(token("Жалоба *важно*").marks.count == 2)
        let marked = token("  word **bold** [3] <sup>4</sup>")
        #expect(marked.kind == .text && marked.indent == 2 && marked.contentStart == 2)
        #expect(marked.marks.map(\.start) == [17, 23, 26, 30])
        #expect(marked.marks.map(\.kind) == [.markup, .markup, .bracketedNumber(number: 3), .callout(number: 4)])
        #expect(token("# Title").kind == .heading(level: 1))
        #expect(token("<sup>2</sup> Note").kind == .footnoteDefinition(number: 2))
    }

    // MARK: FootnoteFinder.nextDigit

    @Test("The digit scan lands on the first ASCII digit")
    func digitScan() {
        var lines = Lines()
        for count in Self.lengths {
            for _ in 0..<12 {
                let bytes = lines.line(count, special: Array("0123456789/:".utf8) + [0xB0, 0xB9, 0xD9, 0x00], rate: 40)
                bytes.withUnsafeBufferPointer { buffer in
                    for from in 0...count {
                        var expected = from
                        while expected < count, !(bytes[expected] >= 0x30 && bytes[expected] <= 0x39) { expected += 1 }
                        #expect(FootnoteFinder.nextDigit(buffer, from: from, vectors: true) == expected, "\(bytes) from \(from)")
                        #expect(FootnoteFinder.nextDigit(buffer, from: from, vectors: false) == expected, "\(bytes) from \(from)")
                    }
                }
            }
        }
    }
}
