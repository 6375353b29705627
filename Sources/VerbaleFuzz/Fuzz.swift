// libFuzzer entry point over the whole pipeline: bytes → DocumentParser (decoding, tokenizer,
// assembler, citations, validation) → JSON writer → Akoma Ntoso writer.
//
// Build and run (see `make fuzz`, docs/robustness.md):
//
//     swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -DVERBALE_FUZZING --product verbale-fuzz
//     .build/debug/verbale-fuzz -max_len=65536 -max_total_time=60 FUZZ-CORPUS corpus/documents
//
// `-DVERBALE_FUZZING` (the Makefile passes it with the sanitizer) selects a `main` that runs
// libFuzzer's driver; without it the product is a replayer that runs the files given on the
// command line once, so a plain `swift build` of the whole package still builds and links.
import VerbaleAKN
import VerbaleKit

/// Runs one input through everything a `verbale convert --format json,xml` would do, checking
/// the invariants a crash alone would not reveal: spans inside the input, the JSON well formed
/// enough to start and end as an object.
@_cdecl("LLVMFuzzerTestOneInput")
public func verbaleFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // Feed in uneven chunks so chunk boundaries fall inside lines, CRLFs and characters; the
    // chunk size comes from the input itself so it varies from run to run deterministically.
    var parser = DocumentParser(path: "fuzz")
    let step = 1 + (bytes.first.map(Int.init) ?? 0) * 37 % 4096
    var offset = 0
    while offset < bytes.count {
        let end = min(bytes.count, offset + step)
        parser.feed(Array(bytes[offset..<end]))
        offset = end
    }
    let document: Document
    do {
        document = try parser.finishThrowing()
    } catch {
        return 0  // A refusal (binary, NUL bytes) is a correct answer.
    }
    // Spans are offsets into the original bytes, transcoded inputs (UTF-16, Windows-1252)
    // included (docs/robustness.md).
    let limit = document.source.bytes
    for block in document.allBlocks {
        for span in block.spans where span.start < 0 || span.end > limit || span.start > span.end {
            fatalError("block \(block.id) span \(span.start)..<\(span.end) outside 0..<\(limit)")
        }
    }
    for citation in document.citations where citation.span.start < 0 || citation.span.end > limit {
        fatalError("citation \(citation.id) span \(citation.span.start)..<\(citation.span.end) outside 0..<\(limit)")
    }
    var json = JSONWriter.write(document, indent: 0)
    if json.last == 0x0A { json.removeLast() }
    if json.first != UInt8(ascii: "{") || json.last != UInt8(ascii: "}") {
        fatalError("JSON output does not start and end as an object")
    }
    if String(validating: json, as: UTF8.self) == nil {
        fatalError("JSON output is not valid UTF-8")
    }
    _ = try? AKNWriter.write(document)
    // Windows re-assemble the input many times over: half the inputs (those of odd length)
    // take that path too, so the run still reaches as many inputs.
    if bytes.count & 1 == 1 { fuzzWindows(bytes, step: step) }
    return 0
}

/// The same input read in small windows (`WindowedDocumentParser`, as `convert` reads a very
/// large document), checking what the cuts must keep: spans inside the input, windows that
/// never overlap, block ids numbered through from window to window, each window's JSON valid.
func fuzzWindows(_ bytes: [UInt8], step: Int) {
    let windowBytes = 64 + (bytes.count > 1 ? Int(bytes[1]) : 0) * 29 % 2048
    var parser = WindowedDocumentParser(path: "fuzz", windowBytes: windowBytes)
    var windows: [Document] = []
    var offset = 0
    while offset < bytes.count {
        let end = min(bytes.count, offset + step)
        bytes[offset..<end].withUnsafeBytes { parser.feed($0) }
        offset = end
        if parser.refusal != nil { return }
        while let window = parser.nextWindow() { windows.append(window) }
    }
    parser.finish()
    while let window = parser.nextWindow() { windows.append(window) }
    let summary = parser.summary()
    let limit = summary.source.bytes
    var blockNumbers: [Int] = []
    var previousEnd = 0
    for window in windows {
        var windowEnd = previousEnd
        for block in window.allBlocks {
            blockNumbers.append(Int(block.id.dropFirst(2)) ?? -1)
            for span in block.spans {
                if span.start < previousEnd || span.end > limit || span.start > span.end {
                    fatalError("window block \(block.id) span \(span.start)..<\(span.end) outside \(previousEnd)..<\(limit)")
                }
                windowEnd = max(windowEnd, span.end)
            }
        }
        for citation in window.citations where citation.span.start < 0 || citation.span.end > limit {
            fatalError("window citation \(citation.id) span \(citation.span.start)..<\(citation.span.end) outside 0..<\(limit)")
        }
        if String(validating: JSONWriter.write(window, indent: 0), as: UTF8.self) == nil {
            fatalError("a window's JSON is not valid UTF-8")
        }
        previousEnd = windowEnd
    }
    // Every block once, numbered 1, 2, … through the windows (order within a window is the
    // parts', which may put a page's furniture after the block that follows it).
    if blockNumbers.sorted() != (0..<blockNumbers.count).map({ $0 + 1 }) {
        fatalError("window block ids are not 1...\(blockNumbers.count) once each")
    }
}

#if canImport(Glibc)
import Glibc
#endif

#if VERBALE_FUZZING
/// libFuzzer's driver, called from our own `main`: SwiftPM links every executable's entry point
/// as `main` itself, so the `main` inside libFuzzer's runtime is never used.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Hands the command line to libFuzzer (`-max_len=`, `-max_total_time=`, corpus directories).
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, { verbaleFuzzOne($0, $1) }))
    }
}
#else
/// Without libFuzzer (`-DVERBALE_FUZZING` not set): runs each file named on the command line
/// through the fuzz entry point once, so a crash file can be replayed in a plain debug build.
@main
enum FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else { continue }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, file) }
                if count <= 0 { break }
                bytes.append(contentsOf: buffer[0..<count])
            }
            fclose(file)
            _ = bytes.withUnsafeBufferPointer { verbaleFuzzOne($0.baseAddress, $0.count) }
        }
    }
}
#endif
