/// Exhibits, annexes and enclosures: numbering gaps, conflicting titles, and agreement with
/// the document's own enclosure list (entries and page counts).
enum ExhibitChecks {
    /// One exhibit as cited in the text.
    struct Cited {
        /// Label family (`exhibit`, `annex`, `enclosure`, `attachment`, `appendix`, `tab`).
        var family: String
        /// The label word as written (`Exhibit`), for messages.
        var label: String
        /// The label value as written (`7`, `IV`, `B`).
        var number: String
        /// Title given with it.
        var title: String?
        /// Where it is cited.
        var span: ByteSpan
        /// Its block index, if known.
        var block: Int?
    }

    static func run(_ context: ValidationContext) -> [Diagnostic] {
        let list = EnclosureList.find(in: context)
        let listBlocks = Set(list?.blocks ?? [])
        let cited = citedExhibits(context).filter { cite in cite.block.map { !listBlocks.contains($0) } ?? true }
        var found: [Diagnostic] = []
        // Numbers the enclosure list holds are not gaps (an uncited entry is `exhibit-not-cited`).
        var enclosed: [String: Set<String>] = [:]
        for entry in list?.entries ?? [] {
            if let number = entry.number { enclosed[entry.family ?? "", default: []].insert(number) }
        }
        found += gaps(cited, enclosed: enclosed)
        found += titleConflicts(cited, context)
        if let list { found += enclosureAgreement(cited, list, context) }
        return found
    }

    // MARK: Cited exhibits

    /// Label words and the family they belong to (English, French, Spanish, Russian).
    static let families: [String: String] = [
        "exhibit": "exhibit", "exhibits": "exhibit", "exh": "exhibit", "ex": "exhibit",
        "annex": "annex", "annexes": "annex", "annexe": "annex", "anexo": "annex", "anexos": "annex",
        "приложение": "annex", "приложения": "annex", "приложении": "annex", "приложению": "annex",
        "enclosure": "enclosure", "enclosures": "enclosure", "encl": "enclosure",
        "attachment": "attachment", "attachments": "attachment",
        "appendix": "appendix", "appendices": "appendix", "apéndice": "appendix", "appendice": "appendix",
        "tab": "tab", "tabs": "tab", "pièce": "enclosure", "pièces": "enclosure",
    ]

