#if arch(x86_64)
// SSE2 lane compares for `wordEnd`'s run of Russian letters.
import _Builtin_intrinsics.intel
#endif

/// Byte-level text primitives for the citation scanner.
///
/// The scanner never iterates `Character`s: it reads UTF-8 bytes and, where it must compare a
/// letter, *folds* the one scalar at hand. Folding makes matching case-, accent- and
/// script-insensitive in one step: ASCII capitals become lower case, accented Latin-1 letters
/// lose their accent (`artículo` = `articulo`), Cyrillic capitals become lower case, and the
/// Cyrillic letters that look like Latin ones (`а е о р с у х к м т н в і`) become those Latin
/// letters, because real documents mix them (`2а-6757/19` typed with a Cyrillic `а`). Literals
/// are folded the same way when the tables are built, so a folded text unit is compared with a
/// folded literal unit and nothing else is ever allocated.
enum CiteText {
    /// Folded value of a whitespace scalar (space, tab, CR, LF, no-break spaces).
    static let space: UInt32 = 0x20
    /// Folded value of the dashes (hyphen, en dash, em dash, minus, non-breaking hyphen).
    static let dash: UInt32 = 0x2D
    /// Folded value of the apostrophes and single quotes.
    static let apostrophe: UInt32 = 0x27
    /// Folded value of the double quotes and guillemets.
    static let quote: UInt32 = 0x22
    /// Folded value of `°` and `º` (the `n°` / `nº` number signs).
    static let degree: UInt32 = 0xB0
    /// `№`.
    static let numero: UInt32 = 0x2116
    /// `¶`.
    static let pilcrow: UInt32 = 0xB6
    /// `§`.
    static let section: UInt32 = 0xA7

    /// Latin-1 letters U+00C0…U+00FF without their accents, lower case; `0` where the scalar is not
    /// a letter (`×`, `÷`).
    static let latin1Fold: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo\u{0}ouuuuytsaaaaaaaceeeeiiiidnooooo\u{0}ouuuuyty".utf8)

    /// Folds the scalar starting at `i` (which must be a scalar boundary, `i < b.count`).
    /// Returns the folded value and the scalar's length in bytes.
    @inline(__always)
    static func fold(_ b: [UInt8], _ i: Int) -> (UInt32, Int) {
        let b0 = b[i]
        if b0 < 0x80 {
            if b0 >= 0x41 && b0 <= 0x5A { return (UInt32(b0 | 0x20), 1) }
            if b0 == 0x09 || b0 == 0x0A || b0 == 0x0D { return (space, 1) }
            return (UInt32(b0), 1)
        }
        return foldSlow(b, i, b0)
    }

