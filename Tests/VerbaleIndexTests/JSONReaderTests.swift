import Foundation
import Testing
@testable import VerbaleIndex

// Expected values are written out by hand: UTF-8 encodings from the Unicode code charts
// (U+00E9 = C3 A9, U+20AC = E2 82 AC, U+1F600 = F0 9F 98 80, U+1D11E = F0 9D 84 9E), byte
// offsets by counting characters of the literal inputs (0-based).

/// Parses `text` and runs `body` on the root.
private func withRoot<T>(_ text: String, _ body: (JSONValue) throws -> T) throws -> T {
    var reader = JSONReader()
    try reader.parse(Array(text.utf8))
    return try reader.withRoot(body)
}

/// Parses `bytes` and runs `body` on the root.
private func withRoot<T>(bytes: [UInt8], _ body: (JSONValue) throws -> T) throws -> T {
    var reader = JSONReader()
    try reader.parse(bytes)
    return try reader.withRoot(body)
}

/// The bytes of string member `key` of the root object.
private func stringBytes(_ text: String, _ key: StaticString = "s") throws -> [UInt8]? {
    try withRoot(text) { root in root.object?.string(key).map { Array($0.buffer) } }
}

/// The error `text` is refused with (nil when it parses).
private func syntaxError(_ text: String) -> JSONSyntaxError? { syntaxError(bytes: Array(text.utf8)) }

private func syntaxError(bytes: [UInt8]) -> JSONSyntaxError? {
    var reader = JSONReader()
    do {
        try reader.parse(bytes)
        return nil
    } catch {
        return error
    }
}

