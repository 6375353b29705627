/// The recognizers: each starts at a trigger the main loop found and reads forward.
extension CiteScanner {
    // MARK: Shared pieces

    /// Whether a stop word, a title head, a month, an article word or a break word may match
    /// at `s` (`CiteVocabulary.titleStopFilter`): false only when every one of those look-ups
    /// would fail there, whatever limit they read to. Judged on the ASCII letters and digits
    /// from `s`: a literal's own leading run must meet them one for one. A word that starts
    /// with no ASCII letter, or whose run a non-ASCII byte ends, always passes.
    @inline(__always)
    func mayStopTitle(_ s: Int) -> Bool {
        guard s < n else { return true }
        let c0 = b[s] | 0x20
        guard c0 &- 0x61 < 26 else { return true }
        var e = s + 1
        while e < n && CiteText.isAsciiWord(b[e]) { e += 1 }
        if e < n && b[e] >= 0x80 { return true }
        let classes = CiteVocabulary.lowerClassTable.buffer
        let k1 = s + 1 < n ? Int(classes[Int(b[s + 1])]) : 29
        let k2 = s + 2 < n ? Int(classes[Int(b[s + 2])]) : 29
        let mask = CiteVocabulary.titleStopFilter[Int(c0 &- 0x61) << 10 | k1 << 5 | k2]
        return mask & (1 << UInt16(min(e - s, 15))) != 0
    }

    /// End of an article word at `i` (with its period), or nil. `Art`/`art` need a period or a
    /// number after them, so the word `art` in prose is not an article; `ст.` must be written in
    /// Cyrillic, so the Latin `Ct.` of a court name is not one either.
    func articleWordEnd(_ i: Int) -> Int? {
        guard i < n, CiteText.isWordAt(b, i) else { return nil }
        if CiteText.isWordBefore(b, i) { return nil }
        guard let best = vocab.lits.articleLits.longest(b, i, n)?.end else { return nil }
        return articleWordEnd(i, literalEnd: best)
    }

    /// `articleWordEnd(i)` once the longest article word at `i` is known to end at `best`
    /// (and a word starts at `i`). An article trigger's literal is that word: the article
    /// words that match at one place as words are one folded literal (the word's letters and
    /// digits must number exactly a literal's, or a stem's and no more than four after), so
    /// the trigger loop's match is the longest, and is not looked up again.
    func articleWordEnd(_ i: Int, literalEnd best: Int) -> Int? {
        let first = CiteText.fold(b, i).0
        let short = best - i <= 4 // Art, Arts, art, ст.
        if first == 0x63 && b[i] < 0x80 { return nil } // "ct." in Latin letters
        var end = best
        if end < n && b[end] == 0x2E && b[end - 1] != 0x2E { end += 1 }
        if short && first == 0x61 {
            // `art. 5`, `Art. 5`, `Art 5`; never `arts 5` in prose.
            let hasPeriod = end > best
            let k = CiteText.skipSpaces(b, end, n)
            let nextIsNumber = k < n && (b[k] >= 0x30 && b[k] <= 0x39 || b[k] == 0x49 || b[k] == 0x56 || b[k] == 0x58)
            if !hasPeriod && !(k > end && nextIsNumber && b[i] == 0x41) { return nil }
        }
        return end
    }

    /// The longest of `lits` matching as a word at `i`.
    func marker(_ lits: CiteLits, _ i: Int) -> Int? {
        lits.longest(b, i, n)?.end
    }

    /// A date right after `end` (`, May 27, 2019`, ` of 12 March 1954`, ` du 1er décembre 1994`).
    func dateAfter(_ end: Int) -> (iso: String, end: Int)? {
        var k = end
        if k < n && b[k] == 0x2C { k += 1 }
        k = CiteText.skipSpaces(b, k, n)
        if k == end && k < n && CiteText.isWordAt(b, k) { return nil }
        // Every date and date introducer starts with a letter or digit: an ASCII byte that is
        // neither (`)`, `.`, `;`) starts none (most citations end so).
        if k < n && b[k] < 0x80 && !CiteText.isAsciiWord(b[k]) { return nil }
        if let d = CiteDates.parse(b, k, n) { return d }
        let intro = CiteVocabulary.dateIntroducers
        for w in 0..<(intro.mayMatchWord(b, k, n) ? intro.count : 0) {
            if let e = intro.matchWord(w, b, k, n) {
                if let d = CiteDates.parse(b, CiteText.skipSpaces(b, e, n), n) { return d }
            }
        }
        return nil
    }

    /// The word before `start` separated from it only by spaces (no punctuation).
    func adjacentWordBefore(_ start: Int) -> (start: Int, end: Int)? {
        // Most title words are ASCII, one space apart: spaces, then letters and digits, then
        // an ASCII byte that is no hyphen (or the start). Read here byte by byte, with the
        // answer the general path gives (`skipSpacesBack` stops at a letter or digit, and
        // `wordStart` at such a byte); anything else takes the general path.
        var e = start
        while e > 0 && b[e - 1] == 0x20 { e -= 1 }
        if e < start && e > 0 && CiteText.isAsciiWord(b[e - 1]) {
            var a = e - 1
            while a > 0 && CiteText.isAsciiWord(b[a - 1]) { a -= 1 }
            if a == 0 || (b[a - 1] < 0x80 && b[a - 1] != 0x2D) { return (a, e) }
        }
        let j = CiteText.skipSpacesBack(b, start)
        guard j < start, j > 0, CiteText.isWordBefore(b, j) else { return nil }
        let s = CiteText.wordStart(b, j)
        return s < j ? (s, j) : nil
    }

    /// A number token: letters and digits joined by `-`, `/` or `.` (`6-33/1323CK`, `39.658`,
    /// `C.15/4351`), with at least one digit.
    func numberToken(_ i: Int) -> Int? {
        guard i < n, CiteText.isWordAt(b, i) else { return nil }
        var k = i
        var digits = 0
        while k < n {
            let (f, l) = CiteText.fold(b, k)
            if CiteText.isAlnum(f) {
                if CiteText.isDigit(f) { digits += 1 }
                k += l
                continue
            }
            if f == 0x2F || f == 0x2E || f == CiteText.dash, k + l < n, CiteText.isWordAt(b, k + l) {
                k += l
                continue
            }
            break
        }
        return digits > 0 ? k : nil
    }

    /// Whether `i..<end` has both letters and digits and no lower-case letter (`9412NVERB`).
    func isCodeToken(_ i: Int, _ end: Int) -> Bool {
        var letters = 0, digits = 0
        var k = i
        while k < end {
            let (f, l) = CiteText.fold(b, k)
            if CiteText.isDigit(f) { digits += 1 } else if CiteText.isLetter(f) {
                if !CiteText.isUpperAt(b, k) { return false }
                letters += 1
            }
            k += l
        }
        return letters > 0 && digits > 0
    }

