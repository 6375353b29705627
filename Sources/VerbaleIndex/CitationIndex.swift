internal import FoundationEssentials
public import VerbaleKit

/// A SQLite citation index of converted documents (`verbale/1` JSON): load, replace, merge
/// and query. The schema is described in `docs/index.md`.
///
/// Not `Sendable`: one index is used from one thread; parallel loads write separate shard
/// files and `merge` them.
public final class CitationIndex {
    /// The open database.
    public let database: SQLiteDatabase

    /// Opens the index at `path`, creating the file and schema if needed. `readOnly` opens an
    /// existing index for queries only.
    public init(path: String, readOnly: Bool = false) throws(SQLiteError) {
        database = try SQLiteDatabase(path: path, readOnly: readOnly, create: !readOnly)
        if readOnly {
            try checkSchema(database, path: path)
            return
        }
        // WAL lets readers (a browser, a `verbale query`) work during a load; synchronous=NORMAL
        // syncs only at checkpoints, which is safe in WAL mode and far cheaper than FULL for a
        // derived index that can always be rebuilt. A larger page cache keeps the key indexes
        // in memory during bulk loads.
        try database.execute("""
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA temp_store = MEMORY;
        PRAGMA cache_size = -65536;
        """)
        let version = try database.scalar("PRAGMA user_version")
        if version == .integer(0) {
            try database.execute("BEGIN IMMEDIATE")
            do {
                for statement in IndexSchema.createStatements { try database.execute(statement) }
                try database.execute("COMMIT")
            } catch {
                try? database.execute("ROLLBACK")
                throw error
            }
        } else {
            try checkSchema(database, path: path)
            try restoreIndexes()
        }
    }

    /// Builds any secondary index that is missing: a bulk load into an empty index builds them
    /// at its end (see `load`), so a load that was killed leaves its committed batches without
    /// them (and its FTS5 `hashsize`, removed here too). Costs two small reads when nothing is
    /// missing.
    private func restoreIndexes() throws(SQLiteError) {
        var present = Set<String>()
        for row in try database.rows("SELECT name FROM sqlite_schema WHERE type = 'index'") {
            if case .text(let name) = row[0] { present.insert(name) }
        }
        let missing = IndexSchema.secondaryIndexes.filter { !present.contains($0.name) }
        // A killed load also leaves its FTS5 hash size behind.
        let leftover = try database.scalar(Self.hashSizeQuery) == .integer(Int64(Self.bulkHashSize))
        guard !missing.isEmpty || leftover else { return }
        do {
            try database.transaction {
                for index in missing { try database.execute(index.create) }
                if leftover { try database.execute(Self.removeBulkHashSize) }
            }
        } catch let error as SQLiteError {
            throw error
        } catch {
            throw SQLiteError(code: 1, message: "\(error)")
        }
    }

    private func checkSchema(_ database: SQLiteDatabase, path: String) throws(SQLiteError) {
        let version = try database.scalar("PRAGMA user_version")
        guard version == .integer(Int64(IndexSchema.version)) else {
            throw SQLiteError(code: 1, message: "\(path) is not a \(IndexSchema.name) index (user_version \(version.displayText)); index into a new file")
        }
    }

    /// Number of indexed documents.
    public var documentCount: Int {
        get throws(SQLiteError) {
            if case .integer(let count) = try database.scalar("SELECT count(*) FROM documents") { return Int(count) }
            return 0
        }
    }

    // MARK: Loading

    /// What a load did.
    public struct LoadReport: Sendable {
        /// Documents indexed (new or replaced).
        public var documents = 0
        /// Documents that replaced an earlier version (same source path).
        public var replaced = 0
        /// JSON bytes read from the documents indexed.
        public var bytes = 0
        /// Files that could not be indexed, each with its reason; the load went on past them.
        public var failures: [IndexInputError] = []
        /// Wall-clock seconds.
        public var seconds = 0.0
    }

