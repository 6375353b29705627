import Foundation
import Testing
@testable import VerbaleIndex
import VerbaleKit

// Expected values come from reading corpus/documents/000_43be0010ffe11e27.txt (the seed):
// line 39 cites "Article 19 of the ICCPR" and "ICCPR, Art. 19, ¶ 2"; footnote 1 (line 61) cites
// "ICCPR Art. 19 ¶ 3"; line 14 answers "AL KAZ 4/2019"; line 37 cites "Criminal Code, Special
// Part, Ch. 3, Art. 145" and "Criminal Code, § 1, Art. 16, ¶ 4"; Exhibits 1–6 and 8 are cited
// (Exhibit 8 on line 137) but never Exhibit 7; "peaceful assembly" is on line 87 and footnote 3
// (line 107) names the Law on … Holding Peaceful Meetings.

@Suite("Citation index: queries on the corpus")
struct CitationIndexQueryTests {
    @Test("cites \"ICCPR art. 19\" finds every ICCPR Art. 19 citation of the seed, whatever the paragraph")
    func citesArticle() throws {
        let (index, _, scratch) = try Fixtures.corpusIndex("article")
        defer { Fixtures.remove(scratch) }
        let rows = Fixtures.rows(try index.query(.cites("ICCPR art. 19")))
        #expect(rows.map(\.0) == [39, 39, 61])
        #expect(rows.map(\.1) == ["Article 19 of the ICCPR", "ICCPR, Art. 19, ¶ 2", "ICCPR Art. 19 ¶ 3"])
    }

    @Test("cites \"ICCPR art. 19(3)\" finds only the ¶ 3 citation, in footnote 1")
    func citesParagraph() throws {
        let (index, _, scratch) = try Fixtures.corpusIndex("paragraph")
        defer { Fixtures.remove(scratch) }
        let result = try index.query(.cites("ICCPR art. 19(3)"))
        let rows = Fixtures.rows(result)
        #expect(rows.map(\.0) == [61])
        #expect(rows.map(\.1) == ["ICCPR Art. 19 ¶ 3"])
        let footnotes = Fixtures.rows(result, text: "footnote").map(\.1)
        #expect(footnotes == ["1"])
        // Every row, of every document, is a ¶ 3 of ICCPR article 19.
        #expect(result.column("key").allSatisfy { $0 == .text("iccpr/art19/para3") })
    }

    @Test("the same pinpoint written another way gives the same rows")
    func spellings() throws {
        let (index, _, scratch) = try Fixtures.corpusIndex("spellings")
        defer { Fixtures.remove(scratch) }
        let a = Fixtures.rows(try index.query(.cites("ICCPR art. 19(3)")))
        let b = Fixtures.rows(try index.query(.cites("article 19, paragraph 3 of the International Covenant on Civil and Political Rights")))
        #expect(a.map(\.0) == b.map(\.0))
        let byKey = Fixtures.rows(try index.query(.key("iccpr/art19")))
        #expect(byKey.map(\.0) == [39, 39, 61])
    }

    @Test("communication \"AL KAZ 4/2019\" finds the seed on line 14")
    func communication() throws {
        let (index, _, scratch) = try Fixtures.corpusIndex("communication")
        defer { Fixtures.remove(scratch) }
        let result = try index.query(.communication("AL KAZ 4/2019"))
        #expect(Fixtures.rows(result).map(\.0) == [14])
        #expect(Fixtures.rows(result).map(\.1) == ["AL KAZ 4/2019"])
        #expect(throws: QueryError.self) { try index.query(.communication("Criminal Code")) }
    }

    @Test("instrument \"Criminal Code\" finds the seed's Criminal Code articles on line 37")
    func instrument() throws {
        let (index, _, scratch) = try Fixtures.corpusIndex("instrument")
        defer { Fixtures.remove(scratch) }
        let rows = Fixtures.rows(try index.query(.instrument("Criminal Code")))
        #expect(rows.contains { $0.0 == 37 && $0.1 == "Criminal Code, Special Part, Ch. 3, Art. 145" })
        #expect(rows.contains { $0.0 == 37 && $0.1 == "Criminal Code, § 1, Art. 16, ¶ 4" })
        #expect(!rows.contains { $0.1.contains("ICCPR") })
    }