    /// `fold` with the two-byte table at hand (`twoByteFoldTable.buffer`, read once by a
    /// caller that folds many scalars): a two-byte scalar (most letters of Russian and
    /// accented text) folds inline, where `foldSlow` read the table through its lazy global
    /// on every call (~35 instructions a letter).
    @inline(__always)
    static func fold(_ b: [UInt8], _ i: Int, twoByte: UnsafeBufferPointer<UInt32>) -> (UInt32, Int) {
        let b0 = b[i]
        if b0 < 0x80 { return (foldAscii(b0), 1) }
        // As `foldSlow` reads a lead byte 0xC0…0xDF with a byte after it.
        if b0 >= 0xC0 && b0 < 0xE0 && i + 1 < b.count {
            return (twoByte[Int((UInt32(b0 & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F))], 2)
        }
        return foldSlow(b, i, b0)
    }

    /// `fold` of an ASCII byte.
    @inline(__always)
    static func foldAscii(_ b0: UInt8) -> UInt32 {
        if b0 &- 0x41 < 26 { return UInt32(b0 | 0x20) }
        if b0 == 0x09 || b0 == 0x0A || b0 == 0x0D { return space }
        return UInt32(b0)
    }

    /// The non-ASCII part of `fold`, kept out of line so the ASCII path stays small.
    @inline(never)
    static func foldSlow(_ b: [UInt8], _ i: Int, _ b0: UInt8) -> (UInt32, Int) {
        let n = b.count
        if b0 < 0xC0 { return (UInt32(b0), 1) } // stray continuation byte: itself
        if b0 < 0xE0 {
            guard i + 1 < n else { return (UInt32(b0), 1) }
            let scalar = (UInt32(b0 & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
            return (twoByteFoldTable[Int(scalar)], 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < n else { return (UInt32(b0), 1) }
            let scalar = (UInt32(b0 & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
            switch scalar {
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: return (dash, 3)
            case 0x2018, 0x2019, 0x201B, 0x2032: return (apostrophe, 3)
            case 0x201C, 0x201D, 0x201E, 0x201F: return (quote, 3)
            case 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return (space, 3)
            default: return (scalar, 3)
            }
        }
        guard i + 3 < n else { return (UInt32(b0), 1) }
        let scalar = (UInt32(b0 & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12)
            | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F)
        return (scalar, 4)
    }

    /// The folded unit of a two-byte scalar (`scalar` below 0x800, as the lead and next byte
    /// give it).
    static func twoByteFold(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0xA0: return space
        case 0xBA: return degree
        case 0xAB, 0xBB: return quote
        case 0xC0...0xFF:
            let folded = latin1Fold[Int(scalar - 0xC0)]
            return folded == 0 ? scalar : UInt32(folded)
        case 0x400...0x40F: return cyrillicLower(scalar + 0x50)
        case 0x410...0x42F: return cyrillicLower(scalar + 0x20)
        case 0x430...0x45F: return cyrillicLower(scalar)
        default: return scalar
        }
    }

    /// `twoByteFold` of every scalar below 0x800, built once: most non-ASCII text (Cyrillic,
    /// accented Latin) is two-byte scalars, which `foldSlow` folded through a range switch
    /// and the look-alike switch (~20 instructions each, ~130 K times over f40); one load
    /// here. A process-lifetime table.
    static let twoByteFoldTable = CiteTable((0..<0x800).map { twoByteFold(UInt32($0)) })

    /// Lower-case Cyrillic letter → the Latin letter it looks like, or itself.
    @inline(__always)
    static func cyrillicLower(_ s: UInt32) -> UInt32 {
        switch s {
        case 0x430: return 0x61 // а
        case 0x432: return 0x62 // в (capital В looks like B)
        case 0x435, 0x451, 0x450: return 0x65 // е ё ѐ
        case 0x43A: return 0x6B // к
        case 0x43C: return 0x6D // м
        case 0x43D: return 0x68 // н (capital Н looks like H)
        case 0x43E: return 0x6F // о
        case 0x440: return 0x70 // р
        case 0x441: return 0x63 // с
        case 0x442: return 0x74 // т
        case 0x443: return 0x79 // у
        case 0x445: return 0x78 // х
        case 0x455: return 0x73 // ѕ
        case 0x456: return 0x69 // і
        case 0x458: return 0x6A // ј
        default: return s
        }
    }

    /// Folds a whole string (tables, queries): one folded unit per scalar.
    static func foldString(_ s: String) -> [UInt32] {
        let b = Array(s.utf8)
        var out: [UInt32] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let (f, n) = fold(b, i)
            out.append(f)
            i += n
        }
        return out
    }

    /// `foldString(s)` into `out` (emptied first), with `bytes` as scratch: the tables fold
    /// hundreds of words at start-up, and two new arrays per word cost more than the folding.
    static func foldString(_ s: String, into out: inout [UInt32], bytes: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: s.utf8)
        var i = 0
        while i < bytes.count {
            let (f, n) = fold(bytes, i)
            out.append(f)
            i += n
        }
    }

    /// Whether a folded unit is a letter (any script).
    @inline(__always)
    static func isLetter(_ f: UInt32) -> Bool {
        (f >= 0x61 && f <= 0x7A) || (f >= 0xC0 && f <= 0x24F && f != 0xD7 && f != 0xF7) || (f >= 0x370 && f <= 0x52F)
    }

    /// Whether a folded unit is an ASCII digit.
    @inline(__always)
    static func isDigit(_ f: UInt32) -> Bool { f >= 0x30 && f <= 0x39 }

    /// Whether a folded unit is a letter or a digit.
    @inline(__always)
    static func isAlnum(_ f: UInt32) -> Bool { isDigit(f) || isLetter(f) }

    /// Whether the byte at `i` starts a letter or digit (bounds-safe).
    @inline(__always)
    static func isWordAt(_ b: [UInt8], _ i: Int) -> Bool {
        guard i >= 0 && i < b.count else { return false }
        let c = b[i]
        if c < 0x80 { return isAsciiWord(c) }
        if c < 0xC0 { return false }
        return isAlnum(fold(b, i).0)
    }

    /// Whether the scalar that ends just before `i` is a letter or digit: a word boundary test
    /// that looks backwards over a multi-byte scalar.
    @inline(__always)
    static func isWordBefore(_ b: [UInt8], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        let c = b[i - 1]
        if c < 0x80 { return isAsciiWord(c) }
        return isWordAt(b, scalarStart(b, i - 1))
    }

    /// Start of the scalar containing byte `i`.
    @inline(__always)
    static func scalarStart(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j > 0 && b[j] & 0xC0 == 0x80 && i - j < 3 { j -= 1 }
        return j
    }

    /// By byte: whether it is an ASCII letter or digit (`isAsciiWord`; false for every byte from
    /// 0x80). For the loops that walk a whole run of bytes, where one lazy-initialisation check
    /// per run and a load per byte cost less than the comparisons. A process-lifetime table.
    static let asciiWordTable = CiteTable((0..<256).map { $0 < 0x80 && isAsciiWord(UInt8($0)) })

    /// Whether an ASCII byte is a letter or digit. A comparison, not a table: a global table
    /// costs a lazy-initialisation check on every access in the hot loop.
    @inline(__always)
    static func isAsciiWord(_ c: UInt8) -> Bool {
        (c &- 0x30) < 10 || ((c | 0x20) &- 0x61) < 26
    }

    /// Number of letters and digits (scalars, not bytes) that start at `i`. A literal can match
    /// at `i` only when this equals its `runLength`, which rules out most candidates before any
    /// unit is compared (`not` is not `note`, `Constitution` is not `Convention …`).
    @inline(__always)
    static func alnumRun(_ b: [UInt8], _ i: Int) -> Int {
        alnumRunASCII(b, i).run
    }

    /// `alnumRun`, and whether the run is ASCII letters and digits followed by an ASCII byte or
    /// the end (most words): then the run is counted in bytes on the cheap path, and the
    /// matchers may compare its bytes without folding.
    @inline(__always)
    static func alnumRunASCII(_ b: [UInt8], _ i: Int) -> (run: Int, ascii: Bool) {
        let isWord = asciiWordTable.buffer
        let a = b.withUnsafeBufferPointer { p -> Int in
            var a = i
            while a < p.count && isWord[Int(p[a])] { a += 1 }
            return a
        }
        // The byte after the ASCII run is ASCII (no letter or digit) or the end: the run ends
        // there, as the scalar walk below would find.
        if a > i && (a == b.count || b[a] < 0x80) { return (a - i, true) }
        return (alnumRunScalars(b, i), false)
    }

    /// `alnumRun` by the scalar walk.
    @inline(__always)
    static func alnumRunScalars(_ b: [UInt8], _ i: Int) -> Int {
        let limit = b.count
        var j = i
        var run = 0
        while j < limit {
            let c = b[j]
            if c < 0x80 {
                guard isAsciiWord(c) else { break }
                j += 1
            } else if (c == 0xD0 || c == 0xD1) && j + 1 < limit {
                j += 2 // U+0400–U+047F: every one folds to a letter (see `fold`)
            } else {
                let (f, n) = fold(b, j)
                guard isAlnum(f) else { break }
                j += n
            }
            run += 1
        }
        return run
    }

    /// The number of leading letters and digits of a folded literal when every match of it
    /// (as a word) covers exactly that many letters and digits of the text, else -1 (a stem
    /// `~` right after them may take more).
    static func runLength(_ lit: [UInt32]) -> Int {
        var k = 0
        while k < lit.count && isAlnum(lit[k]) { k += 1 }
        if k < lit.count && lit[k] == 0x7E { return -1 }
        return k
    }

    /// Whether the scalar at `i` is white space (including no-break spaces).
    @inline(__always)
    static func isSpaceAt(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return false }
        let c = b[i]
        if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { return true }
        if c < 0x80 { return false }
        return fold(b, i).0 == space
    }

    /// Index after any white space starting at `i`.
    @inline(__always)
    static func skipSpaces(_ b: [UInt8], _ i: Int, _ limit: Int) -> Int {
        var j = i
        while j < limit {
            let c = b[j]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { j += 1; continue }
            if c >= 0x80, fold(b, j).0 == space { j += fold(b, j).1; continue }
            break
        }
        return j
    }

    /// Index of the first non-space before `i` (exclusive end), walking backwards.
    @inline(__always)
    static func skipSpacesBack(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while j > 0 {
            let c = b[j - 1]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { j -= 1; continue }
            if c >= 0x80 {
                let s = scalarStart(b, j - 1)
                if fold(b, s).0 == space { j = s; continue }
            }
            break
        }
        return j
    }

    /// End of the word (letters, digits, inner hyphens) that starts at `i`. An apostrophe ends
    /// a word, so `l'article` is `l` and `article`.
    @inline(__always)
    static func wordEnd(_ b: [UInt8], _ i: Int, _ limit: Int) -> Int {
        // The leading ASCII letters and digits through the byte table, without bounds checks
        // (most words are nothing else); the loop below goes on from there as it would have.
        let isWord = asciiWordTable.buffer
        var j = b.withUnsafeBufferPointer { p -> Int in
            let end = min(limit, p.count)
            var a = vectorWordRunEnd(p, from: i, end: end)
            while true {
                while a < end && isWord[Int(p[a])] { a += 1 }
                // A Cyrillic letter (lead byte D0 or D1), stepped over as the loop below steps
                // it, without its bounds checks: most letters of Russian text, ~10
                // instructions each through that loop.
                guard a < end, p[a] == 0xD0 || p[a] == 0xD1, a + 1 < p.count else { return a }
                a += 2
            }
        }
        while j < limit {
            let c = b[j]
            if c < 0x80 {
                if isAsciiWord(c) { j += 1; continue }
                if c == 0x2D && j + 1 < limit && isWordAt(b, j + 1) && j > i { j += 1; continue }
                break
            }
            // U+0400–U+047F (Russian text): every one folds to a letter of two bytes (see `fold`).
            if (c == 0xD0 || c == 0xD1) && j + 1 < b.count { j += 2; continue }
            let (f, n) = fold(b, j)
            if isAlnum(f) { j += n; continue }
            if f == dash && j + n < limit && isWordAt(b, j + n) && j > i { j += n; continue }
            break
        }
        return j
    }

    /// Where `wordEnd`'s run loop (ASCII letters and digits, and two-byte scalars led by 0xD0 or
    /// 0xD1, each stepped over whole) stands after whole sixteen-byte blocks from `start` that
    /// it would walk the same way: the loop then goes on from here. Russian words are a run of
    /// such pairs, which the loop took ~10 instructions a letter to step over; here a block is
    /// judged on its lane masks. A block whose continuation bytes are not exactly the ones
    /// right after a lead 0xD0/0xD1 (invalid UTF-8), or whose run stops just after a lead,
    /// is left to the loop. `vectors: false` (tests) returns `start`.
    @inline(__always)
    static func vectorWordRunEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, vectors: Bool = true) -> Int {
        var a = start
        #if arch(x86_64)
        guard vectors else { return a }
        while a &+ 16 <= end {
            let (word, lead, tail) = wordPairLanes(UnsafeRawPointer(p.baseAddress! + a))
            // Lanes before the first that is neither an ASCII letter or digit, a lead 0xD0/0xD1
            // nor a continuation byte.
            let run = (~word & 0xFFFF | 0x10000).trailingZeroBitCount
            let prefix: UInt32 = (1 << UInt32(run)) &- 1
            // Every continuation byte in the prefix follows a lead, and every lead but one in
            // the last lane of the block is followed by one.
            guard tail & prefix == (lead << 1) & prefix else { return a }
            if run < 16 {
                // A lead right before the stop would step over the stop byte: the loop decides.
                if run > 0 && lead & (1 << UInt32(run - 1)) != 0 { return a }
                return a &+ run
            }
            // The whole block: resume at a lead in its last lane, so each block starts a scalar.
            a &+= lead & 0x8000 != 0 ? 15 : 16
        }
        #endif
        return a
    }

    #if arch(x86_64)
    /// Lane masks of the sixteen bytes at `address`: those in `wordEnd`'s run (an ASCII letter
    /// or digit, 0xD0, 0xD1 or a continuation byte), the leads 0xD0/0xD1, and the continuation
    /// bytes 0x80…0xBF.
    @inline(__always)
    static func wordPairLanes(_ address: UnsafeRawPointer) -> (word: UInt32, lead: UInt32, tail: UInt32) {
        let bytes = ByteLanes.load(address)
        let letters = ByteLanes.within(_mm_or_si128(bytes, ByteLanes.splat(0x20)), 0x61, 26)
        let digits = ByteLanes.within(bytes, 0x30, 10)
        let leads = ByteLanes.within(bytes, 0xD0, 2)
        let tails = ByteLanes.within(bytes, 0x80, 0x40)
        let word = _mm_or_si128(_mm_or_si128(letters, digits), _mm_or_si128(leads, tails))
        return (UInt32(truncatingIfNeeded: _mm_movemask_epi8(word)),
                UInt32(truncatingIfNeeded: _mm_movemask_epi8(leads)),
                UInt32(truncatingIfNeeded: _mm_movemask_epi8(tails)))
    }
    #endif

    /// Start of the word that ends at `end` (exclusive), walking backwards over letters, digits
    /// and inner hyphens.
    static func wordStart(_ b: [UInt8], _ end: Int) -> Int {
        // The trailing ASCII letters and digits through the byte table, without bounds checks;
        // the loop below goes on from there as it would have.
        let isWord = asciiWordTable.buffer
        var j = b.withUnsafeBufferPointer { p -> Int in
            var a = min(end, p.count)
            while a > 0 && isWord[Int(p[a - 1])] { a -= 1 }
            return a
        }
        while j > 0 {
            // An ASCII byte is a scalar of its own, and folds to a letter or digit exactly when
            // it is one: the common case reads one byte, without `scalarStart` and `fold`.
            let c = b[j - 1]
            if c < 0x80 {
                if isAsciiWord(c) { j -= 1; continue }
                if c == 0x2D && j - 1 > 0 && isWordBefore(b, j - 1) && j < end { j -= 1; continue }
                break
            }
            let s = scalarStart(b, j - 1)
            let f = fold(b, s).0
            if isAlnum(f) { j = s; continue }
            if f == dash && s > 0 && isWordBefore(b, s) && j < end { j = s; continue }
            break
        }
        return j
    }

    /// Whether the scalar at `i` is an upper-case letter (Latin, Latin-1 or Cyrillic).
    @inline(__always)
    static func isUpperAt(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return false }
        let c = b[i]
        if c < 0x80 { return c >= 0x41 && c <= 0x5A }
        guard i + 1 < b.count else { return false }
        if c == 0xC3 { return b[i + 1] >= 0x80 && b[i + 1] <= 0x9E && b[i + 1] != 0x97 }
        if c == 0xD0 { return b[i + 1] >= 0x80 && b[i + 1] <= 0xAF }
        return false
    }

