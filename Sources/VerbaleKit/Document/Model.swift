/// A parsed communication: the document model every writer walks.
///
/// All spans are half-open byte offsets into the original input bytes (also for UTF-16 and
/// Windows-1252 input, whose text is read transcoded to UTF-8); ids are structural
/// (`part_2`, `p_14`, `fn_3`, `c_27`), so the same input always yields the same document.
public struct Document: Sendable {
    /// Where the input came from and what it was.
    public var source: SourceInfo
    /// Main language of the document (`en`, `fr`, `es`, `ru`, or `und`).
    public var language: String
    /// Parts in source order: letterhead, note verbale, letter, annex, report, statement.
    public var parts: [Part]
    /// Headed sections, nested by `parent`.
    public var sections: [Section]
    /// Numbered questions and their responses.
    public var questions: [Question]
    /// Footnotes and endnotes with their call-outs.
    public var footnotes: [Footnote]
    /// Every citation found, in source order.
    public var citations: [Citation]
    /// Defined terms such as `(the "ICCPR")`.
    public var definitions: [Definition]
    /// Exhibits, annexes and enclosures cited, by label.
    public var exhibits: [Exhibit]
    /// Problems found while parsing and validating.
    public var diagnostics: [Diagnostic]
    /// Line starts, to turn offsets into `line:column`.
    public var lineTable: LineTable

    /// Every block of every part, in source order.
    public var allBlocks: [Block] { parts.flatMap(\.blocks) }
}

/// Facts about the input bytes.
public struct SourceInfo: Sendable {
    /// The path as given on the command line (`-` for standard input).
    public var path: String
    /// Size in bytes.
    public var bytes: Int
    /// Lower-case hex SHA-256 of the bytes; empty when only citations were asked for
    /// (`PipelineStages.citationsOnly`), which skips the hash.
    public var sha256: String
    /// `markdown` (PDF-converter text with markup) or `plain` (`pdftotext`-style).
    public var format: String
    /// The input encoding (`utf-8`, `utf-8-bom`).
    public var encoding: String
}

/// The kind of a part of a communication.
public enum PartKind: String, Sendable, CaseIterable {
    /// The sender's printed heading: mission name, address, reference.
    case letterhead
    /// A third-person diplomatic note ("presents its compliments").
    case noteVerbale = "note-verbale"
    /// A first-person letter with salutation or addressee block and signature.
    case letter
    /// An annex, enclosure or attachment.
    case annex
    /// A UN document under a symbol masthead.
    case report
    /// A statement or press reply with no addressee.
    case statement
}

/// A signatory of a part.
public struct Signatory: Sendable, Equatable {
    /// The person's name as written.
    public var name: String
    /// Their title or function, if written.
    public var title: String?
}

/// A part of the communication, with its own date, place, parties and blocks.
public struct Part: Sendable {
    /// Structural id (`part_1`…).
    public var id: String
    /// What the part is.
    public var kind: PartKind
    /// First source byte of the part.
    public var start: Int
    /// One past the last source byte.
    public var end: Int
    /// Language of this part.
    public var language: String
    /// ISO date (yyyy-mm-dd), if the part is dated.
    public var date: String?
    /// The date as written.
    public var dateText: String?
    /// Place of writing, if stated.
    public var place: String?
    /// The sender as written.
    public var from: String?
    /// The addressee as written.
    public var to: String?
    /// The part's own reference number.
    public var reference: String?
    /// Who signed it.
    public var signatory: Signatory?
    /// Blocks of the part, in source order.
    public var blocks: [Block]
}

