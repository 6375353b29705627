/// Runs every document-level check and returns its diagnostics.
///
/// Checks run over the model (blocks, citations, footnotes, questions, definitions), never over
/// the raw input, so validation costs little next to parsing. Each area lives in its own file
/// (`ExhibitChecks`, `FootnoteChecks`, …) and reports through `DiagnosticCode`, the one list of
/// codes that `docs/diagnostics.md` documents.
public enum Validator {
    /// Checks `document` (exhibits, footnotes, questions, identifiers, citations, dates, names).
    ///
    /// Pure: reads the model only (not `document.diagnostics`), so calling it again on a parsed
    /// document gives the same list. Sorted by source position.
    public static func validate(_ document: Document) -> [Diagnostic] {
        run(ValidationContext(document: document))
    }

    static func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += ExhibitChecks.run(context)
        found += FootnoteChecks.run(context)
        found += QuestionChecks.run(context)
        found += IdentifierChecks.run(context)
        found += CitationChecks.run(context)
        found += DefinitionChecks.run(context)
        found += DateChecks.run(context)
        found += NameChecks.run(context)
        return deduplicated(found)
    }

    /// `found` with each finding once (two checks may reach the same code at the same place:
    /// the first found is kept), in source order, then by code, so output reads top to bottom
    /// like a compiler's.
    ///
    /// One sort of the indexes by span, code and place in `found`, then a pass that keeps the
    /// first of each run of equal span and code. A set of (code, span) keys before the sort
    /// gave the same list, but hashed every code (some 1,600 instructions a diagnostic, more
    /// than the sort); after the repeats are gone no two findings tie on span and code, so
    /// the order is the same.
    static func deduplicated(_ found: [Diagnostic]) -> [Diagnostic] {
        let order = found.indices.sorted { a, b in
            if found[a].span != found[b].span { return found[a].span < found[b].span }
            if found[a].code != found[b].code { return found[a].code < found[b].code }
            return a < b
        }
        var result: [Diagnostic] = []
        result.reserveCapacity(found.count)
        for index in order {
            if let last = result.last, last.span == found[index].span, last.code == found[index].code { continue }
            result.append(found[index])
        }
        return result
    }
}

/// Every diagnostic code validation can emit, with its severity.
///
/// The raw values are the stable kebab-case codes users filter on (`--only`, `--ignore`); they
/// are documented, one row each, in `docs/diagnostics.md`. Never rename one.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    /// Numbers missing in the run of cited exhibits/annexes (1–6 and 8 cited, 7 never).
    case exhibitGap = "exhibit-gap"
    /// One exhibit cited under two different titles.
    case exhibitTitleConflict = "exhibit-title-conflict"
    /// An exhibit cited in the text but absent from the document's enclosure list.
    case exhibitNotEnclosed = "exhibit-not-enclosed"
    /// An exhibit in the enclosure list that the text never cites.
    case exhibitNotCited = "exhibit-not-cited"
    /// Page counts of the enclosure list that do not add up to the stated total.
    case enclosurePageCount = "enclosure-page-count"
    /// A footnote call-out with no note text anywhere.
    case footnoteMissingNote = "footnote-missing-note"
    /// A footnote note that nothing in the text calls.
    case footnoteUnreferenced = "footnote-unreferenced"
    /// Two notes with the same number.
    case footnoteDuplicate = "footnote-duplicate"
    /// Notes or call-outs numbered out of order, or a number skipped.
    case footnoteOrder = "footnote-order"
    /// A note whose text is empty.
    case footnoteEmpty = "footnote-empty"
    /// Question numbers skipped.
    case questionGap = "question-gap"
    /// A question number used twice.
    case questionDuplicate = "question-duplicate"
    /// Question numbers out of order.
    case questionOrder = "question-order"
    /// A question with no response.
    case questionNoResponse = "question-no-response"
    /// A cross-reference to a question the document does not have.
    case questionReferenceMissing = "question-reference-missing"
    /// A registration number whose check digit fails.
    case registrationCheckDigit = "registration-check-digit"
    /// A BIN/IIN whose encoded year-month contradicts the date stated with it.
    case registrationDateMismatch = "registration-date-mismatch"
    /// A communication reference with an unknown country code.
    case communicationCountry = "communication-country"
    /// A communication reference with an impossible year.
    case communicationYear = "communication-year"
    /// A communication reference dated one way in one place and another way elsewhere.
    case communicationDateMismatch = "communication-date-mismatch"
    /// A case number that does not fit its scheme or its own date.
    case caseNumberScheme = "case-number-scheme"
    /// A resolution number that does not fit its scheme or its own date.
    case resolutionNumberScheme = "resolution-number-scheme"
    /// `Id.`/`Ibid.` with no earlier citation to repeat.
    case idNoAntecedent = "id-no-antecedent"
    /// An article whose instrument cannot be worked out.
    case articleUnresolvedInstrument = "article-unresolved-instrument"
    /// A defined term used before its definition.
    case definitionUsedBefore = "definition-used-before"
    /// A term defined twice with different meanings.
    case definitionConflict = "definition-conflict"
    /// A date that does not exist (February 30).
    case dateImpossible = "date-impossible"
    /// A transmitting note dated before the letter it transmits.
    case transmittalDateOrder = "transmittal-date-order"
    /// One person's surname spelled two ways.
    case nameVariant = "name-variant"

    /// The severity the code is always reported with.
    public var severity: Severity {
        switch self {
        case .registrationCheckDigit, .dateImpossible, .communicationYear:
            return .error
        case .nameVariant, .exhibitNotCited, .articleUnresolvedInstrument:
            return .note
        default:
            return .warning
        }
    }

    /// A diagnostic of this code.
    func diagnostic(_ message: Message, _ span: ByteSpan) -> Diagnostic {
        Diagnostic(code: rawValue, severity: severity, message: message.text, span: span)
    }
}

