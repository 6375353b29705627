import Foundation
import Testing
@testable import VerbaleAKN
@testable import VerbaleKit

@Suite("Akoma Ntoso writer")
struct AKNWriterTests {
    let output: AKNOutput
    let elements: [XMLTree.Element]
    let xml: String

    init() throws {
        output = try AKNWriter.write(Fixtures.handMade())
        elements = XMLTree.outline(output.bytes)
        xml = String(decoding: output.bytes, as: UTF8.self)
    }

    func all(_ name: String) -> [XMLTree.Element] { elements.filter { $0.name == name } }

    @Test func noteIsRootAndLetterIsAttached() throws {
        let docs = all("doc")
        try #require(docs.count == 2)
        #expect(docs[0].path == "akomaNtoso/doc")
        #expect(docs[0].attributes["name"] == "noteVerbale")
        #expect(docs[1].path == "akomaNtoso/doc/attachments/attachment/doc")
        #expect(docs[1].attributes["name"] == "officialLetter")
        #expect(all("attachment").first?.attributes["eId"] == "att_1")
    }

    @Test func identificationFollowsTheNamingConvention() {
        let this = all("FRBRthis").map { $0.attributes["value"] ?? "" }
        #expect(this.contains("/akn/kaz/doc/noteVerbale/2019-12-23/20-404/!main"))
        #expect(this.contains("/akn/kaz/doc/noteVerbale/2019-12-23/20-404/eng@/!main"))
        #expect(this.contains("/akn/kaz/doc/noteVerbale/2019-12-23/20-404/eng@/!main.xml"))
        #expect(this.contains("/akn/kaz/doc/officialLetter/2019-12-19/00710/!main"))
        #expect(all("FRBRlanguage").first?.attributes["language"] == "eng")
        #expect(all("FRBRauthor").first?.attributes["href"] == "#sender")
        #expect(all("identification").allSatisfy { $0.attributes["source"]?.hasSuffix("verbale") == true })
        let tlcs = elements.filter { $0.name.hasPrefix("TLC") }.map { $0.attributes["eId"] ?? "" }
        for eId in ["verbale", "sender", "recipient", "att_1__sender", "att_1__signatory", "att_1__signatoryRole", "att_1__instrument_1"] {
            #expect(tlcs.contains(eId), "missing TLC \(eId)")
        }
    }

    @Test func prefaceCarriesNumberDateAndTitle() {
        let number = all("docNumber")
        #expect(number.first?.text == "20-404")
        #expect(number.first?.path == "akomaNtoso/doc/preface/p/docNumber")
        let date = all("docDate")
        #expect(date.first?.attributes["date"] == "2019-12-23")
        #expect(all("docTitle").map(\.text) == ["Note verbale", "Letter"])
    }

    @Test func footnoteIsPlacedAtItsFirstCallOutAndReferencedAtTheSecond() throws {
        let notes = all("authorialNote")
        try #require(notes.count == 1)
        #expect(notes[0].attributes["marker"] == "1")
        #expect(notes[0].attributes["placement"] == "bottom")
        #expect(notes[0].attributes["eId"] == "para_5__authorialNote_1")
        #expect(notes[0].path.hasSuffix("mainBody/p/sup/authorialNote"))
        #expect(notes[0].text == "While the ICCPR protects expression, see ICCPR Art. 19 ¶ 3.")
        // Right after the list it follows in the source, before "Id.".
        #expect(xml.contains(">12</ref></mref>.<sup><authorialNote marker=\"1\""))
        let refs = all("noteRef")
        #expect(refs.count == 1)
        #expect(refs.first?.attributes["href"] == "#para_5__authorialNote_1")
        #expect(xml.contains(">Exhibit 1</ref>.<sup><noteRef href=\"#para_5__authorialNote_1\""))
    }