/// The kind of a block.
public enum BlockKind: String, Sendable {
    /// Running text.
    case paragraph
    /// A heading line.
    case heading
    /// A bulleted or numbered list item.
    case listItem = "list-item"
    /// The text of a footnote or endnote.
    case footnote
    /// Lines of a letterhead or masthead.
    case letterhead
    /// An addressee block.
    case address
    /// A date and/or place line.
    case dateline
    /// A reference-number line.
    case reference
    /// Salutation ("Dear Secretary General,", "Excellency,").
    case salutation
    /// Closing formula and signature lines.
    case signature
    /// Page separator, form feed, running header/footer, page number.
    case pageFurniture = "page-furniture"
    /// Text the parser could not place; kept and flagged, never dropped.
    case unclassified
}

/// A block of text: markup stripped, lines re-joined, with its source spans.
public struct Block: Sendable {
    /// Structural id (`p_1`…).
    public var id: String
    /// What the block is.
    public var kind: BlockKind
    /// Text with markup stripped and lines joined: the mapped bytes as a string.
    ///
    /// Made when asked for, not stored: a stored copy doubled the memory every block's text
    /// takes (a fifth of a large document's peak). A hand-made block may still be given a
    /// text of its own that differs from its mapped bytes (a model built without maps).
    public var text: String {
        get { ownText ?? mapped.string }
        set { ownText = newValue.utf8.elementsEqual(mapped.bytes) ? nil : newValue }
    }
    /// A text that differs from the mapped bytes, for blocks made without a map; nil for
    /// every block the parser makes.
    private(set) var ownText: String?
    /// Source spans; more than one when a page break or footnote block interrupted the block.
    public var spans: [ByteSpan]
    /// Id of the innermost section the block belongs to.
    public var section: String?
    /// Heading level for headings.
    public var level: Int?
    /// For a footnote block, its number.
    public var footnote: Int?
    /// For blocks in a question/response pair: the question id and the role.
    public var question: String?
    /// `question` or `response` when the block is part of a numbered question pair.
    public var role: String?
    /// The text with its byte map back to the source, for placing inline items.
    public var mapped: MappedText

    /// `text.utf8.count` without making the text: the mapped bytes' count when they are
    /// well-formed (bad sequences become three-byte U+FFFD in the text, so never fewer).
    var textByteCount: Int {
        if ownText == nil, mapped.isValidUTF8 { return mapped.count }
        return text.utf8.count
    }

    /// Whether `textByteCount <= limit`, without reading a long block through: bad sequences
    /// only lengthen the text, so more mapped bytes than `limit` settle it at once.
    func textFits(_ limit: Int) -> Bool {
        if ownText == nil, mapped.count > limit { return false }
        return textByteCount <= limit
    }

    /// Whether the block was given a text that differs from its mapped bytes.
    var hasOwnText: Bool { ownText != nil }

    /// The bytes `text` is made from: the mapped bytes unless the block was given a text of
    /// its own. In a finished document they are well-formed UTF-8 (the parser repairs bad
    /// sequences at the end); while parsing they may still hold bad bytes, which `text`
    /// reads as U+FFFD.
    public var textBytes: [UInt8] { ownText.map { Array($0.utf8) } ?? mapped.bytes }

    /// A block of `kind` whose text is `mapped`'s bytes.
    init(id: String, kind: BlockKind, spans: [ByteSpan], mapped: MappedText) {
        self.id = id
        self.kind = kind
        self.spans = spans
        self.mapped = mapped
    }

    /// A block whose text may differ from its mapped bytes (tests build models without maps).
    init(id: String, kind: BlockKind, text: String, spans: [ByteSpan], mapped: MappedText) {
        self.init(id: id, kind: kind, spans: spans, mapped: mapped)
        self.text = text
    }

    /// First source byte.
    public var start: Int { spans.first?.start ?? 0 }
    /// One past the last source byte.
    public var end: Int { spans.last?.end ?? 0 }
}

/// A headed section.
public struct Section: Sendable {
    /// Structural id (`sec_1`…).
    public var id: String
    /// The heading's number or label (`I`, `A`, `3`), if any.
    public var number: String?
    /// The heading text without its number.
    public var heading: String
    /// Nesting level (1 = outermost).
    public var level: Int
    /// Enclosing section id.
    public var parent: String?
    /// First source byte of the heading.
    public var start: Int
    /// One past the last byte of the section's content.
    public var end: Int
}