    /// Every exhibit citation, ranges (`Exhibits 3-5`) expanded.
    static func citedExhibits(_ context: ValidationContext) -> [Cited] {
        var result: [Cited] = []
        // A document writes a few label words (`Exhibit`, `Annex`) many times: each word's
        // family and display form are worked out once (lower-casing, a dictionary look-up and
        // two case changes cost more than the rest of a citation).
        var labels: [(written: String, family: String?, label: String)] = []
        let citations = context.citations(.exhibit)
        // Each citation is read in place: a copy would retain all its strings.
        for position in citations.indices {
            let written = citations[position].label ?? firstWord(citations[position].text)
            let known: (family: String?, label: String)
            // Compared by bytes: two spellings that are one string may differ in their bytes,
            // and each keeps its own display form.
            if let at = labels.firstIndex(where: { Bytes.sameBytes($0.written, written) }) {
                known = (labels[at].family, labels[at].label)
            } else {
                known = (families[written.lowercased().trimmingDot], written.trimmingDot.capitalizedFirst)
                labels.append((written, known.family, known.label))
            }
            guard let family = known.family else { continue }
            let value = citations[position].exhibit ?? secondWord(citations[position].text)
            guard !value.isEmpty else { continue }
            let span = citations[position].span
            // `blockIndex(of:)` on the citation in place.
            var block = context.blockIndex(containing: span.start)
            if block == nil, let id = citations[position].block {
                block = context.blockIndexByID[id] ?? context.blocks.indices.first { context.blocks[$0].id == id }
            }
            let title = citations[position].title.flatMap { $0.isEmpty ? nil : $0 }
            // Most values are one number: no dash, nothing to expand.
            if !value.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == 0xE2 }) {
                result.append(Cited(family: family, label: known.label, number: value, title: title, span: span, block: block))
                continue
            }
            for number in expand(value) {
                result.append(Cited(family: family, label: known.label, number: number,
                                    title: title, span: span, block: block))
            }
        }
        return result
    }

    /// `3-5` / `3–5` → `3`, `4`, `5`; anything else as is.
    static func expand(_ value: String) -> [String] {
        let bytes = Array(value.utf8)
        var split: Int? = nil
        var splitLength = 0
        if let dash = bytes.firstIndex(of: UInt8(ascii: "-")) { split = dash; splitLength = 1 }
        if let dash = Bytes.find([0xE2, 0x80, 0x93], in: bytes) { split = dash; splitLength = 3 }
        if let at = split, let low = Bytes.integer(bytes[..<at].filter { $0 != 0x20 }),
           let high = Bytes.integer(bytes[(at + splitLength)...].filter { $0 != 0x20 }), low < high, high - low <= 50 {
            return (low...high).map(String.init)
        }
        return [value]
    }

    static func firstWord(_ text: String) -> String {
        String(text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).first ?? "")
    }

    static func secondWord(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        guard words.count >= 2 else { return "" }
        return String(words[1]).trimmingDot
    }

    // MARK: Numbering

    /// A label value's place in its sequence: integers, Roman numerals or single letters.
    enum Ordinal {
        case integer, roman, letter
    }

    static func romanValue(_ text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var total = 0
        var previous = 0
        for character in text.uppercased().reversed() {
            guard let value = values[character] else { return nil }
            if value < previous { total -= value } else { total += value; previous = value }
        }
        guard total > 0, toRoman(total) == text.uppercased() else { return nil }
        return total
    }

    static func toRoman(_ value: Int) -> String {
        let table: [(Int, String)] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var result = ""
        for (amount, symbol) in table { while rest >= amount { result += symbol; rest -= amount } }
        return result
    }

    /// The numbering style shared by every value, and each value's position in it.
    static func positions(_ values: [String]) -> (Ordinal, [String: Int])? {
        if values.allSatisfy({ Int($0) != nil }) {
            return (.integer, Dictionary(values.map { ($0, Int($0)!) }, uniquingKeysWith: { a, _ in a }))
        }
        let letters = values.allSatisfy { $0.count == 1 && $0.first!.isLetter && $0.first!.isASCII }
        let romans = values.compactMap(romanValue)
        // `I`, `II`, `IV` read as Roman; a lone run of letters (`A`, `B`, `C`) as letters.
        if romans.count == values.count, !letters || values.contains(where: { $0.count > 1 }) || Set(values.map { $0.uppercased() }).isSubset(of: ["I", "V", "X"]) {
            return (.roman, Dictionary(values.map { ($0, romanValue($0)!) }, uniquingKeysWith: { a, _ in a }))
        }
        if letters {
            return (.letter, Dictionary(values.map { ($0, Int($0.uppercased().unicodeScalars.first!.value) - 64) }, uniquingKeysWith: { a, _ in a }))
        }
        return nil
    }

    static func render(_ position: Int, _ style: Ordinal, lowercase: Bool) -> String {
        switch style {
        case .integer: return String(position)
        case .roman: return lowercase ? toRoman(position).lowercased() : toRoman(position)
        case .letter:
            let letter = String(UnicodeScalar(UInt8(64 + position)))
            return lowercase ? letter.lowercased() : letter
        }
    }

    /// Numbers missing inside the run of cited numbers of each label family. The run is checked
    /// only when it starts at 1 or has at least three members: two scattered annex numbers are
    /// more often references to another document's annexes than a numbering slip.
    static func gaps(_ cited: [Cited], enclosed: [String: Set<String>] = [:]) -> [Diagnostic] {
        // A document cites a few families: found by a compare with those met so far, not by
        // hashing the family twice per citation.
        var order: [String] = []
        var byFamily: [[Cited]] = []
        for cite in cited {
            if let at = order.firstIndex(of: cite.family) {
                byFamily[at].append(cite)
            } else {
                order.append(cite.family)
                byFamily.append([cite])
            }
        }
        var found: [Diagnostic] = []
        for (family, cites) in zip(order, byFamily) {
            let listed = enclosed[family, default: []].union(enclosed["", default: []])
            let distinct = Array(Set(cites.map(\.number)).union(listed))
            guard let (style, position) = positions(distinct) else { continue }
            let present = Set(position.values)
            guard let low = present.min(), let high = present.max(), high - low < 200 else { continue }
            guard low == 1 || present.count >= 3 else { continue }
            let lowercase = distinct.allSatisfy { $0 == $0.lowercased() } && style != .integer
            let label = cites[0].label
            let plural = label.hasSuffix("x") ? label + "es" : label.hasSuffix("s") ? label : label + "s"
            let citedList = ranges(present.sorted()).map { renderRange($0, style, lowercase) }
            let are = listed.isEmpty ? "are" : "are cited or enclosed"
            var missingRun: [Int] = []
            for value in low...high {
                if !present.contains(value) { missingRun.append(value); continue }
                guard let first = missingRun.first, let last = missingRun.last else { continue }
                missingRun = []
                // Point at the first citation after the gap: that is where a reader notices it.
                let after = cites.filter { position[$0.number] == value }.map(\.span).min() ?? cites[0].span
                let missingText = renderRange(first...last, style, lowercase)
                let verb = first == last ? "is" : "are"
                let noun = first == last ? label : plural
                found.append(DiagnosticCode.exhibitGap.diagnostic(
                    "\(noun) \(missingText) \(verb) never cited, but \(plural) \(joinList(citedList)) \(are): a gap in the numbering (missing or misnumbered \(label.lowercased())?)",
                    after))
            }
        }
        return found
    }

    static func ranges(_ sorted: [Int]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        for value in sorted {
            if let last = result.last, last.upperBound + 1 == value {
                result[result.count - 1] = last.lowerBound...value
            } else {
                result.append(value...value)
            }
        }
        return result
    }

    static func renderRange(_ range: ClosedRange<Int>, _ style: Ordinal, _ lowercase: Bool) -> String {
        let low = render(range.lowerBound, style, lowercase: lowercase)
        if range.lowerBound == range.upperBound { return low }
        let high = render(range.upperBound, style, lowercase: lowercase)
        return range.upperBound == range.lowerBound + 1 ? "\(low) and \(high)" : "\(low)–\(high)"
    }

    static func joinList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        // Appended in place: `joined` over a slice went through the generic path, some
        // 10,000 instructions a list.
        var result = items[0]
        for index in 1..<(items.count - 1) {
            result += ", "
            result += items[index]
        }
        result += " and "
        result += items[items.count - 1]
        return result
    }

    // MARK: Titles

    /// The same exhibit cited under two titles that are not abbreviations of one another.
    static func titleConflicts(_ cited: [Cited], _ context: ValidationContext) -> [Diagnostic] {
        // The first title of each exhibit, with its comparable form computed once.
        var firstTitle: [String: (cite: Cited, comparable: String)] = [:]
        var reported: Set<String> = []
        var found: [Diagnostic] = []
        for cite in cited {
            guard let title = cite.title else { continue }
            let key = cite.family + " " + cite.number.uppercased()
            guard let (earlier, a) = firstTitle[key] else { firstTitle[key] = (cite, Bytes.comparable(title)); continue }
            // The first title again, byte for byte (the usual case): its comparable form is
            // `a`, which contains itself, so there is nothing to report and nothing to compute.
            if let first = earlier.title, Bytes.sameBytes(first, title) { continue }
            let b = Bytes.comparable(title)
            guard !a.isEmpty, !b.isEmpty, !Bytes.containsText(a, b), !Bytes.containsText(b, a), !reported.contains(key + "|" + b) else { continue }
            reported.insert(key + "|" + b)
            found.append(DiagnosticCode.exhibitTitleConflict.diagnostic(
                "\(cite.label) \(cite.number) is cited as “\(title)” here but as “\(earlier.title ?? "")” on line \(context.line(earlier.span.start)): two documents under one number, or one title is wrong",
                cite.span))
        }
        return found
    }

    // MARK: Enclosure list

    static func enclosureAgreement(_ cited: [Cited], _ list: EnclosureList, _ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let numbered = list.entries.filter { $0.number != nil }
        if !numbered.isEmpty {
            func key(_ family: String?, _ number: String) -> String { (family ?? "") + " " + number.uppercased() }
            let listFamiliesKnown = numbered.allSatisfy { $0.family != nil }
            let enclosed = Set(numbered.map { key(listFamiliesKnown ? $0.family : nil, $0.number!) })
            var reported: Set<String> = []
            for cite in cited {
                let citeKey = key(listFamiliesKnown ? cite.family : nil, cite.number)
                guard !enclosed.contains(citeKey), reported.insert(citeKey).inserted else { continue }
                found.append(DiagnosticCode.exhibitNotEnclosed.diagnostic(
                    "\(cite.label) \(cite.number) is cited but is not in the enclosure list on line \(context.line(list.span.start))",
                    cite.span))
            }
            let citedKeys = Set(cited.map { key(listFamiliesKnown ? $0.family : nil, $0.number) })
            // With no exhibit cited anywhere there is nothing to compare the list with (and the
            // likelier cause is citations the engine did not recognise): stay silent.
            for entry in numbered where !cited.isEmpty && !citedKeys.contains(key(listFamiliesKnown ? entry.family : nil, entry.number!)) {
                let name = [entry.label, entry.number].compactMap { $0 }.joined(separator: " ")
                found.append(DiagnosticCode.exhibitNotCited.diagnostic(
                    "\(name) is in the enclosure list but the text never cites it", entry.span))
            }
        }
        if let total = list.totalPages, list.entries.count >= 2 {
            let counts = list.entries.compactMap(\.pages)
            if counts.count == list.entries.count {
                let sum = counts.reduce(0, +)
                if sum != total {
                    found.append(DiagnosticCode.enclosurePageCount.diagnostic(
                        "the enclosure list states \(total) pages in total, but its \(counts.count) entries add up to \(sum) (\(counts.map(String.init).joined(separator: " + ")))",
                        list.totalSpan ?? list.span))
                }
            }
        }
        return found
    }
}

