internal import FoundationEssentials

/// An `INSERT` prepared once and bound column by column in the schema's order.
///
/// Binding by position (the next parameter each call) keeps the hot loop free of name
/// look-ups; `run` checks that exactly as many values were bound as the table has columns, so
/// a loader out of step with the schema fails loudly in the tests instead of shifting columns.
struct Inserter {
    let statement: SQLiteStatement
    let count: Int32
    var next: Int32 = 1

    init(_ database: SQLiteDatabase, table name: String) throws(SQLiteError) {
        let table = IndexSchema.table(name)
        statement = try database.prepare(IndexSchema.insertStatement(table))
        count = Int32(table.dataColumns.count)
    }

    mutating func text(_ value: String?) throws(SQLiteError) { try statement.bind(next, value); next += 1 }
    mutating func text(_ value: JSONString?) throws(SQLiteError) { try statement.bind(next, value); next += 1 }
    /// A string column that is never NULL: a missing string is stored as ''.
    mutating func textOrEmpty(_ value: JSONString?) throws(SQLiteError) {
        if let value { try text(value) } else { try text("") }
    }
    mutating func int(_ value: Int?) throws(SQLiteError) { try statement.bind(next, value); next += 1 }
    mutating func int(_ value: Int64?) throws(SQLiteError) { try statement.bind(next, value.map { Int($0) }); next += 1 }

    /// Inserts the row and returns its id.
    mutating func run() throws(SQLiteError) -> Int64 {
        precondition(next == count + 1, "\(statement.sql): bound \(next - 1) of \(count) columns")
        next = 1
        try statement.run()
        return statement.database.lastInsertRowID
    }
}

/// Turns one `verbale/1` JSON document into rows. Statements are prepared once per load.
final class Loader {
    let database: SQLiteDatabase
    let documents: Inserter
    let parts: Inserter
    let sections: Inserter
    let paragraphs: Inserter
    let questions: Inserter
    let footnotes: Inserter
    let footnoteReferences: Inserter
    let citations: Inserter
    let pinpoints: Inserter
    let definitions: Inserter
    let exhibits: Inserter
    let diagnostics: Inserter
    let fts: SQLiteStatement
    /// Paragraph row ids written by committed documents but not yet in the full-text index,
    /// as ranges (a document's paragraphs get consecutive ids, so a batch is usually one).
    private var pendingText: [ClosedRange<Int64>] = []
    /// The documents (row ids) whose paragraphs are in `pendingText`.
    private var pendingDocuments: Set<Int64> = []
    /// The document and paragraph ids of the last `insert`, until the caller confirms it.
    private var lastDocument: Int64?
    private var lastParagraphs: ClosedRange<Int64>?
    let findDocument: SQLiteStatement
    let deleter: DocumentDeleter
    /// One timestamp per load: rows of one run share it, and it costs no clock call per document.
    let indexedAt: String

    init(_ database: SQLiteDatabase) throws(SQLiteError) {
        self.database = database
        documents = try Inserter(database, table: "documents")
        parts = try Inserter(database, table: "parts")
        sections = try Inserter(database, table: "sections")
        paragraphs = try Inserter(database, table: "paragraphs")
        questions = try Inserter(database, table: "questions")
        footnotes = try Inserter(database, table: "footnotes")
        footnoteReferences = try Inserter(database, table: "footnote_references")
        citations = try Inserter(database, table: "citations")
        pinpoints = try Inserter(database, table: "citation_pinpoints")
        definitions = try Inserter(database, table: "definitions")
        exhibits = try Inserter(database, table: "exhibits")
        diagnostics = try Inserter(database, table: "diagnostics")
        // The full-text index is filled from the rows already written (no second copy of every
        // text through the C API), once per batch rather than once per document: FTS5 writes
        // its pending terms as a new segment at every savepoint, so filling it inside each
        // document's savepoint wrote one segment per document and spent most of a load merging
        // them.
        fts = try database.prepare("INSERT INTO \(IndexSchema.ftsTable) (rowid, text) SELECT id, text FROM paragraphs WHERE id BETWEEN ? AND ?")
        findDocument = try database.prepare("SELECT id FROM documents WHERE path = ?")
        deleter = try DocumentDeleter(database)
        indexedAt = Date().formatted(.iso8601)
    }

    /// Whether a document with source path `path` is in the index (so inserting it will
    /// delete the old one first).
    func isIndexed(path: JSONString) throws(SQLiteError) -> Bool {
        try findDocument.bind(1, path)
        defer { findDocument.reset() }
        return try findDocument.step()
    }

