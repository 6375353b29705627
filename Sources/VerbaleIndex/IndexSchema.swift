/// The tables of a citation index (documented for users in `docs/index.md`).
///
/// One description drives both the `CREATE TABLE` statements and the shard merge, so adding a
/// column cannot leave the merge copying a stale column list.
public enum IndexSchema {
    /// Identifier stored in `meta` and, as a number, in `PRAGMA user_version`.
    public static let name = "verbale-index/1"
    /// `PRAGMA user_version` of this schema.
    public static let version = 1

    /// A column: its name, its declaration, and the table its value points into (a foreign
    /// key on a row id), which the merge must shift by that table's id offset.
    struct Column {
        var name: String
        var declaration: String
        var references: String? = nil
    }

    /// A plain table whose first column is `id INTEGER PRIMARY KEY`.
    struct Table {
        var name: String
        var columns: [Column]
        /// Indexes: name suffix → column list.
        var indexes: [(String, String)]

        /// The column names after `id`, in declaration order.
        var dataColumns: [String] { columns.dropFirst().map(\.name) }
    }

    private static func id() -> Column { Column(name: "id", declaration: "INTEGER PRIMARY KEY") }
    private static func document() -> Column {
        Column(name: "document_id", declaration: "INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE", references: "documents")
    }
    private static func text(_ name: String, notNull: Bool = false) -> Column {
        Column(name: name, declaration: notNull ? "TEXT NOT NULL" : "TEXT")
    }
    private static func int(_ name: String, notNull: Bool = false) -> Column {
        Column(name: name, declaration: notNull ? "INTEGER NOT NULL" : "INTEGER")
    }

    /// Tables in dependency order: a table only points at tables before it.
    static let tables: [Table] = [
        Table(name: "documents", columns: [
            id(), text("path", notNull: true), text("json_path", notNull: true), text("sha256", notNull: true),
            int("bytes", notNull: true), int("json_bytes"), text("format"), text("encoding"), text("language"),
            text("generator_version"), int("citation_count"), int("diagnostic_count"), text("indexed_at"),
        ], indexes: []),
        Table(name: "parts", columns: [
            id(), document(), text("json_id"), text("kind"), int("start"), int("end"), int("line"), text("language"),
            text("date"), text("date_text"), text("place"), text("sender"), text("addressee"), text("reference"),
            text("signatory"), text("signatory_title"),
        ], indexes: [("document", "document_id")]),
        Table(name: "sections", columns: [
            id(), document(), text("json_id"), text("number"), text("heading"), int("level"), text("parent"),
            int("start"), int("end"),
        ], indexes: [("document", "document_id")]),
        Table(name: "paragraphs", columns: [
            id(), document(),
            Column(name: "part_id", declaration: "INTEGER REFERENCES parts(id) ON DELETE CASCADE", references: "parts"),
            text("json_id"), text("kind"), int("start"), int("end"), int("line"), text("section"), int("level"),
            int("footnote"), text("question"), text("role"), text("text"),
        ], indexes: [("document", "document_id"), ("part", "part_id")]),
        Table(name: "questions", columns: [
            id(), document(), text("json_id"), text("numbers"), int("start"), int("end"), int("line"),
            int("response_start"), text("question"), text("response"),
        ], indexes: [("document", "document_id")]),
        Table(name: "footnotes", columns: [
            id(), document(), text("json_id"), int("number"), int("start"), int("end"), int("line"), text("text"),
        ], indexes: [("document", "document_id")]),
        Table(name: "footnote_references", columns: [
            id(), document(),
            Column(name: "footnote_id", declaration: "INTEGER NOT NULL REFERENCES footnotes(id) ON DELETE CASCADE", references: "footnotes"),
            int("start"), int("end"), int("line"), int("column"),
        ], indexes: [("document", "document_id"), ("footnote", "footnote_id")]),
        Table(name: "citations", columns: [
            id(), document(),
            Column(name: "paragraph_id", declaration: "INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE", references: "paragraphs"),
            text("json_id"), text("kind", notNull: true), text("key", notNull: true), text("text"),
            int("start"), int("end"), int("line"), int("column"), text("signal"), int("footnote"), text("block"),
            text("instrument"), text("instrument_slug"), text("instrument_source"),
            text("articles"), text("paragraphs"), text("subparagraphs"), text("part"), text("chapter"), text("section"),
            text("range"), text("number"), text("body"), text("court"), text("date"), text("symbol"), text("type"),
            text("country"), int("year"), text("scheme"), int("valid"), text("encoded_date"),
            text("label"), text("exhibit"), text("title"), text("antecedent"),
        ], indexes: [("document", "document_id"), ("paragraph", "paragraph_id"), ("key", "key"),
                     ("instrument", "instrument"), ("instrument_slug", "instrument_slug")]),
        Table(name: "citation_pinpoints", columns: [
            id(), document(),
            Column(name: "citation_id", declaration: "INTEGER NOT NULL REFERENCES citations(id) ON DELETE CASCADE", references: "citations"),
            text("instrument_slug"), text("article"), text("paragraph"), text("subparagraph"),
            text("article_key"), text("key", notNull: true),
        ], indexes: [("document", "document_id"), ("citation", "citation_id"), ("key", "key")]),
        Table(name: "definitions", columns: [
            id(), document(), text("term"), text("meaning"), int("start"), int("end"), int("line"),
        ], indexes: [("document", "document_id")]),
        Table(name: "exhibits", columns: [
            id(), document(), text("label"), text("number"), text("title"), text("citations"), int("citation_count"),
        ], indexes: [("document", "document_id")]),
        Table(name: "diagnostics", columns: [
            id(), document(), text("code", notNull: true), text("severity"), text("message"),
            int("start"), int("end"), int("line"), int("column"),
        ], indexes: [("document", "document_id"), ("code", "code")]),
    ]

