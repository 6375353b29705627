import Testing
@testable import VerbaleKit

/// Input decoding: UTF-8 repair diagnostics, UTF-16 and Windows-1252 transcoding, refusals.
@Suite("Hostile input: encodings and refusals")
struct HostileEncodingTests {
    /// Parses `bytes` fed in chunks of `step` bytes.
    static func parse(_ bytes: [UInt8], step: Int = 1 << 30, encoding: InputEncoding = .automatic) -> Document {
        var parser = DocumentParser(path: "t", encoding: encoding)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + step)
            parser.feed(Array(bytes[offset..<end]))
            offset = end
        }
        return parser.finish()
    }

    static func invalid(_ document: Document) -> [ByteSpan] {
        document.diagnostics.filter { $0.code == "invalid-utf8" }.map(\.span)
    }

    @Test("One invalid-utf8 diagnostic per run of bad bytes, at its byte offset, whatever the chunking")
    func invalidRuns() {
        // FF FE: one run of two; E2 82 then space: a truncated sequence; C0 AF: overlong;
        // ED A0 80: an encoded surrogate; F4 90 80 80: past U+10FFFF; E2 82 at the very end.
        let bytes: [UInt8] = Array("ok ".utf8) + [0xFF, 0xFE] + Array(" a ".utf8) + [0xE2, 0x82] + Array(" b ".utf8)
            + [0xC0, 0xAF] + Array(" c ".utf8) + [0xED, 0xA0, 0x80] + Array(" d ".utf8) + [0xF4, 0x90, 0x80, 0x80]
            + Array(" é ".utf8) + [0xE2, 0x82]
        let expected = [ByteSpan(3, 5), ByteSpan(8, 10), ByteSpan(13, 15), ByteSpan(18, 21), ByteSpan(24, 28), ByteSpan(32, 34)]
        for step in [1, 2, 3, 5, 7, 1 << 30] {
            let document = Self.parse(bytes, step: step)
            #expect(Self.invalid(document) == expected, "step \(step)")
            PropertyTests.checkCoverage(bytes, document, name: "invalid, step \(step)")
            let json = JSONWriter.write(document)
            #expect(String(validating: json, as: UTF8.self) != nil, "JSON must stay valid UTF-8 (step \(step))")
            let text = document.allBlocks.map(\.text).joined()
            #expect(text.contains("\u{FFFD}"))
            #expect(text.contains("é"))
        }
    }

    @Test("Bad bytes amid other scripts: the decoder agrees with a maximal-subpart reading, in any chunking")
    func invalidAmidScripts() {
        // Two- and three-byte letters (the decoder's fast path), the special ranges of E0 and ED,
        // four-byte emoji, ASCII, and bad or truncated sequences between them.
        let pieces: [[UInt8]] = ["а", "Ж", "é", "€", "한", "\u{0800}", "😀", " ", "x", "Закон ", "régime ", "\n"].map { Array($0.utf8) }
            + [[0xFF], [0xC2], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x80], [0xE0, 0x80], [0xF0, 0x9F]]
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ bound: Int) -> Int { random.next(bound) }
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + next(24)) { bytes += pieces[next(pieces.count)] }
            // The reference: Unicode's maximal subparts (as `String(decoding:)` repairs them),
            // adjacent bad runs reported as one.
            var expected: [ByteSpan] = []
            var offset = 0
            for run in DocumentParser.utf8Runs(bytes) {
                switch run {
                case .valid(let length): offset += length
                case .invalid(let length):
                    if let last = expected.last, last.end == offset { expected[expected.count - 1] = ByteSpan(last.start, offset + length) } else { expected.append(ByteSpan(offset, offset + length)) }
                    offset += length
                }
            }
            for step in [1, 2, 3, 7, 1 << 30] {
                let document = Self.parse(bytes, step: step)
                #expect(Self.invalid(document) == expected, "\(bytes) step \(step)")
                #expect(document.allBlocks.map(\.text).joined().unicodeScalars.filter { $0 == "\u{FFFD}" }.isEmpty == expected.isEmpty, "\(bytes)")
            }
        }
    }

    @Test("Valid UTF-8, with or without BOM, raises nothing; the BOM is reported as the encoding")
    func validUTF8() {
        let text = Array("Note verbale\n\nLa Mission présente ses compliments — «Ж» 😀.\n".utf8)
        let plain = Self.parse(text, step: 3)
        #expect(Self.invalid(plain).isEmpty)
        #expect(plain.source.encoding == "utf-8")
        let bom = Self.parse([0xEF, 0xBB, 0xBF] + text, step: 1)
        #expect(Self.invalid(bom).isEmpty)
        #expect(bom.source.encoding == "utf-8-bom")
        #expect(bom.allBlocks.map(\.text) == plain.allBlocks.map(\.text))
    }

    @Test("UTF-16 LE and BE with BOM give the same text as UTF-8, in any chunking")
    func utf16() {
        let string = "Note verbale\r\n\r\nLa Mission présente «Ж» 😀 ses compliments.\n"
        let reference = Self.parse(Array(string.utf8)).allBlocks.map(\.text)
        let units = Array(string.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for step in [1, 3, 1 << 30] {
            let le = Self.parse(little, step: step)
            #expect(le.source.encoding == "utf-16le")
            #expect(le.source.bytes == little.count)
            #expect(le.allBlocks.map(\.text) == reference, "LE step \(step)")
            #expect(le.diagnostics.allSatisfy { $0.code != "invalid-utf16" })
            let be = Self.parse(big, step: step)
            #expect(be.source.encoding == "utf-16be")
            #expect(be.allBlocks.map(\.text) == reference, "BE step \(step)")
        }
    }

    @Test("Unpaired surrogates and an odd last byte in UTF-16 become U+FFFD with invalid-utf16")
    func utf16Broken() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x62, 0x00, 0x00, 0xDC, 0x63, 0x00, 0x64]
        let document = Self.parse(bytes, step: 1)
        let spans = document.diagnostics.filter { $0.code == "invalid-utf16" }.map(\.span)
        #expect(spans == [ByteSpan(4, 6), ByteSpan(8, 10), ByteSpan(12, 13)])
        #expect(document.allBlocks.map(\.text).joined() == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test("Windows-1252 only when asked for")
    func windows1252() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("q".utf8) + [0x94, 0x20, 0x80, 0x35]
        let declared = Self.parse(bytes, step: 2, encoding: .windows1252)
        #expect(declared.allBlocks.map(\.text) == ["Café “q” €5"])
        #expect(declared.source.encoding == "windows-1252")
        #expect(declared.diagnostics.isEmpty)
        let undeclared = Self.parse(bytes)
        #expect(Self.invalid(undeclared).count == 4)  // E9, 93, 94 and 80, each alone
        #expect(InputEncoding(name: "CP1252") == .windows1252)
        #expect(InputEncoding(name: "UTF_16LE") == .utf16LE)
        #expect(InputEncoding(name: "ebcdic") == nil)
    }

    @Test("Binary files and NUL bytes are refused with the detected type and what to do", arguments: [
        ([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37], "PDF"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG"),
        ([0xFF, 0xD8, 0xFF, 0xE0], "JPEG"),
        ([0x47, 0x49, 0x46, 0x38, 0x39, 0x61], "GIF"),
        ([0x7F, 0x45, 0x4C, 0x46, 0x02], "ELF"),
        ([0x1F, 0x8B, 0x08], "gzip"),
        ([0x41, 0x42, 0x00, 0x43], "NUL"),
        ([0x00], "NUL"),
        ([0x48, 0x00, 0x69, 0x00, 0x21, 0x00, 0x20, 0x00, 0x48, 0x00, 0x69, 0x00], "UTF-16"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00], "UTF-32"),
    ] as [([UInt8], String)])
    func refusals(bytes: [UInt8], phrase: String) {
        for step in [1, 1 << 30] {
            var parser = DocumentParser(path: "bin")
            var offset = 0
            while offset < bytes.count {
                parser.feed(Array(bytes[offset..<min(bytes.count, offset + step)]))
                offset += step
            }
            do {
                _ = try parser.finishThrowing()
                Issue.record("\(phrase): not refused")
            } catch {
                #expect(error.reason.contains(phrase), "\(error.reason)")
                #expect(error.path == "bin")
            }
        }
        let document = DocumentParser.parse(bytes: bytes, path: "bin")
        #expect(document.parts.isEmpty)
        #expect(document.diagnostics.map(\.code) == ["input-refused"])
        #expect(document.source.bytes == bytes.count)
        #expect(String(validating: JSONWriter.write(document), as: UTF8.self) != nil)
    }

    @Test("Text that merely starts like a signature is not refused")
    func nearMisses() {
        for text in ["PK is a name", "%PDF without dash", "GIF89 is not GIF89a", "BZh is short", "{\\rt"] {
            let document = DocumentParser.parse(bytes: Array(text.utf8), path: "t")
            #expect(!document.parts.isEmpty, "\(text)")
        }
    }
}
