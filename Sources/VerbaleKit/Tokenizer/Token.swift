/// What a physical line of input is, decided from its own bytes alone.
///
/// The tokenizer never looks at neighbouring lines; context (is this `1 Text` a footnote or a
/// numbered paragraph?) is the assembler's job.
public enum LineKind: Sendable, Equatable {
    /// Only white space.
    case blank
    /// A thematic break (`---`, `***`, `___`) that PDF converters write between pages.
    case pageSeparator
    /// A form feed byte: `pdftotext`'s page break. The token covers the `\f` alone; the rest of
    /// its line follows as a token of its own.
    case pageBreak
    /// An ATX heading (`#` to `######`, with or without a space after the hashes).
    case heading(level: Int)
    /// A bulleted list item (`-`, `*`, `+`, `•`, `–` followed by a space).
    case listItem
    /// A footnote definition with an explicit marker: `<sup>N</sup> text` or `[^N]: text` at
    /// the start of the line.
    case footnoteDefinition(number: Int)
    /// Any other line of text.
    case text
}

/// What an inline mark inside a line is.
public enum InlineKind: Sendable, Equatable {
    /// Bytes that are markup and are dropped from text: `**`, `*`, `_`, `<sup>`, `\` escapes,
    /// link brackets and targets, a byte-order mark.
    case markup
    /// An explicit footnote call-out (`<sup>N</sup>`, `[^N]`); the whole mark is dropped from text.
    case callout(number: Int)
    /// A bracketed number (`[3]`) that is a call-out only if the document has footnote 3.
    case bracketedNumber(number: Int)
}

/// A mark inside a line, with absolute source offsets.
public struct InlineMark: Sendable, Equatable {
    /// What the mark is.
    public var kind: InlineKind
    /// First source byte of the mark.
    public var start: Int
    /// One past the last source byte of the mark.
    public var end: Int
}

/// One physical line (or a form feed), as the streaming tokenizer emits it.
public struct LineToken: Sendable {
    /// What the line is.
    public var kind: LineKind
    /// Source offset of the line's first byte.
    public var start: Int
    /// The line's bytes without its end-of-line bytes.
    public var bytes: [UInt8]
    /// Number of end-of-line bytes that followed (0 at end of input, 1 for LF or CR, 2 for CRLF).
    public var lineEndLength: Int
    /// Index in `bytes` where the content begins, after indentation and any block marker
    /// (`#`, bullet, footnote marker).
    public var contentStart: Int
    /// Leading white-space columns (a tab counts as one).
    public var indent: Int
    /// Inline marks in source order.
    public var marks: [InlineMark]

    /// Source offset one past the last content byte (end-of-line bytes excluded).
    public var end: Int { start + bytes.count }
}