    /// The table named `name`.
    static func table(_ name: String) -> Table { tables.first { $0.name == name }! }

    /// Full-text table over `paragraphs.text`. External content: the text is stored once, in
    /// `paragraphs`, and the index must be told of deletions (see `DocumentDeleter`).
    /// `remove_diacritics 2` lets `geneve` find `Genève` in French and Spanish documents.
    static let ftsTable = "paragraphs_fts"

    /// Every statement that creates the schema in an empty database.
    static var createStatements: [String] {
        var sql = ["CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"]
        for table in tables {
            let columns = table.columns.map { "\($0.name) \($0.declaration)" }.joined(separator: ",\n  ")
            var extra = ""
            if table.name == "documents" { extra = ",\n  UNIQUE (path)" }
            sql.append("CREATE TABLE IF NOT EXISTS \(table.name) (\n  \(columns)\(extra)\n)")
            sql.append(contentsOf: secondaryIndexes.filter { $0.table == table.name }.map(\.create))
        }
        sql.append("""
        CREATE VIRTUAL TABLE IF NOT EXISTS \(ftsTable) USING fts5(text, content='paragraphs', content_rowid='id', \
        tokenize='unicode61 remove_diacritics 2')
        """)
        sql.append("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', '\(name)')")
        sql.append("PRAGMA user_version = \(version)")
        return sql
    }

    /// The indexes declared on the tables (not the `UNIQUE (path)` of `documents`, which
    /// identifies documents), in creation order: a bulk load into an empty index drops them
    /// and builds each once at the end (see `CitationIndex.load`).
    static var secondaryIndexes: [(table: String, name: String, create: String)] {
        tables.flatMap { table in
            table.indexes.map { suffix, columns in
                (table.name, "\(table.name)_\(suffix)", "CREATE INDEX IF NOT EXISTS \(table.name)_\(suffix) ON \(table.name) (\(columns))")
            }
        }
    }

    /// `INSERT INTO table (columns…) VALUES (?, …)` without `id`, for the loader.
    static func insertStatement(_ table: Table) -> String {
        let names = table.dataColumns
        return "INSERT INTO \(table.name) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
    }
}
