import Testing
@testable import VerbaleKit
#if canImport(Glibc)
import Glibc
#endif

/// Locations the tests read from, resolved from this file so `swift test` works from anywhere.
enum Paths {
    /// The built `verbale` command the end-to-end tests run (`make test` builds it first);
    /// `VERBALE_BINARY` overrides the path, for builds in another scratch path.
    static let verbale: String = getenv("VERBALE_BINARY").map { String(cString: $0) } ?? repository + "/.build/debug/verbale"

    /// The repository root.
    static let repository: String = {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)  // Tests/VerbaleKitTests/Support/Paths.swift
        return components.joined(separator: "/")
    }()

    /// `../shared` beside the repository.
    static let shared = repository + "/../shared"

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Whether `../shared` is there. Absent under CI is a failure; elsewhere a printed skip.
    static func sharedAvailable(_ what: String) -> Bool {
        if exists(shared + "/corpus/seed") { return true }
        if getenv("CI").map({ String(cString: $0) }) == "true" {
            Issue.record("../shared is missing under CI; \(what) cannot run")
        } else {
            print("skipping \(what): ../shared is not beside this clone")
        }
        return false
    }

    static func read(_ path: String) -> [UInt8] {
        readIfPresent(path) ?? []
    }

    /// The bytes of a file, or nil when it cannot be opened.
    static func readIfPresent(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    static func list(_ directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    static let seed = shared + "/corpus/seed/000_43be0010ffe11e27.txt"
}
