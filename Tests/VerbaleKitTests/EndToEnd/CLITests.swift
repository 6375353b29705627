import Foundation
import Testing
@testable import VerbaleKit
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `verbale` binary the way users do.
@Suite("verbale command line")
struct CLITests {
    static let binary = Paths.verbale

    /// Runs the binary with `arguments`; returns exit status, stdout and stderr.
    static func run(_ arguments: [String], stdin: String? = nil) -> (Int32, String, String) {
        let out = "/tmp/verbale-test-\(getpid())-\(arguments.hashValue).out"
        let err = out + ".err"
        let quoted = arguments.map { "'" + $0.replacingAll("'", "'\\''") + "'" }.joined(separator: " ")
        var command = "'\(binary)' \(quoted) >'\(out)' 2>'\(err)'"
        if let stdin { command = "printf '%s' '\(stdin.replacingAll("'", "'\\''"))' | " + command }
        let status = system(command)
        let code = (status >> 8) & 0xFF
        let result = (code, String(decoding: Paths.read(out), as: UTF8.self), String(decoding: Paths.read(err), as: UTF8.self))
        unlink(out)
        unlink(err)
        return result
    }

    static func binaryAvailable() -> Bool {
        if Paths.exists(binary) { return true }
        Issue.record("\(binary) is not built; run `swift build` (make test does) before the tests")
        return false
    }

    @Test("--version and --help")
    func versionAndHelp() {
        guard Self.binaryAvailable() else { return }
        let (status, out, _) = Self.run(["--version"])
        #expect(status == 0)
        #expect(out.hasPrefix(Verbale.version))
        let (helpStatus, help, _) = Self.run(["--help"])
        #expect(helpStatus == 0)
        #expect(help.contains("convert") && help.contains("validate") && help.contains("cites"))
    }

    @Test("convert a corpus document to stdout, and standard input")
    func convert() {
        guard Self.binaryAvailable() else { return }
        let path = Paths.repository + "/corpus/documents/000_43be0010ffe11e27.txt"
        let (status, out, _) = Self.run(["convert", path])
        #expect(status == 0)
        #expect(out.hasPrefix("{\n \"schema\": \"verbale/1\""))
        #expect(out.contains("\"kind\": \"note-verbale\""))
        let (stdinStatus, stdinOut, _) = Self.run(["convert", "-", "--compact"], stdin: "The Embassy presents its compliments to the Ministry.")
        #expect(stdinStatus == 0)
        #expect(stdinOut.contains("\"path\":\"-\""))
        #expect(stdinOut.contains("\"kind\":\"note-verbale\""))
    }

    @Test("convert -o writes one file per input and goes on past a bad one")
    func convertDirectory() {
        guard Self.binaryAvailable() else { return }
        let outDir = "/tmp/verbale-e2e-\(getpid())"
        let good = Paths.repository + "/corpus/documents/000_43be0010ffe11e27.txt"
        let (status, _, err) = Self.run(["convert", good, "/nonexistent/file.txt", "-o", outDir])
        #expect(status == 2 || status == 1)
        #expect(err.contains("/nonexistent/file.txt"))
        let (okStatus, _, _) = Self.run(["convert", good, "-o", outDir])
        #expect(okStatus == 0)
        #expect(Paths.exists(outDir + "/000_43be0010ffe11e27.json"))
        _ = system("rm -rf '\(outDir)'")
    }

