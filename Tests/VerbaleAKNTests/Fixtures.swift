import Foundation
import Testing
@testable import VerbaleAKN
@testable import VerbaleKit

/// Paths to the shared material and the schema, compiled once for all tests.
enum Fixtures {
    /// The repository root, from this file's real path (symlinks resolved).
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared` beside the repository.
    static let shared: URL = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    /// The OASIS schema.
    static let schemaPath: String = shared.appendingPathComponent("schema/akn/akomantoso30.xsd").path
    static let schemaExists: Bool = FileManager.default.fileExists(atPath: schemaPath)
    /// Under CI a missing schema is a failure, elsewhere a skip (a stranger's clone still passes).
    static let isCI: Bool = ProcessInfo.processInfo.environment["CI"] == "true"
    static let runSchemaTests: Bool = {
        if !schemaExists && !isCI {
            print("note: skipping Akoma Ntoso schema tests: \(schemaPath) is missing (set CI=true to make this a failure)")
        }
        return schemaExists || isCI
    }()
    /// The schema, compiled once (about 0.4 s).
    static let schema: AKNSchema? = schemaExists ? try? AKNSchema(path: schemaPath) : nil

    /// Validates with the schema and the reference check; records every problem.
    static func expectValid(_ xml: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let schema = try #require(Fixtures.schema, "schema missing at \(schemaPath)", sourceLocation: sourceLocation)
        let issues = schema.validate(xml)
        #expect(issues.isEmpty, "\(label): \(issues.prefix(5).map(\.description).joined(separator: "; "))", sourceLocation: sourceLocation)
        let dangling = AKNReferenceCheck.check(xml)
        #expect(dangling.isEmpty, "\(label): \(dangling.prefix(5).map(\.description).joined(separator: "; "))", sourceLocation: sourceLocation)
    }
}

/// Builds a hand-made document over a synthetic source, with exact spans and byte maps.
struct DocumentBuilder {
    var source: [UInt8] = []
    var parts: [Part] = []
    var blocks: [Block] = []
    var citations: [Citation] = []
    var footnotes: [Footnote] = []
    var questions: [Question] = []
    /// Whether blocks get their byte map (the parser's way) or only text (fallback placement).
    var withMaps = true

    /// Appends a source line and a block over it; `<sup>N</sup>` and `*` are stripped from the text.
    @discardableResult
    mutating func block(_ kind: BlockKind, _ line: String, question: String? = nil, role: String? = nil, footnote: Int? = nil) -> Block {
        let start = source.count
        source.append(contentsOf: Array(line.utf8))
        let end = source.count
        source.append(0x0A)
        var mapped = MappedText()
        var index = start
        let open = Array("<sup>".utf8)
        let close = Array("</sup>".utf8)
        while index < end {
            if source[index...].starts(with: open), let closing = firstIndex(of: close, from: index) {
                index = closing + close.count
                while index < end, footnote != nil, source[index] == 0x20 { index += 1 }
                continue
            }
            if source[index] == UInt8(ascii: "*") { index += 1; continue }
            mapped.append(source[index], from: index)
            index += 1
        }
        let id = "b_\(blocks.count + 1)"
        var block = Block(id: id, kind: kind, text: mapped.string, spans: [ByteSpan(start, end)],
                          mapped: withMaps ? mapped : MappedText())
        block.question = question
        block.role = role
        block.footnote = footnote
        blocks.append(block)
        return block
    }

    private func firstIndex(of needle: [UInt8], from: Int) -> Int? {
        var index = from
        while index + needle.count <= source.count {
            if source[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Span of the `occurrence`-th `text` in the source at or after `from`.
    func span(of text: String, from: Int = 0, occurrence: Int = 1) -> ByteSpan {
        let needle = Array(text.utf8)
        var start = from
        var seen = 0
        while let found = firstIndex(of: needle, from: start) {
            seen += 1
            if seen == occurrence { return ByteSpan(found, found + needle.count) }
            start = found + 1
        }
        Issue.record("\(text) not in source")
        return ByteSpan(0, 0)
    }

    /// Adds a citation of `text` (its next occurrence after `from`) in the last block containing it.
    @discardableResult
    mutating func cite(_ kind: CitationKind, _ text: String, from: Int = 0, key: String, configure: (inout Citation) -> Void = { _ in }) -> Citation {
        var citation = Citation(kind: kind, text: text, span: span(of: text, from: from))
        citation.id = "c_\(citations.count + 1)"
        citation.key = key
        citation.block = blocks.first { $0.spans.contains { $0.start <= citation.span.start && citation.span.end <= $0.end } }?.id
        configure(&citation)
        citations.append(citation)
        return citation
    }

    /// Closes the blocks added since the last part into a part.
    mutating func part(_ kind: PartKind, date: String?, dateText: String?, from: String?, to: String?,
                       reference: String?, signatory: Signatory? = nil) {
        let used = parts.reduce(0) { $0 + $1.blocks.count }
        let mine = Array(blocks[used...])
        parts.append(Part(id: "part_\(parts.count + 1)", kind: kind, start: mine.first?.start ?? source.count,
                          end: mine.last?.end ?? source.count, language: "en", date: date, dateText: dateText,
                          place: nil, from: from, to: to, reference: reference, signatory: signatory, blocks: mine))
    }

    var document: Document {
        Document(source: SourceInfo(path: "hand.txt", bytes: source.count, sha256: "", format: "markdown", encoding: "utf-8"),
                 language: "en", parts: parts, sections: [], questions: questions, footnotes: footnotes,
                 citations: citations, definitions: [], exhibits: [], diagnostics: [], lineTable: LineTable())
    }
}

extension Fixtures {
    /// A note verbale transmitting a letter with two question pairs, one footnote called out
    /// twice, citations with a range, a list and an `Id.`, and hostile text.
    static func handMade(withMaps: Bool = true, noteDate: String = "2019-12-23") -> Document {
        var b = DocumentBuilder()
        b.withMaps = withMaps
        b.block(.reference, "Réf. № 20-404")
        b.block(.paragraph, "The Permanent Mission presents its compliments to the OHCHR and in reference to letter AL KAZ 4/2019 transmits a response.")
        b.block(.dateline, "Geneva, December « 23 », 2019")
        b.part(.noteVerbale, date: noteDate, dateText: "December « 23 », 2019",
               from: "Permanent Mission of the Republic of Kazakhstan", to: "OHCHR", reference: "20-404")
        b.block(.salutation, "Dear High Commissioner,")
        b.block(.paragraph, "*See* Art. 20, ¶¶ 1-2, Art. 32. *See* Law on Equality, Art. 4, 9, 10, 12.<sup>1</sup> *Id.* Hostile: ]]> \"quoted\" <tag> & \u{1}bell\u{7F}.")
        b.block(.paragraph, "**Question 1:** *Please explain.*", question: "q_1", role: "question")
        b.block(.paragraph, "**Response:** See Exhibit 1.<sup>1</sup>", question: "q_1", role: "response")
        b.block(.paragraph, "**Questions 6 and 7:** *Why?*", question: "q_2", role: "question")
        b.block(.paragraph, "**Response:** Because.", question: "q_2", role: "response")
        b.block(.signature, "Respectfully, Minister of Justice Marat Beketayev")
        b.block(.footnote, "<sup>1</sup> While the ICCPR protects expression, see ICCPR Art. 19 ¶ 3.", footnote: 1)
        b.part(.letter, date: "2019-12-19", dateText: "December 19, 2019", from: "Minister of Justice of the Republic of Kazakhstan",
               to: "Office of the High Commissioner for Human Rights", reference: "00710",
               signatory: Signatory(name: "Marat Beketayev", title: "Minister of Justice"))

        b.cite(.communication, "AL KAZ 4/2019", key: "AL/KAZ/4/2019") { $0.country = "KAZ"; $0.type = "AL"; $0.number = "4"; $0.year = 2019 }
        let range = b.cite(.article, "Art. 20, ¶¶ 1-2", key: "kaz-constitution:art-20:para-1-2") {
            $0.instrument = "Constitution of the Republic of Kazakhstan"; $0.articles = ["20"]; $0.paragraphs = ["1", "2"]; $0.range = ["1", "2"]
        }
        b.cite(.article, "Art. 32", from: range.span.end, key: "kaz-constitution:art-32") {
            $0.instrument = "Constitution of the Republic of Kazakhstan"; $0.articles = ["32"]
        }
        let list = b.cite(.article, "Art. 4, 9, 10, 12", key: "kaz-equality-law:art-4,9,10,12") {
            $0.instrument = "Law on Equality"; $0.articles = ["4", "9", "10", "12"]
        }
        b.cite(.id, "Id.", from: list.span.end, key: "") { $0.antecedent = list.id }
        b.cite(.exhibit, "Exhibit 1", key: "exhibit:1") { $0.label = "Exhibit"; $0.exhibit = "1" }
        b.cite(.article, "ICCPR Art. 19 ¶ 3", key: "iccpr:art-19:para-3") {
            $0.instrument = "International Covenant on Civil and Political Rights"; $0.articles = ["19"]; $0.paragraphs = ["3"]; $0.footnote = 1
        }
        let first = b.span(of: "<sup>1</sup>", occurrence: 1)
        let second = b.span(of: "<sup>1</sup>", occurrence: 2)
        let noteBlock = b.blocks[b.blocks.count - 1]
        b.footnotes = [Footnote(id: "fn_1", number: 1, text: noteBlock.text, start: noteBlock.start, end: noteBlock.end,
                                references: [first, second])]
        let q1 = b.blocks[6], r1 = b.blocks[7], q2 = b.blocks[8], r2 = b.blocks[9]
        b.questions = [
            Question(id: "q_1", numbers: [1], question: q1.text, response: r1.text, start: q1.start, end: r1.end, responseStart: r1.start),
            Question(id: "q_2", numbers: [6, 7], question: q2.text, response: r2.text, start: q2.start, end: r2.end, responseStart: r2.start),
        ]
        return b.document
    }
}