    @Test func citationsBecomeRefRrefAndMref() throws {
        let rref = try #require(all("rref").first)
        #expect(rref.text == "Art. 20, ¶¶ 1-2")
        #expect(rref.attributes["from"] == "/akn/ontology/citation/article/kaz-constitution:art-20:para-1-2~art_20__para_1")
        #expect(rref.attributes["upTo"] == "/akn/ontology/citation/article/kaz-constitution:art-20:para-1-2~art_20__para_2")
        let mref = try #require(all("mref").first)
        #expect(mref.text == "Art. 4, 9, 10, 12")
        let children = all("ref").filter { $0.path.hasSuffix("mref/ref") }
        #expect(children.map(\.text) == ["4", "9", "10", "12"])
        #expect(children.first?.attributes["href"]?.hasSuffix("~art_4") == true)
        let id = try #require(all("ref").first { $0.text == "Id." })
        #expect(id.attributes["href"] == "/akn/ontology/citation/article/kaz-equality-law:art-4%2C9%2C10%2C12")
        #expect(id.attributes["refersTo"] == mref.attributes["refersTo"])
        let inNote = try #require(all("ref").first { $0.text == "ICCPR Art. 19 ¶ 3" })
        #expect(inNote.path.hasSuffix("authorialNote/p/ref"))
        #expect(inNote.attributes["eId"] == "para_5__authorialNote_1__ref_1")
        #expect(all("ref").first { $0.text == "AL KAZ 4/2019" }?.attributes["href"] == "/akn/ontology/citation/communication/AL/KAZ/4/2019")
    }

    @Test func questionsAndAnswersArePaired() throws {
        let questions = all("question")
        let answers = all("answer")
        #expect(questions.count == 2)
        #expect(answers.count == 2)
        #expect(questions.allSatisfy { $0.path == "akomaNtoso/doc/attachments/attachment/doc/mainBody/questions/question" })
        #expect(questions.map { $0.attributes["eId"] ?? "" } == ["att_1__question_1", "att_1__question_2"])
        #expect(questions.allSatisfy { $0.attributes["by"] == "#att_1__recipient" })
        #expect(answers.allSatisfy { $0.attributes["by"] == "#att_1__sender" })
        #expect(all("questions").count == 1)
    }

    @Test func signatureIsInConclusions() throws {
        let person = try #require(all("person").first)
        #expect(person.text == "Marat Beketayev")
        #expect(person.path.hasSuffix("conclusions/p/signature/person"))
        #expect(person.attributes["refersTo"] == "#att_1__signatory")
        #expect(person.attributes["as"] == "#att_1__signatoryRole")
        let date = try #require(all("date").first)
        #expect(date.attributes["date"] == "2019-12-23")
        #expect(date.path == "akomaNtoso/doc/conclusions/p/date")
    }

    @Test func hostileTextIsEscapedAndControlCharactersReplaced() {
        #expect(xml.contains("Hostile: ]]&gt; \"quoted\" &lt;tag&gt; &amp; \u{FFFD}bell\u{7F}."))
        #expect(!output.bytes.contains(0x01))
        #expect(output.diagnostics.contains { $0.code == "akn-invalid-character" })
        #expect(!elements.isEmpty)
    }

    @Test func hostileAttributeValuesAreEscaped() throws {
        var document = Fixtures.handMade()
        let hostile = "Mission \"A\" <b> & 'c'\u{0}\u{1B}\tx\r\ny ]]> \u{FFFE}"
        document.parts[0].from = hostile
        let output = try AKNWriter.write(document)
        let text = String(decoding: output.bytes, as: UTF8.self)
        #expect(text.contains("showAs=\"Mission &quot;A&quot; &lt;b&gt; &amp; 'c'\u{FFFD}\u{FFFD}&#9;x&#13;&#10;y ]]&gt; \u{FFFD}\""))
        // Parsed back, the attribute is the hostile value with the unrepresentable characters replaced.
        let sender = XMLTree.outline(output.bytes).first { $0.attributes["eId"] == "sender" }
        #expect(sender?.attributes["showAs"] == "Mission \"A\" <b> & 'c'\u{FFFD}\u{FFFD}\tx\r\ny ]]> \u{FFFD}")
        #expect(output.diagnostics.contains { $0.code == "akn-invalid-character" && $0.message.contains("part_1") })
        if Fixtures.runSchemaTests { try Fixtures.expectValid(output.bytes, "hostile attributes") }
    }