    /// Whether the document with source path `path` is in the index with text not yet in the
    /// full-text index (a document of this batch): replacing it must index that text first,
    /// because FTS5 can only delete text it has indexed.
    func hasPendingText(path: JSONString) throws(SQLiteError) -> Bool {
        guard !pendingDocuments.isEmpty else { return false }
        try findDocument.bind(1, path)
        defer { findDocument.reset() }
        guard try findDocument.step(), case .integer(let id) = findDocument.value(0) else { return false }
        return pendingDocuments.contains(id)
    }

    /// Records that the last `insert` is committed (its savepoint released): its paragraphs
    /// join the text to index at the end of the batch. A document rolled back is never
    /// recorded, so the ids SQLite hands out again are not indexed twice.
    func documentCommitted() {
        guard let range = lastParagraphs, let document = lastDocument else { return }
        lastParagraphs = nil
        lastDocument = nil
        pendingDocuments.insert(document)
        if let last = pendingText.last, last.upperBound + 1 == range.lowerBound {
            pendingText[pendingText.count - 1] = last.lowerBound...range.upperBound
        } else {
            pendingText.append(range)
        }
    }

    /// Adds the paragraphs of every committed document to the full-text index. Called before
    /// each commit, so a committed batch is always searchable, and before a document is
    /// replaced, because FTS5 can only delete the text of rows it has indexed. Must not run
    /// inside a document's savepoint: rolling that back would un-index the earlier documents.
    func indexPendingText() throws(SQLiteError) {
        // Each range leaves the list as soon as it is indexed, so a failure never leads to
        // indexing a range twice (which would corrupt the FTS index).
        while let range = pendingText.first {
            try fts.bind(1, Int(range.lowerBound))
            try fts.bind(2, Int(range.upperBound))
            try fts.run()
            pendingText.removeFirst()
        }
        pendingDocuments.removeAll()
    }

    /// Forgets the pending text after a rollback of the whole transaction.
    func discardPendingText() {
        pendingText.removeAll()
        pendingDocuments.removeAll()
        lastParagraphs = nil
        lastDocument = nil
    }

    /// A block as the citation linker needs it.
    private struct BlockRow {
        var row: Int64
        var jsonID: JSONString?
        var start: Int
        var end: Int
    }