    /// Whether every letter of `i..<end` is upper case (and there is at least one).
    static func isAllUpper(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        var j = i
        var letters = 0
        while j < end {
            let (f, n) = fold(b, j)
            if isLetter(f) {
                if !isUpperAt(b, j) { return false }
                letters += 1
            }
            j += n
        }
        return letters > 0
    }

    /// Matches folded literal `lit` at `i`. A space in the literal matches one or more white-space
    /// scalars; `~` matches up to four further letters (an inflected ending). Returns the end.
    @inline(__always)
    static func match(_ lit: [UInt32], _ b: [UInt8], _ i: Int, _ limit: Int) -> Int? {
        lit.withUnsafeBufferPointer { match($0.baseAddress, $0.count, b, i, limit) }
    }

    /// `match` on the literal of `count` units at `lit` (the tables keep their literals in
    /// memory that is never freed, so the hot loops pass a pointer and count no references).
    @inline(__always)
    static func match(_ lit: UnsafePointer<UInt32>?, _ count: Int, _ b: [UInt8], _ i: Int, _ limit: Int) -> Int? {
        guard let lit else { return i }
        let matched = matchFrom(lit, count, b, 0, i, limit)
        return matched.units == count ? matched.at : nil
    }

    /// `match` followed by a word boundary (no letter or digit right after).
    @inline(__always)
    static func matchWord(_ lit: [UInt32], _ b: [UInt8], _ i: Int, _ limit: Int) -> Int? {
        lit.withUnsafeBufferPointer { matchWord($0.baseAddress, $0.count, b, i, limit) }
    }