/// A numbered question and its response.
public struct Question: Sendable {
    /// Structural id (`q_1`…).
    public var id: String
    /// Numbers answered together (`Questions 6 and 7` → [6, 7]).
    public var numbers: [Int]
    /// The question's text as UTF-8, well-formed once the document is finished. Kept as bytes:
    /// the JSON writer copies them, where a `String` is checked byte by byte when it is made
    /// (a tenth of the structure pass), so the `String` is made only when asked for.
    public var questionUTF8: [UInt8]
    /// The response's text as UTF-8 (see `questionUTF8`).
    public var responseUTF8: [UInt8]
    /// First source byte of the question heading.
    public var start: Int
    /// One past the last byte of the response.
    public var end: Int
    /// Span of the response label, if a response was found.
    public var responseStart: Int?

    /// The question's text.
    public var question: String {
        get { String(decoding: questionUTF8, as: UTF8.self) }
        set { questionUTF8 = Array(newValue.utf8) }
    }

    /// The response's text.
    public var response: String {
        get { String(decoding: responseUTF8, as: UTF8.self) }
        set { responseUTF8 = Array(newValue.utf8) }
    }

    /// A question with its texts as bytes (the structure pass).
    init(id: String, numbers: [Int], questionUTF8: [UInt8], responseUTF8: [UInt8], start: Int, end: Int, responseStart: Int?) {
        self.id = id
        self.numbers = numbers
        self.questionUTF8 = questionUTF8
        self.responseUTF8 = responseUTF8
        self.start = start
        self.end = end
        self.responseStart = responseStart
    }

    /// A question with its texts as strings.
    public init(id: String, numbers: [Int], question: String, response: String, start: Int, end: Int, responseStart: Int?) {
        self.init(id: id, numbers: numbers, questionUTF8: Array(question.utf8), responseUTF8: Array(response.utf8),
                  start: start, end: end, responseStart: responseStart)
    }
}

/// A footnote with its text and call-outs.
public struct Footnote: Sendable {
    /// Structural id (`fn_1`…).
    public var id: String
    /// The footnote number.
    public var number: Int
    /// The note's text.
    public var text: String
    /// First source byte of the note.
    public var start: Int
    /// One past its last byte.
    public var end: Int
    /// Spans of every call-out of this note in the body.
    public var references: [ByteSpan]
}

/// A defined term.
public struct Definition: Sendable {
    /// The term as defined (`ICCPR`).
    public var term: String
    /// What it stands for.
    public var meaning: String
    /// First source byte of the definition (the meaning's start).
    public var start: Int
    /// One past the closing parenthesis.
    public var end: Int
    /// Span of the term itself.
    public var termSpan: ByteSpan
}

/// An exhibit, annex or enclosure cited by the document.
public struct Exhibit: Sendable {
    /// The label kind (`Exhibit`, `Annex`).
    public var label: String
    /// The label value (`3`, `I`).
    public var number: String
    /// Title given with it, if any.
    public var title: String?
    /// Ids of the citations that cite it.
    public var citations: [String]
}

/// Severity of a diagnostic.
public enum Severity: String, Sendable, Comparable {
    /// Worth a look.
    case note
    /// Probably wrong.
    case warning
    /// Certainly wrong, or the input could not be read.
    case error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    /// Orders note < warning < error.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A problem found in a document, with a stable code and a span.
public struct Diagnostic: Sendable {
    /// Stable code (`exhibit-gap`), documented in `docs/diagnostics.md`.
    public var code: String
    /// How bad it is.
    public var severity: Severity
    /// A sentence naming the values involved.
    public var message: String
    /// Where it is.
    public var span: ByteSpan

    /// Creates a diagnostic.
    public init(code: String, severity: Severity, message: String, span: ByteSpan) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
    }
}