    @Test("text queries use FTS5: a word, a phrase, and FTS5 syntax")
    func text() throws {
        let (index, _, scratch) = try Fixtures.corpusIndex("text")
        defer { Fixtures.remove(scratch) }
        let word = Fixtures.rows(try index.query(.text("peaceful")), text: "snippet")
        #expect(word.contains { $0.0 == 107 })
        #expect(word.allSatisfy { $0.1.lowercased().contains("[peaceful]") })
        let phrase = Fixtures.rows(try index.query(.text("peaceful assembly")), text: "snippet")
        #expect(phrase.map(\.0).contains(87))
        #expect(!phrase.map(\.0).contains(107))  // "Peaceful Meetings" is not the phrase
        let prefix = Fixtures.rows(try index.query(.text("peaceful*")), text: "snippet")
        // "assemble peacefully" is on line 43, where the paragraph of line 39 goes on after the
        // page break of line 41: a text match reports the line its block starts on.
        #expect(prefix.map(\.0).contains(39))
        #expect(!word.map(\.0).contains(39))
        #expect(throws: QueryError.self) { try index.query(.text("\"unbalanced")) }
    }

    @Test("exhibit-gaps reports the seed's missing Exhibit 7")
    func exhibitGaps() throws {
        let (index, _, scratch) = try Fixtures.corpusIndex("gaps")
        defer { Fixtures.remove(scratch) }
        let result = try index.query(.exhibitGaps)
        let messages = Fixtures.rows(result, text: "message")
        let codes = Fixtures.rows(result, text: "code")
        #expect(zip(messages, codes).contains { $0.0 == 137 && $0.1.contains("Exhibit 7") && $1.1 == "exhibit-gap" })
        #expect(codes.allSatisfy { ["exhibit-gap", "exhibit-not-enclosed"].contains($0.1) })
    }

    @Test("a query with no citation is the user's error")
    func badQuery() throws {
        let (index, _, scratch) = try Fixtures.corpusIndex("bad-query")
        defer { Fixtures.remove(scratch) }
        #expect(throws: QueryError.self) { try index.query(.cites("hello world")) }
    }
}

@Suite("Citation index: loading, replacing, merging")
struct CitationIndexLoadTests {
    @Test("re-indexing the same documents replaces their rows instead of adding to them")
    func reindex() throws {
        let (index, jsonDirectory, scratch) = try Fixtures.corpusIndex("reindex")
        defer { Fixtures.remove(scratch) }
        let before = try Fixtures.counts(index)
        #expect(before["citations"]! > 0 && before["paragraphs"]! > 0 && before["citation_pinpoints"]! > 0)
        let report = try index.load([jsonDirectory])
        #expect(report.replaced == Fixtures.corpusPaths.count)
        #expect(try Fixtures.counts(index) == before)
        #expect(Fixtures.rows(try index.query(.cites("ICCPR art. 19"))).count == 3)
        #expect(Fixtures.rows(try index.query(.text("peaceful assembly")), text: "snippet").map(\.0).filter { $0 == 87 }.count == 1)
        try Fixtures.checkIntegrity(index)
    }