    /// `matchWord` on the literal of `count` units at `lit`.
    @inline(__always)
    static func matchWord(_ lit: UnsafePointer<UInt32>?, _ count: Int, _ b: [UInt8], _ i: Int, _ limit: Int) -> Int? {
        guard count > 0, let lit, let end = match(lit, count, b, i, limit) else { return nil }
        let last = lit[count - 1]
        if !isAlnum(last) && last != 0x7E { return end }
        return isWordAt(b, end) ? nil : end
    }

    /// `match` from unit `k` of the literal at text offset `j` (the units before matched up
    /// to there). Returns the units matched and where the text stands: all `count` of them
    /// and the end on success, else the unit that failed and the offset it was tried at.
    @inline(__always)
    /// `twoByte`, when given, is `twoByteFoldTable.buffer`, which a caller holding it passes so
    /// the letters of Russian and accented text fold inline (the plain `fold` reads the table
    /// through its lazy global, ~40 instructions a letter).
    static func matchFrom(_ lit: UnsafePointer<UInt32>, _ count: Int, _ b: [UInt8], _ k0: Int, _ j0: Int,
                          _ limit: Int, twoByte: UnsafeBufferPointer<UInt32>? = nil) -> (units: Int, at: Int) {
        var j = j0
        var k = k0
        while k < count {
            let u = lit[k]
            if u == space {
                guard j < limit, isSpaceAt(b, j) else { return (k, j) }
                j = skipSpaces(b, j, limit)
                k += 1
                continue
            }
            if u == 0x7E {
                var extra = 0
                while j < limit && extra < 4 {
                    let (f, n) = fold(b, j)
                    guard isLetter(f) else { break }
                    j += n
                    extra += 1
                }
                k += 1
                continue
            }
            guard j < limit else { return (k, j) }
            let f: UInt32
            let n: Int
            if let twoByte { (f, n) = fold(b, j, twoByte: twoByte) } else { (f, n) = fold(b, j) }
            if f != u { return (k, j) }
            j += n
            k += 1
        }
        return (k, j)
    }