    /// The key form of a number: look-alikes folded to Latin, lower case (`2а-6757/19` →
    /// `2a-6757/19`), so both spellings meet.
    ///
    /// Written as UTF-8 straight into the new string (small numbers stay small strings, with no
    /// allocation): appending to `unicodeScalars` one scalar at a time cost ~270 instructions a
    /// character. The capacity is exact for ASCII (a capacity above 15 bytes allocates even
    /// when the result is shorter); otherwise a folded unit takes at most twice the bytes of
    /// its source (a stray byte folds to a two-byte scalar).
    func keyNumber(_ s: Int, _ e: Int) -> String {
        var ascii = true
        for k in s..<e where b[k] >= 0x80 { ascii = false; break }
        return String(unsafeUninitializedCapacity: ascii ? e - s : 2 * (e - s)) { out in
            var w = 0
            var k = s
            while k < e {
                let (f, l) = CiteText.fold(b, k)
                k += l
                if f < 0x80 {
                    out[w] = UInt8(f); w += 1
                } else if f < 0x800 {
                    out[w] = UInt8(0xC0 | (f >> 6)); out[w + 1] = UInt8(0x80 | (f & 0x3F)); w += 2
                } else if f < 0x10000 {
                    // What `Unicode.Scalar(f)` leaves out: a surrogate is no scalar.
                    if f >= 0xD800 && f <= 0xDFFF { continue }
                    out[w] = UInt8(0xE0 | (f >> 12)); out[w + 1] = UInt8(0x80 | ((f >> 6) & 0x3F))
                    out[w + 2] = UInt8(0x80 | (f & 0x3F)); w += 3
                } else if f <= 0x10FFFF {
                    out[w] = UInt8(0xF0 | (f >> 18)); out[w + 1] = UInt8(0x80 | ((f >> 12) & 0x3F))
                    out[w + 2] = UInt8(0x80 | ((f >> 6) & 0x3F)); out[w + 3] = UInt8(0x80 | (f & 0x3F)); w += 4
                }
            }
            return w
        }
    }

    // MARK: Instruments and titles

    /// A national title around the head word at `h`: `Law on State Registration of Legal
    /// Entities…` (head first, then a preposition and capitalised words) or `Public Finance
    /// Act` (capitalised words, then the head). `formal` titles are cited as instruments.
    func parseTitle(headAt h: Int, headEnd: Int) -> (start: Int, end: Int, ref: CiteInstrumentRef, formal: Bool)? {
        // A head in capitals is a heading or an address (`BARTON ACT`), not a title.
        if headEnd - h > 1 && CiteText.isAllUpper(b, h, headEnd) { return nil }
        // Read only by the formal title walk, at its first lower-case word that is not a
        // connector: most heads never get there.
        var romanceHead: Bool? = nil
        var j = headEnd
        var end = headEnd
        let k0 = CiteText.skipSpaces(b, j, n)
        var formal = false
        if k0 > j, k0 < n {
            let pe = CiteText.wordEnd(b, k0, n)
            if pe > k0, vocab.lits.titlePrepositions.contains(b, k0, pe) { formal = true }
        }
        var start = h
        var adjectives = 0
        var cursor = h
        var words = 0
        // Capitalised words before the head. A head-last title may have connectors between
        // them (`Protection against Discrimination Act`, `Citizenship of the Republic of
        // Slovenia Act`); a head-first one only adjacent adjectives (`Federal Law on …`), so
        // `Article IV of the Agreement on …` does not pull `IV` into the title. A possessive
        // (`Republic's Law`) stops the walk: its `s` is neither capitalised nor a connector.
        while words < 10, let (ws, we) = adjacentWordBefore(cursor) {
            if !CiteText.isUpperAt(b, ws) {
                guard !formal, vocab.lits.headLastConnectors.contains(b, ws, we) else { break }
                cursor = ws
                words += 1
                continue
            }
            if mayStopTitle(ws) {
                if vocab.lits.titleStopWords.contains(b, ws, we) || vocab.lits.titleHeadSet.contains(b, ws, we) { break }
                if CiteDates.month(b, ws, we) != nil { break }
                if articleWordEnd(ws) != nil { break }
            }
            if (b[ws] == 0x49 || b[ws] == 0x56 || b[ws] == 0x58) && we - ws <= 4 && CiteText.isAllUpper(b, ws, we) { break }
            start = ws
            cursor = ws
            adjectives += 1
            words += 1
        }
        if formal {
            var count = 0
            var sawName = false
            while count < 30 {
                var k = CiteText.skipSpaces(b, j, n)
                if k < n && b[k] == 0x2C {
                    // `Meetings, Rallies, Marches`: a comma continues a title with a capitalised word.
                    var k2 = CiteText.skipSpaces(b, k + 1, n)
                    let cw = CiteText.wordEnd(b, k2, n)
                    if cw > k2, vocab.lits.titleAnd.contains(b, k2, cw) { k2 = CiteText.skipSpaces(b, cw, n) }
                    guard sawName, k2 < n, CiteText.isUpperAt(b, k2) else { break }
                    let stop = mayStopTitle(k2)
                    if stop && articleWordEnd(k2) != nil { break }
                    let w2e = CiteText.wordEnd(b, k2, n)
                    if stop && vocab.lits.titleBreakWords.contains(b, k2, w2e) || vocab.lits.designatorWords.contains(b, k2, w2e) { break }
                    if stop && CiteDates.month(b, k2, n) != nil { break }
                    k = k2
                } else if k == j {
                    break
                }
                let we = CiteText.wordEnd(b, k, n)
                guard we > k else { break }
                if b[k] &- 0x30 < 10 { break }
                if CiteText.isUpperAt(b, k) {
                    if mayStopTitle(k) {
                        if CiteDates.month(b, k, n) != nil { break }
                        if vocab.lits.titleBreakWords.contains(b, k, we) { break }
                        if articleWordEnd(k) != nil { break }
                    }
                    end = we
                    sawName = true
                } else if vocab.lits.titleConnectors.contains(b, k, we) {
                    // A connector before a date ends the title (`of April 17, 1995`).
                    let next = CiteText.skipSpaces(b, we, n)
                    if next < n && (b[next] &- 0x30 < 10 || mayStopTitle(next) && CiteDates.month(b, next, n) != nil) { break }
                } else {
                    if romanceHead == nil { romanceHead = vocab.lits.romanceHeads.contains(b, h, headEnd) }
                    guard romanceHead == true else { break }
                    end = we
                    sawName = true
                }
                j = we
                count += 1
            }
            guard sawName else { return nil }
        } else {
            // A head followed by another capitalised word is inside a longer name
            // (`North Atlantic Treaty Organisation`), not the end of a title; a number sign
            // after it is the title's number (`… Act No. 2 of 2021`).
            let numbered = k0 > headEnd && k0 < n && marker(vocab.lits.numberSignLits, k0) != nil
            guard adjectives > 0, numbered || !(k0 > headEnd && k0 < n && CiteText.isUpperAt(b, k0)) else { return nil }
            formal = vocab.lits.formalHeadLast.contains(b, h, headEnd)
        }
        // The instrument's own number: `Act No. 2 of 2021`, `Law No. 123-V`.
        let afterTitle = CiteText.skipSpaces(b, end, n)
        if afterTitle > end, let signEnd = marker(vocab.lits.numberSignLits, afterTitle) {
            let t = CiteText.skipSpaces(b, signEnd, n)
            if let te = numberToken(t) {
                end = te
                let y = CiteText.skipSpaces(b, te, n)
                if let of = vocab.lits.titleOf.longest(b, y, n)?.end {
                    let yy = CiteText.skipSpaces(b, of, n)
                    if let (year, ye) = CiteText.digits(b, yy, n, maxDigits: 4), ye - yy == 4, CiteDates.isYear(year),
                       !CiteText.isWordAt(b, ye) { end = ye }
                }
            }
        }
        let name = CiteText.collapsed(b, start, end)
        var ref = CiteInstrumentRef(name: name, slug: "", source: "explicit")
        // `the Vienna Convention`, `the Optional Protocol`: a short name that refers back to
        // the full name mentioned earlier.
        ref.byPrefix = !formal && vocab.lits.treatyHeads.contains(b, h, headEnd)
        return (start, end, ref, formal)
    }

