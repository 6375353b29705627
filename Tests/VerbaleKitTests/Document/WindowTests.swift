import Foundation
import Testing
@testable import VerbaleKit

/// A large document read a window of whole parts at a time (`WindowedDocumentParser` and
/// `JSONWindowWriter`): the same bytes as the whole document when one window holds it, and,
/// in small windows, every byte kept, ids numbered through, spans and lines those of the file.
@Suite("windows of a large document")
struct WindowTests {
    /// The repository's own documents, one after the other: a volume of communications.
    static let volume: [UInt8] = {
        let folder = Paths.repository + "/corpus/documents"
        var bytes: [UInt8] = []
        for name in Paths.list(folder) where name.hasSuffix(".txt") || name.hasSuffix(".md") {
            bytes += Paths.read(folder + "/" + name)
            bytes += Array("\n\n".utf8)
        }
        return bytes
    }()

    /// Collects the writer's output.
    final class Collected: @unchecked Sendable {
        var bytes: [UInt8] = []
    }

    /// Converts `bytes` in windows of `windowBytes`, fed `chunk` bytes at a time; the JSON and
    /// the number of windows.
    static func windowed(_ bytes: [UInt8], windowBytes: Int, chunk: Int = 4096, indent: Int = 1,
                         encoding: InputEncoding = .automatic) throws -> (json: [UInt8], windows: Int) {
        let directory = FileManager.default.temporaryDirectory.path + "/verbale-windows-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var writer = try JSONWindowWriter(directory: directory, path: "volume.txt", indent: indent)
        var parser = WindowedDocumentParser(path: "volume.txt", encoding: encoding, windowBytes: windowBytes)
        var windows = 0
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            bytes[offset..<end].withUnsafeBytes { parser.feed($0) }
            offset = end
            while let window = parser.nextWindow() { try writer.append(window); windows += 1 }
        }
        parser.finish()
        while let window = parser.nextWindow() { try writer.append(window); windows += 1 }
        let collected = Collected()
        try writer.finish(parser.summary(), sink: { collected.bytes += $0 })
        // The spools are unlinked as they are made: nothing is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        return (collected.bytes, windows)
    }

    static func object(_ json: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    }

    static func array(_ object: [String: Any], _ key: String) -> [[String: Any]] {
        object[key] as? [[String: Any]] ?? []
    }

    @Test("one window holding the whole document writes the bytes the whole document writes")
    func oneWindowIsTheWholeDocument() throws {
        let folder = Paths.repository + "/corpus/documents"
        var inputs = Paths.list(folder).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.map { Paths.read(folder + "/" + $0) }
        inputs.append(Self.volume)
        #expect(inputs.count >= 5)
        for input in inputs {
            for indent in [1, 0] {
                let whole = DocumentParser.parse(bytes: input, path: "volume.txt")
                let expected = JSONWriter.write(whole, indent: indent)
                let (json, windows) = try Self.windowed(input, windowBytes: input.count + 1, chunk: 1000, indent: indent)
                #expect(windows == 1)
                #expect(json == expected)
            }
        }
    }

    @Test("small windows: several windows, every byte in a block, ids numbered through, lines of the file")
    func smallWindows() throws {
        let input = Self.volume + Self.volume
        let (json, windows) = try Self.windowed(input, windowBytes: 16 * 1024)
        #expect(windows >= 4, "a volume of \(input.count) bytes in 16 KB windows")
        let document = try Self.object(json)
        let whole = DocumentParser.parse(bytes: input, path: "volume.txt")
        let source = try #require(document["source"] as? [String: Any])
        #expect(source["bytes"] as? Int == input.count)
        #expect(source["sha256"] as? String == whole.source.sha256)
        #expect(document["language"] as? String == whole.language)

        // Ids numbered 1, 2, … in source order through every window.
        func numbered(_ items: [[String: Any]], _ prefix: String) -> Bool {
            items.enumerated().allSatisfy { ($0.element["id"] as? String) == "\(prefix)\($0.offset + 1)" }
        }
        let parts = Self.array(document, "parts")
        let blocks = parts.flatMap { $0["blocks"] as? [[String: Any]] ?? [] }
        #expect(parts.count > 10)
        #expect(numbered(parts, "part_"))
        #expect(numbered(blocks, "b_"))
        #expect(numbered(Self.array(document, "citations"), "c_"))
        #expect(numbered(Self.array(document, "questions"), "q_"))
        #expect(numbered(Self.array(document, "sections"), "sec_"))

        // No byte in two blocks, every byte but white space in one, and each block's line the
        // line of the file its first byte is on. (A paragraph continued past a footnote spans
        // both sides of it, so blocks are ordered by start but may enclose one another.)
        var covered = [Bool](repeating: false, count: input.count)
        var previousStart = -1
        var doubled = 0
        for block in blocks {
            let start = try #require(block["start"] as? Int)
            let end = try #require(block["end"] as? Int)
            let spans = (block["spans"] as? [[Int]]) ?? [[start, end]]
            #expect(start > previousStart, "block \(block["id"] ?? "") starts before the one before")
            previousStart = start
            for span in spans {
                for index in span[0]..<span[1] {
                    if covered[index] { doubled += 1 }
                    covered[index] = true
                }
            }
            let newlines = input[0..<start].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            #expect(block["line"] as? Int == newlines + 1)
        }
        #expect(doubled == 0, "\(doubled) bytes in two blocks")
        let lost = input.indices.filter { !covered[$0] && ![0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(input[$0]) }
        #expect(lost.isEmpty, "\(lost.count) bytes in no block, the first at \(lost.first ?? -1)")

        // Citations in source order, each inside a block.
        let citations = Self.array(document, "citations")
        let starts = citations.compactMap { $0["start"] as? Int }
        #expect(starts == starts.sorted())
        #expect(citations.allSatisfy { citation in
            let start = citation["start"] as? Int ?? -1
            let end = citation["end"] as? Int ?? -1
            return start >= 0 && end <= input.count && (start..<end).allSatisfy { covered[$0] || input[$0] == 0x20 || input[$0] == 0x0A }
        })
        // Each citation of an exhibit is listed under its exhibit, by an id that exists.
        let ids = Set(citations.compactMap { $0["id"] as? String })
        for exhibit in Self.array(document, "exhibits") {
            #expect((exhibit["citations"] as? [String] ?? []).allSatisfy(ids.contains))
        }
        // Cuts fall between communications: most citations are the whole document's.
        let wholeCitations = Set(whole.citations.map { "\($0.kind.rawValue) \($0.key) \($0.span.start)" })
        let windowCitations = Set(citations.map { "\($0["kind"] ?? "") \($0["key"] ?? "") \($0["start"] ?? "")" })
        let shared = wholeCitations.intersection(windowCitations).count
        #expect(shared * 10 >= wholeCitations.count * 9, "\(shared) of \(wholeCitations.count) citations as in the whole document")
    }

    @Test("the first window decides the format: Markdown, though a later communication has form feeds")
    func firstWindowDecidesTheFormat() throws {
        let markdown = Array("# Note\n\nThe Permanent Mission presents its compliments.\n\n---\n\n".utf8)
        var input: [UInt8] = []
        while input.count < 40_000 { input += markdown }
        input += Array("Page one of a pdftotext reply\n\u{0C}Page two\n".utf8)
        #expect(DocumentParser.parse(bytes: input, path: "volume.txt").source.format == "plain")
        let document = try Self.object(Self.windowed(input, windowBytes: 8 * 1024).json)
        #expect((document["source"] as? [String: Any])?["format"] as? String == "markdown")
    }

    @Test("bad UTF-8 across windows: each reported once, in order, as in the whole document")
    func invalidUTF8AcrossWindows() throws {
        var input = Self.volume
        // A bad byte every 3,001 bytes (never inside a multi-byte character: after an ASCII byte).
        var index = 3001
        while index < input.count {
            if input[index - 1] < 0x80 && input[index] < 0x80 { input[index] = 0xFF }
            index += 3001
        }
        let whole = DocumentParser.parse(bytes: input, path: "volume.txt")
        let expected = whole.diagnostics.filter { $0.code == "invalid-utf8" }.map { $0.span.start }
        #expect(expected.count > 5)
        let (json, windows) = try Self.windowed(input, windowBytes: 8 * 1024)
        #expect(windows >= 4)
        let document = try Self.object(json)
        let reported = Self.array(document, "diagnostics").filter { $0["code"] as? String == "invalid-utf8" }.compactMap { $0["start"] as? Int }
        #expect(reported == expected)
        // The repaired text is valid UTF-8 (JSONSerialization read it) and holds U+FFFD.
        let texts = Self.array(document, "parts").flatMap { $0["blocks"] as? [[String: Any]] ?? [] }.compactMap { $0["text"] as? String }
        #expect(texts.contains { $0.contains("\u{FFFD}") })
    }

    @Test("UTF-16 in windows: spans are offsets into the UTF-16 bytes")
    func utf16Windows() throws {
        let text = String(decoding: Self.volume, as: UTF8.self)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        // Where each UTF-8 offset of the text falls in the UTF-16 bytes, counted here.
        var map = [Int](repeating: 0, count: Array(text.utf8).count + 1)
        var utf8Offset = 0
        var utf16Offset = 2
        for scalar in text.unicodeScalars {
            let width8 = String(scalar).utf8.count
            for step in 0..<width8 { map[utf8Offset + step] = utf16Offset }
            utf8Offset += width8
            utf16Offset += String(scalar).utf16.count * 2
        }
        map[utf8Offset] = utf16Offset

        let utf8Run = try Self.object(Self.windowed(Array(text.utf8), windowBytes: 16 * 1024).json)
        let (json, windows) = try Self.windowed(utf16, windowBytes: 16 * 1024)
        #expect(windows >= 3)
        let utf16Run = try Self.object(json)
        #expect((utf16Run["source"] as? [String: Any])?["encoding"] as? String == "utf-16le")
        let blocks8 = Self.array(utf8Run, "parts").flatMap { $0["blocks"] as? [[String: Any]] ?? [] }
        let blocks16 = Self.array(utf16Run, "parts").flatMap { $0["blocks"] as? [[String: Any]] ?? [] }
        #expect(blocks8.count == blocks16.count)
        for (block8, block16) in zip(blocks8, blocks16) {
            #expect(block8["text"] as? String == block16["text"] as? String)
            #expect(map[block8["start"] as? Int ?? 0] == block16["start"] as? Int)
            #expect(block8["line"] as? Int == block16["line"] as? Int)
        }
    }
}