    /// `matchWord` for the trigger loops, which try many literals at one word, most sharing a
    /// head (`Convention on the …` a dozen times): `miss` keeps the last literal that failed
    /// there, so a literal with the same units up to its failing one fails without reading
    /// the text, and one that parts from it exactly there resumes where it failed.
    ///
    /// `head`, when above 0, says that the literal's first `head` units and the text's bytes
    /// `i..<i + head` are all ASCII letters and digits (`i + head <= limit`): each such byte is
    /// a scalar of its own and folds to itself with bit 5 set, so those units are compared as
    /// bytes, without `fold`. A miss there is recorded as `matchFrom` would record it.
    ///
    /// `twoByte`, when given, is `twoByteFoldTable.buffer` (see `matchFrom`).
    @inline(__always)
    static func matchWord(_ lit: UnsafePointer<UInt32>?, _ count: Int, _ b: [UInt8], _ i: Int, _ limit: Int,
                          miss: inout CiteMiss, head: Int = 0, twoByte: UnsafeBufferPointer<UInt32>? = nil) -> Int? {
        guard count > 0, let lit else { return nil }
        var k0 = 0
        var j0 = i
        if let failed = miss.lit, count > miss.unit {
            var l = 0
            while l <= miss.unit && lit[l] == failed[l] { l += 1 }
            if l > miss.unit { return nil }
            if l == miss.unit { k0 = l; j0 = miss.at }
        }
        if k0 == 0 && head > 0 {
            var m = 0
            while m < head {
                if UInt32(b[i + m] | 0x20) != lit[m] {
                    miss = CiteMiss(lit: lit, unit: m, at: i + m)
                    return nil
                }
                m += 1
            }
            k0 = head
            j0 = i + head
        }
        let (k, end) = matchFrom(lit, count, b, k0, j0, limit, twoByte: twoByte)
        guard k == count else {
            miss = CiteMiss(lit: lit, unit: k, at: end)
            return nil
        }
        let last = lit[count - 1]
        if !isAlnum(last) && last != 0x7E { return end }
        return isWordAt(b, end) ? nil : end
    }

    /// The longest of `lits` that matches as a word at `i`, with its index.
    static func longestWord(_ lits: [[UInt32]], _ b: [UInt8], _ i: Int, _ limit: Int) -> (index: Int, end: Int)? {
        var best: (Int, Int)? = nil
        for (index, lit) in lits.enumerated() {
            if let end = matchWord(lit, b, i, limit), end > (best?.1 ?? -1) { best = (index, end) }
        }
        return best
    }

    /// Whether the folded text ending at `end` (exclusive) is `lit`, starting at a word boundary.
    /// Returns the literal's start. Spaces in `lit` match exactly one white-space scalar here.
    static func matchBack(_ lit: [UInt32], _ b: [UInt8], _ end: Int) -> Int? {
        var j = end
        var k = lit.count - 1
        while k >= 0 {
            guard j > 0 else { return nil }
            let s = scalarStart(b, j - 1)
            let f = fold(b, s).0
            if f != lit[k] { return nil }
            j = s
            k -= 1
        }
        if let first = lit.first, isAlnum(first), isWordBefore(b, j) { return nil }
        return j
    }

    /// Parses an unsigned decimal number of at most `maxDigits` digits at `i`.
    @inline(__always)
    static func digits(_ b: [UInt8], _ i: Int, _ limit: Int, maxDigits: Int = 9) -> (value: Int, end: Int)? {
        var j = i
        var v = 0
        while j < limit && b[j] >= 0x30 && b[j] <= 0x39 && j - i < maxDigits + 1 {
            v = v * 10 + Int(b[j] - 0x30)
            j += 1
        }
        if j == i || j - i > maxDigits { return nil }
        return (v, j)
    }