    /// The instrument named at `p` (after `of the`, `du`…): table, defined term, title or a
    /// generic head such as `Convention` after a definite article.
    func instrumentAt(_ p: Int) -> (start: Int, end: Int, ref: CiteInstrumentRef)? {
        var ref: CiteInstrumentRef? = nil
        guard let end = instrumentEnd(at: p, ref: &ref), let ref else { return nil }
        return (p, end, ref)
    }

    /// `instrumentAt(p)` as its end, with the instrument written into `out` (left as it was
    /// when nothing is named there). An article's look-up of its instrument keeps the one
    /// optional it fills: a tuple returned and taken apart copied the instrument (three
    /// strings retained, then released) and destroyed it again, ~400 instructions an article.
    func instrumentEnd(at p: Int, ref out: inout CiteInstrumentRef?) -> Int? {
        guard p < n, CiteText.isWordAt(b, p) else { return nil }
        guard CiteText.isUpperAt(b, p) else { return nil }
        let (slot, slot2) = slots(p)
        let we = CiteText.wordEnd(b, p, n)
        // The best match as plain integers (end -1 while there is none) and its instrument
        // apart: reading `best?.end` of an optional tuple copied the instrument out each time.
        // A table entry is kept as its index (`bestTable`, -1 otherwise) and copied out once,
        // at the end; `bestRef` holds any other instrument.
        var bestEnd = -1
        var bestTable = -1
        var bestRef: CiteInstrumentRef? = nil
        var t = vocab.capital.slotStart[slot]
        let tEnd = vocab.capital.slotStart[slot + 1]
        let (run, asciiRun) = CiteText.alnumRunASCII(b, p)
        var miss = CiteMiss()
        // Whether the title at `p` was parsed here: the head-last search below starts at `p`
        // and would parse the same head again for the same answer (a few thousand instructions).
        var titleTried = false
        while t < tEnd {
            let trigger = vocab.capital.triggers[t]
            t += 1
            guard trigger.run < 0 || trigger.run == run else { continue }
            if trigger.upperOnly && !CiteText.isAllUpper(b, p, we) { continue }
            guard let e = CiteText.matchWord(vocab.units.pointer(trigger.start), trigger.count, b, p, n, miss: &miss,
                                             head: asciiRun && trigger.asciiHead ? run : 0, twoByte: twoByte) else { continue }
            switch trigger.action {
            case .instrument(let index, _):
                if e >= bestEnd {
                    bestEnd = e
                    bestTable = index
                    bestRef = nil
                }
            case .titleHead:
                titleTried = true
                if let t = parseTitle(headAt: p, headEnd: we), t.end > bestEnd, t.start == p {
                    bestEnd = t.end
                    bestTable = -1
                    bestRef = t.ref
                }
            default: break
            }
        }
        if terms.mayStart(slot2), let list = terms[slot2] {
            // By index, so a term is not copied unless it matches.
            for t in list.indices {
                // A table entry's slug is always in `slugs` (none is empty).
                if let e = CiteText.matchWord(list[t].lit, b, p, n), e > bestEnd
                    || (e == bestEnd && bestTable < 0 && !CiteInstrumentTable.slugs.contains(bestRef?.slug ?? "")) {
                    bestEnd = e
                    bestTable = -1
                    bestRef = list[t].tieWinner
                }
            }
        }
        if bestTable < 0 && bestRef == nil {
            // Head-last titles (`of the Public Finance Act`): find the head within five words.
            var k = p
            var words = 0
            while words < 5, k < n, CiteText.isUpperAt(b, k) {
                let e = CiteText.wordEnd(b, k, n)
                guard e > k else { break }
                if CiteVocabulary.titleHeadSet.contains(b, k, e) {
                    // At `p` itself the trigger loop already parsed this head (same head end,
                    // `wordEnd`) and found no title starting at `p`.
                    if !(k == p && titleTried), let t = parseTitle(headAt: k, headEnd: e), t.start == p {
                        bestEnd = t.end
                        bestRef = t.ref
                    }
                    break
                }
                let next = CiteText.skipSpaces(b, e, n)
                guard next > e else { break }
                k = next
                words += 1
            }
        }
        if bestTable < 0 && bestRef == nil, let (ws, we2) = adjacentWordBefore(p),
           CiteVocabulary.definiteArticles.longest(b, ws, we2 + 1) != nil || b[p - 1] == 0x27 || CiteText.fold(b, CiteText.scalarStart(b, p - 1)).0 == CiteText.apostrophe {
            if let (g, e) = CiteVocabulary.genericHeadLits.longest(b, p, n) {
                let head = CiteInstrumentTable.genericHeads[g].head
                let written = CiteText.collapsed(b, p, e)
                bestEnd = e
                bestRef = CiteInstrumentRef(name: written, slug: CiteText.slug(head), source: "explicit", genericHead: head)
            }
        }
        if bestTable >= 0 {
            out = CiteInstrumentTable.refs[bestTable]
        } else {
            guard bestRef != nil else { return nil }
            out = bestRef
        }
        return bestEnd
    }

