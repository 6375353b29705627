@testable import VerbaleKit

/// Builds documents for validation tests: small texts parsed end to end, with citations added
/// by hand where a test needs the fields the citation engine fills.
enum ValidationFixture {
    /// Parses `text` as a document.
    static func parse(_ text: String) -> Document {
        DocumentParser.parse(bytes: Array(text.utf8), path: "test.txt")
    }

    /// A citation of `kind` over the `occurrence`-th occurrence of `snippet` in `text`.
    static func cite(_ kind: CitationKind, _ snippet: String, in text: String, occurrence: Int = 0,
                     _ configure: (inout Citation) -> Void = { _ in }) -> Citation {
        let hay = Array(text.utf8)
        let needle = Array(snippet.utf8)
        var found = -1
        var seen = 0
        var index = 0
        while index + needle.count <= hay.count {
            if Array(hay[index..<(index + needle.count)]) == needle {
                if seen == occurrence { found = index; break }
                seen += 1
            }
            index += 1
        }
        precondition(found >= 0, "snippet not found: \(snippet)")
        var citation = Citation(kind: kind, text: snippet, span: ByteSpan(found, found + needle.count))
        configure(&citation)
        return citation
    }

    /// Parses `text`, replaces its citations with `citations` (ids and blocks filled as the
    /// engine would), and validates.
    static func validate(_ text: String, citations: [Citation] = []) -> [Diagnostic] {
        var document = parse(text)
        if !citations.isEmpty {
            let blocks = document.allBlocks
            var sorted = citations.sorted { $0.span < $1.span }
            for index in sorted.indices {
                sorted[index].id = "c_\(index + 1)"
                if let block = blocks.first(where: { $0.spans.contains { $0.start <= sorted[index].span.start && sorted[index].span.start < $0.end } }) {
                    sorted[index].block = block.id
                    sorted[index].footnote = block.footnote
                }
            }
            document.citations = sorted
        }
        return Validator.validate(document)
    }

    /// Codes of `diagnostics`, in order.
    static func codes(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.code) }

    /// The diagnostics with `code`.
    static func only(_ code: DiagnosticCode, _ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.code == code.rawValue }
    }
}