    /// Inserts `root`, first deleting the document with the same source path. Returns true
    /// when a document was replaced. The caller provides the transaction.
    func insert(_ root: JSONObject, jsonPath: String, jsonBytes: Int) throws -> Bool {
        lastParagraphs = nil
        lastDocument = nil
        // `JSONDocumentReader.check` has made sure of these.
        let source = root.object("source")!
        let path = source.string("path")!

        try findDocument.bind(1, path)
        var replaced = false
        if try findDocument.step(), case .integer(let old) = findDocument.value(0) {
            findDocument.reset()
            try deleter.delete(old)
            replaced = true
        } else {
            findDocument.reset()
        }

        // Local copies of the inserters: mutating a class's stored property costs a dynamic
        // exclusivity check per bound column; a local needs none. (They hold only the
        // statement and a column counter that `run` resets, so nothing needs writing back.)
        var documents = self.documents, parts = self.parts, sections = self.sections
        var paragraphs = self.paragraphs, questions = self.questions, footnotes = self.footnotes
        var footnoteReferences = self.footnoteReferences, citations = self.citations, pinpoints = self.pinpoints
        var definitions = self.definitions, exhibits = self.exhibits, diagnostics = self.diagnostics

        let citationObjects = root.objects("citations")
        let diagnosticObjects = root.objects("diagnostics")
        try documents.text(path)
        try documents.text(jsonPath)
        try documents.text(source.string("sha256"))
        try documents.int(source.int("bytes"))
        try documents.int(jsonBytes)
        try documents.text(source.string("format"))
        try documents.text(source.string("encoding"))
        try documents.text(root.string("language"))
        try documents.text(root.object("generator")?.string("version"))
        try documents.int(citationObjects.count)
        try documents.int(diagnosticObjects.count)
        try documents.text(indexedAt)
        let document = try documents.run()
        lastDocument = document

        var blocks: [BlockRow] = []
        for part in root.objects("parts") {
            let blockObjects = part.objects("blocks")
            try parts.int(document)
            try parts.text(part.string("id"))
            try parts.text(part.string("kind"))
            try parts.int(part.int("start"))
            try parts.int(part.int("end"))
            try parts.int(blockObjects.first?.int("line"))
            try parts.text(part.string("language"))
            try parts.text(part.string("date"))
            try parts.text(part.string("dateText"))
            try parts.text(part.string("place"))
            try parts.text(part.string("from"))
            try parts.text(part.string("to"))
            try parts.text(part.string("reference"))
            let signatory = part.object("signatory")
            try parts.text(signatory?.string("name"))
            try parts.text(signatory?.string("title"))
            let partRow = try parts.run()

            for block in blockObjects {
                let text = block.string("text")
                let start = block.int("start") ?? 0
                let end = block.int("end") ?? start
                try paragraphs.int(document)
                try paragraphs.int(partRow)
                try paragraphs.text(block.string("id"))
                try paragraphs.text(block.string("kind"))
                try paragraphs.int(start)
                try paragraphs.int(end)
                try paragraphs.int(block.int("line"))
                try paragraphs.text(block.string("section"))
                try paragraphs.int(block.int("level"))
                try paragraphs.int(block.int("footnote"))
                try paragraphs.text(block.string("question"))
                try paragraphs.text(block.string("role"))
                try paragraphs.textOrEmpty(text)
                let row = try paragraphs.run()
                lastParagraphs = lastParagraphs.map { $0.lowerBound...row } ?? row...row
                blocks.append(BlockRow(row: row, jsonID: block.string("id"), start: start, end: end))
            }
        }


        for section in root.objects("sections") {
            try sections.int(document)
            try sections.text(section.string("id"))
            try sections.text(section.string("number"))
            try sections.text(section.string("heading"))
            try sections.int(section.int("level"))
            try sections.text(section.string("parent"))
            try sections.int(section.int("start"))
            try sections.int(section.int("end"))
            _ = try sections.run()
        }

        for question in root.objects("questions") {
            try questions.int(document)
            try questions.text(question.string("id"))
            try questions.text(question.strings("numbers").joined(separator: ","))
            try questions.int(question.int("start"))
            try questions.int(question.int("end"))
            try questions.int(question.int("line"))
            try questions.int(question.int("responseStart"))
            try questions.text(question.string("question"))
            try questions.text(question.string("response"))
            _ = try questions.run()
        }

        for footnote in root.objects("footnotes") {
            try footnotes.int(document)
            try footnotes.text(footnote.string("id"))
            try footnotes.int(footnote.int("number"))
            try footnotes.int(footnote.int("start"))
            try footnotes.int(footnote.int("end"))
            try footnotes.int(footnote.int("line"))
            try footnotes.text(footnote.string("text"))
            let row = try footnotes.run()
            for reference in footnote.objects("references") {
                try footnoteReferences.int(document)
                try footnoteReferences.int(row)
                try footnoteReferences.int(reference.int("start"))
                try footnoteReferences.int(reference.int("end"))
                try footnoteReferences.int(reference.int("line"))
                try footnoteReferences.int(reference.int("column"))
                _ = try footnoteReferences.run()
            }
        }

        // Blocks are written in source order per part, but footnote blocks interrupt others:
        // sort by start so the innermost block containing an offset is found by bisection.
        blocks.sort { $0.start < $1.start }
        var pinpointsByID: [String: [Pinpoint]] = [:]
        for citation in citationObjects {
            let start = citation.int("start") ?? 0
            let kind = citation.string("kind")
            let key = citation.string("key")
            let block = Self.block(containing: start, in: blocks)
            let articles = citation.strings("articles")
            let paragraphNumbers = citation.strings("paragraphs")
            let subparagraphs = citation.strings("subparagraphs")
            let slug = Self.instrumentSlug(kind: kind, key: key)
            try citations.int(document)
            try citations.int(block?.row)
            try citations.text(citation.string("id"))
            try citations.textOrEmpty(kind)
            try citations.textOrEmpty(key)
            try citations.text(citation.string("text"))
            try citations.int(start)
            try citations.int(citation.int("end"))
            try citations.int(citation.int("line"))
            try citations.int(citation.int("column"))
            try citations.text(citation.string("signal"))
            try citations.int(citation.int("footnote"))
            if let block { try citations.textOrEmpty(block.jsonID) } else { try citations.text(nil as JSONString?) }
            try citations.text(citation.string("instrument"))
            try citations.text(slug)
            try citations.text(citation.string("instrumentSource"))
            try citations.text(Self.joined(articles))
            try citations.text(Self.joined(paragraphNumbers))
            try citations.text(Self.joined(subparagraphs))
            try citations.text(citation.string("part"))
            try citations.text(citation.string("chapter"))
            try citations.text(citation.string("section"))
            try citations.text(Self.joined(citation.strings("range")))
            if let number = citation.value("number"), let text = number.string {
                try citations.text(text)
            } else {
                try citations.text(citation.int("number").map { String($0) })
            }
            try citations.text(citation.string("body"))
            try citations.text(citation.string("court"))
            try citations.text(citation.string("date"))
            try citations.text(citation.string("symbol"))
            try citations.text(citation.string("type"))
            try citations.text(citation.string("country"))
            try citations.int(citation.int("year"))
            try citations.text(citation.string("scheme"))
            try citations.int(citation.bool("valid").map { $0 ? 1 : 0 })
            try citations.text(citation.string("encodedDate"))
            try citations.text(citation.string("label"))
            try citations.text(citation.string("exhibit"))
            try citations.text(citation.string("title"))
            try citations.text(citation.string("antecedent"))
            let row = try citations.run()

            // Pinpoints: an article citation expands into one row per article × paragraph ×
            // sub-paragraph; an `Id.` repeats its antecedent's pinpoints, so `cites` finds it too.
            // Strings are built here only, for the few citations that have pinpoints.
            var expanded: [Pinpoint] = []
            if let kind, kind == "article", let slug {
                expanded = Pinpoint.expand(slug: slug.string, articles: articles, paragraphs: paragraphNumbers, subparagraphs: subparagraphs)
            } else if let kind, kind == "id", let antecedent = citation.string("antecedent") {
                expanded = pinpointsByID[antecedent.string] ?? []
            }
            if !expanded.isEmpty, let id = citation.string("id") { pinpointsByID[id.string] = expanded }
            for pinpoint in expanded {
                try pinpoints.int(document)
                try pinpoints.int(row)
                try pinpoints.text(pinpoint.slug)
                try pinpoints.text(pinpoint.article)
                try pinpoints.text(pinpoint.paragraph)
                try pinpoints.text(pinpoint.subparagraph)
                try pinpoints.text(pinpoint.articleKey)
                try pinpoints.text(pinpoint.key)
                _ = try pinpoints.run()
            }
        }

        for definition in root.objects("definitions") {
            try definitions.int(document)
            try definitions.text(definition.string("term"))
            try definitions.text(definition.string("meaning"))
            try definitions.int(definition.int("start"))
            try definitions.int(definition.int("end"))
            try definitions.int(definition.int("line"))
            _ = try definitions.run()
        }

        for exhibit in root.objects("exhibits") {
            let cited = exhibit.strings("citations")
            try exhibits.int(document)
            try exhibits.text(exhibit.string("label"))
            try exhibits.text(exhibit.string("number"))
            try exhibits.text(exhibit.string("title"))
            try exhibits.text(cited.joined(separator: ","))
            try exhibits.int(cited.count)
            _ = try exhibits.run()
        }

        for diagnostic in diagnosticObjects {
            try diagnostics.int(document)
            try diagnostics.textOrEmpty(diagnostic.string("code"))
            try diagnostics.text(diagnostic.string("severity"))
            try diagnostics.text(diagnostic.string("message"))
            try diagnostics.int(diagnostic.int("start"))
            try diagnostics.int(diagnostic.int("end"))
            try diagnostics.int(diagnostic.int("line"))
            try diagnostics.int(diagnostic.int("column"))
            _ = try diagnostics.run()
        }
        return replaced
    }

