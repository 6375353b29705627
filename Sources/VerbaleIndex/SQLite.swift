internal import CSQLite

/// An error from SQLite, with the library's own message and the SQL that failed, so a report
/// names the statement rather than only a code.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// SQLite's extended result code.
    public var code: Int32
    /// `sqlite3_errmsg` at the time of the failure.
    public var message: String
    /// The statement that failed, when there was one.
    public var sql: String?

    /// Creates an error.
    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// `message (code N) in: SQL`, the SQL shortened to one line.
    public var description: String {
        var text = "\(message) (SQLite code \(code))"
        if let sql {
            let flat = sql.split(whereSeparator: { $0 == "\n" }).map { $0.trimmingCharacters() }.joined(separator: " ")
            text += " in: " + (flat.count > 200 ? String(flat.prefix(200)) + "…" : flat)
        }
        return text
    }
}

/// A value bound to a statement parameter or read from a result column.
public enum SQLiteValue: Sendable, Equatable {
    /// SQL NULL.
    case null
    /// An integer.
    case integer(Int64)
    /// A floating-point number.
    case real(Double)
    /// UTF-8 text.
    case text(String)

    /// The value as text for display (`NULL` as the empty string).
    public var displayText: String {
        switch self {
        case .null: return ""
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value): return value
        }
    }
}

/// `SQLITE_TRANSIENT`: the macro is a cast of -1 that Swift does not import. It makes SQLite
/// copy bound text at once, so Swift strings need not outlive the bind call.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection, closed when the value goes away.
///
/// A class rather than a `~Copyable` struct: statements hold a strong reference to their
/// connection, which guarantees the connection outlives every statement prepared on it
/// (SQLite refuses `sqlite3_close` while statements are open). Not `Sendable`: a connection is
/// used from one thread at a time.
public final class SQLiteDatabase {
    /// The `sqlite3*` handle.
    let handle: OpaquePointer
    /// The file the connection was opened on.
    public let path: String

    /// Opens (and with `create`, creates) the database at `path`.
    public init(path: String, readOnly: Bool = false, create: Bool = true) throws(SQLiteError) {
        var db: OpaquePointer?
        // NOMUTEX: a connection is used from one thread at a time, so SQLite's own locking of
        // every call is pure cost (visible in profiles of bulk loads).
        var flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: code, message: "cannot open \(path): \(message)")
        }
        sqlite3_extended_result_codes(db, 1)
        // A concurrent reader (a browser open on the file) should make a writer wait, not fail.
        sqlite3_busy_timeout(db, 5000)
        handle = db
        self.path = path
    }

    deinit { sqlite3_close_v2(handle) }

    /// The current error of the connection.
    func error(_ code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs one or more statements that return no rows (DDL, pragmas, `BEGIN`…).
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: code, message: text, sql: sql)
        }
    }

    /// Compiles `sql` into a statement.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql: sql) }
        return SQLiteStatement(database: self, handle: statement, sql: sql)
    }

    /// Rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back if it throws, so a failure
    /// leaves the database as it was.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside a savepoint: within a larger transaction, a failure undoes only what
    /// `body` did.
    public func savepoint<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO \(name)")
            try? execute("RELEASE \(name)")
            throw error
        }
    }

    /// Every row of `sql` with `parameters` bound in order, each row as an array of values.
    public func rows(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        var result: [[SQLiteValue]] = []
        while try statement.step() {
            result.append((0..<statement.columnCount).map { statement.value($0) })
        }
        return result
    }

    /// The first column of the first row of `sql`, or `.null` when there is no row.
    public func scalar(_ sql: String, _ parameters: [SQLiteValue] = []) throws(SQLiteError) -> SQLiteValue {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        return try statement.step() ? statement.value(0) : .null
    }
}

/// A compiled statement, finalized when the value goes away.
public final class SQLiteStatement {
    /// The connection, kept alive for as long as the statement.
    public let database: SQLiteDatabase
    let handle: OpaquePointer
    /// The SQL it was compiled from, for error messages.
    public let sql: String

    init(database: SQLiteDatabase, handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    private func check(_ code: Int32) throws(SQLiteError) {
        if code != SQLITE_OK { throw database.error(code, sql: sql) }
    }

    /// Binds an integer (or NULL) to 1-based parameter `index`.
    public func bind(_ index: Int32, _ value: Int?) throws(SQLiteError) {
        if let value { try check(sqlite3_bind_int64(handle, index, Int64(value))) } else { try check(sqlite3_bind_null(handle, index)) }
    }

    /// Binds text (or NULL) to 1-based parameter `index`.
    public func bind(_ index: Int32, _ value: String?) throws(SQLiteError) {
        guard var value else { try check(sqlite3_bind_null(handle, index)); return }
        let code = value.withUTF8 { utf8 -> Int32 in
            // A non-nil pointer even for "" so SQLite stores an empty string, not NULL.
            guard let base = utf8.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, transient) }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(handle, index, $0, Int32(utf8.count), transient)
            }
        }
        try check(code)
    }

    /// Binds a string of a parsed JSON document (or NULL) to 1-based parameter `index`,
    /// without copying it: SQLite reads the bytes in place when the statement runs, so they
    /// must stay valid until then (the loader runs every row inside `JSONReader.withRoot`, and
    /// `run` clears the bindings afterwards). Saves a `String` and a copy per column.
    func bind(_ index: Int32, _ value: JSONString?) throws(SQLiteError) {
        guard let value else { try check(sqlite3_bind_null(handle, index)); return }
        guard value.count <= Int(Int32.max) else { throw SQLiteError(code: 18, message: "string or blob too big", sql: sql) }
        // The pointer is never nil (it points into the document even for ""), so an empty
        // string is stored as '' and not as NULL.
        let code = value.base.withMemoryRebound(to: CChar.self, capacity: value.count) {
            sqlite3_bind_text(handle, index, $0, Int32(value.count), nil)  // nil: SQLITE_STATIC
        }
        try check(code)
    }

    /// Binds a value to 1-based parameter `index`.
    public func bind(_ index: Int32, _ value: SQLiteValue) throws(SQLiteError) {
        switch value {
        case .null: try check(sqlite3_bind_null(handle, index))
        case .integer(let number): try check(sqlite3_bind_int64(handle, index, number))
        case .real(let number): try check(sqlite3_bind_double(handle, index, number))
        case .text(let text): try bind(index, text)
        }
    }

    /// Binds `values` to parameters 1, 2, … in order.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() { try bind(Int32(offset + 1), value) }
    }

    /// Advances to the next row: true when a row is available, false when done.
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw database.error(code, sql: sql)
    }

    /// Runs a statement that returns no rows, then resets it and clears its bindings for reuse.
    public func run() throws(SQLiteError) {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        if code != SQLITE_DONE && code != SQLITE_ROW { throw database.error(code, sql: sql) }
    }

    /// Resets the statement so it can be stepped again (bindings are kept).
    public func reset() { sqlite3_reset(handle) }

    /// Number of result columns.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// Name of result column `index` (0-based).
    public func columnName(_ index: Int32) -> String { String(cString: sqlite3_column_name(handle, index)) }

    /// Value of result column `index` (0-based) of the current row.
    public func value(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        default:
            guard let text = sqlite3_column_text(handle, index) else { return .null }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs (Foundation-free).
    fileprivate func trimmingCharacters() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
