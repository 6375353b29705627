import Testing
@testable import VerbaleKit
#if canImport(Glibc)
import Glibc
#endif

/// Batch conversion as an archive job uses it: incremental, sharded, interruptible.
@Suite("verbale convert on a directory", .serialized)
struct BatchTests {
    /// A scratch directory with `count` small documents in two subfolders.
    static func makeArchive(_ count: Int) -> String {
        let root = "/tmp/verbale-batch-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))"
        for index in 0..<count {
            let folder = root + "/in/" + (index % 2 == 0 ? "even" : "odd")
            _ = system("mkdir -p '\(folder)'")
            let text = "The Embassy presents its compliments to the Ministry and refers to Note No. \(index) of 1 March 2020.\n\nThe Embassy avails itself of this opportunity.\n\n**Paris, \(index % 28 + 1) April 2020**\n"
            let path = folder + "/note\(index).txt"
            let file = fopen(path, "wb")!
            fputs(text, file)
            fclose(file)
        }
        return root
    }

    static func manifest(_ out: String) -> [String] {
        String(decoding: Paths.read(out + "/manifest.jsonl"), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    static func outputs(_ out: String) -> [String] {
        var found: [String] = []
        for folder in ["even", "odd"] {
            found += Paths.list(out + "/" + folder).map { folder + "/" + $0 }
        }
        return found.sorted()
    }

    @Test("Mirrors the tree, writes a manifest line per input, skips unchanged inputs on a re-run")
    func incremental() {
        guard CLITests.binaryAvailable() else { return }
        let root = Self.makeArchive(6)
        defer { _ = system("rm -rf '\(root)'") }
        let (status, _, _) = CLITests.run(["convert", root + "/in", "-o", root + "/out", "--quiet"])
        #expect(status == 0)
        #expect(Self.outputs(root + "/out") == ["even/note0.json", "even/note2.json", "even/note4.json",
                                                 "odd/note1.json", "odd/note3.json", "odd/note5.json"])
        let lines = Self.manifest(root + "/out")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.contains("\"status\":\"ok\"") && $0.contains("\"sha256\":\"") })
        // Unchanged: nothing converted. One input edited: only it is converted again.
        let (_, _, again) = CLITests.run(["convert", root + "/in", "-o", root + "/out"])
        #expect(again.contains("0 converted, 6 unchanged, 0 failed"))
        _ = system("printf 'More text.\\n' >> '\(root)/in/odd/note3.txt'")
        let (_, _, edited) = CLITests.run(["convert", root + "/in", "-o", root + "/out"])
        #expect(edited.contains("1 converted, 5 unchanged, 0 failed"))
        let (_, _, forced) = CLITests.run(["convert", root + "/in", "-o", root + "/out", "--force"])
        #expect(forced.contains("6 converted, 0 unchanged, 0 failed"))
        #expect(Self.manifest(root + "/out").count == 6)
    }

    @Test("Shares of --shard K/N are disjoint and together cover every input")
    func shards() {
        guard CLITests.binaryAvailable() else { return }
        let root = Self.makeArchive(12)
        defer { _ = system("rm -rf '\(root)'") }
        var seen: [String: Int] = [:]
        for k in 1...3 {
            let out = root + "/out\(k)"
            let (status, _, _) = CLITests.run(["convert", root + "/in", "-o", out, "--shard", "\(k)/3", "--quiet"])
            #expect(status == 0)
            for name in Self.outputs(out) { seen[name, default: 0] += 1 }
        }
        #expect(seen.count == 12)
        #expect(seen.values.allSatisfy { $0 == 1 })
        let (bad, _, err) = CLITests.run(["convert", root + "/in", "-o", root + "/x", "--shard", "4/3"])
        #expect(bad == 2)
        #expect(err.contains("--shard"))
    }

    @Test("A bad file is reported and the batch goes on; exit status 1")
    func isolation() {
        guard CLITests.binaryAvailable() else { return }
        let root = Self.makeArchive(4)
        defer { _ = system("rm -rf '\(root)'") }
        _ = system("printf '%%PDF-1.7\\n\\0\\0binary' > '\(root)/in/even/scan.txt'")
        let (status, _, err) = CLITests.run(["convert", root + "/in", "-o", root + "/out", "--quiet"])
        #expect(status == 1)
        #expect(err.contains("scan.txt"))
        #expect(err.contains("4 converted, 0 unchanged, 1 failed"))
        #expect(Self.outputs(root + "/out").filter { $0.hasSuffix(".json") }.count == 4)
    }

    @Test("A run killed midway leaves no partial output; the re-run completes without duplicates")
    func interrupted() {
        guard CLITests.binaryAvailable() else { return }
        let root = Self.makeArchive(400)
        defer { _ = system("rm -rf '\(root)'") }
        // Kill the batch shortly after it starts (SIGKILL: no chance to clean up).
        _ = system("'\(CLITests.binary)' convert '\(root)/in' -o '\(root)/out' --jobs 1 --quiet & pid=$!; sleep 0.3; kill -9 $pid; wait $pid 2>/dev/null")
        let partial = Self.outputs(root + "/out").filter { $0.hasSuffix(".json") }
        // Whatever was written is complete JSON (written through a temporary file and a rename).
        for name in partial {
            let bytes = Paths.read(root + "/out/" + name)
            #expect(bytes.last == 0x0A && bytes.first == UInt8(ascii: "{"), "\(name) is incomplete")
        }
        let (status, _, err) = CLITests.run(["convert", root + "/in", "-o", root + "/out", "--jobs", "2"])
        #expect(status == 0)
        #expect(err.contains("0 failed"))
        let outputs = Self.outputs(root + "/out")
        #expect(outputs.filter { $0.hasSuffix(".json") }.count == 400)
        // A temporary file left by the killed run is replaced and renamed by the re-run.
        #expect(!outputs.contains { $0.hasSuffix(".partial") })
        let lines = Self.manifest(root + "/out")
        #expect(lines.count == 400)
        #expect(Set(lines.map { $0.split(separator: ",")[0] }).count == 400)
    }
}
