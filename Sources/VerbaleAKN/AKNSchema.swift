internal import CLibXML2

/// A problem libxml2 or the reference check found in an XML document, with its line.
public struct AKNIssue: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line in the XML document (0 when libxml2 gives none).
    public var line: Int
    /// libxml2's message, or the reference check's sentence.
    public var message: String

    /// Creates an issue.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`, as printed after the file name.
    public var description: String { "line \(line): \(message)" }
}

/// Collects libxml2's structured errors; handed to C as an opaque context pointer, because a
/// `@convention(c)` callback cannot capture anything.
private final class IssueCollector {
    var issues: [AKNIssue] = []

    /// The C callback: looks the collector up through `context`.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<IssueCollector>.fromOpaque(context).takeUnretainedValue()
        collector.append(error.pointee)
    }

    func append(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = message.last, last.isNewline || last == " " { message.removeLast() }
        issues.append(AKNIssue(line: Int(error.line), message: message))
    }
}

/// The Akoma Ntoso schema, compiled once with libxml2 and used to validate many documents.
///
/// Compiling `akomantoso30.xsd` takes about 0.4 s, validating a document milliseconds: make one
/// `AKNSchema` per run. The compiled schema is immutable and every validation gets its own
/// libxml2 validation context, so one instance may be shared across tasks (libxml2 documents
/// compiled schemas as safe to share between threads); hence `@unchecked Sendable`.
public final class AKNSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// The path the schema was read from.
    public let path: String

    /// Reads and compiles the schema at `path` (`akomantoso30.xsd`, with `xml.xsd` beside it).
    public init(path: String) throws(AKNError) {
        xmlInitParser()
        guard let context = xmlSchemaNewParserCtxt(path) else {
            throw .schema(path: path, messages: ["cannot create a schema parser context"])
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let collector = IssueCollector()
        let opaque = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetParserStructuredErrors(context, IssueCollector.callback, opaque)
        let compiled = withExtendedLifetime(collector) { xmlSchemaParse(context) }
        guard let compiled else {
            let messages = collector.issues.map(\.description)
            throw .schema(path: path, messages: messages.isEmpty ? ["cannot read or compile the schema"] : messages)
        }
        self.schema = compiled
        self.path = path
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Parses `xml` and validates it; returns libxml2's messages (empty when valid).
    ///
    /// A document that is not well-formed yields the parser's first fatal error.
    public func validate(_ xml: [UInt8]) -> [AKNIssue] {
        XMLTree.withDocument(xml) { document in
            guard let context = xmlSchemaNewValidCtxt(schema) else {
                return [AKNIssue(line: 0, message: "cannot create a schema validation context")]
            }
            defer { xmlSchemaFreeValidCtxt(context) }
            let collector = IssueCollector()
            xmlSchemaSetValidStructuredErrors(context, IssueCollector.callback, Unmanaged.passUnretained(collector).toOpaque())
            let result = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, document) }
            if result != 0 && collector.issues.isEmpty {
                return [AKNIssue(line: 0, message: "libxml2 reported the document invalid (code \(result)) without a message")]
            }
            return collector.issues
        }
    }
}

/// Parsing our output back into a libxml2 tree, for validation and the reference check.
enum XMLTree {
    /// Parses `xml` (no network, no entity expansion from outside) and runs `body` on the tree;
    /// a parse failure returns the parser's error instead.
    static func withDocument(_ xml: [UInt8], _ body: (xmlDocPtr) -> [AKNIssue]) -> [AKNIssue] {
        xmlInitParser()
        guard let parser = xmlNewParserCtxt() else {
            return [AKNIssue(line: 0, message: "cannot create a parser context")]
        }
        defer { xmlFreeParserCtxt(parser) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = xml.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(parser, $0, Int32(buffer.count), "akn.xml", nil, options)
                }
            }
        }
        guard let document = parsed else {
            if let error = xmlCtxtGetLastError(parser) {
                let collector = IssueCollector()
                collector.append(error.pointee)
                return collector.issues
            }
            return [AKNIssue(line: 0, message: "the document is not well-formed XML")]
        }
        defer { xmlFreeDoc(document) }
        return body(document)
    }
}
