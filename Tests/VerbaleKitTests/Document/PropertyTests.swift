import Testing
@testable import VerbaleKit

/// Invariants that hold for every input: nothing lost, spans inside the input, determinism.
@Suite("Document invariants")
struct PropertyTests {
    /// Every non-whitespace byte is inside exactly one block span.
    static func checkCoverage(_ bytes: [UInt8], _ document: Document, name: String) {
        var owners = [UInt8](repeating: 0, count: bytes.count)
        for block in document.allBlocks {
            for span in block.spans {
                #expect(span.start >= 0 && span.end <= bytes.count, "\(name): span out of range")
                for offset in span.start..<min(span.end, bytes.count) where owners[offset] < 255 { owners[offset] += 1 }
            }
        }
        var lost: [Int] = []
        var doubled: [Int] = []
        for (offset, byte) in bytes.enumerated() where !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) {
            if owners[offset] == 0 { lost.append(offset) } else if owners[offset] > 1 { doubled.append(offset) }
        }
        #expect(lost.isEmpty, "\(name): \(lost.count) bytes in no block, first at \(lost.first ?? -1)")
        #expect(doubled.isEmpty, "\(name): \(doubled.count) bytes in two blocks, first at \(doubled.first ?? -1)")
    }

    static func corpusFiles() -> [String] {
        var files = Paths.list(Paths.repository + "/corpus/documents").map { Paths.repository + "/corpus/documents/" + $0 }
        if Paths.sharedAvailable("shared corpus invariants") {
            files += Paths.list(Paths.shared + "/corpus/public").map { Paths.shared + "/corpus/public/" + $0 }
        }
        return files
    }

    @Test("Every byte of every corpus document lands in exactly one block")
    func coverage() {
        for path in Self.corpusFiles() {
            let bytes = Paths.read(path)
            Self.checkCoverage(bytes, DocumentParser.parse(bytes: bytes, path: path), name: path)
        }
    }

    @Test("Same input, same output bytes; chunking does not matter")
    func determinism() {
        for path in Self.corpusFiles() {
            let bytes = Paths.read(path)
            let once = JSONWriter.write(DocumentParser.parse(bytes: bytes, path: "x"))
            var parser = DocumentParser(path: "x")
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 777)
                parser.feed(Array(bytes[offset..<end]))
                offset = end
            }
            let chunked = JSONWriter.write(parser.finish())
            #expect(once == chunked, "\(path)")
        }
    }

    @Test("Generated shapes keep the invariants", arguments: [
        "", "   \n\n  ", "<sup>1</sup", "**never closed", "Question 99999999999999999999: what?",
        "a\r\nb\rc\n", "---\n---\n---", "<sup>1</sup> note without call-out", "x\u{0C}y\u{0C}\u{0C}z",
        "Id. Id. Id. Id.", "1 2 3\n4 5 6", "_\n*\n-",
    ])
    func generated(text: String) {
        let bytes = Array(text.utf8)
        let document = DocumentParser.parse(bytes: bytes, path: "generated")
        Self.checkCoverage(bytes, document, name: text.debugDescription)
        #expect(document.source.bytes == bytes.count)
    }

    @Test("SHA-256 of known strings")
    func sha256() {
        var empty = SHA256()
        empty.update([UInt8]())
        #expect(empty.hexDigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var abc = SHA256()
        abc.update(Array("abc".utf8))
        #expect(abc.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var long = SHA256()
        for _ in 0..<1000 { long.update(Array("a".utf8)) }
        #expect(long.hexDigest() == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