    /// An instrument was named at `start..<end`: either it opens an article pinpoint
    /// (`ICCPR, Art. 19, ¶ 2`), or it is a mention, cited as an instrument when it is a formal
    /// title, a treaty's full name, or comes after a signal.
    ///
    /// The instrument is taken (`consuming`) and moved into the mention list last, after the
    /// citation is made from it: appending it first copied its strings, and the caller then
    /// destroyed its own copy.
    mutating func handleInstrument(start: Int, end: Int, ref: consuming CiteInstrumentRef, kind: Int) -> Int {
        if let e = articleAfterInstrument(start, end, ref) { return e }
        let before = CiteText.skipSpacesBack(b, start)
        let quoted = before > 0 && CiteText.fold(b, CiteText.scalarStart(b, before - 1)).0 == CiteText.quote
        if !quoted && !isQuiet(start) {
            let sig = signal(before: start)
            if kind == 1 || kind == 3 || (sig != nil && kind != 2) {
                let date = dateAfter(end)
                // The signal read above, not read again.
                emit(.instrument, start, end, signal: sig) { c in
                    c.instrument = ref.name
                    c.instrumentSource = ref.source
                    c.key = ref.keySlug
                    c.date = date?.iso
                }
            }
        }
        // Context for later bare articles (the mention list is read apart from the citations).
        mentions.append(CiteMention(position: start, instrument: ref))
        return end
    }

    /// Designators and an article word after an instrument: `, Special Part, Ch. 3, Art. 145`,
    /// `, § 1, Art. 16`, ` Art. 19`.
    ///
    /// The designators are kept in locals (most instruments have none): an empty
    /// `CitePinpoint` made and destroyed per instrument cost more than the look-ups.
    mutating func articleAfterInstrument(_ start: Int, _ end: Int, _ ref: CiteInstrumentRef) -> Int? {
        var j = end
        var part: String? = nil
        var chapter: String? = nil
        var section: String? = nil
        for _ in 0..<5 {
            var k = j
            if k < n && b[k] == 0x2C { k += 1 }
            k = CiteText.skipSpaces(b, k, n)
            guard k > j, k < n else { return nil }
            // Every article word and designator starts with a letter or `§` (not ASCII): an
            // ASCII byte that is no letter or digit (`)`, `.`, `"`) starts none of them.
            if b[k] < 0x80 && !CiteText.isAsciiWord(b[k]) { return nil }
            if let aw = articleWordEnd(k) {
                return parseArticle(articleEnd: aw, start: start, instrument: ref, pre: nil, part: part, chapter: chapter,
                                    section: section)
            }
            if let e = marker(vocab.lits.namedParts, k) {
                part = CiteText.collapsed(b, k, e); j = e; continue
            }
            if let e = marker(vocab.lits.partWords, k), let (v, ve) = parseItem(CiteText.skipSpaces(b, e, n), roman: true, letters: false) {
                part = v; j = ve; continue
            }
            if let e = marker(vocab.lits.chapterWords, k), let (v, ve) = parseItem(CiteText.skipSpaces(b, e, n), roman: true, letters: false) {
                chapter = v; j = ve; continue
            }
            if let e = marker(vocab.lits.sectionWords, k), let (v, ve) = parseItem(CiteText.skipSpaces(b, e, n), roman: true, letters: false) {
                section = v; j = ve; continue
            }
            return nil
        }
        return nil
    }

    // MARK: Articles

    /// An article citation whose article word is at `w`; `start` is where the citation's text
    /// begins (an instrument or paragraph written before it), `pre` the paragraphs of the
    /// paragraph-first form, `part`, `chapter` and `section` the designators written between an
    /// instrument and the article. (The designators came as a `CitePinpoint`, made empty and
    /// destroyed for almost every article: ~150 instructions each.)
    ///
    /// `aw` is the end of the article word (`articleWordEnd`), which every caller has read.
    mutating func parseArticle(articleEnd aw: Int, start: Int, instrument: CiteInstrumentRef?, pre: CitePinpoint?,
                               part: String? = nil, chapter: String? = nil, section: String? = nil) -> Int? {
        let j = CiteText.skipSpaces(b, aw, n)
        guard var list = parseList(j, roman: true, letters: false) else { return nil }
        // The pinpoint is kept in locals and moved into the citation once: a `CitePinpoint`
        // copied and then field by field into the citation (and reads like `resolved?.name`)
        // retained and destroyed a dozen optional strings and arrays per article. The list's
        // arrays are swapped out of it, not copied (a copy retained each, and the list's
        // destruction released them again).
        var paragraphs: [String] = []
        var subparagraphs: [String] = []
        var range: [String]? = nil
        swap(&range, &list.range)
        var end = list.end
        if let pre {
            paragraphs = pre.paragraphs + list.attachedNumbers
            subparagraphs = pre.subparagraphs + list.attachedLetters
            if range == nil { range = pre.range }
        } else {
            swap(&paragraphs, &list.attachedNumbers)
            swap(&subparagraphs, &list.attachedLetters)
            var rounds = 0
            while rounds < 4 {
                rounds += 1
                var k = end
                if k < n && b[k] == 0x2C { k += 1 }
                k = CiteText.skipSpaces(b, k, n)
                guard k > end else { break }
                if let m = marker(vocab.lits.paragraphMarkers, k),
                   let p = parseList(CiteText.skipSpaces(b, m, n), roman: false, letters: true) {
                    for item in p.items {
                        if item.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true { paragraphs.append(item) }
                        else { subparagraphs.append(item) }
                    }
                    paragraphs += p.attachedNumbers
                    subparagraphs += p.attachedLetters
                    if range == nil { range = p.range }
                    end = p.end
                    continue
                }
                if let m = marker(vocab.lits.subparagraphMarkers, k),
                   let p = parseList(CiteText.skipSpaces(b, m, n), roman: false, letters: true) {
                    subparagraphs += p.items + p.attachedLetters
                    end = p.end
                    continue
                }
                break
            }
        }
        // The instrument found after the pinpoint when none was given (`instrument` itself is
        // read in place, not copied into a local).
        var found: CiteInstrumentRef? = nil
        if instrument == nil {
            var k = end
            if k < n && b[k] == 0x2C { k += 1 }
            k = CiteText.skipSpaces(b, k, n)
            if k > end {
                let ofWords = vocab.lits.ofWords
                for ofw in 0..<(ofWords.mayMatchWord(b, k, n) ? ofWords.count : 0) {
                    guard let e = ofWords.matchWord(ofw, b, k, n) else { continue }
                    let p = CiteText.skipSpaces(b, e, n)
                    if let fe = instrumentEnd(at: p, ref: &found) { end = fe; break }
                }
                // No preposition: `Article 19 ICCPR`, `статьи 19 Международного пакта`.
                if found == nil {
                    var bare: CiteInstrumentRef? = nil
                    if let fe = instrumentEnd(at: k, ref: &bare), bare?.genericHead == nil {
                        found = bare
                        end = fe
                    }
                }
            }
        }
        // Built in place in `out`: a local citation appended at the end was copied (every
        // field retained and released) rather than moved.
        let sig = signal(before: start)
        let index = out.count
        out.append(Citation(kind: .article, text: text(start, end), span: ByteSpan(start, end)))
        out[index].signal = sig
        var note = CiteArticleNote(index: index, needsContext: true)
        if instrument != nil {
            setInstrument(instrument.unsafelyUnwrapped, of: index, note: &note)
        } else if found != nil {
            setInstrument(found.unsafelyUnwrapped, of: index, note: &note)
        }
        swap(&out[index].articles, &list.items)
        out[index].paragraphs = paragraphs
        out[index].subparagraphs = subparagraphs
        if range != nil { out[index].range = range }
        if part != nil { out[index].part = part }
        if chapter != nil { out[index].chapter = chapter }
        if section != nil { out[index].section = section }
        articleNotes.append(note)
        return end
    }