    /// The escaper skips clean text eight bytes at a time: put every special byte at every
    /// offset of a word and check the round trip through libxml2's parser.
    @Test func escapingRoundTripsAtEveryOffset() throws {
        let alphabet: [String] = ["a", "é", "&", "<", ">", "\"", "'", "\u{1}", "\t", "]]>", "\u{FFFE}", "№", " ", "\u{FFFF}", "z"]
        var seed: UInt64 = 42
        for _ in 0..<60 {
            var text = ""
            for _ in 0..<(Int(seed % 23) + 1) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int((seed >> 33) % UInt64(alphabet.count))]
            }
            var builder = DocumentBuilder()
            builder.block(.paragraph, text)
            builder.part(.letter, date: nil, dateText: nil, from: text, to: nil, reference: nil)
            let output = try AKNWriter.write(builder.document)
            let expected = text.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
                .replacingOccurrences(of: "\u{FFFE}", with: "\u{FFFD}").replacingOccurrences(of: "\u{FFFF}", with: "\u{FFFD}")
            let parsed = XMLTree.outline(output.bytes)
            #expect(parsed.first { $0.attributes["eId"] == "para_1" }?.text == expected, "\(text.debugDescription)")
            #expect(parsed.first { $0.attributes["eId"] == "sender" }?.attributes["showAs"] == expected, "\(text.debugDescription)")
        }
    }

    @Test func noteAfterASpaceAttachesToTheWordBefore() throws {
        var builder = DocumentBuilder()
        let block = builder.block(.paragraph, "not objectionable. <sup>2</sup> The Department")
        builder.block(.footnote, "<sup>2</sup> A note.", footnote: 2)
        builder.part(.noteVerbale, date: nil, dateText: nil, from: nil, to: nil, reference: nil)
        let callout = builder.span(of: "<sup>2</sup>")
        builder.footnotes = [Footnote(id: "fn_1", number: 2, text: "A note.", start: block.end + 1,
                                      end: builder.source.count, references: [callout])]
        let xml = String(decoding: try AKNWriter.write(builder.document).bytes, as: UTF8.self)
        #expect(xml.contains("objectionable.<sup><authorialNote marker=\"2\""))
        #expect(xml.contains("</authorialNote></sup>  The Department"))
    }

    @Test func eIdsAreUniqueAndReferencesResolve() {
        let eIds = elements.compactMap { $0.attributes["eId"] }
        #expect(Set(eIds).count == eIds.count)
        #expect(AKNReferenceCheck.check(output.bytes).isEmpty)
    }

    @Test func sameDocumentGivesSameBytes() throws {
        let again = try AKNWriter.write(Fixtures.handMade())
        #expect(again.bytes == output.bytes)
    }

    @Test(.enabled(if: Fixtures.runSchemaTests, "needs ../shared/schema/akn/akomantoso30.xsd"))
    func handMadeDocumentIsValid() throws {
        try Fixtures.expectValid(output.bytes, "hand-made")
    }

    @Test(.enabled(if: Fixtures.runSchemaTests, "needs ../shared/schema/akn/akomantoso30.xsd"))
    func badDateIsReportedAndLeftOut() throws {
        let bad = try AKNWriter.write(Fixtures.handMade(noteDate: "2019-13-45"))
        #expect(bad.diagnostics.contains { $0.code == "akn-invalid-date" && $0.message.contains("2019-13-45") })
        let dates = XMLTree.outline(bad.bytes).filter { $0.name == "docDate" || $0.name == "date" }
        #expect(!dates.contains { $0.attributes["date"] == "2019-13-45" })
        #expect(!dates.contains { $0.path.hasPrefix("akomaNtoso/doc/preface") })
        #expect(!String(decoding: bad.bytes, as: UTF8.self).contains("2019-13-45\""))
        try Fixtures.expectValid(bad.bytes, "bad date")
    }

    @Test(.enabled(if: Fixtures.runSchemaTests, "needs ../shared/schema/akn/akomantoso30.xsd"))
    func blocksWithoutByteMapsFallBackToSearch() throws {
        let fallback = try AKNWriter.write(Fixtures.handMade(withMaps: false))
        let text = String(decoding: fallback.bytes, as: UTF8.self)
        #expect(text.contains(">12</ref></mref>.<sup><authorialNote marker=\"1\""))
        #expect(XMLTree.outline(fallback.bytes).filter { $0.name == "rref" || $0.name == "mref" }.count == 2)
        try Fixtures.expectValid(fallback.bytes, "fallback")
    }

    @Test func emptyDocumentIsStillADocument() throws {
        let empty = Document(source: SourceInfo(path: "-", bytes: 0, sha256: "", format: "plain", encoding: "utf-8"),
                             language: "und", parts: [], sections: [], questions: [], footnotes: [], citations: [],
                             definitions: [], exhibits: [], diagnostics: [], lineTable: LineTable())
        let output = try AKNWriter.write(empty)
        let elements = XMLTree.outline(output.bytes)
        #expect(elements.first { $0.name == "doc" }?.attributes["name"] == "communication")
        if Fixtures.runSchemaTests { try Fixtures.expectValid(output.bytes, "empty") }
    }
}

