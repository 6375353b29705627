internal import VerbaleKit

/// A question to the index.
public enum IndexQuery: Sendable, Equatable {
    /// Citations of what `text` cites (`ICCPR art. 19(3)`), parsed by the citation engine;
    /// narrower pinpoints match too (`ICCPR art. 19` finds `¶ 3`), and `Id.` repeating them.
    case cites(String)
    /// Citations whose canonical key is `key` or starts with `key/` (`iccpr/art19`).
    case key(String)
    /// Citations of an instrument: by the slug the engine gives `name`, or by a
    /// case-insensitive substring of the instrument's canonical name.
    case instrument(String)
    /// `exhibit-gap` and `exhibit-not-enclosed` diagnostics: holes in the exhibit numbering,
    /// and exhibits cited but missing from the document's enclosure list.
    case exhibitGaps
    /// Blocks whose text matches `query` (FTS5). Plain words are searched as a phrase;
    /// a query with FTS5 syntax (`"`, `*`, `(`, `:`, `AND`, `OR`, `NOT`, `NEAR`) is passed as written.
    case text(String)
    /// Citations of a Special Procedures communication (`AL KAZ 4/2019`).
    case communication(String)
}

/// A query the index cannot run as asked (the user's input, not the index, is at fault).
public struct QueryError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and what to write instead.
    public var description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

/// Rows of a query. The first two columns are always `path` (the source document) and `line`.
public struct QueryResult: Sendable {
    /// Column names.
    public var columns: [String]
    /// Rows, one value per column.
    public var rows: [[SQLiteValue]]
    /// How the query was understood (`key iccpr/art19/para3`), for the user.
    public var interpretation: String

    /// Creates a result.
    public init(columns: [String], rows: [[SQLiteValue]], interpretation: String) {
        self.columns = columns
        self.rows = rows
        self.interpretation = interpretation
    }

    /// The values of column `name`, one per row.
    public func column(_ name: String) -> [SQLiteValue] {
        guard let index = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }
}

extension CitationIndex {
    /// The columns every citation query returns.
    static let citationColumns = """
    d.path AS path, c.line AS line, c.column AS "column", c.kind AS kind, c.key AS key, c.text AS text, \
    c.footnote AS footnote, c.instrument AS instrument
    """

    /// Runs `query`.
    public func query(_ query: IndexQuery) throws -> QueryResult {
        switch query {
        case .cites(let text):
            guard let citation = Self.parseCitation(text) else {
                throw QueryError("“\(text)” holds no citation the engine recognises; write it as in a document, e.g. \"ICCPR art. 19(3)\"")
            }
            return try cites(citation)
        case .key(let key):
            return try keyQuery(key, pinpointKeys: [key], interpretation: "key \(key)")
        case .instrument(let name):
            return try instrument(name)
        case .exhibitGaps:
            return try run("""
            SELECT d.path AS path, g.line AS line, g.code AS code, g.message AS message
            FROM diagnostics g JOIN documents d ON d.id = g.document_id
            WHERE g.code IN ('exhibit-gap', 'exhibit-not-enclosed')
            ORDER BY d.path, g.start
            """, [], interpretation: "diagnostics exhibit-gap, exhibit-not-enclosed")
        case .text(let text):
            let match = Self.ftsQuery(text)
            guard !match.isEmpty else { throw QueryError("the text query is empty; give words to search for") }
            do {
                return try run("""
                SELECT d.path AS path, p.line AS line, p.json_id AS block, p.kind AS kind,
                       snippet(\(IndexSchema.ftsTable), 0, '[', ']', '…', 16) AS snippet
                FROM \(IndexSchema.ftsTable) f
                JOIN paragraphs p ON p.id = f.rowid
                JOIN documents d ON d.id = p.document_id
                WHERE \(IndexSchema.ftsTable) MATCH ?
                ORDER BY d.path, p.start
                """, [.text(match)], interpretation: "fts5 MATCH \(match)")
            } catch let error as SQLiteError where error.code & 0xff == 1 {
                // SQLITE_ERROR while matching is FTS5 rejecting the query (the SQL is fixed).
                throw QueryError("“\(text)” is not a valid FTS5 query (\(error.message)); quote phrases with \"…\"")
            }
        case .communication(let text):
            guard let citation = Self.parseCitation(text), citation.kind == .communication else {
                throw QueryError("“\(text)” is not a communication reference; write it as TYPE COUNTRY NUMBER/YEAR, e.g. \"AL KAZ 4/2019\"")
            }
            return try keyQuery(citation.key, pinpointKeys: [], interpretation: "key \(citation.key)")
        }
    }