    /// Fills the instrument of article citation `index` and what its note must settle, reading
    /// `ref` in place.
    private mutating func setInstrument(_ ref: CiteInstrumentRef, of index: Int, note: inout CiteArticleNote) {
        out[index].instrument = ref.name
        out[index].instrumentSource = ref.source
        out[index].key = ref.keySlug
        note.needsContext = false
        note.genericHead = ref.genericHead
        note.byPrefix = ref.byPrefix
        if !ref.byPrefix && ref.genericHead == nil && !ref.slug.isEmpty { note.ref = ref }
    }

    /// `paragraph 3 of article 19`, `пункт 3 статьи 19`, `paragraphe 3 de l'article 19`.
    mutating func parseParagraphFirst(_ i: Int, _ litEnd: Int) -> Int? {
        let j = CiteText.skipSpaces(b, litEnd, n)
        guard j > litEnd || (litEnd > 0 && b[litEnd - 1] == 0x2E), let list = parseList(j, roman: false, letters: true) else { return nil }
        var k = list.end
        if k < n && b[k] == 0x2C { k += 1 }
        k = CiteText.skipSpaces(b, k, n)
        var articleEnd = articleWordEnd(k)
        if articleEnd == nil {
            let linkWords = CiteVocabulary.paragraphOfWords
            for w in 0..<linkWords.count {
                if let e = linkWords.matchWord(w, b, k, n) {
                    let a = CiteText.skipSpaces(b, e, n)
                    if let aw = articleWordEnd(a) { articleEnd = aw; break }
                }
            }
        }
        guard let aw = articleEnd else { return nil }
        var pre = CitePinpoint()
        for item in list.items {
            if item.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true { pre.paragraphs.append(item) } else { pre.subparagraphs.append(item) }
        }
        pre.paragraphs += list.attachedNumbers
        pre.subparagraphs += list.attachedLetters
        pre.range = list.range
        return parseArticle(articleEnd: aw, start: i, instrument: nil, pre: pre)
    }

    // MARK: Exhibits, Id., registrations

    /// `Exhibit 3`, `Annex I`, `Exhibit 1, Feminita Charter, § 2`. A label without a value
    /// (`Enclosure: as stated`) is not a numbered exhibit and is not cited.
    mutating func recognizeExhibit(_ i: Int, _ litEnd: Int, label: String) -> Int? {
        guard litEnd < n, CiteText.isSpaceAt(b, litEnd) else { return nil }
        var k = CiteText.skipSpaces(b, litEnd, n)
        if let e = marker(CiteVocabulary.numberSignLits, k) { k = CiteText.skipSpaces(b, e, n) }
        guard k < n else { return nil }
        var v = k
        let c = b[k]
        if c >= 0x30 && c <= 0x39 {
            while v < n && b[v] >= 0x30 && b[v] <= 0x39 && v - k < 4 { v += 1 }
            if v < n && b[v] == 0x2D && v + 1 < n && b[v + 1] >= 0x30 && b[v + 1] <= 0x39 {
                v += 1
                while v < n && b[v] >= 0x30 && b[v] <= 0x39 { v += 1 }
            }
        } else if c == 0x49 || c == 0x56 || c == 0x58 {
            while v < n && (b[v] == 0x49 || b[v] == 0x56 || b[v] == 0x58 || b[v] == 0x4C) && v - k < 6 { v += 1 }
        } else if c >= 0x41 && c <= 0x5A {
            v += 1
            if v < n && b[v] == 0x2D { v += 1 }
            while v < n && b[v] >= 0x30 && b[v] <= 0x39 { v += 1 }
            if v < n && b[v] == 0x2D { return nil }
        }
        guard v > k, !CiteText.isWordAt(b, v) else { return nil }
        let value = text(k, v)
        var end = v
        var title: String? = nil
        var section: String? = nil
        var paragraphs: [String] = []
        if end < n && b[end] == 0x2C {
            let t = CiteText.skipSpaces(b, end + 1, n)
            if t < n, CiteText.isUpperAt(b, t), CiteDates.month(b, t, n) == nil, articleWordEnd(t) == nil {
                if !CiteVocabulary.titleStopWords.contains(b, t, CiteText.wordEnd(b, t, n)) {
                    var j = t
                    var tEnd = t
                    var words = 0
                    while words < 12 {
                        var we = CiteText.wordEnd(b, j, n)
                        guard we > j else { break }
                        // `Decree No. 45`: the full stop of a number sign does not end the title.
                        if we < n, b[we] == 0x2E, (we - j == 2 || we - j == 3), b[j] | 0x20 == 0x6E, b[j + 1] | 0x20 == 0x6F {
                            we += 1
                        }
                        if CiteText.isUpperAt(b, j) || (b[j] >= 0x30 && b[j] <= 0x39 && words > 0) { tEnd = we }
                        else if !CiteVocabulary.exhibitTitleConnectors.contains(b, j, we) { break }
                        j = we
                        words += 1
                        let next = CiteText.skipSpaces(b, j, n)
                        guard next > j, next < n, CiteText.isWordAt(b, next) else { break }
                        j = next
                    }
                    if tEnd > t { title = CiteText.collapsed(b, t, tEnd); end = tEnd }
                }
            }
        }
        if end < n && b[end] == 0x2C {
            let p = CiteText.skipSpaces(b, end + 1, n)
            if let e = marker(CiteVocabulary.sectionWords, p), let (sv, se) = parseItem(CiteText.skipSpaces(b, e, n), roman: true, letters: false) {
                section = sv; end = se
            } else if let e = marker(CiteVocabulary.paragraphMarkers, p), let l = parseList(CiteText.skipSpaces(b, e, n), roman: false, letters: false) {
                paragraphs = l.items; end = l.end
            }
        }
        let labelText = text(i, litEnd)
        emit(.exhibit, i, end) { c in
            c.label = labelText
            c.exhibit = value
            c.title = title
            c.section = section
            c.paragraphs = paragraphs
            c.key = CiteKeys.path(label, value.lowercased())
        }
        return end
    }