/// A diagnostic's message, built from an interpolated literal into UTF-8 bytes and made a
/// `String` once.
///
/// The standard interpolation appends each literal piece and value to a `String`, a general
/// append (and a `description` for each number) of some 300 instructions a piece; messages
/// have five to ten pieces. Here a piece is a copy of its bytes into one buffer reserved for
/// the whole message, and a number is written digit by digit. The text is the same: each
/// value is written as the standard interpolation writes it (`description`).
struct Message: ExpressibleByStringInterpolation {
    /// The message.
    let text: String

    /// A message without interpolations.
    init(stringLiteral value: String) { text = value }

    /// A message of `value` as it is.
    init(_ value: String) { text = value }

    /// The message an interpolated literal builds.
    init(stringInterpolation: Interpolation) {
        text = String(decoding: UnsafeBufferPointer(start: stringInterpolation.base, count: stringInterpolation.count), as: UTF8.self)
        stringInterpolation.base.deallocate()
    }

    /// The bytes of a message being built, in storage of its own (freed when the message
    /// is made): a piece is one copy, with no array's uniqueness and capacity calls.
    struct Interpolation: StringInterpolationProtocol {
        /// Where the message's UTF-8 bytes are.
        private(set) var base: UnsafeMutablePointer<UInt8>
        /// How many bytes are written.
        private(set) var count = 0
        /// How many bytes fit before the storage must grow.
        private var capacity: Int

        /// An empty message with room for the literal pieces and some bytes per value.
        init(literalCapacity: Int, interpolationCount: Int) {
            capacity = max(literalCapacity + 24 * interpolationCount, 32)
            base = .allocate(capacity: capacity)
        }

        /// Makes room for `length` more bytes.
        @inline(__always)
        private mutating func reserve(_ length: Int) {
            guard count + length > capacity else { return }
            let larger = max(capacity * 2, count + length)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
            moved.initialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = larger
        }

        /// Appends `length` bytes at `bytes`.
        @inline(__always)
        private mutating func append(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
            reserve(length)
            (base + count).initialize(from: bytes, count: length)
            count += length
        }

        /// Appends the bytes of `text`.
        @inline(__always)
        mutating func append(_ text: String) {
            if let done: Void = text.utf8.withContiguousStorageIfAvailable({ buffer in
                if let start = buffer.baseAddress { append(start, buffer.count) }
            }) { return done }
            var text = text
            text.withUTF8 { buffer in if let start = buffer.baseAddress { append(start, buffer.count) } }
        }

        /// Appends a literal piece.
        mutating func appendLiteral(_ literal: String) { append(literal) }

        /// Appends a string value.
        mutating func appendInterpolation(_ value: String) { append(value) }

        /// Appends a piece of a string.
        mutating func appendInterpolation(_ value: Substring) { append(String(value)) }

        /// Appends a number in decimal, as its `description` reads (the JSON writer's digits).
        mutating func appendInterpolation(_ value: Int) {
            reserve(20)
            count += JSONOutput.putInt(base + count, value)
        }

        /// Appends any other value as the standard interpolation writes it.
        mutating func appendInterpolation<T>(_ value: T) { append(String(describing: value)) }
    }
}