/// A document's own list of enclosures (`Enclosures:` followed by entries), when it has one.
struct EnclosureList {
    /// One entry of the list.
    struct Entry {
        /// Label family, when the entry names one (`Exhibit 3: …`).
        var family: String?
        /// Label word as written.
        var label: String?
        /// Label value (`3`), when the entry is numbered.
        var number: String?
        /// Page count stated for the entry.
        var pages: Int?
        /// Where the entry is.
        var span: ByteSpan
    }

    /// Entries in order.
    var entries: [Entry]
    /// Total page count stated for the enclosures.
    var totalPages: Int?
    /// Where the total is stated.
    var totalSpan: ByteSpan?
    /// Span of the list's heading.
    var span: ByteSpan
    /// Blocks of the list (heading and entries), whose exhibit mentions are the list itself.
    var blocks: [Int]

    /// Words that open an enclosure list (lower-case).
    static let headings: [String] = [
        "list of enclosures", "list of exhibits", "list of annexes", "list of attachments",
        "enclosures", "enclosure", "exhibits", "annexes", "attachments",
        "liste des annexes", "liste des pièces jointes", "pièces jointes", "pièce jointe", "annexes",
        "lista de anexos", "anexos", "приложения", "приложение", "перечень приложений",
    ]

    /// `headings` as bytes.
    static let headingBytes = Bytes.words(headings)
    /// The first two bytes of each of `headingBytes`.
    static let headingKeys: [(lead: UInt8, trail: UInt8)] = headingBytes.map { ($0[0], $0[1]) }