    /// `Id.`, `Ibid.`, `ibidem`, `Там же`. `ID.` in capitals is an identifier, not a signal.
    mutating func recognizeId(_ i: Int, _ litEnd: Int) -> Int? {
        if b[i] < 0x80 && (i + 1 >= n || !(b[i + 1] >= 0x61 && b[i + 1] <= 0x7A)) { return nil }
        if CiteText.isWordBefore(b, i) { return nil }
        emit(.id, i, litEnd) { _ in }
        return litEnd
    }

    /// `BIN 011040008019`: label, optional `:`/`No.`, then exactly the scheme's digits.
    mutating func recognizeRegistration(_ i: Int, _ litEnd: Int, scheme index: Int) -> Int? {
        let scheme = CiteRegistrationSchemes.all[index]
        var k = CiteText.skipSpaces(b, litEnd, n)
        if k < n && b[k] == 0x3A { k = CiteText.skipSpaces(b, k + 1, n) }
        if let e = marker(CiteVocabulary.numberSignLits, k) { k = CiteText.skipSpaces(b, e, n) }
        var e = k
        var digits: [Int] = []
        digits.reserveCapacity(20) // one allocation, not four as it grows
        while e < n && b[e] >= 0x30 && b[e] <= 0x39 && digits.count < 20 { digits.append(Int(b[e] - 0x30)); e += 1 }
        guard let rules = scheme.lengths[digits.count], !CiteText.isWordAt(b, e) else { return nil }
        let valid = CiteRegistrationSchemes.check(digits, rules)
        let encoded = CiteRegistrationSchemes.encodedDate(digits, scheme.dateEncoding)
        var date: String? = nil
        var r = e
        if r < n && b[r] == 0x2C { r += 1 }
        r = CiteText.skipSpaces(b, r, n)
        if let re = marker(CiteVocabulary.registeredWords, r) {
            var d = CiteText.skipSpaces(b, re, n)
            if let on = marker(CiteVocabulary.dateIntroducers, d) { d = CiteText.skipSpaces(b, on, n) }
            date = CiteDates.parse(b, d, n)?.iso
        }
        let number = text(k, e)
        emit(.registration, i, e) { c in
            c.scheme = scheme.scheme
            c.number = number
            c.valid = valid
            c.encodedDate = encoded
            c.date = date
            c.key = CiteKeys.path("registration", scheme.scheme.lowercased(), number)
        }
        return e
    }

    // MARK: Numbers: references, cases, resolutions

    /// A number-sign word (`No.`, `n°`, `Nr.`). Lower-case `no` counts only after a note word
    /// (`sa note no 39658`), since it is an ordinary word in English and Spanish.
    mutating func recognizeNumberWord(_ i: Int, _ litEnd: Int, wordEnd: Int) -> Int? {
        if b[i] == 0x6E && i + 1 < n && b[i + 1] == 0x6F {
            // `noteWords` are the words with the note bit of `numberContext`.
            guard let (ws, we) = wordBefore(i),
                  (CiteVocabulary.numberContextWords.value(b, ws, we) ?? 0) & CiteVocabulary.contextNote != 0 else { return nil }
        }
        return handleNumberSign(signStart: i, signEnd: litEnd, forced: nil)
    }

    /// The `CiteVocabulary.numberContext` bits of the word `s..<e`.
    func context(_ s: Int, _ e: Int) -> UInt8 {
        CiteVocabulary.numberContextWords.value(b, s, e) ?? 0
    }

    /// What a number after a sign at `signStart` is, from the words before it.
    func classifyNumber(_ signStart: Int) -> CitationKind? {
        guard let (ws, we) = wordBefore(signStart) else { return .reference }
        let first = context(ws, we)
        if first & CiteVocabulary.contextResolution != 0 { return .resolution }
        if first & CiteVocabulary.contextReference != 0 { return .reference }
        if first & CiteVocabulary.contextCase != 0 { return .case }
        if first & CiteVocabulary.contextInstrumentNumber != 0 { return nil }
        // Further back in the clause: `Decision of Judicial Chamber, No. 2a-6757/19`.
        var cursor = ws
        for _ in 0..<8 {
            guard let (s, e) = wordBefore(cursor) else { break }
            // Stop at a sentence end between the words.
            var k = e
            var stop = false
            while k < cursor { let c = b[k]; if c == 0x2E || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F { stop = true }; k += 1 }
            if stop && cursor != ws { break }
            let w = context(s, e)
            if w & CiteVocabulary.contextCase != 0 { return .case }
            if w & CiteVocabulary.contextReference != 0 { return .reference }
            if w & (CiteVocabulary.contextInstrumentNumber | CiteVocabulary.contextResolution) != 0 { return nil }
            cursor = s
        }
        // A letterhead line: `MINISTERE DES AFFAIRES ETRANGERES No 110/SEC`.
        if CiteText.isAllUpper(b, ws, we) && we - ws >= 3 { return .reference }
        // At the start of a line.
        var k = signStart - 1
        while k >= 0 && (b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x2A || b[k] == 0x5F) { k -= 1 }
        if k < 0 || b[k] == 0x0A { return .reference }
        return nil
    }

    /// Handles a number sign ending at `signEnd`: reads the number and emits a reference, case or
    /// resolution, as forced or as the words before say.
    mutating func handleNumberSign(signStart: Int, signEnd: Int, forced: CitationKind?) -> Int? {
        let j = CiteText.skipSpaces(b, signEnd, n)
        guard var end = numberToken(j) else { return nil }
        guard let kind = forced ?? classifyNumber(signStart) else { return nil }
        if kind == .reference {
            // `No 110/SEC 9412NVERB`: code tokens that continue the number.
            var rounds = 0
            while rounds < 2, end < n, b[end] == 0x20 {
                let t = end + 1
                guard let te = numberToken(t), isCodeToken(t, te) else { break }
                end = te
                rounds += 1
            }
        }
        let numberEnd = end
        let number = text(j, numberEnd)
        let key = keyNumber(j, numberEnd)
        let date = dateAfter(numberEnd)
        var start = signStart
        if let (ws, we) = wordBefore(signStart), we <= signStart, signStart - we <= 2 {
            if kind == .reference && context(ws, we) & (CiteVocabulary.contextReference | CiteVocabulary.contextNote) != 0 { start = ws }
            if kind == .case {
                let w = foldedWord(ws, we)
                if w == "case" || w == "affaire" || w == "caso" || w.hasPrefix("дел") { start = ws }
            }
        }
        switch kind {
        case .case:
            let court = courtBefore(start)
            emit(.case, start, numberEnd) { c in
                c.number = number
                c.court = court
                c.date = date?.iso
                c.key = CiteKeys.path("case", key)
            }
        case .resolution:
            emit(.resolution, start, numberEnd) { c in
                c.number = number
                c.date = date?.iso
                c.key = CiteKeys.path("resolution", key)
            }
        default:
            emit(.reference, start, numberEnd) { c in
                c.number = number
                c.date = date?.iso
                c.key = CiteKeys.path("reference", key)
            }
        }
        return numberEnd
    }