    /// The `verbale/1` JSON files under `inputs`: files as given, directories searched
    /// recursively for `*.json` (sorted, so loads are deterministic; `manifest.jsonl` is not
    /// JSON and is skipped). Throws for an input that does not exist.
    public static func jsonFiles(_ inputs: [String]) throws(IndexInputError) -> [String] {
        try JSONDocumentReader.collect(inputs)
    }

    /// Loads the `verbale/1` JSON files under `inputs` (see `jsonFiles`); a missing input is
    /// reported as a failure.
    public func load(_ inputs: [String], batchSize: Int = 200) throws -> LoadReport {
        do { return try load(files: Self.jsonFiles(inputs), batchSize: batchSize) } catch let error as IndexInputError {
            var report = LoadReport()
            report.failures.append(error)
            return report
        }
    }

    /// Loads `files`, each a `verbale/1` JSON document. A file that is not valid `verbale/1`
    /// is reported in `failures` and skipped; the others are indexed. Each document replaces
    /// the rows of the document with the same source path; documents are committed in batches
    /// of `batchSize` (each in its own savepoint, so a failed document leaves no rows behind).
    /// `progress` is called after every document; a full disk or I/O error ends the load by
    /// throwing, after rolling back the current batch.
    public func load(files: [String], batchSize: Int = 200,
                     progress: ((_ done: Int, _ total: Int, _ bytes: Int) -> Void)? = nil) throws -> LoadReport {
        let start = Date()
        var report = LoadReport()
        let loader = try Loader(database)
        // The loader writes only consistent rows and deletes children explicitly, so checking
        // every foreign key of every inserted row is pure cost during a bulk load; the
        // constraints stay declared for browsers and for `PRAGMA foreign_key_check`.
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        // Into an empty index, rows go in without their secondary indexes, which are built
        // once each at the end: a sorted build instead of one B-tree insert per row and index
        // (citations alone have five). An index that already has documents keeps them, since
        // replacing a document finds its rows through them.
        var indexesDeferred = false
        if files.count > 1, try documentCount == 0 {
            try database.transaction {
                for index in IndexSchema.secondaryIndexes { try database.execute("DROP INDEX IF EXISTS \(index.name)") }
            }
            indexesDeferred = true
        }
        func buildIndexes() throws(SQLiteError) {
            for index in IndexSchema.secondaryIndexes { try database.execute(index.create) }
            indexesDeferred = false
        }
        var inBatch = 0
        // FTS5 collects terms in a hash (1 MB by default) and writes it out as a new segment
        // whenever it is full, merging segments as they pile up; with 8 MB a batch's text
        // makes a few segments instead of dozens (a third less FTS work, ~10 MB more memory).
        // The option is stored in the FTS config table, so it is removed before the load's
        // last commit and the index is left exactly as a default one.
        var bulkHash = false
        if files.count > 1 { bulkHash = try database.scalar(Self.hashSizeQuery) == .null }
        // One reader for the whole load: its buffers grow to the largest document and are
        // then reused, so reading a document allocates nothing.
        var reader = JSONReader()
        try database.execute("BEGIN IMMEDIATE")
        do {
            if bulkHash { try database.execute(Self.setBulkHashSize) }
            for (number, file) in files.enumerated() {
                do {
                    try JSONDocumentReader.read(file, into: &reader)
                    let size = reader.bytes.count
                    try JSONDocumentReader.parse(&reader, path: file)
                    let replaced = try reader.withRoot { (root) throws -> Bool in
                        let document = try JSONDocumentReader.check(root, path: file)
                        let path = document.object("source")!.string("path")!
                        // Deleting the rows of a document this one replaces needs the
                        // document_id indexes, and FTS5 can only delete text it has indexed:
                        // bring whichever is behind up to date first (outside the savepoint,
                        // which would otherwise undo it if this document fails).
                        if indexesDeferred, try loader.isIndexed(path: path) { try buildIndexes() }
                        if try loader.hasPendingText(path: path) { try loader.indexPendingText() }
                        let replaced = try database.savepoint("doc") {
                            try loader.insert(document, jsonPath: file, jsonBytes: size)
                        }
                        loader.documentCommitted()
                        return replaced
                    }
                    report.documents += 1
                    report.bytes += size
                    if replaced { report.replaced += 1 }
                } catch let error as IndexInputError {
                    report.failures.append(error)
                } catch let error as SQLiteError {
                    // A constraint on one document's data; a full disk or I/O error ends the load.
                    if [SQLITE_FULL_CODE, SQLITE_IOERR_CODE, SQLITE_READONLY_CODE].contains(error.code & 0xff) { throw error }
                    report.failures.append(IndexInputError(path: file, reason: "cannot be indexed: \(error)"))
                }
                inBatch += 1
                if inBatch >= batchSize {
                    try loader.indexPendingText()
                    try database.execute("COMMIT; BEGIN IMMEDIATE")
                    inBatch = 0
                }
                progress?(number + 1, files.count, report.bytes)
            }
            try loader.indexPendingText()
            if indexesDeferred { try buildIndexes() }
            if bulkHash { try database.execute(Self.removeBulkHashSize) }
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            loader.discardPendingText()
            if indexesDeferred { try? database.transaction { try buildIndexes() } }
            if bulkHash { try? database.execute(Self.removeBulkHashSize) }
            throw error
        }
        try? database.execute("PRAGMA optimize")
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// The FTS5 `hashsize` a bulk load sets, and how it is set, found and removed. Removing
    /// the row directly leaves the option in force for this connection's FTS5 (until its
    /// config is reloaded), which only ever costs memory.
    static let bulkHashSize = 8 << 20
    static let setBulkHashSize = "INSERT INTO \(IndexSchema.ftsTable) (\(IndexSchema.ftsTable), rank) VALUES ('hashsize', \(bulkHashSize))"
    static let hashSizeQuery = "SELECT v FROM \(IndexSchema.ftsTable)_config WHERE k = 'hashsize'"
    static let removeBulkHashSize = "DELETE FROM \(IndexSchema.ftsTable)_config WHERE k = 'hashsize' AND v = \(bulkHashSize)"

    /// Indexes one `verbale/1` JSON text (`jsonPath` names it in reports and in
    /// `documents.json_path`) in its own transaction. Returns true when it replaced an earlier
    /// version of the same document.
    @discardableResult
    public func add(json bytes: [UInt8], jsonPath: String) throws -> Bool {
        var reader = JSONReader()
        reader.bytes = bytes
        try JSONDocumentReader.parse(&reader, path: jsonPath)
        let loader = try Loader(database)
        return try reader.withRoot { (root) throws -> Bool in
            let document = try JSONDocumentReader.check(root, path: jsonPath)
            return try database.transaction {
                let replaced = try loader.insert(document, jsonPath: jsonPath, jsonBytes: bytes.count)
                loader.documentCommitted()
                try loader.indexPendingText()
                return replaced
            }
        }
    }

    /// Indexes a parsed document through its `verbale/1` JSON, so a document indexed this way
    /// has exactly the rows that `verbale index` gives its converted file.
    @discardableResult
    public func add(_ document: Document, jsonPath: String = "") throws -> Bool {
        try add(json: JSONWriter.write(document, indent: 0), jsonPath: jsonPath)
    }

    /// Removes the document whose source path is `path`; false when there was none.
    @discardableResult
    public func remove(path: String) throws -> Bool {
        try database.transaction {
            guard case .integer(let id) = try database.scalar("SELECT id FROM documents WHERE path = ?", [.text(path)]) else { return false }
            try Self.deleteDocument(database, id: id)
            return true
        }
    }

    /// Deletes a document's rows (see `DocumentDeleter`).
    static func deleteDocument(_ database: SQLiteDatabase, id: Int64) throws(SQLiteError) {
        try DocumentDeleter(database).delete(id)
    }

    // MARK: Merging

    /// Copies every document of the shard indexes at `shards` into this index (ATTACH +
    /// INSERT … SELECT, row ids shifted past this index's own). A document already here with the
    /// same source path is replaced by the shard's; among shards, the later one wins. One
    /// transaction per shard. Returns the number of documents copied.
    @discardableResult
    public func merge(shards: [String]) throws -> Int {
        var copied = 0
        for shard in shards {
            // Open it first to check it is an index at all, with a readable error if not.
            do { _ = try CitationIndex(path: shard, readOnly: true) } catch {
                throw SQLiteError(code: error.code, message: "\(shard): \(error.message)")
            }
            let attach = try database.prepare("ATTACH DATABASE ? AS shard")
            try attach.bind(1, shard)
            try attach.run()
            defer { try? database.execute("DETACH DATABASE shard") }
            copied += try database.transaction { try mergeAttached() }
        }
        return copied
    }

    private func mergeAttached() throws -> Int {
        // Documents of the shard that are already here are replaced.
        let existing = try database.rows("SELECT m.id FROM main.documents m JOIN shard.documents s ON s.path = m.path")
        let deleter = try DocumentDeleter(database)
        for row in existing {
            if case .integer(let id) = row[0] { try deleter.delete(id) }
        }
        var offsets: [String: Int64] = [:]
        for table in IndexSchema.tables {
            if case .integer(let maximum) = try database.scalar("SELECT max(id) FROM main.\(table.name)") {
                offsets[table.name] = maximum
            } else {
                offsets[table.name] = 0
            }
        }
        for table in IndexSchema.tables {
            let names = table.columns.map(\.name)
            let values = table.columns.map { column -> String in
                if column.name == "id" { return "id + \(offsets[table.name]!)" }
                if let target = column.references { return "\(column.name) + \(offsets[target]!)" }
                return column.name
            }
            try database.execute("INSERT INTO main.\(table.name) (\(names.joined(separator: ", "))) SELECT \(values.joined(separator: ", ")) FROM shard.\(table.name) ORDER BY id")
        }
        try database.execute("""
        INSERT INTO main.\(IndexSchema.ftsTable) (rowid, text) SELECT id + \(offsets["paragraphs"]!), text FROM shard.paragraphs
        """)
        if case .integer(let count) = try database.scalar("SELECT count(*) FROM shard.documents") { return Int(count) }
        return 0
    }
}

// The primary result codes the loader tells apart (the C macros are not visible to callers of
// this module, and comparing numbers keeps `CSQLite` an internal import).
let SQLITE_FULL_CODE: Int32 = 13
let SQLITE_IOERR_CODE: Int32 = 10
let SQLITE_READONLY_CODE: Int32 = 8

/// Deletes one document's rows with statements prepared once (a re-index deletes every
/// document it replaces).
///
/// The FTS table holds no copy of the text (external content), so it must be told which text
/// it indexed before the paragraphs go. The children are then deleted table by table through
/// their `document_id` index: the effect of `ON DELETE CASCADE`, without depending on
/// `PRAGMA foreign_keys`, which bulk loads turn off.
final class DocumentDeleter {
    private let fts: SQLiteStatement
    private let deletes: [SQLiteStatement]

    init(_ database: SQLiteDatabase) throws(SQLiteError) {
        fts = try database.prepare("""
        INSERT INTO \(IndexSchema.ftsTable) (\(IndexSchema.ftsTable), rowid, text) \
        SELECT 'delete', id, text FROM paragraphs WHERE document_id = ?
        """)
        var deletes: [SQLiteStatement] = []
        for table in IndexSchema.tables.reversed() {
            let column = table.name == "documents" ? "id" : "document_id"
            deletes.append(try database.prepare("DELETE FROM \(table.name) WHERE \(column) = ?"))
        }
        self.deletes = deletes
    }

    /// Deletes the document with row id `id` and everything that belongs to it.
    func delete(_ id: Int64) throws(SQLiteError) {
        try fts.bind(1, Int(id))
        try fts.run()
        for statement in deletes {
            try statement.bind(1, Int(id))
            try statement.run()
        }
    }
}