    /// The text of `i..<end` as a `String` (made only for matched citations).
    static func string(_ b: [UInt8], _ i: Int, _ end: Int) -> String {
        b.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[i..<end]), as: UTF8.self) }
    }

    /// The text of `i..<end` with white-space runs collapsed to one space: names read across a
    /// line break come out as one line.
    static func collapsed(_ b: [UInt8], _ i: Int, _ end: Int) -> String {
        // Most names are written on one line with single spaces: then the text is the answer,
        // made in one copy. Tabs, line breaks, doubled or outer spaces, and the lead bytes of
        // every non-ASCII space (U+00A0, U+2000…U+205F, U+3000) take the byte loop below.
        if i < end && b[i] != 0x20 && b[end - 1] != 0x20 {
            // By byte class (`collapseClassTable`): one load a byte, without bounds checks,
            // where six comparisons and a pair test were made on every byte of every name.
            let classes = collapseClassTable.buffer
            let plain = b.withUnsafeBufferPointer { p -> Bool in
                var previous: UInt8 = 0
                for k in i..<end {
                    let t = classes[Int(p[k])]
                    if t == 1 || t & previous == 2 { return false }
                    previous = t
                }
                return true
            }
            if plain { return string(b, i, end) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(end - i)
        var j = i
        var pendingSpace = false
        while j < end {
            if isSpaceAt(b, j) {
                pendingSpace = true
                j += b[j] < 0x80 ? 1 : fold(b, j).1
                continue
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b[j])
            j += 1
        }
        return out.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// For `collapsed`, by byte: 2 for a space (two in a row are collapsed), 1 for a byte that
    /// is or starts white space it rewrites (tab, line breaks, and the lead bytes of U+00A0,
    /// U+2000…U+205F and U+3000), 0 otherwise. A process-lifetime table.
    static let collapseClassTable = CiteTable((0..<256).map { (c: Int) -> UInt8 in
        if c == 0x20 { return 2 }
        return [0x09, 0x0A, 0x0D, 0xC2, 0xE2, 0xE3].contains(c) ? 1 : 0
    })

    /// A folded-ASCII slug of a name: letters and digits kept (look-alikes folded, accents
    /// dropped, other scripts lower-cased), everything else one `-`.
    static func slug(_ s: String) -> String {
        // Most names are ASCII: then the slug is written straight into the new string from the
        // name's own bytes (no copy of the name, no byte array, no folding calls), ~3.7 K
        // instructions per title before.
        if let ascii = asciiSlug(s) { return ascii }
        // Built as UTF-8 bytes and decoded once: appending scalars to a String one by one
        // costs more than the rest of an instrument citation.
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var pendingDash = false
        var i = 0
        while i < b.count {
            let (u, n) = fold(b, i)
            i += n
            if isAlnum(u) {
                if pendingDash && !out.isEmpty { out.append(0x2D) }
                pendingDash = false
                appendUTF8(u, to: &out)
            } else if u != apostrophe {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `slug` of an ASCII name, nil when `s` has a non-ASCII byte (or is not contiguous). For
    /// ASCII, `fold` lower-cases `A`–`Z` and `isAlnum` is `0`–`9` and `a`–`z`, so the rules are
    /// byte rules.
    static func asciiSlug(_ s: String) -> String? {
        s.utf8.withContiguousStorageIfAvailable { b -> String? in
            guard let from = b.baseAddress else { return "" }
            // Non-ASCII bytes are looked for eight at a time (their high bits), not one by one.
            let raw = UnsafeRawPointer(from)
            var k = 0
            while k + 8 <= b.count {
                if raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return nil }
                k += 8
            }
            while k < b.count { if b[k] >= 0x80 { return nil }; k += 1 }
            let slugBytes = slugByteTable.buffer
            return String(unsafeUninitializedCapacity: b.count) { out in
                var k = 0
                var pendingDash = false
                for c in b {
                    // One table read a byte: the slug byte of a letter or digit (lower case),
                    // 0 for a separator, 1 for the apostrophe (which separates nothing).
                    let u = slugBytes[Int(c)]
                    if u > 1 {
                        if pendingDash && k > 0 { out[k] = 0x2D; k += 1 }
                        pendingDash = false
                        out[k] = u
                        k += 1
                    } else if u == 0 {
                        pendingDash = true
                    }
                }
                return k
            }
        } ?? nil
    }

    /// For `asciiSlug`, by ASCII byte: the byte lower-cased when it is a letter or digit (what
    /// `fold` and `isAlnum` make of it), 1 for the apostrophe, 0 for every other byte.
    static let slugByteTable = CiteTable((0..<256).map { (c: Int) -> UInt8 in
        let u = UInt8(c)
        if u == 0x27 { return 1 }
        guard u < 0x80 && isAsciiWord(u) else { return 0 }
        return u &- 0x41 < 26 ? u | 0x20 : u
    })

    /// Appends the UTF-8 encoding of scalar value `u` (a letter or digit, never a surrogate).
    @inline(__always)
    static func appendUTF8(_ u: UInt32, to out: inout [UInt8]) {
        if u < 0x80 {
            out.append(UInt8(u))
        } else if u < 0x800 {
            out.append(UInt8(0xC0 | (u >> 6))); out.append(UInt8(0x80 | (u & 0x3F)))
        } else if u < 0x10000 {
            out.append(UInt8(0xE0 | (u >> 12))); out.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (u & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (u >> 18))); out.append(UInt8(0x80 | ((u >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((u >> 6) & 0x3F))); out.append(UInt8(0x80 | (u & 0x3F)))
        }
    }

    /// Folded form of a short text, for dictionary keys (defined terms).
    static func foldedKey(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for u in foldString(s) {
            if u == space || u == quote { pendingSpace = true; continue }
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            if let scalar = Unicode.Scalar(u) { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

/// The last trigger literal that failed at a word, for `CiteText.matchWord(_:_:_:_:_:miss:)`:
/// its units up to `unit` matched the text (up to offset `at`), and unit `unit` did not.
struct CiteMiss {
    /// The literal (tables keep their literals for the life of the process); nil before any
    /// failure.
    var lit: UnsafePointer<UInt32>? = nil
    /// The literal's first unit that did not match.
    var unit: Int = 0
    /// Text offset where that unit was tried.
    var at: Int = 0
}

/// A table that lives as long as the process: its elements are copied once into memory that is
/// never freed, so hot loops read it through a plain pointer. (An array held by a shared table
/// is retained and released around every call that reads it, which cost more than the reading.)
/// Only for tables built once (`static let`, the shared vocabulary).
struct CiteTable<Element: BitwiseCopyable>: @unchecked Sendable {
    /// First element; nil when empty.
    let base: UnsafePointer<Element>?
    /// Number of elements.
    let count: Int

    /// Copies `elements` into memory that is never freed.
    init(_ elements: [Element]) {
        count = elements.count
        guard !elements.isEmpty else { base = nil; return }
        let p = UnsafeMutablePointer<Element>.allocate(capacity: elements.count)
        p.initialize(from: elements, count: elements.count)
        base = UnsafePointer(p)
    }

    /// Element `k` (`0 <= k < count`, checked in debug builds only).
    @inline(__always)
    subscript(k: Int) -> Element {
        assert(k >= 0 && k < count)
        return base.unsafelyUnwrapped[k]
    }

    /// Pointer to element `k`, for literals stored one after another.
    @inline(__always)
    func pointer(_ k: Int) -> UnsafePointer<Element>? { base.map { $0 + k } }

    /// The whole table as a buffer (no retain: the memory is never freed).
    @inline(__always)
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}

/// A list of folded literals stored flat (one table of units, with starts and lengths), grouped
/// by first unit: a look-up tries only the literals that start with the folded unit at hand, in
/// their listed order (which decides ties).
struct CiteLits: Sendable {
    /// All units, one literal after another.
    private let units: CiteTable<UInt32>
    /// Every integer table, one after another, so that the value stays a few words long: the
    /// lists are `static let`s, and each use copies the value out of its global (a value of
    /// nine tables was copied with `memcpy`). Sections, for `n` literals: start, length, first
    /// unit and run length of each literal side by side (`4 * n`); `groupStart` (129) and
    /// `byFirst`; `lastStart` (129) and `byLast`.
    private let ints: CiteTable<Int>
    /// Number of literals.
    let count: Int
    /// Where `byFirst` ends (and `lastStart` begins) in `ints`.
    private let byFirstEnd: Int
    /// Whether some literal starts with a space or a stem `~`, which `matchWord` does not rule
    /// out on the text's first byte.
    private let looseFirst: Bool

    /// Folds and stores `words`, in order.
    init(_ words: [String]) {
        var units: [UInt32] = []
        var starts: [Int] = []
        var counts: [Int] = []
        var firsts: [Int] = []
        var runs: [Int] = []
        starts.reserveCapacity(words.count)
        counts.reserveCapacity(words.count)
        firsts.reserveCapacity(words.count)
        runs.reserveCapacity(words.count)
        units.reserveCapacity(words.reduce(0) { $0 + $1.utf8.count })
        var lit: [UInt32] = []
        var scratch: [UInt8] = []
        for w in words {
            CiteText.foldString(w, into: &lit, bytes: &scratch)
            runs.append(CiteText.runLength(lit))
            starts.append(units.count)
            counts.append(lit.count)
            firsts.append(Int(lit.first ?? 0))
            units.append(contentsOf: lit)
        }
        // A literal equal (folded) to an earlier one is left out of the look-up groups: lists
        // spell both cases (`See`, `see`), and the later copy can never win, since ties go to
        // the first.
        // Compared by index with the distinct literals before, lengths and first units first:
        // comparing array slices of every pair cost ~4 M instructions at start-up over the lists
        // (a set of arrays, hashing each, more). A literal equal to a dropped one equals the
        // kept literal that one equals, so only kept ones need comparing.
        var distinct: [Int] = []
        distinct.reserveCapacity(words.count)
        for k in words.indices {
            var duplicate = false
            for e in distinct where firsts[e] == firsts[k] && counts[e] == counts[k] {
                var m = 0
                while m < counts[k] && units[starts[e] + m] == units[starts[k] + m] { m += 1 }
                if m == counts[k] { duplicate = true; break }
            }
            if !duplicate { distinct.append(k) }
        }
        let n = words.count
        var ints: [Int] = []
        ints.reserveCapacity(4 * n + 2 * 129 + 2 * distinct.count)
        // A plain literal (`the`, `law`: every unit an ASCII letter or digit) is flagged in bit
        // 32 of its first-unit entry, which `first` drops.
        for k in 0..<n {
            var plain = counts[k] > 0
            for m in 0..<counts[k] where !(units[starts[k] + m] < 0x80 && CiteText.isAlnum(units[starts[k] + m])) {
                plain = false
                break
            }
            ints.append(starts[k])
            ints.append(counts[k])
            ints.append(firsts[k] | (plain ? 1 << 32 : 0))
            ints.append(runs[k])
        }
        /// Appends the 129 group starts and the grouped indices of `distinct` by `unit` (ASCII
        /// units one group each, in list order; the rest, and no empty literal, last).
        ///
        /// A counting sort into `ints`: an array per group, retained and released at every
        /// visit, cost ~1 M instructions at start-up over the lists.
        func appendGroups(_ unit: (Int) -> Int) {
            var sizes = [Int](repeating: 0, count: 129)
            for k in distinct where unit(k) >= 0 { sizes[min(unit(k), 128)] += 1 }
            var next = [Int](repeating: 0, count: 129)
            var at = ints.count + 129
            for g in 0..<129 {
                ints.append(at)
                next[g] = at
                at += sizes[g]
            }
            ints.append(contentsOf: repeatElement(0, count: at - ints.count))
            for k in distinct where unit(k) >= 0 {
                let g = min(unit(k), 128)
                ints[next[g]] = k
                next[g] += 1
            }
        }
        // Literal indices grouped by first unit.
        appendGroups { firsts[$0] }
        self.byFirstEnd = ints.count
        // The same by last unit, for `matchBack`, which would otherwise walk every literal for
        // each citation's signal.
        appendGroups { counts[$0] > 0 ? Int(units[starts[$0] + counts[$0] - 1]) : -1 }
        self.count = n
        self.looseFirst = firsts.contains { $0 == 0x20 || $0 == 0x7E }
        self.units = CiteTable(units)
        self.ints = CiteTable(ints)
    }

    /// Start of literal `k` in `units`.
    @inline(__always)
    private func start(_ k: Int) -> Int { ints[k << 2] }

    /// The folded units of every literal, in order: for rule-out tables built once from
    /// several lists (`CiteVocabulary.titleStopFilter`).
    var literals: [[UInt32]] {
        (0..<count).map { k in (0..<length(k)).map { units[start(k) + $0] } }
    }

    /// Length of literal `k`.
    @inline(__always)
    private func length(_ k: Int) -> Int { ints[k << 2 | 1] }

    /// First unit of literal `k` (0 when empty).
    @inline(__always)
    private func first(_ k: Int) -> UInt32 { UInt32(truncatingIfNeeded: ints[k << 2 | 2]) }

    /// `CiteText.runLength` of literal `k`.
    @inline(__always)
    private func run(_ k: Int) -> Int { ints[k << 2 | 3] }

    /// Whether literal `k` is plain: one or more units, every one an ASCII letter or digit.
    /// On text whose bytes there are ASCII letters and digits, such a literal matches exactly
    /// when the bytes, lower-cased, are its units one for one, so the look-ups compare bytes
    /// without the matcher's folding, space and stem rules.
    @inline(__always)
    private func isPlain(_ k: Int) -> Bool { ints[k << 2 | 2] >> 32 != 0 }

    /// Whether the bytes of `b` from `i`, which must be ASCII letters and digits, lower-cased
    /// are the units of plain literal `k` after its first (which the caller compared), for
    /// the literal's whole length.
    @inline(__always)
    private func asciiTailEqual(_ k: Int, _ b: [UInt8], _ i: Int) -> Bool {
        let from = start(k)
        let count = length(k)
        var m = 1
        while m < count {
            // `| 0x20` is `fold` on an ASCII letter or digit (digits have the bit already).
            if UInt32(b[i + m] | 0x20) != units[from + m] { return false }
            m += 1
        }
        return true
    }

    /// Literal `k` matched as a word at `i`: its end.
    ///
    /// Callers try a list's literals in order at one place (`of the`, `of`, `in the`… after an
    /// article; `of`, `on`, `dated`… before a date), and most fail on the first unit: an ASCII
    /// byte that does not fold to it rules the literal out here, on one byte, before the
    /// matcher's setup. (A first unit that is a space or a stem `~` is left to the matcher.)
    @inline(__always)
    func matchWord(_ k: Int, _ b: [UInt8], _ i: Int, _ limit: Int) -> Int? {
        if i < limit {
            let c = b[i]
            let u = first(k)
            if c < 0x80 && u != 0x20 && u != 0x7E && CiteText.foldAscii(c) != u { return nil }
        }
        return matchUnchecked(k, b, i, limit)
    }

    /// False when `matchWord(k, b, i, limit)` fails for every `k`, judged on the text's first
    /// byte alone: an ASCII byte whose folded unit starts no literal (`Covenant` after an
    /// article, where the links `of the`, `du`, `de la`… are tried in order). A caller that
    /// tries a list's literals one by one skips the whole loop on one table read.
    @inline(__always)
    func mayMatchWord(_ b: [UInt8], _ i: Int, _ limit: Int) -> Bool {
        guard i < limit, !looseFirst else { return true }
        let c = b[i]
        guard c < 0x80 else { return true }
        // `group` holds every literal whose first unit is this ASCII unit (a literal left out
        // as a duplicate has the same first unit as the one kept).
        return !group(CiteText.foldAscii(c)).isEmpty
    }

    /// `matchWord` without the first-unit test, for the look-ups that already picked the
    /// literals starting with the text's first unit.
    @inline(__always)
    private func matchUnchecked(_ k: Int, _ b: [UInt8], _ i: Int, _ limit: Int) -> Int? {
        CiteText.matchWord(units.pointer(start(k)), length(k), b, i, limit)
    }

    /// The positions in `ints` of the literals that may start with folded unit `f`.
    @inline(__always)
    private func group(_ f: UInt32) -> Range<Int> {
        let g = 4 * count
        return f < 128 ? ints[g + Int(f)]..<ints[g + Int(f) + 1] : ints[g + 128]..<byFirstEnd
    }

    /// The longest literal matching as a word at `i`, with its index.
    ///
    /// When the letters and digits at `i` are ASCII bytes followed by an ASCII byte or the end
    /// (most words), their count is `alnumRun`, and a plain literal of that length matches
    /// exactly when the bytes lower-cased are its units (the byte after them is no letter or
    /// digit, so the word boundary holds): those literals are compared byte for byte.
    func longest(_ b: [UInt8], _ i: Int, _ limit: Int) -> (index: Int, end: Int)? {
        guard i < limit else { return nil }
        let f = CiteText.fold(b, i).0
        let candidates = group(f)
        guard !candidates.isEmpty else { return nil }
        let (run, asciiRun) = CiteText.alnumRunASCII(b, i)
        let a = i + run
        var bestIndex = 0
        var bestEnd = -1
        for g in candidates {
            let k = ints[g]
            guard first(k) == f, self.run(k) < 0 || self.run(k) == run else { continue }
            if asciiRun && isPlain(k) {
                // `run(k)` is the literal's length and equals the run, so it ends at `a`.
                if a <= limit && a > bestEnd && asciiTailEqual(k, b, i) { bestIndex = k; bestEnd = a }
                continue
            }
            if let e = matchUnchecked(k, b, i, limit), e > bestEnd { bestIndex = k; bestEnd = e }
        }
        return bestEnd < 0 ? nil : (bestIndex, bestEnd)
    }

    /// Whether the word `s..<e` is one of the literals (folded comparison, no string built).
    ///
    /// When the word is ASCII letters and digits only (most words), a plain literal matches it
    /// exactly when it has the word's length, the bytes lower-cased are its units, and no
    /// letter or digit follows: those literals are compared byte for byte, and `alnumRun` is
    /// only walked for the others.
    @inline(__always)
    func contains(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        guard s < e else { return false }
        let f = CiteText.fold(b, s).0
        let candidates = group(f)
        guard !candidates.isEmpty else { return false }
        var plainWord = true
        for k in s..<e where !CiteText.isAsciiWord(b[k]) { plainWord = false; break }
        var run = -2 // not walked yet
        for g in candidates {
            let k = ints[g]
            guard first(k) == f else { continue }
            if plainWord && isPlain(k) {
                if length(k) == e - s && asciiTailEqual(k, b, s) && !CiteText.isWordAt(b, e) { return true }
                continue
            }
            if run == -2 { run = CiteText.alnumRun(b, s) }
            guard self.run(k) < 0 || self.run(k) == run else { continue }
            if matchUnchecked(k, b, s, b.count) == e { return true }
        }
        return false
    }

    /// The literal ending exactly at `end` (exclusive), starting at a word boundary, tried in
    /// order: its index and start. White space in a literal matches one white-space scalar.
    func matchBack(_ b: [UInt8], _ end: Int) -> (index: Int, start: Int)? {
        guard end > 0 else { return nil }
        let lastStart = CiteText.scalarStart(b, end - 1)
        let lastUnit = CiteText.fold(b, lastStart).0
        let l = byFirstEnd
        let candidates = lastUnit < 128 ? ints[l + Int(lastUnit)]..<ints[l + Int(lastUnit) + 1] : ints[l + 128]..<ints.count
        for g in candidates {
            let k = ints[g]
            let from = start(k)
            guard units[from + length(k) - 1] == lastUnit else { continue }
            // The last unit matched above: compare the others, walking back from its start. An
            // ASCII byte is a scalar of its own and folds with `foldAscii`, without
            // `scalarStart`'s walk (signals are looked for before every citation).
            var j = lastStart
            var m = from + length(k) - 2
            var ok = true
            while m >= from {
                guard j > 0 else { ok = false; break }
                let c = b[j - 1]
                let s = c < 0x80 ? j - 1 : CiteText.scalarStart(b, j - 1)
                let f = c < 0x80 ? CiteText.foldAscii(c) : CiteText.fold(b, s).0
                if f != units[m] { ok = false; break }
                j = s
                m -= 1
            }
            guard ok else { continue }
            if CiteText.isAlnum(first(k)) && CiteText.isWordBefore(b, j) { continue }
            return (k, j)
        }
        return nil
    }
}