    @Test("rows match the JSON: one document row, one citation row per JSON citation")
    func rowsMatchJSON() throws {
        let directory = Fixtures.temporaryDirectory("rows")
        defer { Fixtures.remove(directory) }
        let index = try CitationIndex(path: directory + "/index.sqlite")
        let bytes = Fixtures.json(of: Fixtures.seedPath)
        let document = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        try index.add(json: bytes, jsonPath: "seed.json")
        let citations = (document["citations"] as! [Any]).count
        let blocks = (document["parts"] as! [[String: Any]]).map { ($0["blocks"] as! [Any]).count }.reduce(0, +)
        let counts = try Fixtures.counts(index)
        #expect(counts["documents"] == 1)
        #expect(counts["citations"] == Int64(citations))
        #expect(counts["paragraphs"] == Int64(blocks))
        #expect(counts["exhibits"] == 7)  // Exhibits 1–6 and 8
        let row = try index.database.rows("SELECT path, sha256, bytes, language FROM documents")
        let source = document["source"] as! [String: Any]
        #expect(row.first == [.text(Fixtures.seedPath), .text(source["sha256"] as! String),
                              .integer(Int64(source["bytes"] as! Int)), .text("en")])
        // Every citation inside a block is linked to it; the footnote-1 one to a footnote block.
        let linked = try index.database.scalar("""
        SELECT p.kind FROM citations c JOIN paragraphs p ON p.id = c.paragraph_id WHERE c.text = 'ICCPR Art. 19 ¶ 3'
        """)
        #expect(linked == .text("footnote"))
        // The article×paragraph pinpoints of a multi-article citation.
        let pinpoints = try index.database.rows("""
        SELECT pp.key FROM citation_pinpoints pp JOIN citations c ON c.id = pp.citation_id
        WHERE c.key = 'constitution/art20/para1-2' ORDER BY pp.key
        """)
        #expect(pinpoints == [[.text("constitution/art20/para1")], [.text("constitution/art20/para2")]])
        try Fixtures.checkIntegrity(index)
    }

    @Test("add(Document) gives the rows of the JSON path")
    func addDocument() throws {
        let directory = Fixtures.temporaryDirectory("add-document")
        defer { Fixtures.remove(directory) }
        let viaJSON = try CitationIndex(path: directory + "/a.sqlite")
        try viaJSON.add(json: Fixtures.json(of: Fixtures.seedPath), jsonPath: "seed.json")
        let viaDocument = try CitationIndex(path: directory + "/b.sqlite")
        let bytes = [UInt8](FileManager.default.contents(atPath: Fixtures.repository + "/" + Fixtures.seedPath)!)
        try viaDocument.add(DocumentParser.parse(bytes: bytes, path: Fixtures.seedPath), jsonPath: "seed.json")
        #expect(try Fixtures.counts(viaJSON) == Fixtures.counts(viaDocument))
        #expect(try viaDocument.remove(path: Fixtures.seedPath))
        #expect(try Fixtures.counts(viaDocument).values.allSatisfy { $0 == 0 })
    }

    @Test("a bad file is reported with its path and skipped; the good ones are indexed")
    func badFiles() throws {
        let directory = Fixtures.temporaryDirectory("bad")
        defer { Fixtures.remove(directory) }
        let json = directory + "/json"
        try FileManager.default.createDirectory(atPath: json, withIntermediateDirectories: true)
        Fixtures.convert([(Fixtures.seedPath, Fixtures.seedPath)], into: json)
        Fixtures.write(json + "/broken.json", "{\"schema\": \"verbale/1\", ")
        Fixtures.write(json + "/other.json", "{\"schema\": \"other/2\"}")
        Fixtures.write(json + "/array.json", "[1, 2]")
        Fixtures.write(json + "/nosource.json", "{\"schema\": \"verbale/1\"}")
        Fixtures.write(json + "/manifest.jsonl", "{}\n")
        let index = try CitationIndex(path: directory + "/index.sqlite")
        let report = try index.load([json])
        #expect(report.documents == 1)
        #expect(Set(report.failures.map { ($0.path as NSString).lastPathComponent }) == ["broken.json", "other.json", "array.json", "nosource.json"])
        #expect(report.failures.allSatisfy { !$0.reason.isEmpty })
        #expect(Fixtures.rows(try index.query(.cites("ICCPR art. 19"))).count == 3)
        let missing = try index.load([directory + "/nowhere"])
        #expect(missing.failures.count == 1 && missing.documents == 0)
    }

    @Test("merging two shards gives the union; a document in both is kept once")
    func merge() throws {
        let directory = Fixtures.temporaryDirectory("merge")
        defer { Fixtures.remove(directory) }
        for shard in ["a", "b", "all"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + shard, withIntermediateDirectories: true)
        }
        // Shard a: the seed as a/seed.txt; shard b: the seed again as b/seed.txt, plus the corpus.
        let inputsA = [(Fixtures.seedPath, "a/seed.txt")]
        let inputsB = [(Fixtures.seedPath, "b/seed.txt")] + Fixtures.corpusPaths.map { ($0, $0) }
        Fixtures.convert(inputsA, into: directory + "/a")
        Fixtures.convert(inputsB, into: directory + "/b")
        let shardA = try CitationIndex(path: directory + "/a.sqlite")
        _ = try shardA.load([directory + "/a"])
        let shardB = try CitationIndex(path: directory + "/b.sqlite")
        _ = try shardB.load([directory + "/b"])
        Fixtures.convert(inputsA + inputsB, into: directory + "/all")
        let direct = try CitationIndex(path: directory + "/direct.sqlite")
        _ = try direct.load([directory + "/all"])

        let merged = try CitationIndex(path: directory + "/merged.sqlite")
        // Something already there, to check ids are shifted past it and a/seed.txt is replaced.
        try merged.add(json: Fixtures.json(of: Fixtures.seedPath, recordedAs: "a/seed.txt"), jsonPath: "old.json")
        let copied = try merged.merge(shards: [directory + "/a.sqlite", directory + "/b.sqlite"])
        #expect(copied == inputsA.count + inputsB.count)
        #expect(try Fixtures.counts(merged) == Fixtures.counts(direct))
        try Fixtures.checkIntegrity(merged)

        let cites = try merged.query(.cites("ICCPR art. 19"))
        for path in ["a/seed.txt", "b/seed.txt", Fixtures.seedPath] {
            #expect(Fixtures.rows(cites, path: path).map(\.0) == [39, 39, 61])
        }
        let text = try merged.query(.text("peaceful assembly"))
        for path in ["a/seed.txt", "b/seed.txt"] {
            #expect(Fixtures.rows(text, path: path, text: "snippet").map(\.0).contains(87))
        }
        // Merging the same shard again changes nothing.
        try merged.merge(shards: [directory + "/a.sqlite"])
        #expect(try Fixtures.counts(merged) == Fixtures.counts(direct))
        #expect(throws: (any Error).self) { try merged.merge(shards: [directory + "/a"]) }
    }

    @Test("an index opened read-only answers queries and refuses a non-index file")
    func readOnly() throws {
        let (_, _, directory) = try Fixtures.corpusIndex("read-only")
        defer { Fixtures.remove(directory) }
        let index = try CitationIndex(path: directory + "/index.sqlite", readOnly: true)
        #expect(Fixtures.rows(try index.query(.communication("AL KAZ 4/2019"))).map(\.0) == [14])
        let other = directory + "/other.sqlite"
        let database = try SQLiteDatabase(path: other)
        try database.execute("CREATE TABLE t (x)")
        #expect(throws: SQLiteError.self) { try CitationIndex(path: other, readOnly: true) }
    }
}

