import Foundation
import Testing
@testable import VerbaleKit

/// Spans of transcoded inputs (UTF-16, Windows-1252) are offsets into the original bytes: the
/// original bytes at a block's or a citation's span, decoded independently of Verbale's decoder
/// (Swift's UTF-16 decoding, Foundation's Windows-1252), give its text.
@Suite("Hostile input: spans of transcoded inputs")
struct HostileOffsetTests {
    /// One-line paragraphs without markup, so a block's text is its source text. ASCII,
    /// Cyrillic and a character outside the BMP stand before each citation.
    static let text = """
        Note verbale

        The Permanent Mission of «Россия» 😀 refers to article 19 of the International Covenant on Civil and Political Rights.

        Постоянное представительство 😀 recalls General Assembly resolution 68/167 and document A/HRC/41/35.

        """

    static func utf16(_ string: String, littleEndian: Bool) -> [UInt8] {
        let bom: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        return bom + Array(string.utf16).flatMap { unit -> [UInt8] in
            littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
    }

    /// `bytes[span]` decoded as UTF-16 by the standard library (nil on an odd span).
    static func decodeUTF16(_ bytes: [UInt8], _ span: ByteSpan, littleEndian: Bool) -> String? {
        guard span.start % 2 == 0, span.end % 2 == 0, span.start >= 0, span.end <= bytes.count else { return nil }
        var units: [UInt16] = []
        var index = span.start
        while index < span.end {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// `bytes[span]` decoded as Windows-1252 by Foundation.
    static func decodeWindows1252(_ bytes: [UInt8], _ span: ByteSpan) -> String? {
        guard span.start >= 0, span.end <= bytes.count else { return nil }
        return String(bytes: bytes[span.start..<span.end], encoding: .windowsCP1252)
    }

    /// Every block's and every citation's span, decoded from the original bytes, is its text.
    static func checkSpans(_ document: Document, name: String, decode: (ByteSpan) -> String?) {
        #expect(document.allBlocks.count >= 3, "\(name): blocks")
        #expect(document.citations.count >= 3, "\(name): citations")
        for block in document.allBlocks {
            #expect(block.spans.count == 1, "\(name): \(block.id) has \(block.spans.count) spans")
            #expect(decode(ByteSpan(block.start, block.end)) == block.text,
                    "\(name): \(block.id) \(block.start)..<\(block.end)")
        }
        for citation in document.citations {
            #expect(decode(citation.span) == citation.text,
                    "\(name): \(citation.id) \(citation.span.start)..<\(citation.span.end) \(citation.text)")
        }
    }

    /// Every span the document carries, for comparing chunkings.
    static func allSpans(_ document: Document) -> [ByteSpan] {
        document.parts.map { ByteSpan($0.start, $0.end) }
            + document.allBlocks.flatMap(\.spans)
            + document.sections.map { ByteSpan($0.start, $0.end) }
            + document.questions.map { ByteSpan($0.start, $0.end) }
            + document.footnotes.flatMap { [ByteSpan($0.start, $0.end)] + $0.references }
            + document.citations.map(\.span)
            + document.definitions.flatMap { [ByteSpan($0.start, $0.end), $0.termSpan] }
            + document.diagnostics.map(\.span)
    }

    @Test("UTF-16 LE and BE with BOM: block and citation spans slice the original bytes")
    func utf16Spans() {
        for little in [true, false] {
            let bytes = Self.utf16(Self.text, littleEndian: little)
            let document = DocumentParser.parse(bytes: bytes, path: "t")
            let name = little ? "utf-16le" : "utf-16be"
            #expect(document.source.encoding == name)
            // The byte-order mark counts: the first character starts at byte 2.
            #expect(document.allBlocks.first?.start == 2, "\(name)")
            Self.checkSpans(document, name: name) { Self.decodeUTF16(bytes, $0, littleEndian: little) }
            // Lines and columns are those of the UTF-8 text, as for the same text in UTF-8.
            let reference = DocumentParser.parse(bytes: Array(Self.text.utf8), path: "t")
            #expect(document.citations.map(\.text) == reference.citations.map(\.text))
            #expect(document.citations.map { document.lineTable.location(of: $0.span.start) }
                    == reference.citations.map { reference.lineTable.location(of: $0.span.start) }, "\(name)")
            #expect(document.allBlocks.map { document.lineTable.location(of: $0.start) }
                    == reference.allBlocks.map { reference.lineTable.location(of: $0.start) }, "\(name)")
        }
    }

    @Test("Windows-1252 with bytes 0x80-0x9F: block and citation spans slice the original bytes")
    func windows1252Spans() {
        let text = "Note verbale\n\nLa Mission pr\u{E9}sente \u{201C}ses\u{201D} compliments \u{2013} \u{20AC}5 \u{2014} and refers to article 19 of the International Covenant on Civil and Political Rights.\n\n\u{201C}Caf\u{E9}\u{201D} \u{2013} see General Assembly resolution 68/167 and document A/HRC/41/35.\n"
        guard let data = text.data(using: .windowsCP1252) else {
            Issue.record("Foundation cannot encode Windows-1252")
            return
        }
        let bytes = [UInt8](data)
        #expect(bytes.contains(0x93) && bytes.contains(0x94) && bytes.contains(0x96) && bytes.contains(0x80))
        for step in [1, 2, 5, 1 << 30] {
            let document = HostileEncodingTests.parse(bytes, step: step, encoding: .windows1252)
            #expect(document.source.encoding == "windows-1252")
            Self.checkSpans(document, name: "windows-1252 step \(step)") { Self.decodeWindows1252(bytes, $0) }
        }
    }

    @Test("UTF-16 fed in chunks of 1 to 7 bytes gives the same spans")
    func utf16Chunks() {
        for little in [true, false] {
            let bytes = Self.utf16(Self.text, littleEndian: little)
            let whole = Self.allSpans(DocumentParser.parse(bytes: bytes, path: "t"))
            #expect(!whole.isEmpty)
            for step in 1...7 {
                let chunked = HostileEncodingTests.parse(bytes, step: step)
                #expect(Self.allSpans(chunked) == whole, "\(little ? "LE" : "BE") step \(step)")
                Self.checkSpans(chunked, name: "step \(step)") { Self.decodeUTF16(bytes, $0, littleEndian: little) }
            }
        }
    }

    @Test("Broken UTF-16: decoder diagnostics are not mapped twice, blocks cover the replaced units")
    func utf16Broken() {
        // a, lone high surrogate, b, lone low surrogate, c, odd last byte.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x62, 0x00, 0x00, 0xDC, 0x63, 0x00, 0x64]
        for step in 1...3 {
            let document = HostileEncodingTests.parse(bytes, step: step)
            #expect(document.diagnostics.filter { $0.code == "invalid-utf16" }.map(\.span)
                    == [ByteSpan(2 + 2, 2 + 4), ByteSpan(8, 10), ByteSpan(12, 13)], "step \(step)")
            #expect(document.allBlocks.map(\.spans) == [[ByteSpan(2, 13)]], "step \(step)")
        }
    }

    @Test("OffsetMap: starts and ends of characters, inside and past them")
    func offsetMap() {
        // BOM (2 bytes), then "a" (1 → 2), "Ж" (2 → 2), "😀" (4 → 4), "b" (1 → 2).
        var map = OffsetMap()
        map.append(decodedWidth: 1, originalStart: 2, originalWidth: 2)
        map.append(decodedWidth: 2, originalStart: 4, originalWidth: 2)
        map.append(decodedWidth: 4, originalStart: 6, originalWidth: 4)
        map.append(decodedWidth: 1, originalStart: 10, originalWidth: 2)
        #expect((0...8).map { map.originalStart($0) } == [2, 4, 4, 6, 6, 6, 6, 10, 12])
        #expect((0...8).map { map.originalEnd($0) } == [2, 4, 6, 6, 10, 10, 10, 10, 12])
        #expect((0...8).map { map.originalByte($0) } == [2, 4, 5, 6, 7, 8, 9, 10, 12])
        #expect([0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13].map { map.decodedStart(ofOriginal: $0) }
                == [0, 0, 0, 0, 1, 1, 3, 3, 7, 7, 8, 8])
        #expect(map.segments.count == 4)
        // A run of equal characters is one segment.
        var ascii = OffsetMap()
        for index in 0..<1000 { ascii.append(decodedWidth: 1, originalStart: 2 + 2 * index, originalWidth: 2) }
        #expect(ascii.segments.count == 1)
        #expect(ascii.originalStart(500) == 1002)
    }

    @Test("UTF-8 input keeps no offset map")
    func utf8NoMap() {
        var decoder = InputDecoder(encoding: .automatic)
        Array(Self.text.utf8).withUnsafeBytes { decoder.feed($0) { _ in } }
        decoder.finish { _ in }
        #expect(decoder.offsetMap.segments.isEmpty)
        let document = DocumentParser.parse(bytes: Array(Self.text.utf8), path: "t")
        #expect(document.lineTable.transcoding == nil)
    }
}
