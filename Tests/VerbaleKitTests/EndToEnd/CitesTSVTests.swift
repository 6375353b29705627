import Foundation
import Testing

/// `verbale cites` writes a document's TSV lines into one array sized in a first pass
/// (`Cites.tsv`): every line's numbers of one to four digits, and every kind of field, must
/// come out as the field-by-field writer printed them.
@Suite("cites TSV lines")
struct CitesTSVTests {
    @Test("line and column numbers of every width, and fields of several kinds")
    func widths() throws {
        guard CLITests.binaryAvailable() else { return }
        let directory = "/tmp/verbale-cites-tsv-\(getpid())"
        mkdir(directory, 0o755)
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        var lines: [String] = []
        for k in 1...1001 {
            switch k {
            case 1: lines.append("ICCPR art. 19(3) opens the note.")
            case 9: lines.append(String(repeating: "x", count: 8) + " See Exhibit 3.")
            case 10: lines.append(String(repeating: "y", count: 9) + " Art. 5 of the ICCPR.")
            case 100: lines.append(String(repeating: "z", count: 99) + " Exhibit 12.")
            case 1001: lines.append(String(repeating: "w", count: 120) + " Ibid. and BIN 011040008019.")
            default: lines.append("plain text line")
            }
        }
        let path = directory + "/widths.txt"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let (status, out, _) = CLITests.run(["cites", path])
        #expect(status == 0)
        let expected = [
            "\(path):1:1\tarticle\ticcpr/art19/para3\tICCPR art. 19(3)",
            "\(path):9:14\texhibit\texhibit/3\tExhibit 3",
            "\(path):10:11\tarticle\ticcpr/art5\tArt. 5 of the ICCPR",
            "\(path):100:101\texhibit\texhibit/12\tExhibit 12",
            "\(path):1001:122\tid\texhibit/12\tIbid.",
            "\(path):1001:132\tregistration\tregistration/kz-bin/011040008019\tBIN 011040008019",
        ]
        #expect(out == expected.joined(separator: "\n") + "\n")
    }

    @Test("a document without citations prints nothing")
    func empty() throws {
        guard CLITests.binaryAvailable() else { return }
        let path = "/tmp/verbale-cites-empty-\(getpid()).txt"
        defer { _ = try? FileManager.default.removeItem(atPath: path) }
        try Data("Nothing is cited here.\n".utf8).write(to: URL(fileURLWithPath: path))
        let (status, out, _) = CLITests.run(["cites", path])
        #expect(status == 0)
        #expect(out.isEmpty)
    }
}