    /// `Pinpoint.instrumentSlug` on the JSON bytes, so that no `String` is made for the kind
    /// and key of every citation: the key before the first `/art` for an article citation,
    /// the whole (non-empty) key for an instrument, nil otherwise. A missing kind or key is
    /// the empty string, as the `kind` and `key` columns store it.
    static func instrumentSlug(kind: JSONString?, key: JSONString?) -> JSONString? {
        guard let kind else { return nil }
        if kind == "article" {
            guard let key, key.count >= 4 else { return nil }
            for start in 0...(key.count - 4)
            where key.base[start] == UInt8(ascii: "/") && key.base[start + 1] == UInt8(ascii: "a")
                && key.base[start + 2] == UInt8(ascii: "r") && key.base[start + 3] == UInt8(ascii: "t") {
                return JSONString(base: key.base, count: start)
            }
            return nil
        }
        if kind == "instrument" {
            guard let key, key.count > 0 else { return nil }
            return key
        }
        return nil
    }

    private static func joined(_ values: [String]) -> String? {
        values.isEmpty ? nil : values.joined(separator: ",")
    }

    /// The innermost block whose span contains `offset`: the last one starting at or before it
    /// that has not ended yet (footnote blocks nest inside the paragraph they interrupt).
    private static func block(containing offset: Int, in blocks: [BlockRow]) -> BlockRow? {
        var low = 0
        var high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        var steps = 0
        while index >= 0 && steps < 64 {
            if blocks[index].end > offset { return blocks[index] }
            index -= 1
            steps += 1
        }
        return nil
    }
}
