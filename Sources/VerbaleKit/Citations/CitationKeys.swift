/// Canonical index keys (documented in `docs/citations.md`).
///
/// A key is a `/`-separated path, most general segment first, so an index can find every
/// paragraph of an article by prefix on a segment boundary: `iccpr/art19` finds
/// `iccpr/art19/para3`. Lists are written canonically (sorted order kept as cited, consecutive
/// integers compressed: `1 and 2` and `1-2` both give `1-2`), so equivalent pinpoints written
/// differently meet at the same key.
enum CiteKeys {
    /// Canonical list: lower case, consecutive integers joined into ranges, commas between.
    static func list(_ items: [String]) -> String {
        var parts: [String] = []
        var k = 0
        while k < items.count {
            let raw = items[k]
            if let first = Int(raw) {
                var last = first
                var m = k + 1
                while m < items.count, let v = Int(items[m]), v == last + 1 { last = v; m += 1 }
                parts.append(last > first ? "\(first)-\(last)" : "\(first)")
                k = m
            } else {
                parts.append(raw.lowercased().replacingSpaces())
                k += 1
            }
        }
        return parts.joined(separator: ",")
    }

    /// Key of an article citation under instrument slug `slug`: `iccpr/art19/para3/suba`.
    /// Part, chapter and section are left out: article numbers are unique within an instrument,
    /// and `Criminal Code, § 1, Art. 16` must meet `article 16 of the Criminal Code`.
    static func article(slug: String, _ c: Citation) -> String {
        var key = slug + "/art" + list(c.articles)
        if !c.paragraphs.isEmpty { key += "/para" + list(c.paragraphs) }
        if !c.subparagraphs.isEmpty { key += "/sub" + list(c.subparagraphs) }
        return key
    }

    /// Slug used when an article's instrument could not be resolved.
    static let unknownInstrument = "unknown"
}

extension String {
    /// The string with spaces replaced by `-` (`6 bis` → `6-bis`), for key segments.
    fileprivate func replacingSpaces() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == " " ? "-" : $0 }))
    }
}
