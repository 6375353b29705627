/// The kind of a citation.
public enum CitationKind: String, Sendable, CaseIterable {
    /// A pinpoint (article, paragraph…) in an instrument.
    case article
    /// A law, code, treaty or declaration cited as a whole.
    case instrument
    /// A resolution of a body.
    case resolution
    /// A UN document symbol.
    case document
    /// A Special Procedures communication reference (`AL KAZ 4/2019`).
    case communication
    /// A note's or letter's own number, or an earlier note cited by number.
    case reference
    /// A court case or decision number.
    case `case`
    /// A business or person registration number (BIN, IIN, INN, OGRN…).
    case registration
    /// An exhibit, annex, attachment or enclosure.
    case exhibit
    /// `Id.`, `Ibid.`, `Там же`: repeats an earlier citation.
    case id
}

/// One citation found in the text, with its source span and the fields of its kind.
///
/// A single value type for every kind keeps writers and the index simple: the fields that do
/// not apply to a kind stay `nil` or empty and are not written.
public struct Citation: Sendable, Equatable {
    /// Structural id (`c_1`…), assigned in source order.
    public var id: String = ""
    /// What is cited.
    public var kind: CitationKind
    /// The citation's source text, as written.
    public var text: String
    /// Half-open source byte span of `text`.
    public var span: ByteSpan
    /// Introductory signal (`See`, `See also`, `Cf.`, `e.g.`, `But see`) when present.
    public var signal: String? = nil
    /// Canonical index key: equal for equivalent pinpoints whatever the spelling or language.
    public var key: String = ""
    /// Id of the block the citation sits in.
    public var block: String? = nil
    /// Number of the footnote the citation sits in; `nil` in the main text.
    public var footnote: Int? = nil

    // article / instrument
    /// Canonical instrument name.
    public var instrument: String? = nil
    /// Where the instrument came from: `explicit`, `definition` or `context`.
    public var instrumentSource: String? = nil
    /// Articles cited, ranges expanded.
    public var articles: [String] = []
    /// Paragraphs cited, ranges expanded.
    public var paragraphs: [String] = []
    /// The number as a string (`6-33/1323CK`, `20-404`); communications write it as an integer.
    public var number: String? = nil
    /// The label word as written (`Exhibit`, `Annex`).
    public var label: String? = nil
    /// The label value (`3`, `I`).
    public var exhibit: String? = nil
    /// Id of the citation an `Id.` repeats.
    public var antecedent: String? = nil

    /// The fields only some kinds have (most citations are articles, instruments, exhibits
    /// and references), out of line: a citation value is less than half the size, and
    /// copying one retains a few references instead of thirty.
    private var details = CitationDetailsStorage()

    /// Sub-paragraphs (letters, `al.`) cited.
    public var subparagraphs: [String] {
        get { details.box?.value.subparagraphs ?? [] }
        set { if details.box != nil || newValue != CitationDetails.unset.subparagraphs { details.unique.subparagraphs = newValue } }
    }
    /// Part of the instrument (`Special Part`).
    public var part: String? {
        get { details.box?.value.part }
        set { if details.box != nil || newValue != CitationDetails.unset.part { details.unique.part = newValue } }
    }
    /// Chapter (`3`).
    public var chapter: String? {
        get { details.box?.value.chapter }
        set { if details.box != nil || newValue != CitationDetails.unset.chapter { details.unique.chapter = newValue } }
    }
    /// Section (`1` for `§ 1`).
    public var section: String? {
        get { details.box?.value.section }
        set { if details.box != nil || newValue != CitationDetails.unset.section { details.unique.section = newValue } }
    }
    /// For a range written as a range (`¶¶ 1-2`): its first and last element, as written.
    public var range: [String]? {
        get { details.box?.value.range }
        set { if details.box != nil || newValue != CitationDetails.unset.range { details.unique.range = newValue } }
    }
    /// Body that adopted a resolution, or court of a case.
    public var body: String? {
        get { details.box?.value.body }
        set { if details.box != nil || newValue != CitationDetails.unset.body { details.unique.body = newValue } }
    }
    /// Court of a case.
    public var court: String? {
        get { details.box?.value.court }
        set { if details.box != nil || newValue != CitationDetails.unset.court { details.unique.court = newValue } }
    }
    /// ISO date stated with the citation.
    public var date: String? {
        get { details.box?.value.date }
        set { if details.box != nil || newValue != CitationDetails.unset.date { details.unique.date = newValue } }
    }
    /// UN document symbol.
    public var symbol: String? {
        get { details.box?.value.symbol }
        set { if details.box != nil || newValue != CitationDetails.unset.symbol { details.unique.symbol = newValue } }
    }
    /// Communication type (`AL`, `UA`, `OL`, `JAL`, `JUA`, `JOL`).
    public var type: String? {
        get { details.box?.value.type }
        set { if details.box != nil || newValue != CitationDetails.unset.type { details.unique.type = newValue } }
    }
    /// ISO 3166-1 alpha-3 country, or `OTH`.
    public var country: String? {
        get { details.box?.value.country }
        set { if details.box != nil || newValue != CitationDetails.unset.country { details.unique.country = newValue } }
    }
    /// Year of a communication.
    public var year: Int? {
        get { details.box?.value.year }
        set { if details.box != nil || newValue != CitationDetails.unset.year { details.unique.year = newValue } }
    }
    /// Registration scheme (`KZ-BIN`, `KZ-IIN`, `RU-INN`…).
    public var scheme: String? {
        get { details.box?.value.scheme }
        set { if details.box != nil || newValue != CitationDetails.unset.scheme { details.unique.scheme = newValue } }
    }
    /// Whether the check digit is right.
    public var valid: Bool? {
        get { details.box?.value.valid }
        set { if details.box != nil || newValue != CitationDetails.unset.valid { details.unique.valid = newValue } }
    }
    /// Registration year-month encoded in the number (`1997-11`).
    public var encodedDate: String? {
        get { details.box?.value.encodedDate }
        set { if details.box != nil || newValue != CitationDetails.unset.encodedDate { details.unique.encodedDate = newValue } }
    }
    /// Title given with the exhibit.
    public var title: String? {
        get { details.box?.value.title }
        set { if details.box != nil || newValue != CitationDetails.unset.title { details.unique.title = newValue } }
    }

