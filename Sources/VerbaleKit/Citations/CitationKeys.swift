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
        var out: [UInt8] = []
        out.reserveCapacity(16)
        appendList(items, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `list` written into `out`: a key is built as bytes and decoded once, since every
    /// `+` and interpolation of the String form allocated (a fifth of the engine's own cost
    /// after the scan went to keys).
    static func appendList(_ items: [String], to out: inout [UInt8]) {
        var k = 0
        while k < items.count {
            if k > 0 { out.append(0x2C) }
            let raw = items[k]
            if let first = integer(raw) {
                var last = first
                var m = k + 1
                while m < items.count, let v = integer(items[m]), v == last + 1 { last = v; m += 1 }
                ByteDecimal.append(first, to: &out)
                if last > first { out.append(0x2D); ByteDecimal.append(last, to: &out) }
                k = m
            } else {
                if raw.utf8.allSatisfy({ $0 < 0x80 }) {
                    // ASCII items (`6 bis`, `iv`, `a`): lower-casing and the space rule are byte maps.
                    for c in raw.utf8 { out.append(c == 0x20 ? 0x2D : (c &- 0x41 < 26 ? c | 0x20 : c)) }
                } else {
                    out.append(contentsOf: raw.lowercased().replacingSpaces().utf8)
                }
                k += 1
            }
        }
    }

    /// `Int(s)`, reading the bytes when `s` is 1 to 18 ASCII digits (the article and paragraph
    /// numbers the scanner makes; no overflow at that length), else by `Int(s)` itself (signs,
    /// letters, empty, longer): `Int(s)` cost a few hundred instructions an item in the keys.
    @inline(__always)
    static func integer(_ s: String) -> Int? {
        let digits: Int?? = s.utf8.withContiguousStorageIfAvailable { b -> Int? in
            guard !b.isEmpty && b.count <= 18 else { return nil }
            var value = 0
            for c in b {
                guard c &- 0x30 < 10 else { return nil }
                value = value &* 10 &+ Int(c &- 0x30)
            }
            return value
        }
        if let digits, let value = digits { return value }
        return Int(s)
    }

    /// Appends the UTF-8 of `s` as one block copy: `append(contentsOf: s.utf8)` went through
    /// the generic sequence path, a byte at a time.
    @inline(__always)
    static func appendBytes(of s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends the UTF-8 of a literal segment (`/art`) from its static storage.
    @inline(__always)
    static func appendBytes(of s: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Key of an article citation under instrument slug `slug`: `iccpr/art19/para3/suba`.
    /// Part, chapter and section are left out: article numbers are unique within an instrument,
    /// and `Criminal Code, § 1, Art. 16` must meet `article 16 of the Criminal Code`.
    /// Takes the pinpoint lists rather than the citation: passing an element of the engine's
    /// array copied the whole citation (every field retained and released) per article.
    static func article(slug: String, articles: [String], paragraphs: [String], subparagraphs: [String]) -> String {
        var out: [UInt8] = []
        return article(slug: slug, articles: articles, paragraphs: paragraphs, subparagraphs: subparagraphs, scratch: &out)
    }

    /// `article(slug:articles:paragraphs:subparagraphs:)` built in `scratch`, whose capacity the
    /// caller keeps from one article to the next (the engine settles a document's articles
    /// with one buffer instead of allocating one per key).
    static func article(slug: String, articles: [String], paragraphs: [String], subparagraphs: [String],
                        scratch out: inout [UInt8]) -> String {
        // Almost every pinpoint is ASCII (`19`, `3`, `a`, `6 bis`): then the key is written
        // straight into the new string, whose size is bounded by the pieces' (a canonical item
        // or range is never longer than the items it stands for; one comma per item).
        if let bound = asciiBound(slug, articles, paragraphs, subparagraphs) {
            return String(unsafeUninitializedCapacity: bound) { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                var w = put(slug, base, 0)
                w = put("/art", base, w)
                w = writeList(articles, base, w)
                if !paragraphs.isEmpty {
                    w = put("/para", base, w)
                    w = writeList(paragraphs, base, w)
                }
                if !subparagraphs.isEmpty {
                    w = put("/sub", base, w)
                    w = writeList(subparagraphs, base, w)
                }
                return w
            }
        }
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(slug.utf8.count + 32)
        appendBytes(of: slug, to: &out)
        appendBytes(of: "/art", to: &out)
        appendList(articles, to: &out)
        if !paragraphs.isEmpty {
            appendBytes(of: "/para", to: &out)
            appendList(paragraphs, to: &out)
        }
        if !subparagraphs.isEmpty {
            appendBytes(of: "/sub", to: &out)
            appendList(subparagraphs, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An upper bound of the length of an article key when every pinpoint item is ASCII, else
    /// nil: the slug, the segment words, and each item with one separator.
    static func asciiBound(_ slug: String, _ articles: [String], _ paragraphs: [String], _ subparagraphs: [String]) -> Int? {
        guard let a = asciiBound(articles), let p = asciiBound(paragraphs), let s = asciiBound(subparagraphs) else { return nil }
        return slug.utf8.count + 4 + 5 + 4 + a + p + s
    }

    /// The length of `items` with one separator each, when every item is ASCII; else nil.
    @inline(__always)
    static func asciiBound(_ items: [String]) -> Int? {
        var bound = 0
        for item in items {
            let ascii: Bool? = item.utf8.withContiguousStorageIfAvailable { bytes in
                for c in bytes where c >= 0x80 { return false }
                return true
            }
            guard ascii == true else { return nil }
            bound += item.utf8.count + 1
        }
        return bound
    }

    /// `appendList` for ASCII items, written at `base + w`; returns the offset after it. The
    /// same rules: consecutive integers as a range, other items lower-cased with `-` for a space.
    static func writeList(_ items: [String], _ base: UnsafeMutablePointer<UInt8>, _ w0: Int) -> Int {
        var w = w0
        var k = 0
        while k < items.count {
            if k > 0 { base[w] = 0x2C; w += 1 }
            let raw = items[k]
            if let first = integer(raw) {
                var last = first
                var m = k + 1
                while m < items.count, let v = integer(items[m]), v == last + 1 { last = v; m += 1 }
                w = writeDecimal(first, base, w)
                if last > first {
                    base[w] = 0x2D
                    w = writeDecimal(last, base, w + 1)
                }
                k = m
            } else {
                for c in raw.utf8 { base[w] = c == 0x20 ? 0x2D : (c &- 0x41 < 26 ? c | 0x20 : c); w += 1 }
                k += 1
            }
        }
        return w
    }

    /// `ByteDecimal.append` written at `base + w`; returns the offset after it.
    @inline(__always)
    static func writeDecimal(_ value: Int, _ base: UnsafeMutablePointer<UInt8>, _ w0: Int) -> Int {
        var w = w0
        if value < 0 { base[w] = 0x2D; w += 1 }
        var rest = value.magnitude
        var width = 1
        var scan = rest
        while scan >= 10 { scan /= 10; width += 1 }
        var q = w + width
        repeat {
            q -= 1
            base[q] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
            rest /= 10
        } while q > w
        return w + width
    }

    /// The key `a/b`, `a/b/c` or `a/b/c/d` (`reference/20-404`, `case/2a-6757/19`), written
    /// once into a string of its exact size: an interpolated `"reference/\(key)"` reserved a
    /// buffer, appended its pieces one by one and copied them out, several hundred
    /// instructions for each number citation.
    static func path(_ a: String, _ b: String, _ c: String? = nil, _ d: String? = nil) -> String {
        let count = a.utf8.count + 1 + b.utf8.count + (c.map { 1 + $0.utf8.count } ?? 0) + (d.map { 1 + $0.utf8.count } ?? 0)
        // Each piece is copied by `put`, which takes and returns the write offset: a nested
        // function that captured the offset as a variable checked exclusive access to it at
        // every piece (~75 instructions each), and a tuple of the pieces copied them all.
        return String(unsafeUninitializedCapacity: count) { out in
            guard let base = out.baseAddress else { return 0 }
            var w = put(a, base, 0)
            base[w] = 0x2F
            w = put(b, base, w + 1)
            if let c {
                base[w] = 0x2F
                w = put(c, base, w + 1)
            }
            if let d {
                base[w] = 0x2F
                w = put(d, base, w + 1)
            }
            return w
        }
    }

    /// Copies the UTF-8 of `s` to `base + w`; returns the offset after it.
    @inline(__always)
    private static func put(_ s: String, _ base: UnsafeMutablePointer<UInt8>, _ w: Int) -> Int {
        if let end = s.utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            if let from = bytes.baseAddress { (base + w).update(from: from, count: bytes.count) }
            return w + bytes.count
        }) {
            return end
        }
        var k = w
        for c in s.utf8 { base[k] = c; k += 1 }
        return k
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