    /// Headings that open a list on a line of their own, without a colon (plural forms only:
    /// a lone `Annex` is the heading of an annex, not a list).
    static let bareHeadings: Set<String> = [
        "list of enclosures", "list of exhibits", "list of annexes", "list of attachments",
        "enclosures", "exhibits", "annexes", "attachments", "liste des annexes", "liste des pièces jointes",
        "pièces jointes", "lista de anexos", "anexos", "приложения", "перечень приложений",
    ]

    /// Finds the first enclosure list: a heading word followed by `:` or by nothing, then
    /// entries after the colon (`;`-separated) or in the following list items.
    static func find(in context: ValidationContext) -> EnclosureList? {
        // A cover note may state the total (`Enclosure: as stated, 101 pages.`) while the annex
        // lists the entries: take the first list with entries, and the first total anywhere.
        let lists = findAll(in: context)
        guard var merged = lists.first(where: { !$0.entries.isEmpty }) ?? lists.first else { return nil }
        if merged.totalPages == nil, let withTotal = lists.first(where: { $0.totalPages != nil }) {
            merged.totalPages = withTotal.totalPages
            merged.totalSpan = withTotal.totalSpan
            merged.blocks += withTotal.blocks
        }
        return merged
    }

    /// Every enclosure list or stated total, in source order.
    static func findAll(in context: ValidationContext) -> [EnclosureList] {
        var found: [EnclosureList] = []
        // The tables in locals: a global is re-checked for initialisation at every use.
        let headings = headingBytes
        let keys = headingKeys
        for index in context.blocks.indices {
            let bytes = context.blockBytes[index]
            let start = skipMarkup(bytes, 0)
            // Only blocks that begin with a letter of a heading word can open a list: one
            // byte test keeps this pass cheap on long documents.
            guard start < bytes.count else { continue }
            let lead = Bytes.lowerASCII(bytes[start])
            guard lead == UInt8(ascii: "e") || lead == UInt8(ascii: "a") || lead == UInt8(ascii: "l") || lead == UInt8(ascii: "p")
                    || lead == UInt8(ascii: "s") || lead >= 0xC0 else { continue }
            // The block's first letter, lower-cased, rules out most headings without a call
            // (nil when it folds only through Unicode: then every heading is tried).
            var firstLetter: (UInt8, UInt8)? = nil
            if bytes[start] < 0x80 {
                firstLetter = (Bytes.lowerASCII(bytes[start]), 0)
            } else if start + 1 < bytes.count {
                firstLetter = Bytes.lowerPair(bytes[start], bytes[start + 1])
            }
            // Any other scalar (`“`, say) is lower-cased through Unicode once here, not once per
            // heading: the match needs the first bytes of its lower case. One that is not a
            // whole scalar matches no heading.
            var anyHeading = true
            if firstLetter == nil {
                if let scalar = Bytes.scalar(at: start, in: bytes) {
                    let lower = Array(scalar.properties.lowercaseMapping.utf8)
                    if !lower.isEmpty { firstLetter = (lower[0], lower.count > 1 ? lower[1] : 0) }
                } else {
                    anyHeading = false
                }
            }
            // After an ASCII first letter, an ASCII second byte must be a heading's second byte
            // lower-cased (0 when there is none such to compare).
            let second: UInt8 = bytes[start] < 0x80 && start + 1 < bytes.count && bytes[start + 1] < 0x80 ? Bytes.lowerASCII(bytes[start + 1]) : 0
            var matchedHeading: [UInt8]? = nil
            for heading in headings.indices where anyHeading {
                // The first letter is compared from a flat table: only the few headings that
                // open with it are read.
                if let (lead, trail) = firstLetter, keys[heading].lead != lead || (lead >= 0x80 && keys[heading].trail != trail) { continue }
                if second != 0, keys[heading].trail != second { continue }
                let word = headings[heading]
                // Case folded byte by byte: no lower-cased copy of the block's opening.
                guard Bytes.loweredPrefix(word, in: bytes, at: start) != nil else { continue }
                let after = start + word.count
                guard !Bytes.isWordScalar(Bytes.scalar(at: after, in: bytes)) else { continue }
                matchedHeading = word
                break
            }
            if matchedHeading == nil, anyHeading, let phrase = listOfHeading(bytes, from: start, firstLetter: firstLetter) { matchedHeading = phrase }
            guard let heading = matchedHeading else { continue }
            var cursor = skipMarkup(bytes, start + heading.count)
            // `(101 pages)` may sit between the heading and its colon.
            var totalPages: Int? = nil
            var totalSpan: ByteSpan? = nil
            let hasColon = cursor < bytes.count && bytes[cursor] == UInt8(ascii: ":")
            if !hasColon {
                // A bare heading (`Annexes`) opens a list only when it is plural and nothing but
                // a page total follows it on its line.
                let rest = skipMarkup(bytes, cursor)
                guard rest >= bytes.count || bytes[rest] == UInt8(ascii: "("),
                      bareHeadings.contains(String(decoding: heading, as: UTF8.self)) else { continue }
                if let (pages, range) = pageCount(bytes, rest..<bytes.count) {
                    totalPages = pages
                    totalSpan = context.sourceSpan(block: index, range)
                }
            } else {
                cursor += 1
            }
            var entries: [Entry] = []
            var blocks = [index]
            let content = skipMarkup(bytes, cursor)
            if hasColon, content < bytes.count {
                // Entries on the heading's own line, separated by `;`.
                var pieceStart = content
                var position = content
                while position <= bytes.count {
                    if position == bytes.count || bytes[position] == UInt8(ascii: ";") {
                        if let entry = parseEntry(bytes, pieceStart..<position, block: index, context) {
                            if entry.label == nil && entry.number == nil, let (pages, range) = pageCount(bytes, pieceStart..<position) {
                                // `Enclosure: as stated, 101 pages.`: a total, not an entry.
                                totalPages = pages
                                totalSpan = context.sourceSpan(block: index, range)
                            } else {
                                entries.append(entry)
                            }
                        }
                        pieceStart = position + 1
                    }
                    position += 1
                }
            }
            // Entries in the following list items or numbered lines.
            var next = index + 1
            while next < context.blocks.count, context.partOfBlock[next] == context.partOfBlock[index] {
                let block = context.blocks[next]
                if block.kind == .pageFurniture || block.kind == .footnote { next += 1; continue }
                let nextBytes = context.blockBytes[next]
                // An entry without a number counts only in a list item: elsewhere its page
                // count (a pass over the whole block) is not sought.
                if let entry = parseEntry(nextBytes, 0..<nextBytes.count, block: next, context, needsNumber: block.kind != .listItem),
                   entry.number != nil || block.kind == .listItem {
                    entries.append(entry)
                    blocks.append(next)
                    next += 1
                    continue
                }
                let lead = skipMarkup(nextBytes, 0)
                if Bytes.matches(Array("total".utf8), in: nextBytes, at: lead) || Bytes.matches(Array("итого".utf8), in: nextBytes, at: lead),
                   let (pages, range) = pageCount(nextBytes, 0..<nextBytes.count) {
                    totalPages = pages
                    totalSpan = context.sourceSpan(block: next, range)
                    blocks.append(next)
                }
                break
            }
            if entries.isEmpty && totalPages == nil { continue }
            let span = context.sourceSpan(block: index, start..<(start + heading.count))
            // `Enclosure: as stated, 101 pages.` states a total with no list: nothing to compare.
            found.append(EnclosureList(entries: entries, totalPages: totalPages, totalSpan: totalSpan, span: span, blocks: blocks))
        }
        return found
    }