    @Test("a document over the whole-document limit is converted in windows, to the same kind of output")
    func convertInWindows() throws {
        guard Self.binaryAvailable() else { return }
        let root = "/tmp/verbale-windows-e2e-\(getpid())"
        _ = system("rm -rf '\(root)'; mkdir -p '\(root)/in'")
        defer { _ = system("rm -rf '\(root)'") }
        // The repository's documents, repeated to 2.5 MB: three windows of 1 MB.
        var volume: [UInt8] = []
        let folder = Paths.repository + "/corpus/documents"
        while volume.count < 2_500_000 {
            for name in Paths.list(folder) where name.hasSuffix(".txt") { volume += Paths.read(folder + "/" + name) + Array("\n\n".utf8) }
        }
        let file = try #require(fopen(root + "/in/volume.txt", "wb"))
        fwrite(volume, 1, volume.count, file)
        fclose(file)
        let (status, _, err) = Self.run(["convert", root + "/in", "-o", root + "/windows", "--window", "1", "--whole-limit", "0", "--quiet"])
        #expect(status == 0, "\(err)")
        let (wholeStatus, _, _) = Self.run(["convert", root + "/in", "-o", root + "/whole", "--window", "0", "--quiet"])
        #expect(wholeStatus == 0)
        // Nothing but the output and the manifest: the spool files are gone.
        #expect(Paths.list(root + "/windows") == ["manifest.jsonl", "volume.json"])
        let windowed = try #require(try JSONSerialization.jsonObject(with: Data(Paths.read(root + "/windows/volume.json"))) as? [String: Any])
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(Paths.read(root + "/whole/volume.json"))) as? [String: Any])
        #expect((windowed["source"] as? [String: Any])?["sha256"] as? String == (whole["source"] as? [String: Any])?["sha256"] as? String)
        let citations = (windowed["citations"] as? [Any])?.count ?? 0
        let wholeCitations = (whole["citations"] as? [Any])?.count ?? 0
        #expect(citations > 1000)
        #expect(citations * 10 >= wholeCitations * 9 && citations * 10 <= wholeCitations * 11)
        // The manifest counts what the output holds.
        let manifest = String(decoding: Paths.read(root + "/windows/manifest.jsonl"), as: UTF8.self)
        #expect(manifest.contains("\"citations\":\(citations)"), "\(manifest)")
    }

    @Test("usage errors exit 2 with a sentence to act on")
    func usage() {
        guard Self.binaryAvailable() else { return }
        let (status, _, err) = Self.run(["convert", "--format", "pdf", "x.txt"])
        #expect(status == 2)
        #expect(err.contains("unknown format"))
        let (many, _, manyErr) = Self.run(["convert", Paths.repository + "/corpus/documents"])
        #expect(many == 2)
        #expect(manyErr.contains("-o DIR"))
    }

    @Test("cites prints path:line:column, kind, key, text")
    func cites() {
        guard Self.binaryAvailable() else { return }
        let path = Paths.repository + "/corpus/documents/000_43be0010ffe11e27.txt"
        let (status, out, _) = Self.run(["cites", path])
        #expect(status == 0)
        for line in out.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 4)
            #expect(fields.first?.hasPrefix(path + ":") == true)
        }
    }

    @Test("cites keeps its columns when a path holds a tab or a line break")
    func citesFoldsSeparators() throws {
        guard Self.binaryAvailable() else { return }
        let directory = "/tmp/verbale-cites-\(getpid())"
        mkdir(directory, 0o755)
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/reply\tto\nnote.txt"
        try Data("The restriction must meet ICCPR art. 19(3).\n".utf8).write(to: URL(fileURLWithPath: path))
        let (status, out, _) = Self.run(["cites", path])
        #expect(status == 0)
        let shown = directory + "/reply to note.txt"
        #expect(out == "\(shown):1:27\tarticle\ticcpr/art19/para3\tICCPR art. 19(3)\n")
    }

    @Test("validate prints compiler-style lines and a summary")
    func validate() {
        guard Self.binaryAvailable() else { return }
        let path = Paths.repository + "/corpus/documents/000_43be0010ffe11e27.txt"
        let (_, out, _) = Self.run(["validate", path])
        #expect(out.split(separator: "\n").last?.hasSuffix("in 1 file") == true)
        let (jsonStatus, json, _) = Self.run(["validate", "--format", "json", path])
        #expect(jsonStatus == 0 || jsonStatus == 1)
        #expect(json.hasPrefix("["))
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
