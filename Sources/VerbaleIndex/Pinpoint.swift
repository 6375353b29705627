/// One article × paragraph × sub-paragraph of an article citation: the unit `cites` matches.
///
/// A citation key lists what it cites (`iccpr/art19,21/para1-2`), so a prefix of it cannot
/// find article 21, and `iccpr/art18-20` hides article 19 inside a range. Expanding every
/// citation into pinpoints with one article, one paragraph and one sub-paragraph each (the
/// lists in the JSON already have ranges expanded) gives keys such as `iccpr/art19/para2`,
/// which a query finds exactly or by prefix on a `/` boundary.
public struct Pinpoint: Sendable, Hashable {
    /// Instrument slug (`iccpr`), the first segment of the key.
    public var slug: String
    /// Article number as cited (`19`, `6 bis`).
    public var article: String
    /// Paragraph, if cited.
    public var paragraph: String?
    /// Sub-paragraph, if cited.
    public var subparagraph: String?

    /// Creates a pinpoint.
    public init(slug: String, article: String, paragraph: String? = nil, subparagraph: String? = nil) {
        self.slug = slug
        self.article = article
        self.paragraph = paragraph
        self.subparagraph = subparagraph
    }

    /// Key of the article alone: `iccpr/art19`.
    public var articleKey: String { slug + "/art" + Self.segment(article) }

    /// Full key: `iccpr/art19/para3/suba`, spelled as VerbaleKit's citation keys are.
    public var key: String {
        var key = articleKey
        if let paragraph { key += "/para" + Self.segment(paragraph) }
        if let subparagraph { key += "/sub" + Self.segment(subparagraph) }
        return key
    }

    /// A key segment as `CiteKeys.list` writes a one-element list: integers in decimal, other
    /// values lower-cased with spaces as `-`.
    static func segment(_ value: String) -> String {
        if let number = Int(value) { return String(number) }
        return String(value.lowercased().map { $0 == " " ? "-" : $0 })
    }

    /// Every pinpoint of an article citation. Empty paragraph or sub-paragraph lists stand for
    /// "the whole article" / "the whole paragraph".
    public static func expand(slug: String, articles: [String], paragraphs: [String], subparagraphs: [String]) -> [Pinpoint] {
        var result: [Pinpoint] = []
        let paragraphList: [String?] = paragraphs.isEmpty ? [nil] : paragraphs
        let subList: [String?] = subparagraphs.isEmpty ? [nil] : subparagraphs
        for article in articles {
            for paragraph in paragraphList {
                for sub in subList {
                    result.append(Pinpoint(slug: slug, article: article, paragraph: paragraph, subparagraph: sub))
                }
            }
        }
        return result
    }

    /// The instrument slug of a citation: the key before `/art` for an article citation, the
    /// whole key for an instrument cited as a whole, nil for other kinds.
    public static func instrumentSlug(kind: String, key: String) -> String? {
        switch kind {
        case "article":
            // Slugs are made of letters, digits and `-`, so the first `/art` ends the slug.
            let bytes = Array(key.utf8)
            let marker = Array("/art".utf8)
            guard bytes.count >= marker.count else { return nil }
            for start in 0...(bytes.count - marker.count) where bytes[start..<start + marker.count].elementsEqual(marker) {
                return String(decoding: bytes[..<start], as: UTF8.self)
            }
            return nil
        case "instrument":
            return key.isEmpty ? nil : key
        default:
            return nil
        }
    }
}
