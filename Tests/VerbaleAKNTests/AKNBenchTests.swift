import Foundation
import Testing
@testable import VerbaleAKN
import VerbaleKit

/// XML against JSON writing time on the same parsed documents. Off by default (timing belongs in
/// a release build): `VERBALE_AKN_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter AKNBench`.
@Suite("Akoma Ntoso writing cost", .enabled(if: ProcessInfo.processInfo.environment["VERBALE_AKN_BENCH"] != nil))
struct AKNBenchTests {
    @Test func xmlCostsAtMostOneAndAHalfJSON() throws {
        let directory = Fixtures.shared.appendingPathComponent("corpus/public")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var documents = try names.map { try DocumentParser.parse(fileAt: directory.appendingPathComponent($0).path) }
        documents.append(try DocumentParser.parse(fileAt: AKNCorpusTests.seedPath))
        let rounds = Int(ProcessInfo.processInfo.environment["VERBALE_AKN_BENCH"] ?? "") ?? 40
        var jsonBytes = 0
        var xmlBytes = 0
        let clock = ContinuousClock()
        // Warm both paths once so first-call costs are not measured.
        for document in documents {
            _ = JSONWriter.write(document)
            _ = try AKNWriter.write(document)
        }
        let json = clock.measure {
            for _ in 0..<rounds { for document in documents { jsonBytes += JSONWriter.write(document).count } }
        }
        let xml = try clock.measure {
            for _ in 0..<rounds { for document in documents { xmlBytes += try AKNWriter.write(document).bytes.count } }
        }
        let jsonSeconds = Double(json.components.seconds) + Double(json.components.attoseconds) * 1e-18
        let xmlSeconds = Double(xml.components.seconds) + Double(xml.components.attoseconds) * 1e-18
        // The plan (document split, footnote and citation placement) is part of the XML cost;
        // shown apart because it is the part that grows with citations.
        let plan = clock.measure {
            for _ in 0..<rounds { for document in documents { _ = Plan(document: document, options: AKNOptions()).docs.count } }
        }
        func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds / Double(rounds) * 1000) }
        let planSeconds = Double(plan.components.seconds) + Double(plan.components.attoseconds) * 1e-18
        print("bench: \(documents.count) documents per round, \(rounds) rounds: JSON \(jsonBytes / rounds) B in \(ms(jsonSeconds)); "
              + "XML \(xmlBytes / rounds) B in \(ms(xmlSeconds)) (plan \(ms(planSeconds))); XML/JSON time "
              + String(format: "%.2f", xmlSeconds / jsonSeconds))
        #expect(xmlSeconds <= 1.5 * jsonSeconds)
    }
}
