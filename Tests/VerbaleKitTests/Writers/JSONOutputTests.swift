import Foundation
import Testing
@testable import VerbaleKit

/// The JSON emitter's separators, indentation and escapes, held to text written by hand and
/// to Foundation's parser.
@Suite("JSON output")
struct JSONOutputTests {
    static func text(_ out: JSONOutput) -> String { String(decoding: out.bytes, as: UTF8.self) }

    @Test("compact and indented objects read as written by hand")
    func smallDocuments() {
        for indent in [0, 1, 2] {
            var out = JSONOutput(indent: indent)
            out.beginObject()
            out.key("a"); out.bool(true)
            out.key("b"); out.bool(false)
            out.key("c"); out.null()
            out.key("d"); out.beginArray(); out.int(-12); out.string("x"); out.endArray()
            out.key("e"); out.beginArray(); out.endArray()
            out.key("f"); out.beginObject(); out.endObject()
            out.endObject()
            let pad = String(repeating: " ", count: indent)
            let expected = indent == 0
                ? #"{"a":true,"b":false,"c":null,"d":[-12,"x"],"e":[],"f":{}}"#
                : "{\n\(pad)\"a\": true,\n\(pad)\"b\": false,\n\(pad)\"c\": null,\n\(pad)\"d\": [\n\(pad)\(pad)-12,\n"
                + "\(pad)\(pad)\"x\"\n\(pad)],\n\(pad)\"e\": [],\n\(pad)\"f\": {}\n}"
            #expect(Self.text(out) == expected, "indent \(indent)")
        }
    }

    @Test("quotes, backslashes and control characters are escaped")
    func escapes() {
        var out = JSONOutput(indent: 0)
        out.string("a\"b\\c\nd\re\tf\u{01}g\u{1F}h é — long enough to take the eight-byte path")
        #expect(Self.text(out) == #""a\"b\\c\nd\re\tf\u0001g\u001fh é — long enough to take the eight-byte path""#)
    }

    @Test("indentation wider than the writer's run of spaces")
    func deepIndentation() throws {
        // 40 spaces a level, six levels deep: up to 240 spaces on a line.
        var out = JSONOutput(indent: 40)
        func nest(_ depth: Int) {
            if depth == 6 { out.int(depth); return }
            out.beginObject()
            out.key("k"); nest(depth + 1)
            out.key("n"); out.int(depth)
            out.endObject()
        }
        out.beginArray()
        nest(0)
        out.string("end")
        out.endArray()
        // Each line is indented 40 spaces per container open before it.
        var open = 0
        for line in Self.text(out).split(separator: "\n") {
            let content = line.drop(while: { $0 == " " })
            let closes = content.first == "}" || content.first == "]"
            #expect(line.count - content.count == 40 * (open - (closes ? 1 : 0)), "\(line.prefix(20))")
            open += content.filter({ $0 == "{" || $0 == "[" }).count - content.filter({ $0 == "}" || $0 == "]" }).count
        }
        #expect(open == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out.bytes)) as? [Any])
        #expect(parsed.count == 2)
        #expect(parsed[1] as? String == "end")
        var level = parsed[0] as? [String: Any]
        for depth in 0..<6 {
            #expect(level?["n"] as? Int == depth)
            level = level?["k"] as? [String: Any] ?? (depth == 5 ? nil : [:])
        }
    }

    /// The escaping JSON asks for, written the slow, obvious way.
    static func reference(_ text: [UInt8]) -> String {
        var out = "\""
        for byte in text {
            switch byte {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20: out += String(format: "\\u%04x", Int(byte))
            default: out += String(UnicodeScalar(byte))
            }
        }
        return out + "\""
    }

    @Test("an escape at every offset of strings up to 40 bytes, and strings of escapes")
    func escapesAtEveryOffset() {
        // The writer copies the run before the first escape at once and the rest piece by
        // piece; an off-by-one at either end shows at some offset and length.
        for length in 0...40 {
            for offset in 0..<Swift.max(length, 1) {
                for special: UInt8 in [0x22, 0x5C, 0x0A, 0x01, 0x1F] {
                    var text = (0..<length).map { UInt8(0x61 + $0 % 26) }
                    if length > 0 { text[offset] = special }
                    var out = JSONOutput(indent: 0)
                    out.string(utf8: text)
                    #expect(Self.text(out) == Self.reference(text), "length \(length), offset \(offset), byte \(special)")
                }
            }
        }
        let escapes = [UInt8](repeating: 0x22, count: 37) + [0x0A, 0x5C, 0x09]
        var out = JSONOutput(indent: 0)
        out.string(utf8: escapes)
        #expect(Self.text(out) == Self.reference(escapes))
    }

    @Test("a copied writer keeps its own bytes")
    func copiesAreIndependent() {
        var first = JSONOutput(indent: 0)
        first.beginArray()
        first.string("shared")
        var second = first
        first.int(1)
        second.int(2)
        first.endArray()
        second.endArray()
        #expect(Self.text(first) == #"["shared",1]"#)
        #expect(Self.text(second) == #"["shared",2]"#)
    }

    @Test("a writer grows past its first buffer and hands over every byte")
    func growth() throws {
        var out = JSONOutput(indent: 2)
        out.beginArray()
        for index in 0..<5_000 { out.beginObject(); out.key("n"); out.int(index - 2_500); out.key("t"); out.string("x\(index)"); out.endObject() }
        out.endArray()
        let count = out.count
        let bytes = out.takeBytes()
        #expect(bytes.count == count)
        #expect(out.count == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
        #expect(parsed.count == 5_000)
        #expect(parsed.last?["n"] as? Int == 2_499)
        #expect(parsed.first?["t"] as? String == "x0")
    }
}