    /// Openings of a longer list heading (`List of enclosed exhibits:`).
    static let listOpenings = Bytes.words(["list of", "liste des", "lista de", "перечень", "список"])
    /// First bytes of `listOpenings`, ASCII letters in both cases.
    static let listOpeningLeads: ByteSet = {
        var set = ByteSet()
        for word in listOpenings {
            set.insert(word[0])
            if Bytes.isLowerASCII(word[0]) { set.insert(word[0] - 0x20) }
        }
        return set
    }()
    /// Words of which one must occur in such a heading for it to list enclosures.
    static let enclosureWords = Bytes.words(["exhibit", "annex", "enclos", "attach", "pièce", "anexo", "приложен", "документ", "document"])

    /// `List of enclosed exhibits:`-like headings: an opening, an enclosure word and a colon
    /// within the first 60 bytes; returns the heading bytes up to the colon.
    /// `firstLetter`, when given, is the first one or two bytes of the lower case of the
    /// first scalar (as `findAll` works it out): openings that do not begin so are not tried.
    static func listOfHeading(_ bytes: [UInt8], from start: Int, firstLetter: (UInt8, UInt8)? = nil) -> [UInt8]? {
        // An ASCII first byte that folds to no opening's first byte matches none of them
        // (`lowerMatches` folds ASCII only to lower case): one test instead of five matches.
        guard start < bytes.count, bytes[start] >= 0x80 || listOpeningLeads.contains(bytes[start]) else { return nil }
        guard listOpenings.contains(where: { word in
            if let (lead, trail) = firstLetter, word[0] != lead || (lead >= 0x80 && word[1] != trail) { return false }
            // An ASCII letter then an ASCII byte: that byte lower-cased must be the second.
            if bytes[start] < 0x80, start + 1 < bytes.count, bytes[start + 1] < 0x80, word[1] != Bytes.lowerASCII(bytes[start + 1]) { return false }
            return lowerMatches(word, bytes, start)
        }),
              let colon = bytes[start..<min(bytes.count, start + 60)].firstIndex(of: UInt8(ascii: ":")),
              enclosureWords.contains(where: { word in Bytes.findFolded(word, in: bytes, from: start, to: colon) != nil || Bytes.find(word, in: Array(Bytes.string(bytes, start..<colon).lowercased().utf8)) != nil })
        else { return nil }
        return Array(bytes[start..<colon])
    }