    /// The first citation (not `Id.`) the engine finds in `text`, resolved as in a document.
    static func parseCitation(_ text: String) -> Citation? {
        var mapped = MappedText()
        mapped.append(contentsOf: Array(text.utf8), from: 0)
        let found = CitationEngine.scan([CitationSource(block: "query", footnote: nil, text: mapped)], definitions: [])
        return found.first { $0.kind != .id && !$0.key.isEmpty }
    }

    private func cites(_ citation: Citation) throws -> QueryResult {
        var pinpointKeys = [citation.key]
        if citation.kind == .article, let slug = Pinpoint.instrumentSlug(kind: "article", key: citation.key) {
            let expanded = Pinpoint.expand(slug: slug, articles: citation.articles, paragraphs: citation.paragraphs,
                                           subparagraphs: citation.subparagraphs)
            if !expanded.isEmpty { pinpointKeys = expanded.map(\.key) }
        }
        let shown = pinpointKeys.count == 1 && pinpointKeys[0] == citation.key
            ? "key \(citation.key)" : "key \(citation.key) (pinpoints \(pinpointKeys.joined(separator: ", ")))"
        return try keyQuery(citation.key, pinpointKeys: pinpointKeys, interpretation: shown)
    }

    /// Citations whose key, or one of whose pinpoints, equals one of the keys or lies under it.
    /// `k/` … `k0` is the range of keys that start with `k/` (`0` follows `/` in ASCII), so
    /// the prefix match runs on the key index instead of scanning with LIKE.
    private func keyQuery(_ key: String, pinpointKeys: [String], interpretation: String) throws -> QueryResult {
        var conditions = ["c.key = ?", "(c.key >= ? AND c.key < ?)"]
        var parameters: [SQLiteValue] = [.text(key), .text(key + "/"), .text(key + "0")]
        if !pinpointKeys.isEmpty {
            var inner: [String] = []
            for pinpoint in pinpointKeys {
                inner.append("key = ? OR (key >= ? AND key < ?)")
                parameters += [.text(pinpoint), .text(pinpoint + "/"), .text(pinpoint + "0")]
            }
            conditions.append("c.id IN (SELECT citation_id FROM citation_pinpoints WHERE \(inner.joined(separator: " OR ")))")
        }
        return try run("""
        SELECT \(Self.citationColumns)
        FROM citations c JOIN documents d ON d.id = c.document_id
        WHERE \(conditions.joined(separator: " OR "))
        ORDER BY d.path, c.start
        """, parameters, interpretation: interpretation)
    }

    private func instrument(_ name: String) throws -> QueryResult {
        let trimmed = name.trimmingSpaces()
        guard !trimmed.isEmpty else { throw QueryError("the instrument name is empty; give a name such as \"Criminal Code\"") }
        var slug: String? = nil
        if let citation = Self.parseCitation(trimmed) {
            slug = Pinpoint.instrumentSlug(kind: citation.kind.rawValue, key: citation.key)
        }
        // The slug finds every spelling and language the engine resolves to the instrument; the
        // name match finds instruments the engine only knows by their own words.
        return try run("""
        SELECT \(Self.citationColumns)
        FROM citations c JOIN documents d ON d.id = c.document_id
        WHERE c.instrument_slug = ? OR instr(lower(c.instrument), lower(?)) > 0
        ORDER BY d.path, c.start
        """, [slug.map(SQLiteValue.text) ?? .null, .text(trimmed)],
        interpretation: slug.map { "instrument \($0), or name containing “\(trimmed)”" } ?? "name containing “\(trimmed)”")
    }

    private func run(_ sql: String, _ parameters: [SQLiteValue], interpretation: String) throws -> QueryResult {
        let statement = try database.prepare(sql)
        try statement.bind(parameters)
        let columns = (0..<statement.columnCount).map { statement.columnName($0) }
        var rows: [[SQLiteValue]] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.value($0) })
        }
        return QueryResult(columns: columns, rows: rows, interpretation: interpretation)
    }

    /// The FTS5 query for `text`: a phrase for plain words (`peaceful assembly` finds the two
    /// words together), the text itself when it uses FTS5 syntax.
    static func ftsQuery(_ text: String) -> String {
        let trimmed = text.trimmingSpaces()
        let syntax: Set<Character> = ["\"", "*", "(", ")", ":", "^", "+"]
        let words = trimmed.split(separator: " ")
        if trimmed.contains(where: { syntax.contains($0) }) || words.contains(where: { ["AND", "OR", "NOT", "NEAR"].contains($0) }) {
            return trimmed
        }
        guard !words.isEmpty else { return "" }
        return "\"" + words.joined(separator: " ").replacingQuotes() + "\""
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// Doubled quotes, as inside an FTS5 string.
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self { result.append(character); if character == "\"" { result.append("\"") } }
        return result
    }
}