    /// The court named before a case number in the same sentence (`Medeu District Court`,
    /// `Decision of Judicial Chamber`), without a following capitalised word (`Court Decision`
    /// is a document title, not a court).
    func courtBefore(_ start: Int) -> String? {
        var cursor = start
        for _ in 0..<20 {
            guard let (s, e) = wordBefore(cursor) else { return nil }
            var k = e
            while k < cursor { let c = b[k]; if c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3F { return nil }; k += 1 }
            if CiteVocabulary.courtHeads.contains(b, s, e) && CiteText.isUpperAt(b, s) {
                let after = CiteText.skipSpaces(b, e, n)
                if !(after < n && after > e && CiteText.isUpperAt(b, after)) {
                    var from = s
                    var words = 0
                    while words < 5, let (ps, pe) = adjacentWordBefore(from), CiteText.isUpperAt(b, ps),
                          !CiteVocabulary.titleStopWords.contains(b, ps, pe) {
                        from = ps
                        words += 1
                    }
                    return CiteText.collapsed(b, from, e)
                }
            }
            cursor = s
        }
        return nil
    }

    /// `Note (C.15/4351)`: a note cited by a bracketed number. `Note No. 141` is found through
    /// its number sign.
    mutating func recognizeNoteWord(_ i: Int, _ litEnd: Int) -> Int? {
        let j = CiteText.skipSpaces(b, litEnd, n)
        guard j < n, b[j] == 0x28, let e = numberToken(j + 1), e < n, b[e] == 0x29 else { return nil }
        let number = text(j + 1, e)
        let key = keyNumber(j + 1, e)
        let date = dateAfter(e + 1)
        emit(.reference, i, e + 1) { c in
            c.number = number
            c.date = date?.iso
            c.key = CiteKeys.path("reference", key)
        }
        return e + 1
    }

    /// `Réf. № 20-404`, `Ref.: 12/34`.
    mutating func recognizeRefWord(_ i: Int, _ litEnd: Int) -> Int? {
        var j = CiteText.skipSpaces(b, litEnd, n)
        if j < n && b[j] == 0x3A { j = CiteText.skipSpaces(b, j + 1, n) }
        if j + 2 < n && b[j] == 0xE2 && b[j + 1] == 0x84 && b[j + 2] == 0x96 {
            return handleNumberSign(signStart: j, signEnd: j + 3, forced: .reference)
        }
        if let e = marker(CiteVocabulary.numberSignLits, j) {
            return handleNumberSign(signStart: j, signEnd: e, forced: .reference)
        }
        guard let e = numberToken(j), e - j >= 2 else { return nil }
        let number = text(j, e)
        let key = keyNumber(j, e)
        emit(.reference, i, e) { c in
            c.number = number
            c.key = CiteKeys.path("reference", key)
        }
        return e
    }

    /// The body before a resolution word: the capitalised run (`Human Rights Council`,
    /// `Maslikhat City Council`), with its canonical name and slug when the table knows it.
    func bodyBefore(_ i: Int) -> (start: Int, name: String, slug: String)? {
        var from = i
        var words = 0
        while words < 6, let (s, e) = adjacentWordBefore(from) {
            let w = foldedWord(s, e)
            if CiteText.isUpperAt(b, s) {
                if CiteVocabulary.titleStopWords.contains(b, s, e) { break }
            } else if !(w == "and" || w == "of" || w == "on" || w == "for") {
                break
            }
            from = s
            words += 1
        }
        while from < i, let e = Optional(CiteText.wordEnd(b, from, n)), e > from, !CiteText.isUpperAt(b, from) {
            from = CiteText.skipSpaces(b, e, n)
        }
        guard from < i else { return nil }
        let end = CiteText.skipSpacesBack(b, i)
        guard end > from else { return nil }
        if let (k, e) = CiteVocabulary.bodies.longest(b, from, n), e >= end - 1 {
            let body = CiteVocabulary.bodyTable[k]
            return (from, body.name, body.slug)
        }
        let name = CiteText.collapsed(b, from, end)
        return (from, name, CiteText.slug(name))
    }

    /// The body after a resolution number (`résolution 43/16 du Conseil des droits de l'homme`).
    func bodyAfter(_ end: Int) -> (name: String, slug: String, end: Int)? {
        let k = CiteText.skipSpaces(b, end, n)
        let ofWords = CiteVocabulary.ofWords
        for w in 0..<ofWords.count {
            guard let e = ofWords.matchWord(w, b, k, n) else { continue }
            let p = CiteText.skipSpaces(b, e, n)
            if let (index, be) = CiteVocabulary.bodies.longest(b, p, n) {
                let body = CiteVocabulary.bodyTable[index]
                return (body.name, body.slug, be)
            }
        }
        if let (index, be) = CiteVocabulary.bodies.longest(b, k, n), !CiteText.isUpperAt(b, k) || b[k] >= 0x80 {
            let body = CiteVocabulary.bodyTable[index]
            return (body.name, body.slug, be)
        }
        return nil
    }