@Suite("Citation index: pieces")
struct CitationIndexUnitTests {
    @Test("pinpoints expand article × paragraph × sub-paragraph and spell keys like the engine")
    func pinpoints() {
        let keys = Pinpoint.expand(slug: "iccpr", articles: ["19", "21"], paragraphs: ["2", "3"], subparagraphs: []).map(\.key)
        #expect(keys == ["iccpr/art19/para2", "iccpr/art19/para3", "iccpr/art21/para2", "iccpr/art21/para3"])
        #expect(Pinpoint(slug: "x", article: "6 bis", paragraph: "1", subparagraph: "A").key == "x/art6-bis/para1/suba")
        #expect(Pinpoint(slug: "iccpr", article: "19", paragraph: "3").articleKey == "iccpr/art19")
        #expect(Pinpoint.instrumentSlug(kind: "article", key: "criminal-code/art16/para4") == "criminal-code")
        #expect(Pinpoint.instrumentSlug(kind: "instrument", key: "iccpr") == "iccpr")
        #expect(Pinpoint.instrumentSlug(kind: "exhibit", key: "exhibit/2") == nil)
    }

    @Test("the engine turns queries into the keys documents get")
    func queryKeys() {
        #expect(CitationIndex.parseCitation("ICCPR art. 19(3)")?.key == "iccpr/art19/para3")
        #expect(CitationIndex.parseCitation("ICCPR art. 19")?.key == "iccpr/art19")
        #expect(CitationIndex.parseCitation("AL KAZ 4/2019")?.key == "communication/KAZ/4/2019")
    }

    @Test("plain words are an FTS5 phrase; FTS5 syntax is kept")
    func ftsQueries() {
        #expect(CitationIndex.ftsQuery("peaceful assembly") == "\"peaceful assembly\"")
        #expect(CitationIndex.ftsQuery("  art. 19 ") == "\"art. 19\"")
        #expect(CitationIndex.ftsQuery("peace* NOT war") == "peace* NOT war")
        #expect(CitationIndex.ftsQuery("\"freedom of expression\" assembly") == "\"freedom of expression\" assembly")
    }

    @Test("results render as an aligned table, TSV and JSON")
    func formats() throws {
        let result = QueryResult(columns: ["path", "line", "kind", "text"],
                                 rows: [[.text("a.txt"), .integer(3), .text("article"), .text("Art. 1\t\"x\"")],
                                        [.text("long/path.txt"), .integer(12), .text("id"), .null]],
                                 interpretation: "")
        let table = result.rendered(.table).split(separator: "\n").map(String.init)
        #expect(table == ["LOCATION          KIND     TEXT", "a.txt:3           article  Art. 1 \"x\"", "long/path.txt:12  id"])
        #expect(result.rendered(.tsv) == "path\tline\tkind\ttext\na.txt\t3\tarticle\tArt. 1 \"x\"\nlong/path.txt\t12\tid\t\n")
        let json = try JSONSerialization.jsonObject(with: Data(result.rendered(.json).utf8)) as! [[String: Any]]
        #expect(json.count == 2)
        #expect(json[0]["text"] as? String == "Art. 1\t\"x\"")
        #expect(json[0]["line"] as? Int == 3)
        #expect(json[1]["text"] is NSNull)
        #expect(QueryResult(columns: ["path", "line"], rows: [], interpretation: "").rendered(.json) == "[]\n")
    }

    @Test("SQLite errors carry the message and the SQL")
    func errors() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        do {
            _ = try database.prepare("SELECT x FROM nowhere")
            Issue.record("prepare should fail")
        } catch {
            #expect(error.message.contains("no such table"))
            #expect(error.sql == "SELECT x FROM nowhere")
            #expect(error.description.contains("in: SELECT x FROM nowhere"))
        }
    }
}
