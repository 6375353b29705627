import Foundation
import Testing
@testable import VerbaleKit

/// A stand-in for the document assembler, kept so the engine can be checked against the gold
/// file on its own: splits a PDF-converter text into blank-line-separated paragraphs, strips
/// `*`, `**`, `\` escapes and `<sup>N</sup>` through `MappedText` (so offsets stay exact), and
/// treats a paragraph that starts with `<sup>N</sup>` as footnote N.
enum SeedHarness {
    /// The shared folder (`../shared` from the repository root), found from this file's path.
    static func sharedRoot(_ file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file)
        // Tests/VerbaleKitTests/Citations/x.swift → repository root.
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// Reads a shared file, or explains why it cannot: nil outside CI, a failure under `CI=true`.
    static func read(_ relative: String) -> [UInt8]? {
        let url = sharedRoot().appendingPathComponent(relative)
        if let data = try? Data(contentsOf: url) { return [UInt8](data) }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("missing shared file \(url.path)")
        } else {
            print("skipping: \(url.path) not found (the shared folder is not next to the repository)")
        }
        return nil
    }

    /// Blocks of `bytes`, as the assembler would hand them to the engine.
    static func sources(_ bytes: [UInt8]) -> [CitationSource] {
        var sources: [CitationSource] = []
        var lines: [(Int, Int)] = []
        var start = 0
        for i in 0...bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                lines.append((start, i))
                start = i + 1
            }
        }
        var paragraph: [(Int, Int)] = []
        func flush() {
            defer { paragraph = [] }
            guard !paragraph.isEmpty else { return }
            let first = paragraph[0]
            let firstText = String(decoding: bytes[first.0..<first.1], as: UTF8.self)
            if firstText.trimmingCharacters(in: .whitespaces) == "---" { return }
            var text = MappedText()
            var footnote: Int? = nil
            for (index, line) in paragraph.enumerated() {
                var i = line.0
                if index == 0, let (number, end) = sup(bytes, i, line.1), end <= line.1 {
                    footnote = number
                    i = end
                    while i < line.1 && bytes[i] == 0x20 { i += 1 }
                }
                if index > 0 && !text.isEmpty { text.append(0x20, from: line.0 - 1) }
                while i < line.1 {
                    let c = bytes[i]
                    if c == 0x2A { i += 1; continue }
                    if c == 0x5C && i + 1 < line.1 { text.append(bytes[i + 1], from: i + 1); i += 2; continue }
                    if c == 0x3C, let (_, end) = sup(bytes, i, line.1) { i = end; continue }
                    text.append(c, from: i)
                    i += 1
                }
            }
            text.trimTrailingWhitespace()
            guard !text.isEmpty else { return }
            sources.append(CitationSource(block: "b_\(sources.count + 1)", footnote: footnote, text: text))
        }
        for line in lines {
            let blank = bytes[line.0..<line.1].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if blank { flush() } else { paragraph.append(line) }
        }
        flush()
        return sources
    }

    /// `<sup>N</sup>` at `i`: N and the end.
    static func sup(_ b: [UInt8], _ i: Int, _ limit: Int) -> (Int, Int)? {
        let open = Array("<sup>".utf8), close = Array("</sup>".utf8)
        guard i + open.count < limit, Array(b[i..<i + open.count]) == open else { return nil }
        var j = i + open.count
        var value = 0
        while j < limit && b[j] >= 0x30 && b[j] <= 0x39 { value = value * 10 + Int(b[j] - 0x30); j += 1 }
        guard j + close.count <= limit, Array(b[j..<j + close.count]) == close else { return nil }
        return (value, j + close.count)
    }

    /// A definition of `term` as meaning `meaning`, located in `bytes` at the first
    /// `(the "term")` after the meaning.
    static func definition(_ bytes: [UInt8], term: String, meaning: String) -> Definition? {
        guard let m = find(bytes, Array(meaning.utf8), from: 0), let t = find(bytes, Array(term.utf8), from: m + meaning.utf8.count) else { return nil }
        return Definition(term: term, meaning: meaning, start: m, end: t + term.utf8.count + 4,
                          termSpan: ByteSpan(t, t + term.utf8.count))
    }

    /// First occurrence of `needle` at or after `from`.
    static func find(_ hay: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = from
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && Array(hay[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// 1-based line of a byte offset.
    static func line(_ bytes: [UInt8], _ offset: Int) -> Int {
        var count = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { count += 1 }
        return count
    }

    /// The scorer's normalisation: quotes straightened, `*` dropped, spaces collapsed, lower case.
    static func norm(_ s: String?) -> String {
        guard let s else { return "" }
        var t = s.precomposedStringWithCanonicalMapping
        for (a, b) in [("\u{201C}", "\""), ("\u{201D}", "\""), ("\u{2019}", "'"), ("\u{2018}", "'"), ("*", ""), ("_", " ")] {
            t = t.replacingOccurrences(of: a, with: b)
        }
        return t.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ").lowercased()
    }

    /// The scorer's list comparison: numeric ranges written out.
    static func expand(_ items: [String]) -> [String] {
        var out: [String] = []
        for x in items {
            let parts = x.split(whereSeparator: { $0 == "-" || $0 == "\u{2013}" })
            if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), b >= a, b - a < 1000 {
                out += (a...b).map(String.init)
            } else { out.append(x) }
        }
        return out
    }

    /// The citations as the JSON the scorer reads (`{"citations": […]}`).
    static func json(_ citations: [Citation]) -> [String: Any] {
        var list: [[String: Any]] = []
        for c in citations {
            var o: [String: Any] = ["id": c.id, "kind": c.kind.rawValue, "text": c.text, "start": c.span.start,
                                    "end": c.span.end, "key": c.key]
            if let v = c.instrument { o["instrument"] = v }
            if let v = c.instrumentSource { o["instrumentSource"] = v }
            if !c.articles.isEmpty { o["articles"] = c.articles }
            if !c.paragraphs.isEmpty { o["paragraphs"] = c.paragraphs }
            if !c.subparagraphs.isEmpty { o["subparagraphs"] = c.subparagraphs }
            if let v = c.number { o["number"] = c.kind == .communication ? (Int(v) as Any) : v }
            for (k, v) in [("signal", c.signal), ("body", c.body), ("court", c.court), ("date", c.date), ("symbol", c.symbol),
                           ("type", c.type), ("country", c.country), ("scheme", c.scheme), ("encodedDate", c.encodedDate),
                           ("label", c.label), ("exhibit", c.exhibit), ("title", c.title), ("antecedent", c.antecedent),
                           ("part", c.part), ("chapter", c.chapter), ("section", c.section)] {
                if let v { o[k] = v }
            }
            if let v = c.year { o["year"] = v }
            if let v = c.valid { o["valid"] = v }
            list.append(o)
        }
        return ["citations": list]
    }
}

/// The acceptance test: every gold citation of the seed, with its fields, and no extras.
@Suite("Citation seed gold")
struct CitationSeedTests {
    /// Scans the seed through the harness.
    static func scanSeed() -> (bytes: [UInt8], citations: [Citation])? {
        guard let bytes = SeedHarness.read("corpus/seed/000_43be0010ffe11e27.txt") else { return nil }
        var definitions: [Definition] = []
        if let d = SeedHarness.definition(bytes, term: "ICCPR", meaning: "International Covenant on Civil and Political Rights") {
            definitions.append(d)
        }
        if let d = SeedHarness.definition(bytes, term: "Law on State Registration",
                                          meaning: "Republic's Law on State Registration of Legal Entities and the Registration of Branches and Representative Offices of April 17, 1995,") {
            definitions.append(d)
        }
        let citations = CitationEngine.scan(SeedHarness.sources(bytes), definitions: definitions)
        return (bytes, citations)
    }

    @Test("Citation: seed gold citations found with right fields, no extras")
    func seedGold() throws {
        guard let (bytes, citations) = Self.scanSeed(),
              let goldBytes = SeedHarness.read("gold/000_43be0010ffe11e27.gold.json") else { return }
        if let path = ProcessInfo.processInfo.environment["VERBALE_CITE_DUMP"] {
            let data = try JSONSerialization.data(withJSONObject: SeedHarness.json(citations), options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: path))
        }
        let gold = try #require(try JSONSerialization.jsonObject(with: Data(goldBytes)) as? [String: Any])
        let expected = try #require(gold["citations"] as? [[String: Any]])
        let byId = Dictionary(uniqueKeysWithValues: citations.map { ($0.id, $0) })
        var used = Set<Int>()
        var found = 0, fieldsRight = 0
        var problems: [String] = []
        for g in expected {
            let kind = g["kind"] as? String ?? ""
            let line = g["line"] as? Int ?? 0
            var match: Int? = nil
            for (i, p) in citations.enumerated() where !used.contains(i) && p.kind.rawValue == kind
                && SeedHarness.line(bytes, p.span.start) == line {
                if kind == "id" {
                    if let want = g["antecedent_contains"] as? String {
                        guard let a = p.antecedent.flatMap({ byId[$0] }), SeedHarness.norm(a.text).contains(SeedHarness.norm(want)) else { continue }
                    }
                } else {
                    let t = SeedHarness.norm(p.text), c = SeedHarness.norm(g["contains"] as? String)
                    guard !t.isEmpty, t.contains(c) || c.contains(t) else { continue }
                }
                match = i
                break
            }
            guard let m = match else { problems.append("missed \(kind)@\(line): \(g["contains"] ?? g["antecedent_contains"] ?? "")"); continue }
            used.insert(m)
            found += 1
            let p = citations[m]
            var ok = true
            if let has = g["instrument_has"] as? String, !SeedHarness.norm(p.instrument).contains(SeedHarness.norm(has)) { ok = false }
            if let exact = g["instrument_is"] as? String, SeedHarness.norm(p.instrument) != SeedHarness.norm(exact) { ok = false }
            if let a = g["articles"] as? [String], SeedHarness.expand(p.articles) != SeedHarness.expand(a) { ok = false }
            if let a = g["paragraphs"] as? [String], SeedHarness.expand(p.paragraphs) != SeedHarness.expand(a) { ok = false }
            if let fields = g["fields"] as? [String: Any] {
                let json = (SeedHarness.json([p])["citations"] as? [[String: Any]])?.first ?? [:]
                for (k, v) in fields {
                    if k == "valid" {
                        if (json[k] as? Bool) != (v as? Bool) { ok = false }
                    } else if let s = v as? String {
                        if SeedHarness.norm(json[k] as? String) != SeedHarness.norm(s) { ok = false }
                    } else if let i = v as? Int {
                        if json[k] as? Int != i { ok = false }
                    } else {
                        ok = false
                    }
                }
            }
            if ok { fieldsRight += 1 } else { problems.append("wrong fields \(kind)@\(line): \(p)") }
        }
        let strict: Set<CitationKind> = [.article, .exhibit, .case, .registration, .resolution, .communication, .id, .document]
        let extras = citations.enumerated().filter { !used.contains($0.offset) && strict.contains($0.element.kind) }
        for e in extras { problems.append("extra \(e.element.kind)@\(SeedHarness.line(bytes, e.element.span.start)): \(e.element.text)") }
        print("seed gold: found \(found)/\(expected.count), fields right \(fieldsRight)/\(found), extras \(extras.count)")
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(found == expected.count)
        #expect(fieldsRight == found)
        #expect(extras.isEmpty)
    }

    @Test("Citation: seed spans point at the source bytes of their text")
    func seedSpans() {
        guard let (bytes, citations) = Self.scanSeed() else { return }
        for c in citations {
            // Markup (`*`) may sit inside a span; with it removed the source equals the text.
            let source = String(decoding: bytes[c.span.start..<c.span.end], as: UTF8.self)
                .replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "\n", with: " ")
            #expect(source == c.text, "\(c.id): \(source) vs \(c.text)")
        }
        #expect(citations.map(\.id) == (0..<citations.count).map { "c_\($0 + 1)" })
        #expect(citations.map(\.span.start) == citations.map(\.span.start).sorted())
    }
}
