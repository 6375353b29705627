import ArgumentParser
import FoundationEssentials
import VerbaleAKN
import VerbaleKit
#if canImport(Glibc)
import Glibc
#endif

/// `verbale bench-stages` (hidden): CPU cost of each pipeline stage on files held in memory.
///
/// `make bench` times whole commands; this isolates the stages, without file I/O, and takes the
/// fastest of several rounds. Each stage's cost is the difference between two configurations
/// measured in the same run. Thread CPU time leaves out waiting, but not a busy sibling
/// hyper-thread, which slows this thread's instructions: on a loaded machine the differences
/// swing widely, so read them on an idle one.
struct BenchStages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-stages",
        abstract: "Time each pipeline stage on files held in memory (fastest of N rounds).",
        shouldDisplay: false
    )

    @Argument(help: "Files or directories of .txt/.md documents.")
    var inputs: [String]

    @Option(name: .long, help: "Rounds per configuration; the fastest counts.")
    var rounds = 3

    /// CPU time of the calling thread: time spent waiting for the processor is not counted.
    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    func run() throws {
        let files = try InputCollector.collect(inputs, encoding: "auto")
        let documents: [(String, [UInt8])] = files.compactMap { file in
            FileManager.default.contents(atPath: file.path).map { (file.path, [UInt8]($0)) }
        }
        let megabytes = Double(documents.reduce(0) { $0 + $1.1.count }) / 1e6

        // One document alive at a time, as in a batch: holding all of them would measure
        // page faults instead of the stages.
        func parse(_ stages: PipelineStages, then write: (Document) -> Void = { _ in }) {
            for (path, bytes) in documents {
                var parser = DocumentParser(path: path)
                parser.stages = stages
                parser.feed(bytes)
                write(parser.finish())
            }
        }
        func fastest(_ body: () -> Void) -> Double {
            var best = Double.infinity
            for _ in 0..<max(1, rounds) {
                let start = Self.threadCPUSeconds()
                body()
                best = min(best, Self.threadCPUSeconds() - start)
            }
            return best
        }

        let structure = fastest { parse([]) }
        let citations = fastest { parse([.citations]) }
        let all = fastest { parse(.all) }
        let json = fastest { parse(.all) { _ = JSONWriter.write($0) } } - all
        let xml = fastest { parse(.all) { _ = try? AKNWriter.write($0) } } - all
        func row(_ name: String, _ seconds: Double) {
            print(name + String(repeating: " ", count: max(0, 34 - name.count))
                  + Formatting.padded(Formatting.fixed(seconds * 1000, decimals: 1), width: 9) + " ms "
                  + Formatting.padded(Formatting.fixed(megabytes / seconds, decimals: 1), width: 9) + " MB/s")
        }
        print("\(documents.count) documents, \(Formatting.fixed(megabytes, decimals: 1)) MB, fastest of \(rounds) rounds, CPU time of this thread, \(Allocator.version)")
        row("parse, structure only", structure)
        row("citations (difference)", citations - structure)
        row("validation (difference)", all - citations)
        row("parse, all stages", all)
        row("JSON writer (difference)", json)
        row("Akoma Ntoso writer (difference)", xml)
        row("parse + JSON", all + json)
    }
}