@Suite("Schema and reference check")
struct AKNCheckTests {
    @Test func referenceCheckFindsDanglingTargets() {
        let xml = Array("""
        <akomaNtoso><doc name="x"><meta/>
        <mainBody><p eId="para_1">a<noteRef href="#nowhere"/></p>
        <p refersTo="#para_1 #ghost"/></mainBody></doc></akomaNtoso>
        """.utf8)
        let issues = AKNReferenceCheck.check(xml)
        #expect(issues.count == 2)
        #expect(issues.first?.line == 2)
        #expect(issues.first?.message.contains("#nowhere") == true)
        #expect(issues.last?.message.contains("ghost") == true)
    }

    @Test func malformedXMLIsReportedNotCrashed() {
        let issues = AKNReferenceCheck.check(Array("<a><b></a>".utf8))
        #expect(issues.count == 1)
        #expect(issues.first?.line == 1)
    }

    @Test(.enabled(if: Fixtures.runSchemaTests, "needs ../shared/schema/akn/akomantoso30.xsd"))
    func schemaReportsLibxml2MessagesWithLines() throws {
        let schema = try #require(Fixtures.schema)
        let xml = Array("""
        <?xml version="1.0"?>
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
        <doc name="x"><mainBody/></doc></akomaNtoso>
        """.utf8)
        let issues = schema.validate(xml)
        #expect(!issues.isEmpty)
        #expect(issues.first?.line == 3)
        #expect(issues.first?.message.contains("mainBody") == true)
    }

    /// Source → text inversion against brute force, on maps with stripped markup, a line join
    /// mapped one byte back (not monotonic) and an empty text.
    @Test func inverseMapMatchesBruteForce() {
        var maps: [MappedText] = [MappedText()]
        var plain = MappedText()
        plain.append(contentsOf: Array("abcdef".utf8), from: 100)
        maps.append(plain)
        var stripped = MappedText()
        stripped.append(contentsOf: Array("See".utf8), from: 10)        // "*See*" → "See"
        stripped.append(contentsOf: Array(" Art. 4.".utf8), from: 14)
        stripped.append(contentsOf: Array(" Next".utf8), from: 40)      // after "<sup>1</sup>"
        maps.append(stripped)
        var joined = MappedText()
        joined.append(contentsOf: Array("line one".utf8), from: 0)
        joined.append(0x20, from: 8)                                    // the join space…
        joined.append(contentsOf: Array("two".utf8), from: 8)           // …maps where "two" starts
        maps.append(joined)
        for map in maps {
            let inverse = InverseMap(map)
            for source in -2..<60 {
                var expected = 0
                while expected < map.count, map.sourceOffset(expected) < source { expected += 1 }
                #expect(inverse.textOffset(source) == expected, "source \(source) in \(map.string.debugDescription)")
            }
        }
    }

    @Test func missingSchemaThrows() {
        #expect(throws: AKNError.self) { try AKNSchema(path: "/nonexistent/akomantoso30.xsd") }
    }

    @Test(arguments: [
        ("2019-12-23", true), ("2020-02-29", true), ("2019-02-29", false), ("2019-13-01", false),
        ("2019-1-01", false), ("0000-01-01", false), ("2019-12-3x", false), ("", false),
    ])
    func isoDates(_ text: String, _ valid: Bool) {
        #expect(Names.isISODate(text) == valid)
    }

    @Test func uriSegmentsAreSafe() {
        #expect(Names.segment("6-33/1323CK") == "6-33-1323CK")
        #expect(Names.segment("Réf. № 20-404") == "R%C3%A9f.-%E2%84%96-20-404")
    }
}
