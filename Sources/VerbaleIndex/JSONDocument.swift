internal import Foundation

/// A `verbale/1` JSON file that could not be indexed, and why.
public struct IndexInputError: Error, CustomStringConvertible, Sendable {
    /// The JSON file.
    public var path: String
    /// What is wrong, in a sentence that says what to do.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

/// Typed reads from a JSONSerialization object, tolerant of missing keys (a missing optional
/// field is nil, never a crash) and strict only about what identifies a document.
struct JSONObject {
    let raw: [String: Any]

    init(_ raw: [String: Any]) { self.raw = raw }

    func string(_ key: String) -> String? { raw[key] as? String }

    func int(_ key: String) -> Int? {
        // JSONSerialization gives NSNumber: a class cast is much cheaper than `as? Int`, which
        // goes through the bridging machinery (a tenth of a load's time in profiles).
        if let value = raw[key] as? NSNumber { return value.intValue }
        return raw[key] as? Int
    }

    func bool(_ key: String) -> Bool? { raw[key] as? Bool }

    func object(_ key: String) -> JSONObject? { (raw[key] as? [String: Any]).map(JSONObject.init) }

    func objects(_ key: String) -> [JSONObject] {
        guard let array = raw[key] as? [Any] else { return [] }
        return array.compactMap { ($0 as? [String: Any]).map(JSONObject.init) }
    }

    /// A list of strings (numbers written as numbers are turned into their decimal text).
    func strings(_ key: String) -> [String] {
        guard let array = raw[key] as? [Any] else { return [] }
        return array.compactMap { item in
            if let text = item as? String { return text }
            if let number = item as? NSNumber { return String(number.intValue) }
            return nil
        }
    }

    /// A string field that may also be written as an integer (a communication's `number`).
    func stringOrNumber(_ key: String) -> String? {
        if let text = raw[key] as? String { return text }
        if let number = int(key) { return String(number) }
        return nil
    }
}

/// Reads and checks one JSON file, before any database work, so a bad file costs nothing but
/// its report.
enum JSONDocumentReader {
    /// The root object of the `verbale/1` document in `bytes`.
    static func parse(_ data: Data, path: String) throws(IndexInputError) -> JSONObject {
        let any: Any
        do {
            any = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw IndexInputError(path: path, reason: "not valid JSON (\(Self.describe(error))); re-run verbale convert on its input")
        }
        guard let root = any as? [String: Any] else {
            throw IndexInputError(path: path, reason: "not a verbale/1 document: the top level is not a JSON object")
        }
        let object = JSONObject(root)
        guard let schema = object.string("schema") else {
            throw IndexInputError(path: path, reason: "not a verbale/1 document: no \"schema\" field")
        }
        guard schema == "verbale/1" else {
            throw IndexInputError(path: path, reason: "schema \"\(schema)\" is not verbale/1; convert it again with this version of verbale")
        }
        guard let source = object.object("source"), source.string("path") != nil, source.string("sha256") != nil,
              source.int("bytes") != nil else {
            throw IndexInputError(path: path, reason: "not a verbale/1 document: \"source\" lacks path, sha256 or bytes")
        }
        return object
    }

    private static func describe(_ error: any Error) -> String {
        // Foundation's own sentence ("Unexpected end of file during JSON parse.") rather than
        // the whole NSError dump.
        let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        var text = detail ?? String(describing: error)
        while text.hasSuffix(".") { text.removeLast() }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }

    /// The whole file at `path` (as `Data`, which JSONSerialization reads without a copy).
    static func read(_ path: String) throws(IndexInputError) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IndexInputError(path: path, reason: "cannot open the file; check the path and its permissions")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw IndexInputError(path: path, reason: "cannot read the file (\(error))")
        }
    }

    /// Expands inputs: files as given, directories recursively for `*.json` (sorted, so runs
    /// are deterministic). `manifest.jsonl` and other non-`.json` files are skipped.
    static func collect(_ inputs: [String]) throws(IndexInputError) -> [String] {
        let manager = FileManager.default
        var result: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw IndexInputError(path: input, reason: "no such file or directory; check the path")
            }
            if !isDirectory.boolValue { result.append(input); continue }
            var found: [String] = []
            walk(input, manager: manager, into: &found)
            result.append(contentsOf: found.sorted())
        }
        return result
    }

    private static func walk(_ directory: String, manager: FileManager, into found: inout [String]) {
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(path, manager: manager, into: &found)
            } else if name.lowercased().hasSuffix(".json") {
                found.append(path)
            }
        }
    }
}