    /// Case-insensitive match for non-ASCII headings (`Приложения`, `Pièces`).
    static func lowerMatches(_ word: [UInt8], _ bytes: [UInt8], _ at: Int) -> Bool {
        guard at >= 0, at + word.count <= bytes.count else { return false }
        // Lower-casing keeps the length of the letters these words are made of, so the
        // match lies within the word's length (the old string version cut 4 bytes after it).
        return Bytes.loweredPrefix(word, in: bytes, at: at) != nil
    }

    /// Skips spaces and emphasis markup (`*`, `_`) and list bullets.
    static func skipMarkup(_ bytes: [UInt8], _ from: Int) -> Int {
        var index = from
        while index < bytes.count, Bytes.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "_") || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        return index
    }

    /// Page-count words (`101 pages`, `12 pp.`, `3 стр.`, `5 páginas`, `4 feuillets`).
    static let pageWords: [String] = ["pages", "page", "pp", "p.", "páginas", "página", "feuillets", "стр", "листах", "листа", "лист", "sheets"]
    /// `pageWords` as bytes.
    static let pageWordBytes = Bytes.words(pageWords)
    /// First bytes of `pageWordBytes`.
    static let pageWordLeads: ByteSet = {
        var set = ByteSet()
        for word in pageWordBytes { set.insert(word[0]) }
        return set
    }()

    /// The first `N pages` in `bytes[range]`.
    static func pageCount(_ bytes: [UInt8], _ range: Range<Int>) -> (Int, Range<Int>)? {
        var index = range.lowerBound
        while index < range.upperBound {
            guard Bytes.isDigit(bytes[index]), index == 0 || !Bytes.isDigit(bytes[index - 1]) else { index += 1; continue }
            let start = index
            while index < range.upperBound, Bytes.isDigit(bytes[index]) { index += 1 }
            guard let value = Bytes.integer(bytes[start..<index]) else { continue }
            var word = index
            while word < range.upperBound, bytes[word] == 0x20 { word += 1 }
            // Every page word starts with a letter: a digit or punctuation after the number
            // cannot begin one.
            guard word < bytes.count, !Bytes.isDigit(bytes[word]) else { continue }
            // An ASCII byte lower-cases to itself or its small letter only: unless that opens
            // a page word, none matches.
            if bytes[word] < 0x80, !pageWordLeads.contains(Bytes.lowerASCII(bytes[word])) { continue }
            let lead = bytes[word] < 0x80 ? Bytes.lowerASCII(bytes[word]) : 0
            for pageBytes in pageWordBytes {
                // An ASCII byte matches only the words opening with its lower case, and an
                // ASCII byte after it only those whose second byte is its lower case.
                if lead != 0, pageBytes[0] != lead { continue }
                if lead != 0, word + 1 < bytes.count, bytes[word + 1] < 0x80, pageBytes[1] != Bytes.lowerASCII(bytes[word + 1]) { continue }
                // `lowerMatches` also covers an exact match (the words are lower-case).
                if lowerMatches(pageBytes, bytes, word) {
                    let end = word + pageBytes.count
                    if pageBytes == [0x70, 0x2E] || Bytes.isWholeWord(word..<end, in: bytes) || !Bytes.isWordScalar(Bytes.scalar(at: end, in: bytes)) {
                        return (value, start..<end)
                    }
                }
            }
        }
        return nil
    }

    /// Reads `[Label] N[.:)–] Title [(N pages)]`. An entry with neither label, number nor page
    /// count is not an entry.
    /// With `needsNumber`, an entry without a number is not read to its end (nil instead).
    static func parseEntry(_ bytes: [UInt8], _ range: Range<Int>, block: Int, _ context: ValidationContext,
                           needsNumber: Bool = false) -> Entry? {
        var index = skipMarkup(bytes, range.lowerBound)
        guard index < range.upperBound else { return nil }
        var family: String? = nil
        var label: String? = nil
        // A label word?
        var wordEnd = index
        while wordEnd < range.upperBound, !Bytes.isSpace(bytes[wordEnd]), bytes[wordEnd] != UInt8(ascii: ".") { wordEnd += 1 }
        let word = Bytes.string(bytes, index..<wordEnd)
        if let known = ExhibitChecks.families[word.lowercased()] {
            family = known
            label = word
            index = wordEnd
            while index < range.upperBound, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: ".") { index += 1 }
        }
        // A number (digits, Roman numeral or one letter) ended by punctuation or a space.
        var numberEnd = index
        while numberEnd < range.upperBound, Bytes.isDigit(bytes[numberEnd]) || Bytes.isLetterASCII(bytes[numberEnd]) { numberEnd += 1 }
        var number: String? = nil
        if numberEnd > index, numberEnd - index <= 5 {
            let candidate = Bytes.string(bytes, index..<numberEnd)
            let terminated = numberEnd == range.upperBound || [UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ")"), UInt8(ascii: " "), UInt8(ascii: "-")].contains(bytes[numberEnd])
                || bytes[numberEnd] == 0xE2
            let isNumber = Int(candidate) != nil || (label != nil && (candidate.count == 1 || ExhibitChecks.romanValue(candidate) != nil))
            if terminated && isNumber { number = candidate }
        }
        if needsNumber && number == nil { return nil }
        let pages = pageCount(bytes, range)
        if label == nil && number == nil && pages == nil { return nil }
        if label != nil && number == nil { return nil }
        return Entry(family: family, label: label, number: number, pages: pages?.0,
                     span: context.sourceSpan(block: block, range.lowerBound..<range.upperBound))
    }
}

private extension String {
    /// The string without a trailing period (`Exh.` → `Exh`).
    var trimmingDot: String { hasSuffix(".") ? String(dropLast()) : self }
    /// The string with its first letter upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