    /// Creates a citation of `kind` covering `span`.
    public init(kind: CitationKind, text: String, span: ByteSpan) {
        self.kind = kind
        self.text = text
        self.span = span
    }
}

/// The fields of `Citation` that only some kinds have.
struct CitationDetails: Sendable, Equatable {
    /// Every field unset: what a citation without a box reads. Writing one of these values
    /// to a citation without a box makes none (the scanner clears fields it did not find).
    static let unset = CitationDetails()

    /// Sub-paragraphs (letters, `al.`) cited.
    var subparagraphs: [String] = []
    /// Part of the instrument (`Special Part`).
    var part: String? = nil
    /// Chapter (`3`).
    var chapter: String? = nil
    /// Section (`1` for `§ 1`).
    var section: String? = nil
    /// For a range written as a range (`¶¶ 1-2`): its first and last element, as written.
    var range: [String]? = nil
    /// Body that adopted a resolution, or court of a case.
    var body: String? = nil
    /// Court of a case.
    var court: String? = nil
    /// ISO date stated with the citation.
    var date: String? = nil
    /// UN document symbol.
    var symbol: String? = nil
    /// Communication type (`AL`, `UA`, `OL`, `JAL`, `JUA`, `JOL`).
    var type: String? = nil
    /// ISO 3166-1 alpha-3 country, or `OTH`.
    var country: String? = nil
    /// Year of a communication.
    var year: Int? = nil
    /// Registration scheme (`KZ-BIN`, `KZ-IIN`, `RU-INN`…).
    var scheme: String? = nil
    /// Whether the check digit is right.
    var valid: Bool? = nil
    /// Registration year-month encoded in the number (`1997-11`).
    var encodedDate: String? = nil
    /// Title given with the exhibit.
    var title: String? = nil
}

/// Copy-on-write storage for `CitationDetails`: no allocation while a citation has none of
/// them, one reference shared by copies until one of them changes a field.
struct CitationDetailsStorage: Sendable, Equatable {
    /// The details, once some field was set.
    private(set) var box: Box? = nil

    /// The details for writing: allocated on first use, copied first if shared.
    var unique: CitationDetails {
        get { box?.value ?? CitationDetails() }
        _modify {
            if box == nil {
                box = Box(CitationDetails())
            } else if !isKnownUniquelyReferenced(&box!) {
                box = Box(box!.value)
            }
            yield &box!.value
        }
    }

    /// Equal when the fields are, whether or not a box was ever made.
    static func == (a: Self, b: Self) -> Bool {
        (a.box?.value ?? CitationDetails()) == (b.box?.value ?? CitationDetails())
    }

    /// The heap cell. Mutated only through `unique`, which copies it first unless this
    /// storage holds the only reference, so sharing it between threads is safe.
    final class Box: @unchecked Sendable {
        /// The fields.
        var value: CitationDetails
        /// A box holding `value`.
        init(_ value: CitationDetails) { self.value = value }
    }
}

/// A unit of text the citation engine scans: one block's stripped text and where it sits.
public struct CitationSource: Sendable {
    /// Id of the block.
    public var block: String
    /// Footnote number when the block is a footnote's text; `nil` for main text.
    public var footnote: Int?
    /// The block's text with its map back to source offsets.
    public var text: MappedText

    /// Creates a unit.
    public init(block: String, footnote: Int?, text: MappedText) {
        self.block = block
        self.footnote = footnote
        self.text = text
    }
}