@Suite("JSON reader: strings")
struct JSONReaderStringTests {
    @Test("the two-character escapes decode to their bytes")
    func shortEscapes() throws {
        let bytes = try stringBytes(#"{"s": "q\"b\\s\/B\bF\fN\nR\rT\t."}"#)
        #expect(bytes == [0x71, 0x22, 0x62, 0x5C, 0x73, 0x2F, 0x42, 0x08, 0x46, 0x0C, 0x4E, 0x0A, 0x52, 0x0D, 0x54, 0x09, 0x2E])
    }

    @Test("\\u escapes of one, two and three UTF-8 bytes, either case of hex")
    func unicodeEscapes() throws {
        #expect(try stringBytes(#"{"s": "\u0041"}"#) == [0x41])
        #expect(try stringBytes(#"{"s": "\u00e9\u00E9"}"#) == [0xC3, 0xA9, 0xC3, 0xA9])
        #expect(try stringBytes(#"{"s": "\u20AC"}"#) == [0xE2, 0x82, 0xAC])
        #expect(try stringBytes(#"{"s": "\u0000"}"#) == [0x00])
        #expect(try stringBytes(#"{"s": "caf\u00e9 au lait"}"#).map { String(decoding: $0, as: UTF8.self) } == "café au lait")
    }

    @Test("a surrogate pair is one four-byte scalar")
    func surrogatePairs() throws {
        #expect(try stringBytes(#"{"s": "\uD83D\uDE00"}"#) == [0xF0, 0x9F, 0x98, 0x80])
        #expect(try stringBytes(#"{"s": "\ud834\udd1e!"}"#) == [0xF0, 0x9D, 0x84, 0x9E, 0x21])
        // The highest scalar, U+10FFFF = DBFF DFFF = F4 8F BF BF.
        #expect(try stringBytes(#"{"s": "\uDBFF\uDFFF"}"#) == [0xF4, 0x8F, 0xBF, 0xBF])
    }

    @Test("lone or mismatched surrogates are refused where their escape starts")
    func loneSurrogates() {
        // {"s": "\uD800"}  — the backslash is at offset 7.
        #expect(syntaxError(#"{"s": "\uD800"}"#)?.offset == 7)
        #expect(syntaxError(#"{"s": "\uDC00"}"#)?.offset == 7)
        // {"s": "\uD800\u0041"} — the second escape starts at offset 13.
        #expect(syntaxError(#"{"s": "\uD800\u0041"}"#)?.offset == 13)
        #expect(syntaxError(#"{"s": "\uD800x"}"#)?.offset == 7)
    }

    @Test("raw UTF-8 is kept as it is; escapes after it move it down correctly")
    func rawUTF8() throws {
        let text = #"{"s": "Женева \"ООН\" — 😀"}"#
        #expect(try stringBytes(text).map { String(decoding: $0, as: UTF8.self) } == "Женева \"ООН\" — 😀")
        #expect(try stringBytes(#"{"s": "Женева"}"#) == Array("Женева".utf8))
    }

    @Test("plain runs longer than a word, with the quote or backslash at every position")
    func wordBoundaries() throws {
        for length in 0..<20 {
            let plain = String(repeating: "a", count: length)
            #expect(try stringBytes(#"{"s": ""# + plain + #""}"#) == Array(plain.utf8))
            #expect(try stringBytes(#"{"s": ""# + plain + #"\n"# + plain + #""}"#) == Array((plain + "\n" + plain).utf8))
        }
    }

    @Test("invalid UTF-8 inside a string is refused at the offending byte")
    func invalidUTF8() {
        let prefix = Array(#"{"s": ""#.utf8)  // 7 bytes: the string's content starts at offset 7
        let suffix = Array(#""}"#.utf8)
        #expect(syntaxError(bytes: prefix + [0x61, 0xFF] + suffix)?.offset == 8)
        #expect(syntaxError(bytes: prefix + [0xC0, 0x80] + suffix)?.offset == 7)  // overlong NUL
        #expect(syntaxError(bytes: prefix + [0xED, 0xA0, 0x80] + suffix)?.offset == 7)  // encoded surrogate
        #expect(syntaxError(bytes: prefix + [0xF4, 0x90, 0x80, 0x80] + suffix)?.offset == 7)  // above U+10FFFF
        #expect(syntaxError(bytes: prefix + [0xE2, 0x82] + suffix)?.offset == 7)  // cut short by the quote
        #expect(syntaxError(bytes: prefix + [0x80] + suffix)?.offset == 7)  // lone continuation byte
    }

    @Test("control characters must be escaped; unknown escapes are refused")
    func controlsAndEscapes() {
        #expect(syntaxError("{\"s\": \"a\nb\"}")?.offset == 8)
        #expect(syntaxError(#"{"s": "a\xb"}"#)?.offset == 8)
        #expect(syntaxError(#"{"s": "\u12G4"}"#)?.offset == 11)
    }
}

@Suite("JSON reader: numbers")
struct JSONReaderNumberTests {
    private func int(_ text: String) throws -> Int? {
        try withRoot(#"{"n": "# + text + "}") { $0.object?.int("n") }
    }

    @Test("integers, including the ends of Int64")
    func integers() throws {
        #expect(try int("0") == 0)
        #expect(try int("-0") == 0)
        #expect(try int("42") == 42)
        #expect(try int("-17") == -17)
        #expect(try int("50683") == 50683)
        #expect(try int("9223372036854775807") == Int.max)
        #expect(try int("-9223372036854775808") == Int.min)
    }

    @Test("numbers out of range have no integer value; fractions are truncated toward zero")
    func others() throws {
        #expect(try int("9223372036854775808") == nil)
        #expect(try int("1e30") == nil)
        #expect(try int("1.5") == 1)
        #expect(try int("-2.7") == -2)
        #expect(try int("1e3") == 1000)
        #expect(try int("25E-1") == 2)
        #expect(try int("1E+2") == 100)
        // Strings are not numbers, even when they spell one.
        #expect(try int(#""12""#) == nil)
    }

    @Test("malformed numbers are refused at the offending byte")
    func malformed() {
        // {"n": X}: the number starts at offset 6.
        #expect(syntaxError(#"{"n": 01}"#)?.offset == 7)
        #expect(syntaxError(#"{"n": -}"#)?.offset == 7)
        #expect(syntaxError(#"{"n": 1.}"#)?.offset == 8)
        #expect(syntaxError(#"{"n": .5}"#)?.offset == 6)
        #expect(syntaxError(#"{"n": 1e}"#)?.offset == 8)
        #expect(syntaxError(#"{"n": +1}"#)?.offset == 6)
    }
}

@Suite("JSON reader: structure and errors")
struct JSONReaderStructureTests {
    @Test("nested objects and arrays are reached as written")
    func nesting() throws {
        let text = """
        {
                "a": [1, [2, {"b": [], "c": "x"}]],
            "o": {"p": {"q": true, "r": false, "s": null}},
          "e": {}
        }
        """
        try withRoot(text) { root in
            let object = try #require(root.object)
            let a = try #require(object.value("a")?.array)
            #expect(a.count == 2)
            #expect(a[0].int == 1)
            let inner = try #require(a[1].array)
            #expect(inner[0].int == 2)
            #expect(inner[1].object?.value("b")?.array?.isEmpty == true)
            #expect(inner[1].object?.string("c")?.string == "x")
            let p = try #require(object.object("o")?.object("p"))
            #expect(p.bool("q") == true)
            #expect(p.bool("r") == false)
            #expect(p.value("s")?.isNull == true)
            #expect(p.string("q") == nil)  // a boolean is not a string
            #expect(object.object("e") != nil)
            #expect(object.value("missing") == nil)
        }
    }

    @Test("a repeated key: the last one wins")
    func repeatedKeys() throws {
        #expect(try withRoot(#"{"k": 1, "k": 2}"#) { $0.object?.int("k") } == 2)
    }

    @Test("keys longer than eight bytes are compared in full")
    func longKeys() throws {
        let text = #"{"instrumentSourceX": 1, "instrumentSource": 2, "instrumentSourcf": 3}"#
        #expect(try withRoot(text) { $0.object?.int("instrumentSource") } == 2)
        #expect(try withRoot(#"{"k\u0065y": 5}"#) { $0.object?.int("key") } == 5)  // escaped key
    }

    @Test("objects(_:) skips elements that are not objects; strings(_:) writes numbers in decimal")
    func lists() throws {
        try withRoot(#"{"xs": [{"i": 1}, 2, "three", {"i": 4}, null], "ns": ["6", 7, true, "8"]}"#) { root in
            let object = try #require(root.object)
            #expect(object.objects("xs").count == 2)
            #expect(object.objects("xs").map { $0.int("i") } == [1, 4])
            #expect(object.objects("xs").first?.int("i") == 1)
            #expect(object.objects("missing").count == 0)
            #expect(object.strings("ns") == ["6", "7", "8"])
        }
    }

    @Test("nesting up to the limit is read; one level more is refused")
    func depthLimit() throws {
        let limit = JSONReader.maximumDepth
        let deep = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(syntaxError(deep) == nil)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(syntaxError(tooDeep)?.offset == limit)
    }

    @Test("malformed JSON is refused with the byte offset where reading stopped")
    func offsets() {
        #expect(syntaxError(#"{"a":1,}"#)?.offset == 7)  // trailing comma: '}' where a key belongs
        #expect(syntaxError(#"{"a" 1}"#)?.offset == 5)  // no colon
        #expect(syntaxError("[1 2]")?.offset == 3)
        #expect(syntaxError(#"{"a":1} x"#)?.offset == 8)  // data after the value
        #expect(syntaxError(#"{"a":"abc"#)?.offset == 5)  // unterminated string: where it starts
        #expect(syntaxError(#"{"schema": "verbale/1", "#)?.offset == 24)  // cut off: the end
        #expect(syntaxError(#"{"a": tru}"#)?.offset == 6)
        #expect(syntaxError(#"{"a": nul"#)?.offset == 9)
        #expect(syntaxError("")?.offset == 0)
        #expect(syntaxError("  \n ")?.offset == 4)
        #expect(syntaxError(#"{'a': 1}"#)?.offset == 1)  // single quotes are not JSON
        let message = syntaxError(#"{"a":1,}"#)?.description ?? ""
        #expect(message.contains("at byte offset 7"), "\(message)")
    }

    @Test("a UTF-8 byte-order mark is skipped; UTF-16 is refused")
    func byteOrderMarks() throws {
        #expect(try withRoot(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"n": 3}"#.utf8)) { $0.object?.int("n") } == 3)
        #expect(syntaxError(bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]) != nil)
    }

    @Test("one reader reads many documents, large then small, without stale values")
    func reuse() throws {
        var reader = JSONReader()
        let large = "{\"xs\": [" + (0..<1000).map { "{\"i\": \($0), \"s\": \"v\\u00e9\($0)\"}" }.joined(separator: ",") + "]}"
        try reader.parse(Array(large.utf8))
        try reader.withRoot { root in
            let xs = Array(root.object!.objects("xs"))
            #expect(xs.count == 1000)
            #expect(xs[999].int("i") == 999)
            #expect(xs[999].string("s")?.string == "vé999")
        }
        #expect(throws: JSONSyntaxError.self) { try reader.parse(Array("{\"bad\": ".utf8)) }
        try reader.parse(Array(#"{"i": 7}"#.utf8))
        #expect(reader.withRoot { $0.object?.int("i") } == 7)
        #expect(reader.withRoot { $0.object?.value("xs") } == nil)
    }
}

@Suite("Index: loading through the JSON reader")
struct JSONLoadTests {
    @Test("a malformed file is reported with its path and byte offset; the batch goes on")
    func malformedFileOffset() throws {
        let directory = Fixtures.temporaryDirectory("json-offset")
        defer { Fixtures.remove(directory) }
        let json = directory + "/json"
        try FileManager.default.createDirectory(atPath: json, withIntermediateDirectories: true)
        Fixtures.convert([(Fixtures.seedPath, Fixtures.seedPath)], into: json)
        Fixtures.write(json + "/cut.json", #"{"schema": "verbale/1", "source": {"path": "x"#)
        let index = try CitationIndex(path: directory + "/index.sqlite")
        let report = try index.load([json])
        #expect(report.documents == 1)
        let failure = try #require(report.failures.first)
        #expect(failure.path == json + "/cut.json")
        // The unterminated string "x starts at offset 43 (counted in the literal above).
        #expect(failure.reason.contains("not valid JSON"), "\(failure.reason)")
        #expect(failure.reason.contains("byte offset 43"), "\(failure.reason)")
    }

    @Test("escaped text is stored decoded")
    func escapesStored() throws {
        let directory = Fixtures.temporaryDirectory("json-escapes")
        defer { Fixtures.remove(directory) }
        let index = try CitationIndex(path: directory + "/index.sqlite")
        let json = #"""
        {"schema": "verbale/1", "source": {"path": "a\u00e9.txt", "sha256": "00", "bytes": 5},
         "parts": [{"id": "part_1", "kind": "letter", "start": 0, "end": 5,
                    "blocks": [{"id": "b_1", "kind": "paragraph", "start": 0, "end": 5, "line": 1,
                                "text": "\"Gen\u00E8ve\" \uD83D\uDE00\ttab\\"}]}]}
        """#
        try index.add(json: Array(json.utf8), jsonPath: "e.json")
        #expect(try index.database.scalar("SELECT path FROM documents") == .text("aé.txt"))
        #expect(try index.database.scalar("SELECT text FROM paragraphs") == .text("\"Genève\" 😀\ttab\\"))
        #expect(try index.database.scalar("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'geneve'") == .integer(1))
    }

    @Test("the same document twice in one load: indexed once, indexes built, FTS consistent")
    func duplicateInOneLoad() throws {
        let directory = Fixtures.temporaryDirectory("json-duplicate")
        defer { Fixtures.remove(directory) }
        let json = directory + "/json"
        try FileManager.default.createDirectory(atPath: json, withIntermediateDirectories: true)
        // Two files recording the same source path, with another document between them.
        let paths = Fixtures.corpusPaths
        try #require(paths.count >= 2)
        Fixtures.convert([(Fixtures.seedPath, Fixtures.seedPath), (paths[1], paths[1]), (Fixtures.seedPath, Fixtures.seedPath)], into: json)
        let index = try CitationIndex(path: directory + "/index.sqlite")
        let report = try index.load([json])
        #expect(report.documents == 3 && report.replaced == 1)

        let single = try CitationIndex(path: directory + "/single.sqlite")
        try single.load([json + "/000-" + (Fixtures.seedPath.split(separator: "/").last.map(String.init) ?? "") + ".json",
                         json + "/001-" + (paths[1].split(separator: "/").last.map(String.init) ?? "") + ".json"])
        #expect(try Fixtures.counts(index) == Fixtures.counts(single))
        let names = try index.database.rows("SELECT name FROM sqlite_schema WHERE type = 'index'").compactMap { row -> String? in
            if case .text(let name) = row[0] { return name }
            return nil
        }
        #expect(Set(IndexSchema.secondaryIndexes.map(\.name)).isSubset(of: Set(names)))
        // The FTS5 hash size of the bulk load is not left in the index's config.
        #expect(try index.database.rows("SELECT k FROM paragraphs_fts_config") == [[.text("version")]])
        #expect(Fixtures.rows(try index.query(.cites("ICCPR art. 19"))).count == 3)
        try Fixtures.checkIntegrity(index)
    }

    @Test("what a killed bulk load leaves (missing indexes, its FTS5 hash size) is repaired on open")
    func restoresIndexes() throws {
        let directory = Fixtures.temporaryDirectory("json-restore")
        defer { Fixtures.remove(directory) }
        let path = directory + "/index.sqlite"
        do {
            let index = try CitationIndex(path: path)
            try index.add(json: Fixtures.json(of: Fixtures.seedPath), jsonPath: "seed.json")
            try index.database.execute("DROP INDEX citations_key; DROP INDEX paragraphs_document")
            try index.database.execute(CitationIndex.setBulkHashSize)
        }
        let reopened = try CitationIndex(path: path)
        let names = try reopened.database.rows("SELECT name FROM sqlite_schema WHERE type = 'index'").compactMap { row -> String? in
            if case .text(let name) = row[0] { return name }
            return nil
        }
        #expect(names.contains("citations_key") && names.contains("paragraphs_document"))
        #expect(try reopened.database.scalar(CitationIndex.hashSizeQuery) == .null)
    }
}
