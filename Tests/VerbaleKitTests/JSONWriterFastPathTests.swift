import Testing
@testable import VerbaleKit

/// The JSON writer's byte-level fast paths held to the general ones they replace: digit
/// pairs to `String(_:)`, the vector escape scan to the word scan and a byte loop, and the
/// member cursor to the writer's own key and value calls, on boundaries, escapes, non-ASCII
/// text and empty values.
@Suite("JSON writer fast paths keep the general paths' bytes")
struct JSONWriterFastPathTests {
    static func text(_ out: JSONOutput) -> String { String(decoding: out.bytes, as: UTF8.self) }

    /// Every power of ten and its neighbours, both signs, and the extremes.
    static var integers: [Int] {
        var values = [0, 1, -1, 7, 42, -42, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 0..<19 {
            values += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
            if power > Int.max / 10 { break }
            power *= 10
        }
        values += [power * 9, -(power * 9), 1_000_000_000_000_000_000]
        return values
    }

    @Test("putInt writes String(value)")
    func integers() {
        var scratch = [UInt8](repeating: 0, count: 32)
        for value in Self.integers {
            let count = scratch.withUnsafeMutableBufferPointer { JSONOutput.putInt($0.baseAddress!, value) }
            #expect(String(decoding: scratch[0..<count], as: UTF8.self) == String(value), "\(value)")
        }
        var out = JSONOutput(indent: 0)
        out.beginArray()
        for value in Self.integers { out.int(value) }
        out.endArray()
        #expect(Self.text(out) == "[" + Self.integers.map(String.init).joined(separator: ",") + "]")
    }

    /// The first byte at or after `start` that JSON must escape, one byte at a time.
    static func referenceEscape(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return index }
            index += 1
        }
        return bytes.count
    }

    @Test("the escape scan finds what a byte loop finds, at every length and position")
    func escapeScan() {
        let fillers: [UInt8] = [0x61, 0x20, 0x7F, 0x80, 0xC3, 0xFF, 0x21, 0x23, 0x5B, 0x5D]
        let specials: [UInt8] = [0x00, 0x01, 0x0A, 0x1F, 0x22, 0x5C]
        for count in 0...48 {
            for filler in fillers {
                var bytes = [UInt8](repeating: filler, count: count)
                check(bytes)
                for position in 0..<count {
                    for special in specials {
                        bytes[position] = special
                        check(bytes)
                        bytes[position] = filler
                    }
                }
            }
        }

        func check(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { buffer in
                for start in Set([0, 1, bytes.count / 2, max(bytes.count - 1, 0), bytes.count]) where start <= bytes.count {
                    let expected = Self.referenceEscape(bytes, from: start)
                    #expect(JSONOutput.firstEscape(buffer, from: start) == expected, "\(bytes) from \(start)")
                    #expect(JSONOutput.firstEscape(buffer, from: start, vectors: false) == expected, "\(bytes) from \(start), words")
                }
            }
        }
    }

    /// Strings on every path: empty, short and long, clean and escaped at the ends and in
    /// the middle, multi-byte text, and bytes either side of the escape bounds.
    static let strings: [String] = [
        "", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghijklmno", "abcdefghijklmnop",
        "héllo", "Réf. № 20-404", "\u{1F600} emoji", "quote\"inside", "\"", "\\", "back\\slash",
        "tab\there", "line\nbreak\r\n", "\u{01}\u{1F}\u{7F} ~", String(repeating: "é", count: 20),
        String(repeating: "x", count: 40) + "\"", "\"" + String(repeating: "y", count: 40),
        String(repeating: "The Permanent Mission presents its compliments. ", count: 8),
        "ends with a control\u{08}", "\u{0C}starts with one",
    ]

    /// The same members through any writer.
    static func members<Writer: JSONMemberWriter>(_ out: inout Writer, _ strings: [String]) {
        out.member("id", strings.first ?? "")
        out.member("bytes", utf8: Array((strings.last ?? "").utf8))
        out.member("start", int: 0)
        out.member("end", int: -123_456)
        out.member("big", int: Int.max)
        out.member("small", int: Int.min)
        out.member("valid", bool: true)
        out.member("invalid", bool: false)
        out.memberNull("antecedent")
        out.member("articles", strings: strings)
        out.member("none", strings: [])
        out.member("one", strings: ["1"])
        out.member("numbers", ints: [])
        out.member("number", ints: [7])
        out.member("numbers", ints: [Int.min, -1, 0, 42, Int.max])
        out.member("absent", ifPresent: nil)
        out.member("instrumentSource", ifPresent: strings.last)
        for string in strings { out.member("s", string) }
    }

    /// Opens `depth` objects, each as the member of the one before, then one more to write in.
    static func open(_ out: inout JSONOutput, depth: Int) {
        out.beginObject()
        for _ in 0..<depth { out.key("k"); out.beginObject() }
    }

    static func close(_ out: inout JSONOutput, depth: Int) {
        for _ in 0...depth { out.endObject() }
    }

    @Test("the member cursor writes what key and value calls write, at every indent and depth")
    func cursorMatchesWriter() {
        for indent in [0, 1, 2, 3, 4] {
            for depth in 0...5 {
                for prefix in [false, true] {
                    for strings in [Self.strings, [], ["only"]] {
                        var general = JSONOutput(indent: indent)
                        var fast = JSONOutput(indent: indent)
                        Self.open(&general, depth: depth)
                        Self.open(&fast, depth: depth)
                        if prefix {
                            general.member("before", int: 1)
                            fast.member("before", int: 1)
                        }
                        Self.members(&general, strings)
                        let used = fast.withMembers(measure: { Self.members(&$0, strings) },
                                                    write: { Self.members(&$0, strings) })
                        // Too deep for the cursor's leads: nothing written, the caller writes.
                        let fits = indent == 0 || (depth + 1) * indent + indent <= 14
                        #expect(used == fits, "indent \(indent) depth \(depth)")
                        if !used { Self.members(&fast, strings) }
                        // A member after the cursor's, and nested containers, on the writer's path.
                        general.member("after", "z")
                        fast.member("after", "z")
                        Self.close(&general, depth: depth)
                        Self.close(&fast, depth: depth)
                        #expect(Self.text(fast) == Self.text(general), "indent \(indent) depth \(depth) prefix \(prefix)")
                    }
                }
            }
        }
    }

    @Test("the member cursor with nothing to write leaves an empty object")
    func cursorWritesNothing() {
        for indent in [0, 1, 2] {
            var out = JSONOutput(indent: indent)
            out.beginArray()
            out.beginObject()
            let used = out.withMembers(measure: { _ in }, write: { _ in })
            #expect(used)
            out.endObject()
            out.endArray()
            let expected = indent == 0 ? "[{}]" : "[\n" + String(repeating: " ", count: indent) + "{}\n]"
            #expect(Self.text(out) == expected)
        }
    }

    @Test("member writes what key then value write")
    func memberMatchesKeyAndValue() {
        for indent in [0, 1, 2] {
            var general = JSONOutput(indent: indent)
            var fused = JSONOutput(indent: indent)
            general.beginObject()
            fused.beginObject()
            for (index, string) in Self.strings.enumerated() {
                general.key("s"); general.string(string)
                fused.member("s", string)
                general.key("u"); general.string(utf8: Array(string.utf8))
                fused.member("u", utf8: Array(string.utf8))
                general.key("n"); general.int(index * 7919 - 5000)
                fused.member("n", int: index * 7919 - 5000)
            }
            general.endObject()
            fused.endObject()
            #expect(Self.text(fused) == Self.text(general), "indent \(indent)")
        }
    }

    @Test("a streaming writer hands on the same bytes with members and cursors")
    func streamingWriter() {
        final class Collected: @unchecked Sendable { var bytes: [UInt8] = [] }
        let collected = Collected()
        var streaming = JSONOutput(indent: 1, sink: { collected.bytes += $0 })
        var buffered = JSONOutput(indent: 1)
        for out in [0, 1] {
            func write(_ out: inout JSONOutput) {
                out.beginArray()
                for round in 0..<3000 {
                    out.beginObject()
                    _ = out.withMembers(measure: { Self.members(&$0, Self.strings) },
                                        write: { Self.members(&$0, Self.strings) })
                    out.member("round", int: round)
                    out.endObject()
                }
                out.endArray()
            }
            if out == 0 { write(&streaming); streaming.flush() } else { write(&buffered) }
        }
        #expect(collected.bytes.count > 1 << 20)
        #expect(collected.bytes == buffered.bytes)
    }

    @Test("a whole object through the cursor is what beginObject, the members and endObject write")
    func objectMatchesWriter() {
        for indent in [0, 1, 2, 3] {
            for depth in 0...5 {
                for place in ["element", "second element", "value", "top"] {
                    for strings in [Self.strings, [], ["only"]] {
                        var general = JSONOutput(indent: indent)
                        var fast = JSONOutput(indent: indent)
                        for out in [0, 1] {
                            func write(_ out: inout JSONOutput, cursor: Bool) {
                                if place != "top" {
                                    Self.open(&out, depth: depth)
                                    if place == "value" { out.key("v") } else { out.key("a"); out.beginArray() }
                                    if place == "second element" { out.int(1) }
                                }
                                let used = cursor && out.withObject(measure: { Self.members(&$0, strings) },
                                                                    write: { Self.members(&$0, strings) })
                                if !used {
                                    out.beginObject()
                                    Self.members(&out, strings)
                                    out.endObject()
                                }
                                if place != "top" {
                                    if place != "value" { out.endArray() }
                                    Self.close(&out, depth: depth)
                                }
                            }
                            if out == 0 { write(&general, cursor: false) } else { write(&fast, cursor: true) }
                        }
                        #expect(Self.text(fast) == Self.text(general), "indent \(indent) depth \(depth) \(place)")
                    }
                }
            }
        }
    }

    @Test("an empty object through the cursor")
    func emptyObject() {
        for indent in [0, 1, 2] {
            var out = JSONOutput(indent: indent)
            out.beginArray()
            let first = out.withObject(measure: { _ in }, write: { _ in })
            let second = out.withObject(measure: { _ in }, write: { _ in })
            out.endArray()
            #expect(first && second)
            let pad = String(repeating: " ", count: indent)
            #expect(Self.text(out) == (indent == 0 ? "[{},{}]" : "[\n\(pad){},\n\(pad){}\n]"))
        }
    }

    @Test("a line found from the line before is the line found by halving")
    func lineFromHint() {
        var table = LineTable()
        var starts = [0]
        var offset = 0
        for length in [1, 1, 5, 80, 0, 3, 200, 1, 1, 1, 1, 1, 1, 1, 1, 1, 40, 7, 1000, 2] {
            offset += length + 1
            table.appendLineStart(offset)
            starts.append(offset)
        }
        let end = offset + 50
        var dropped = table
        dropped.dropLines(before: starts[5] + 2)
        for current in [table, dropped] {
            var hint = 0
            // In order, as the writer asks.
            for offset in 0...end {
                let expected = current.location(of: offset)
                let found = current.location(of: offset, from: &hint)
                #expect(found.line == expected.line && found.column == expected.column, "offset \(offset)")
            }
            // Every offset from every hint, those out of range too: backwards, short walks
            // and jumps past the walk.
            for hintStart in -2...(starts.count + 2) {
                for offset in 0...end {
                    hint = hintStart
                    let expected = current.location(of: offset)
                    let found = current.location(of: offset, from: &hint)
                    if found.line != expected.line || found.column != expected.column {
                        Issue.record("offset \(offset) from hint \(hintStart): \(found) for \(expected)")
                    }
                }
            }
        }
    }
}
