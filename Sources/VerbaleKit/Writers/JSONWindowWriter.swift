#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the JSON of a document that comes in windows (`WindowedDocumentParser`): each
/// array's elements go to a temporary spool file as the windows arrive, and `finish` writes the
/// document — its header, then every array from its spool — to a sink. Memory holds one
/// window's output at most; the spools hold the rest on disk.
///
/// The bytes are those `JSONWriter` writes for a document holding the windows' parts,
/// sections, questions, footnotes, citations, definitions and diagnostics one window after
/// the other, and the summary's exhibits.
///
/// Owns its spool files (unlinked when made, so nothing is left behind whatever happens):
/// non-copyable, closed when it ends.
public struct JSONWindowWriter: ~Copyable {
    /// The arrays spooled, in the order the document has them (exhibits, known only at the
    /// end, come from the summary between definitions and diagnostics).
    private enum Spooled: Int, CaseIterable {
        case parts, sections, questions, footnotes, citations, definitions, diagnostics

        var key: StaticString {
            switch self {
            case .parts: "parts"
            case .sections: "sections"
            case .questions: "questions"
            case .footnotes: "footnotes"
            case .citations: "citations"
            case .definitions: "definitions"
            case .diagnostics: "diagnostics"
            }
        }
    }

    private let files: [Int32]
    private var outputs: [JSONOutput]
    private let indent: Int
    private let path: String
    /// Bytes buffered per array before they go to its spool (seven arrays: small, so the
    /// buffers stay a few megabytes together).
    private static let spoolThreshold = 256 << 10

    /// A writer whose spools are made in `directory` (the output's own folder, so they are on
    /// its disk); `path` names the output in errors; `indent` as for `JSONWriter`.
    public init(directory: String, path: String, indent: Int = 1) throws(InputError) {
        var files: [Int32] = []
        for _ in Spooled.allCases {
            var template = Array((directory + "/.verbale-spool-XXXXXX").utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else {
                let reason = InputError.describe(errno)
                for file in files { close(file) }
                throw InputError(path: path, reason: "cannot make a temporary file in \(directory): \(reason)")
            }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            files.append(descriptor)
        }
        self.files = files
        self.indent = indent
        self.path = path
        outputs = Spooled.allCases.map { _ in JSONOutput(indent: indent, elementsAtDepth: 2) }
    }

    deinit {
        for file in files { close(file) }
    }

    /// Writes the elements of one window.
    public mutating func append(_ window: Document) throws(InputError) {
        let lines = window.lineTable
        func position(_ offset: Int) -> LineColumn { lines.location(of: offset) }
        try writeElements(window.parts, to: .parts) { JSONWriter.writePart($0, to: &$1, position: position) }
        try writeElements(window.sections, to: .sections) { JSONWriter.writeSection($0, to: &$1) }
        try writeElements(window.questions, to: .questions) { JSONWriter.writeQuestion($0, to: &$1, position: position) }
        try writeElements(window.footnotes, to: .footnotes) { JSONWriter.writeFootnote($0, to: &$1, position: position) }
        try writeElements(window.citations, to: .citations) { JSONWriter.writeCitation($0, to: &$1, position: position) }
        try writeElements(window.definitions, to: .definitions) { JSONWriter.writeDefinition($0, to: &$1, position: position) }
        try writeElements(window.diagnostics, to: .diagnostics) { JSONWriter.writeDiagnostic($0, to: &$1, position: position) }
        for array in Spooled.allCases { try spool(array) }
    }

    /// Writes `items` as elements of `array`, spooling whenever its buffer fills.
    private mutating func writeElements<Item>(_ items: [Item], to array: Spooled,
                                      _ element: (Item, inout JSONOutput) -> Void) throws(InputError) {
        for item in items {
            element(item, &outputs[array.rawValue])
            if outputs[array.rawValue].count >= Self.spoolThreshold { try spool(array) }
        }
    }

    /// Moves what `array`'s writer buffered to its spool file.
    private mutating func spool(_ array: Spooled) throws(InputError) {
        let file = files[array.rawValue]
        let written = outputs[array.rawValue].withUnsafeBytes { Self.writeAll(file, $0) }
        guard written else {
            throw InputError(path: path, reason: "cannot write a temporary file: \(InputError.describe(errno)); check the free disk space")
        }
        outputs[array.rawValue].removeAllBytes()
    }

    private static func writeAll(_ file: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = write(file, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 { if errno == EINTR { continue }; return false }
            offset += count
        }
        return true
    }

    /// Writes the whole document to `sink`: `summary`'s source, language and exhibits (and its
    /// diagnostics, after the windows'), and the spooled arrays.
    public consuming func finish(_ summary: Document, sink: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) throws(InputError) {
        let lines = summary.lineTable
        func position(_ offset: Int) -> LineColumn { lines.location(of: offset) }
        for diagnostic in summary.diagnostics {
            JSONWriter.writeDiagnostic(diagnostic, to: &outputs[Spooled.diagnostics.rawValue], position: position)
        }
        for array in Spooled.allCases { try spool(array) }

        var out = JSONOutput(indent: indent, sink: sink)
        JSONWriter.writeHeader(summary, to: &out)
        for array in Spooled.allCases {
            if array == .diagnostics {
                out.key("exhibits"); out.beginArray()
                for exhibit in summary.exhibits { JSONWriter.writeExhibit(exhibit, to: &out) }
                out.endArray()
            }
            out.key(array.key); out.beginArray()
            out.beginRawElements(nonEmpty: outputs[array.rawValue].hasElements)
            try replay(array, to: sink)
            out.endArray()
        }
        out.endObject()
        out.raw(0x0A)
        out.flush()
    }

    /// Sends `array`'s spool file, from its start, to `sink`.
    private func replay(_ array: Spooled, to sink: (UnsafeRawBufferPointer) -> Void) throws(InputError) {
        let file = files[array.rawValue]
        guard lseek(file, 0, SEEK_SET) == 0 else {
            throw InputError(path: path, reason: "cannot read back a temporary file: \(InputError.describe(errno))")
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, reason: "cannot read back a temporary file: \(InputError.describe(errno))")
            }
            if count == 0 { return }
            buffer.withUnsafeBytes { sink(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}