    /// `Human Rights Council resolution 43/16`, `resolutions 43/16, 42/22 and 45/3` (one
    /// citation per number), `Resolution No. 6-33/1323CK, December 15, 2017`,
    /// `resolution 1325 (2000)`.
    mutating func recognizeResolution(_ i: Int, _ litEnd: Int) -> Int? {
        var j = CiteText.skipSpaces(b, litEnd, n)
        guard j > litEnd else { return nil }
        let body = bodyBefore(i)
        var numbers: [(Int, Int)] = []
        if let e = marker(CiteVocabulary.numberSignLits, j) ?? (j + 2 < n && b[j] == 0xE2 && b[j + 1] == 0x84 && b[j + 2] == 0x96 ? j + 3 : nil) {
            let t = CiteText.skipSpaces(b, e, n)
            guard let te = numberToken(t) else { return nil }
            numbers.append((t, te))
            j = te
        } else {
            while true {
                guard let te = numberToken(j), isResolutionNumber(j, te) else { break }
                numbers.append((j, te))
                var k = te
                if k < n && b[k] == 0x2C { k += 1 }
                k = CiteText.skipSpaces(b, k, n)
                if let e = CiteVocabulary.listConnectors.longest(b, k, n)?.end { k = CiteText.skipSpaces(b, e, n) }
                guard k > te, numberToken(k) != nil else { break }
                j = k
            }
        }
        guard let last = numbers.last else { return nil }
        var end = last.1
        var date: String? = nil
        // `1325 (2000)`: the year of adoption.
        var p = end
        if p < n && b[p] == 0x20 { p += 1 }
        if p + 5 < n && b[p] == 0x28, let (y, ye) = CiteText.digits(b, p + 1, n, maxDigits: 4), ye < n, b[ye] == 0x29, CiteDates.isYear(y) {
            date = String(y)
            end = ye + 1
        }
        var bodyName = body?.name
        var bodySlug = body?.slug
        if body == nil, let after = bodyAfter(end) { bodyName = after.name; bodySlug = after.slug }
        if date == nil, let d = dateAfter(end) { date = d.iso }
        for (index, (s, e)) in numbers.enumerated() {
            let number = text(s, e)
            let key = keyNumber(s, e)
            let start = index == 0 ? (body?.start ?? i) : s
            let stop = index == numbers.count - 1 ? max(e, index == 0 ? e : e) : e
            emit(.resolution, start, stop) { c in
                c.number = number
                c.body = bodyName
                c.date = date
                c.key = bodySlug.map { CiteKeys.path("resolution", $0, key) } ?? CiteKeys.path("resolution", key)
            }
        }
        return end
    }

    /// A resolution number: has a `/` or `-`, or is at least three digits (`43/16`, `1325`).
    func isResolutionNumber(_ s: Int, _ e: Int) -> Bool {
        var digits = 0
        for k in s..<e {
            if b[k] == 0x2F || b[k] == 0x2D { return true }
            if b[k] >= 0x30 && b[k] <= 0x39 { digits += 1 }
        }
        return digits >= 3 && digits == e - s
    }

    // MARK: Communications and documents

    /// `CCC n/YYYY` at `k`: country, number, year and end.
    func communicationTail(_ k: Int) -> (country: String, number: Int, year: Int, end: Int)? {
        guard k + 3 < n else { return nil }
        for m in k..<(k + 3) where !(b[m] >= 0x41 && b[m] <= 0x5A) { return nil }
        guard b[k + 3] == 0x20, !CiteText.isWordBefore(b, k),
              CiteCountryCodes.isAccepted(b[k], b[k + 1], b[k + 2]) else { return nil }
        let country = text(k, k + 3)
        guard let (num, ne) = CiteText.digits(b, k + 4, n, maxDigits: 5), ne < n, b[ne] == 0x2F,
              let (year, ye) = CiteText.digits(b, ne + 1, n, maxDigits: 4), ye - ne - 1 == 4,
              (1950...2100).contains(year), !CiteText.isWordAt(b, ye) else { return nil }
        return (country, num, year, ye)
    }

    /// `AL KAZ 4/2019`, `UA CHN 12/2020`, `JOL OTH 3/2021`.
    mutating func recognizeCommunication(_ i: Int, _ litEnd: Int) -> Int? {
        guard litEnd < n, b[litEnd] == 0x20, let tail = communicationTail(litEnd + 1) else { return nil }
        let type = text(i, litEnd)
        return emitCommunication(i, tail, type: type)
    }

    /// Emits a communication citation from `i` to the end of its `COUNTRY n/yyyy` tail; the
    /// one place its key is formed.
    private mutating func emitCommunication(_ i: Int, _ tail: (country: String, number: Int, year: Int, end: Int), type: String?) -> Int {
        emit(.communication, i, tail.end) { c in
            c.type = type
            c.country = tail.country
            c.number = String(tail.number)
            c.year = tail.year
            c.key = CiteKeys.path("communication", tail.country, String(tail.number), String(tail.year))
        }
        return tail.end
    }

    /// A bare `CHN 4/2021`, cited only where a communication type (`UA G/SO 218/2 … SAU 5/2014`)
    /// or a word such as `communication` or `letter` comes shortly before.
    mutating func recognizeBareCommunication(_ i: Int) -> Int? {
        guard let tail = communicationTail(i) else { return nil }
        var type: String? = nil
        var context = false
        // Look back over the header or sentence: a type word, or a word such as `communication`.
        var k = max(0, i - 160)
        while k < i {
            guard CiteText.isWordAt(b, k), !CiteText.isWordBefore(b, k) else { k += 1; continue }
            let e = CiteText.wordEnd(b, k, n)
            let written = text(k, e)
            if CiteVocabulary.communicationTypes.contains(written) { type = written; context = true }
            else if CiteVocabulary.communicationContextWords.longest(b, k, e)?.end == e { context = true }
            k = max(e, k + 1)
        }
        guard context else { return nil }
        return emitCommunication(i, tail, type: type)
    }

    /// A UN document symbol (`A/HRC/10/12/Add.1`, `CCPR/C/GC/35`), with a paragraph pinpoint
    /// (`, para. 586-591`).
    mutating func recognizeDocument(_ i: Int, _ we: Int) -> Int? {
        guard CiteVocabulary.symbolPrefixes.contains(text(i, we)), !CiteText.isWordBefore(b, i),
              i == 0 || b[i - 1] != 0x2F else { return nil }
        var j = we
        var components = 0
        var hasDigit = false
        while j < n && b[j] == 0x2F {
            var k = j + 1
            while k < n {
                let c = b[k]
                if c < 0x80 && CiteText.isAsciiWord(c) {
                    if c >= 0x30 && c <= 0x39 { hasDigit = true }
                    k += 1
                } else if c == 0x2E && k + 1 < n && b[k + 1] < 0x80 && CiteText.isAsciiWord(b[k + 1]) && k > j + 1 {
                    k += 1
                } else { break }
            }
            guard k > j + 1 else { break }
            components += 1
            j = k
        }
        guard hasDigit, components >= 2 || (components >= 1 && we - i > 1) else { return nil }
        let symbolEnd = j
        var end = j
        var paragraphs: [String] = []
        var range: [String]? = nil
        var k = end
        if k < n && b[k] == 0x2C { k += 1 }
        k = CiteText.skipSpaces(b, k, n)
        if k > end, let m = marker(vocab.lits.paragraphMarkers, k),
           let list = parseList(CiteText.skipSpaces(b, m, n), roman: false, letters: false) {
            paragraphs = list.items
            range = list.range
            end = list.end
        }
        let symbol = text(i, symbolEnd)
        var key = CiteKeys.path("document", symbol)
        if !paragraphs.isEmpty { key += "/para" + CiteKeys.list(paragraphs) }
        emit(.document, i, end) { c in
            c.symbol = symbol
            c.paragraphs = paragraphs
            c.range = range
            c.key = key
        }
        return end
    }
}
