public import VerbaleKit
internal import CLibXML2

/// Options for Akoma Ntoso output.
public struct AKNOptions: Sendable {
    /// Jurisdiction component of FRBR URIs (`/akn/{country}/…`) and `FRBRcountry`.
    ///
    /// `nil` derives it: the lower-cased ISO 3166-1 alpha-3 country of the first cited Special
    /// Procedures communication (a reply answers the communication sent to its own State), else
    /// `xx` (ISO 3166 user-assigned "unknown").
    public var country: String?

    /// Creates options; every field defaults to deriving from the document.
    public init(country: String? = nil) {
        self.country = country
    }
}

/// What the writer produced for one document.
public struct AKNOutput: Sendable {
    /// The UTF-8 bytes of the Akoma Ntoso XML document, declaration included.
    public var bytes: [UInt8]
    /// Problems in the model that changed the output (element left out, character replaced,
    /// citation not placed). Never fatal: the XML is still well-formed and schema-valid.
    public var diagnostics: [Diagnostic]
}

/// A failure of libxml2 itself (allocation) or of a schema that cannot be read.
public enum AKNError: Error, Sendable, CustomStringConvertible {
    /// libxml2 could not allocate its writer or buffer, or a write call failed.
    case writer(String)
    /// The schema at `path` could not be read or compiled; `messages` are libxml2's.
    case schema(path: String, messages: [String])

    /// A sentence for the user.
    public var description: String {
        switch self {
        case .writer(let message):
            return "XML writer failed: \(message)"
        case .schema(let path, let messages):
            return "cannot compile schema \(path): " + messages.joined(separator: "; ")
        }
    }
}

/// Writes one `Document` as Akoma Ntoso 3.0 XML, streamed through libxml2's `xmlTextWriter`.
///
/// The writer owns the libxml2 writer and its memory buffer; being `~Copyable`, there is exactly
/// one owner, and `deinit` frees both exactly once. `write` consumes the writer: one document per
/// writer, so a failure half-way through can never leave open elements for the next document.
///
/// ```swift
/// let output = try AKNWriter.write(document)
/// FileManager.default.createFile(atPath: path, contents: Data(output.bytes))
/// ```
public struct AKNWriter: ~Copyable {
    let buffer: xmlBufferPtr
    let writer: xmlTextWriterPtr
    let options: AKNOptions
    /// Set when any libxml2 call reports failure; checked once at the end (calls only fail on
    /// allocation failure, so checking each one inline would only add branches to the hot path).
    var failed = false
    /// Structural depth, for indentation of element-only content.
    var depth = 0
    /// For each open structural element: whether it got a structural child (its end tag then
    /// goes on its own line).
    var hasChild: [Bool] = []
    /// Every eId written so far, to keep them unique across nested documents (the schema's
    /// `unique` constraint on `doc` covers attachments too).
    var eIds: Set<String> = []
    /// Reused bytes for values assembled before writing (TLC hrefs).
    var scratch: [UInt8] = []
    /// Paragraph numbers already used as `para_N` (see `paraEId`).
    var paraNumbers: [Bool] = []
    /// Text runs in which characters XML 1.0 cannot carry were replaced by U+FFFD; the mapping
    /// code turns increases into diagnostics located at the block being written.
    var replacedCharacters = 0
    /// Diagnostics collected while writing.
    var diagnostics: [Diagnostic] = []

    /// Creates a writer with an output buffer sized for `capacity` bytes.
    ///
    /// Throws before `self` is initialised, so a failed init frees what it allocated itself and
    /// `deinit` never sees a half-built writer.
    public init(options: AKNOptions = AKNOptions(), capacity: Int = 64 * 1024) throws(AKNError) {
        guard let buffer = xmlBufferCreateSize(max(4096, capacity)) else {
            throw .writer("xmlBufferCreateSize failed")
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw .writer("xmlNewTextWriterMemory failed")
        }
        self.buffer = buffer
        self.writer = writer
        self.options = options
    }

    deinit {
        // The writer flushes into the buffer, so it goes first.
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Writes `document` and returns the XML bytes with the diagnostics raised while mapping.
    public consuming func write(_ document: Document) throws(AKNError) -> AKNOutput {
        let plan = Plan(document: document, options: options)
        eIds.reserveCapacity(64 + plan.document.footnotes.count)
        writeDocument(plan)
        if xmlTextWriterEndDocument(writer) < 0 { failed = true }
        if xmlTextWriterFlush(writer) < 0 { failed = true }
        if failed { throw .writer("a libxml2 write call failed (out of memory?)") }
        let count = Int(xmlBufferLength(buffer))
        var bytes: [UInt8] = []
        if let content = xmlBufferContent(buffer), count > 0 {
            bytes = Array(UnsafeBufferPointer(start: content, count: count))
        }
        return AKNOutput(bytes: bytes, diagnostics: plan.diagnostics + diagnostics)
    }

    /// Writes `document` with a fresh writer: the call the CLI makes.
    public static func write(_ document: Document, options: AKNOptions = AKNOptions()) throws(AKNError) -> AKNOutput {
        // XML with markup runs at about twice the input size; growing the buffer costs copies.
        let writer = try AKNWriter(options: options, capacity: document.source.bytes * 2 + 16 * 1024)
        return try writer.write(document)
    }
}
