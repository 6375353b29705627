import ArgumentParser
import VerbaleKit

/// `verbale cites`: one citation per line, for grep, jq and spreadsheets.
struct Cites: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Named here, not derived from the type: deriving demangles the type's name at every
        // start (about half a million instructions each of the ten times it is asked for).
        commandName: "cites",
        abstract: "Print every citation: path:line:column, kind, key, text (TSV) or JSON Lines."
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "Input encoding: auto (UTF-16 by byte-order mark, else UTF-8), utf-8, utf-16le, utf-16be, windows-1252.")
    var encoding: String = "auto"

    @Option(name: .long, help: "tsv or jsonl.")
    var format: String = "tsv"

    func validate() throws {
        guard ["tsv", "jsonl"].contains(format) else { throw ValidationError("unknown format '\(format)'; use tsv or jsonl") }
    }

    func run() throws {
        let files: [InputFile]
        do { files = try InputCollector.collect(input.inputs, encoding: encoding) } catch {
            Output.stderr("verbale: error: \(error)")
            throw ExitCode(2)
        }
        var failed = 0
        // Read once: the option's property wrapper cost ~450 instructions a read, once a line.
        let tsv = format == "tsv"
        for var file in files {
            // Only citations are printed: the structure pass and validation would be wasted work.
            file.stages = [.citationsOnly]
            do {
                let document = try InputCollector.parse(file)
                if tsv {
                    Output.stdout(Self.tsv(document.citations, lineTable: document.lineTable, path: file.path))
                    continue
                }
                var out: [UInt8] = []
                let citations = document.citations
                for k in citations.indices {
                    var json = JSONOutput(indent: 0)
                    JSONWriter.writeCitation(citations[k], to: &json, position: document.lineTable.location(of:))
                    json.raw(0x0A)
                    json.withUnsafeBytes { out.append(contentsOf: $0) }
                }
                Output.stdout(out)
            } catch {
                failed += 1
                Output.stderr("verbale: error: \(error)")
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// The TSV lines of a document's citations: `path:line:column`, kind, key, text.
    ///
    /// Written in two passes into one array of its final size: the first finds each line's
    /// location and the output's length, the second copies every field straight to its place.
    /// Appending field by field (a capacity check, a uniqueness check and a `memcpy` call per
    /// field, a digit buffer per number, a citation copied per line) cost ~1,500 instructions
    /// a line. Citations are read in place by index, never copied out of the array.
    static func tsv(_ citations: [Citation], lineTable: LineTable, path: String) -> [UInt8] {
        var pathBytes: [UInt8] = []
        appendField(path, to: &pathBytes)
        var locations: [LineColumn] = []
        locations.reserveCapacity(citations.count)
        // Per line: the path, `:`, `:`, three tabs and the line break, then the numbers and fields.
        var total = 0
        for k in citations.indices {
            let location = lineTable.location(of: citations[k].span.start)
            locations.append(location)
            total += pathBytes.count + 6 + decimalWidth(location.line) + decimalWidth(location.column)
                + citations[k].kind.rawValue.utf8.count + citations[k].key.utf8.count + citations[k].text.utf8.count
        }
        return [UInt8](unsafeUninitializedCapacity: total) { out, written in
            guard let base = out.baseAddress else { written = 0; return }
            var w = 0
            pathBytes.withUnsafeBufferPointer { path in
                for k in citations.indices {
                    if let from = path.baseAddress { (base + w).initialize(from: from, count: path.count) }
                    w += path.count
                    base[w] = 0x3A // :
                    w = writeDecimal(locations[k].line, base, w + 1)
                    base[w] = 0x3A
                    w = writeDecimal(locations[k].column, base, w + 1)
                    base[w] = 0x09
                    w = writeField(citations[k].kind.rawValue, base, w + 1)
                    base[w] = 0x09
                    w = writeField(citations[k].key, base, w + 1)
                    base[w] = 0x09
                    w = writeField(citations[k].text, base, w + 1)
                    base[w] = 0x0A
                    w += 1
                }
            }
            // The lengths counted above are exact; the check guards the buffer if they ever are not.
            precondition(w == total, "cites: TSV length mismatch")
            written = w
        }
    }

    /// Digits of a non-negative `value` in decimal (a line or column number, at least 1); the
    /// sign's byte too for a negative one.
    @inline(__always)
    static func decimalWidth(_ value: Int) -> Int {
        var width = value < 0 ? 2 : 1
        var rest = value.magnitude
        while rest >= 10 { rest /= 10; width += 1 }
        return width
    }

    /// Writes `value` in decimal at `base + w` and returns the offset after it.
    @inline(__always)
    static func writeDecimal(_ value: Int, _ base: UnsafeMutablePointer<UInt8>, _ w: Int) -> Int {
        var at = w
        if value < 0 { base[at] = 0x2D; at += 1 }
        let end = w + decimalWidth(value)
        var rest = value.magnitude
        var q = end
        repeat {
            q -= 1
            base[q] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
            rest /= 10
        } while q > at
        return end
    }

    /// Copies the UTF-8 of `field` to `base + w`, with tabs and line breaks folded to spaces (they
    /// would break the columns), and returns the offset after it.
    ///
    /// Whether the field holds one of them is asked eight bytes at a time: a byte below 0x0E
    /// (tab 0x09, line feed 0x0A, carriage return 0x0D) sets its word's high-bit test
    /// `(x - 0x0E…) & ~x & 0x80…`, which no word of larger bytes sets. Only a field where it
    /// fires is walked byte by byte.
    @inline(__always)
    static func writeField(_ field: String, _ base: UnsafeMutablePointer<UInt8>, _ w: Int) -> Int {
        let copied: Int? = field.utf8.withContiguousStorageIfAvailable { bytes in
            guard let from = bytes.baseAddress else { return 0 }
            (base + w).initialize(from: from, count: bytes.count)
            if mayHoldSeparator(UnsafeRawPointer(from), bytes.count) {
                for q in w..<(w + bytes.count) where base[q] == 0x09 || base[q] == 0x0A || base[q] == 0x0D {
                    base[q] = 0x20
                }
            }
            return bytes.count
        }
        if let copied { return w + copied }
        // A string without contiguous UTF-8 (not made by this program): the general path.
        var bytes: [UInt8] = []
        appendField(field, to: &bytes)
        bytes.withUnsafeBufferPointer { if let from = $0.baseAddress { (base + w).initialize(from: from, count: $0.count) } }
        return w + bytes.count
    }

    /// Whether some of the `count` bytes at `p` may be below 0x0E; false only when none is.
    @inline(__always)
    static func mayHoldSeparator(_ p: UnsafeRawPointer, _ count: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        var k = 0
        while k + 8 <= count {
            let x = p.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            if (x &- ones &* 0x0E) & ~x & (ones &* 0x80) != 0 { return true }
            k += 8
        }
        while k < count {
            if p.load(fromByteOffset: k, as: UInt8.self) < 0x0E { return true }
            k += 1
        }
        return false
    }

    /// Appends a field with its tabs and line breaks folded to spaces: they would break the
    /// columns. The field is copied at once; the folding pass runs only over the bytes copied.
    static func appendField(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            let start = out.count
            out.append(contentsOf: bytes)
            guard bytes.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return }
            for index in start..<out.count where out[index] == 0x09 || out[index] == 0x0A || out[index] == 0x0D {
                out[index] = 0x20
            }
        }
    }
}
