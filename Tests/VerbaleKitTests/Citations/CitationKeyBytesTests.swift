import Testing
@testable import VerbaleKit

/// Keys, ids and slugs are written as bytes for speed; they must equal the String forms they
/// replaced, which are kept here as the reference.
@Suite("Citation keys written as bytes")
struct CitationKeyBytesTests {
    /// The String-built canonical list `CiteKeys.list` replaced.
    static func referenceList(_ items: [String]) -> String {
        var parts: [String] = []
        var k = 0
        while k < items.count {
            let raw = items[k]
            if let first = Int(raw) {
                var last = first
                var m = k + 1
                while m < items.count, let v = Int(items[m]), v == last + 1 { last = v; m += 1 }
                parts.append(last > first ? "\(first)-\(last)" : "\(first)")
                k = m
            } else {
                parts.append(String(String.UnicodeScalarView(raw.lowercased().unicodeScalars.map { $0 == " " ? "-" : $0 })))
                k += 1
            }
        }
        return parts.joined(separator: ",")
    }

    /// The scalar-by-scalar slug, the only path before the ASCII one.
    static func referenceSlug(_ s: String) -> String {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var pendingDash = false
        var i = 0
        while i < b.count {
            let (u, n) = CiteText.fold(b, i)
            i += n
            if CiteText.isAlnum(u) {
                if pendingDash && !out.isEmpty { out.append(0x2D) }
                pendingDash = false
                CiteText.appendUTF8(u, to: &out)
            } else if u != CiteText.apostrophe {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("Lists match the String form", arguments: [
        ["19"], ["1", "2"], ["1", "2", "3", "5"], ["05", "6"], ["6 bis", "7"], ["IV", "V"], ["a", "b", "c"],
        ["20a", "21"], ["+3", "4"], ["-1", "0"], ["", "2"], ["Ä b", "1"], ["1000", "1001", "1002"], [],
    ])
    func lists(_ items: [String]) {
        #expect(CiteKeys.list(items) == Self.referenceList(items))
    }

    @Test("Article keys match the String form")
    func articleKeys() {
        let key = CiteKeys.article(slug: "iccpr", articles: ["19", "20"], paragraphs: ["3"], subparagraphs: ["a", "b"])
        #expect(key == "iccpr/art19-20/para3/suba,b")
        #expect(CiteKeys.article(slug: "unknown", articles: ["6 bis"], paragraphs: [], subparagraphs: []) == "unknown/art6-bis")
    }

    @Test("Decimals match interpolation")
    func decimals() {
        for v in [0, 1, 9, 10, 99, 100, 12345, Int.max, -1, -250, Int.min] {
            var out: [UInt8] = []
            ByteDecimal.append(v, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "\(v)")
        }
    }

    @Test("Slugs match the scalar path", arguments: [
        "International Covenant on Civil and Political Rights", "Law No. 123-V of 2021", "Republic's Law",
        "  leading and trailing  ", "A\tB\nC", "", "'", "---", "Code (Criminal) §5", "Закон о СМИ",
        "Loi n° 2010-1192", "Café Act", "ICCPR",
    ])
    func slugs(_ name: String) {
        #expect(CiteText.slug(name) == Self.referenceSlug(name))
    }
}
