import Foundation
import Testing
@testable import VerbaleIndex
import VerbaleKit

/// Paths and temporary files for the index tests.
enum Fixtures {
    /// The repository root, from this file's path (Tests/VerbaleIndexTests/Fixtures.swift).
    static let repository: String = {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/")
    }()

    /// The seed, as the JSON records it when converted from the repository root.
    static let seedPath = "corpus/documents/000_43be0010ffe11e27.txt"

    /// Every `.txt` of `corpus/documents`, as repository-relative paths.
    static var corpusPaths: [String] {
        let directory = repository + "/corpus/documents"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { "corpus/documents/" + $0 }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "verbale-index-tests-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Removes a directory made by `temporaryDirectory`: each test removes its own when it ends,
    /// so `make test` leaves nothing behind in the temporary directory.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The `verbale/1` JSON of the input at repository-relative `path`, recorded under
    /// `recordedPath` (the source path the index keys documents by).
    static func json(of path: String, recordedAs recordedPath: String? = nil) -> [UInt8] {
        let bytes = [UInt8](FileManager.default.contents(atPath: repository + "/" + path) ?? Data())
        let document = DocumentParser.parse(bytes: bytes, path: recordedPath ?? path)
        return JSONWriter.write(document)
    }

    /// Writes the JSON of `inputs` (path, recorded path) into `directory`, as `verbale convert -o`
    /// would, and returns the JSON file paths.
    @discardableResult
    static func convert(_ inputs: [(String, String)], into directory: String) -> [String] {
        var written: [String] = []
        for (index, (path, recorded)) in inputs.enumerated() {
            let name = directory + "/" + String(format: "%03d-", index) + (recorded.split(separator: "/").last.map(String.init) ?? "doc") + ".json"
            let created = FileManager.default.createFile(atPath: name, contents: Data(json(of: path, recordedAs: recorded)))
            #expect(created, "cannot write \(name)")
            written.append(name)
        }
        return written
    }

    /// Writes `text` to `path`.
    static func write(_ path: String, _ text: String) {
        let created = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        #expect(created, "cannot write \(path)")
    }

    /// An index of the whole corpus in a temporary directory, with the JSON directory it was
    /// loaded from.
    static func corpusIndex(_ name: String) throws -> (CitationIndex, String, String) {
        let directory = temporaryDirectory(name)
        let jsonDirectory = directory + "/json"
        try FileManager.default.createDirectory(atPath: jsonDirectory, withIntermediateDirectories: true)
        convert(corpusPaths.map { ($0, $0) }, into: jsonDirectory)
        let index = try CitationIndex(path: directory + "/index.sqlite")
        let report = try index.load([jsonDirectory])
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.documents == corpusPaths.count)
        return (index, jsonDirectory, directory)
    }

    /// Fails the test if the FTS index disagrees with `paragraphs` or a foreign key dangles.
    static func checkIntegrity(_ index: CitationIndex) throws {
        try index.database.execute("INSERT INTO \(IndexSchema.ftsTable) (\(IndexSchema.ftsTable)) VALUES ('integrity-check')")
        #expect(try index.database.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try index.database.scalar("PRAGMA integrity_check") == .text("ok"))
    }

    /// `(line, text)` of the rows of `result` for document `path`.
    static func rows(_ result: QueryResult, path: String = seedPath, text column: String = "text") -> [(Int, String)] {
        let paths = result.column("path")
        let lines = result.column("line")
        let texts = result.column(column)
        var rows: [(Int, String)] = []
        for index in paths.indices where paths[index] == .text(path) {
            guard case .integer(let line) = lines[index] else { continue }
            rows.append((Int(line), texts[index].displayText))
        }
        return rows
    }

    /// Row counts of every table, to compare before and after a re-index or merge.
    static func counts(_ index: CitationIndex) throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        // The FTS table reads its rows from `paragraphs`; its own entries are in `_docsize`.
        for table in IndexSchema.tables.map(\.name) + [IndexSchema.ftsTable + "_docsize"] {
            if case .integer(let count) = try index.database.scalar("SELECT count(*) FROM \(table)") { counts[table] = count }
        }
        return counts
    }
}
