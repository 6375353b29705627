internal import CLibXML2
import VerbaleKit

/// Low-level streaming: elements, attributes and text through `xmlTextWriter`.
///
/// Element and attribute names are `StaticString`s, passed to libxml2 without copying. Text is
/// UTF-8 bytes, escaped in one pass over the caller's buffer and handed to libxml2 in runs.
extension AKNWriter {
    /// Spaces for indentation, preceded by a newline; sliced by depth.
    private static let indentBytes: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 256)

    @inline(__always)
    private mutating func check(_ rc: Int32) {
        if rc < 0 { failed = true }
    }

    /// Writes the XML declaration (explicit UTF-8, no standalone) and a newline-free start.
    mutating func writeDeclaration() {
        let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        check(xmlTextWriterWriteRawLen(writer, declaration.utf8Start, Int32(declaration.utf8CodeUnitCount)))
    }

    private mutating func newline() {
        let count = min(1 + depth * 2, Self.indentBytes.count)
        let rc = Self.indentBytes.withUnsafeBufferPointer { buffer in
            xmlTextWriterWriteRawLen(writer, buffer.baseAddress, Int32(count))
        }
        check(rc)
    }

    /// Opens an element in element-only content, on its own indented line.
    mutating func open(_ name: StaticString) {
        if !hasChild.isEmpty { hasChild[hasChild.count - 1] = true }
        newline()
        check(xmlTextWriterStartElement(writer, name.utf8Start))
        depth += 1
        hasChild.append(false)
    }

    /// Closes the element opened by the matching `open`.
    mutating func close() {
        depth -= 1
        if hasChild.popLast() == true { newline() }
        check(xmlTextWriterEndElement(writer))
    }

    /// Opens an element inside mixed content: no white space is added around it.
    mutating func openInline(_ name: StaticString) {
        check(xmlTextWriterStartElement(writer, name.utf8Start))
    }

    /// Closes the element opened by the matching `openInline`.
    mutating func closeInline() {
        check(xmlTextWriterEndElement(writer))
    }

    /// Writes an attribute of the element just opened.
    mutating func attribute(_ name: StaticString, _ value: String) {
        check(xmlTextWriterStartAttribute(writer, name.utf8Start))
        var value = value
        value.withUTF8 { writeEscaped($0[...], attribute: true) }
        check(xmlTextWriterEndAttribute(writer))
    }

    /// Writes a static attribute value (known not to need escaping).
    mutating func attribute(_ name: StaticString, static value: StaticString) {
        check(xmlTextWriterWriteAttribute(writer, name.utf8Start, value.utf8Start))
    }

    /// Writes text.
    mutating func text(_ string: String) {
        var string = string
        string.withUTF8 { text($0[...]) }
    }

    /// Writes UTF-8 bytes as character data.
    mutating func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        guard !bytes.isEmpty else { return }
        writeEscaped(bytes, attribute: false)
    }

    /// Writes `bytes` escaped, straight from the caller's buffer: runs that need nothing are handed
    /// to libxml2 as they are (no copy, no allocation), and only `&`, `<`, `>` (and in attributes
    /// `"`, tab, newline) become references. Carriage returns become `&#13;` so parsers do not
    /// normalise them away. What XML 1.0 cannot carry at all (C0 controls other than tab, newline
    /// and carriage return; U+FFFE; U+FFFF) becomes U+FFFD and is counted for a diagnostic.
    ///
    /// This replaces `xmlTextWriterWriteString`, whose escaping allocates a copy of every string
    /// and cannot drop control characters: it cost more than the rest of the XML writing together.
    private mutating func writeEscaped(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, attribute: Bool) {
        guard let base = bytes.base.baseAddress else { return }
        // Bytes below 0x40 that need work, as a bit mask: C0 controls but tab and newline, `&`,
        // `<`, `>`; in attributes also tab, newline and `"`. One shift and test per byte.
        let textMask: UInt64 = 0x5000_0040_FFFF_F9FF
        let mask = attribute ? textMask | (1 << 0x22) | (1 << 0x09) | (1 << 0x0A) : textMask
        var runStart = bytes.startIndex
        var index = bytes.startIndex
        let end = bytes.endIndex
        var replaced = false
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Eight bytes at a time: whether any byte is < 0x20 or one of `&` `<` `>` 0xEF (and `"` in
        // attributes), with the classic bit tricks; prose is nearly always clean, so most of the
        // text is skipped a word at a time.
        @inline(__always) func hasByte(_ word: UInt64, _ byte: UInt64) -> Bool {
            let x = word ^ (ones &* byte)
            return (x &- ones) & ~x & highs != 0
        }
        while index < end {
            if index &+ 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let control = (word &- ones &* 0x20) & ~word & highs != 0
                if !control && !hasByte(word, 0x26) && !hasByte(word, 0x3C) && !hasByte(word, 0x3E)
                    && !hasByte(word, 0xEF) && !(attribute && hasByte(word, 0x22)) {
                    index &+= 8
                    continue
                }
            }
            let byte = base[index]
            if byte < 0x40 {
                if (mask >> UInt64(byte)) & 1 == 0 { index += 1; continue }
            } else if byte != 0xEF {
                index += 1
                continue
            }
            let replacement: StaticString
            var width = 1
            switch byte {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22 where attribute: replacement = "&quot;"
            case 0x09 where attribute: replacement = "&#9;"
            case 0x0A where attribute: replacement = "&#10;"
            case 0x0D: replacement = "&#13;"
            case 0x09, 0x0A: index += 1; continue
            case 0x00..<0x20:
                replacement = "\u{FFFD}"
                replaced = true
            case 0xEF where index + 2 < end && base[index + 1] == 0xBF && base[index + 2] >= 0xBE:
                replacement = "\u{FFFD}"
                width = 3
                replaced = true
            default:
                index += 1
                continue
            }
            if index > runStart { check(xmlTextWriterWriteRawLen(writer, base + runStart, Int32(index - runStart))) }
            check(xmlTextWriterWriteRawLen(writer, replacement.utf8Start, Int32(replacement.utf8CodeUnitCount)))
            index += width
            runStart = index
        }
        if end > runStart { check(xmlTextWriterWriteRawLen(writer, base + runStart, Int32(end - runStart))) }
        if replaced { replacedCharacters += 1 }
    }

    /// Writes a citation target as attribute `name`:
    /// `/akn/ontology/citation/{kind}/{key}` with the key percent-encoded (letters, digits and
    /// `-._~/:` kept), then `~art_{article}__para_{paragraph}` when the target is a provision.
    /// Assembled in `scratch` and written with one call; every byte is URI- and XML-safe.
    mutating func target(_ name: StaticString, _ target: Target, _ plan: Plan) {
        scratch.removeAll(keepingCapacity: true)
        put("/akn/ontology/citation/")
        var kind = plan.citations[target.citation].kind.rawValue
        kind.withUTF8 { scratch.append(contentsOf: $0) }
        put("/")
        var key = plan.citations[target.citation].key
        key.withUTF8 { putEncoded($0, percent: true) }
        if var article = target.article {
            put("~art_")
            article.withUTF8 { putEncoded($0, percent: false) }
            if var paragraph = target.paragraph {
                put("__para_")
                paragraph.withUTF8 { putEncoded($0, percent: false) }
            }
        }
        emitScratch(as: name)
    }

    private mutating func raw(_ text: StaticString) {
        check(xmlTextWriterWriteRawLen(writer, text.utf8Start, Int32(text.utf8CodeUnitCount)))
    }

    private mutating func put(_ text: StaticString) {
        scratch.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes `scratch` as the value of attribute `name` (its bytes must need no escaping).
    private mutating func emitScratch(as name: StaticString) {
        check(xmlTextWriterStartAttribute(writer, name.utf8Start))
        let rc = scratch.withUnsafeBufferPointer { buffer -> Int32 in
            guard let start = buffer.baseAddress, buffer.count > 0 else { return 0 }
            return xmlTextWriterWriteRawLen(writer, start, Int32(buffer.count))
        }
        check(rc)
        check(xmlTextWriterEndAttribute(writer))
    }

    /// Appends `bytes` keeping letters, digits, `-` and `.` (and with `percent`, also `_~/:`),
    /// the rest as `%XX` (`percent`) or one `_` per run (an eId component, as
    /// `Names.eIdComponent` makes them).
    private mutating func putEncoded(_ bytes: UnsafeBufferPointer<UInt8>, percent: Bool) {
        var runStart = 0
        var lastWasUnderscore = false
        let digits: StaticString = "0123456789ABCDEF"
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let alnum = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            let keep = alnum || byte == 0x2D || byte == 0x2E
                || (percent && (byte == 0x5F || byte == 0x7E || byte == 0x2F || byte == 0x3A))
            if keep { lastWasUnderscore = false; continue }
            if index > runStart { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            runStart = index + 1
            if percent {
                scratch.append(0x25)
                scratch.append(digits.utf8Start[Int(byte >> 4)])
                scratch.append(digits.utf8Start[Int(byte & 0x0F)])
            } else if !lastWasUnderscore {
                scratch.append(0x5F)
                lastWasUnderscore = true
            }
        }
        if bytes.count > runStart { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    }

    /// Writes attribute `name` as `base` followed by the slug of `text`, lower-cased, as
    /// `Names.segment(text, lowercase: true)` makes it, assembled in the scratch buffer (a
    /// `String` per TLC href showed in profiles).
    mutating func slugAttribute(_ name: StaticString, base: StaticString, _ text: String) {
        check(xmlTextWriterStartAttribute(writer, name.utf8Start))
        raw(base)
        var text = text
        let needed = text.utf8.count * 3
        if scratch.count < needed { scratch = [UInt8](repeating: 0, count: needed) }
        let count = text.withUTF8 { input in
            scratch.withUnsafeMutableBufferPointer { Names.writeSegment(input, lowercase: true, into: $0) }
        }
        if count > 0 {
            let rc = scratch.withUnsafeBufferPointer { buffer -> Int32 in
                guard let start = buffer.baseAddress else { return -1 }
                return xmlTextWriterWriteRawLen(writer, start, Int32(count))
            }
            check(rc)
        }
        check(xmlTextWriterEndAttribute(writer))
    }

    /// Writes attribute `name` as `prefix` + `suffix` (+ `number`), without building a string:
    /// eIds like `para_5__ref_2` and URIs like `…/eng@/!main`, assembled in `scratch` and written
    /// with one call. A prefix with a byte that needs escaping (never one of ours) goes through
    /// the escaper instead.
    mutating func attribute(_ name: StaticString, _ prefix: String, _ suffix: StaticString, _ number: Int? = nil) {
        var prefix = prefix
        let safe = prefix.withUTF8 { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x26 || byte == 0x3C || byte == 0x3E { return false }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: bytes)
            return true
        }
        guard safe else {
            check(xmlTextWriterStartAttribute(writer, name.utf8Start))
            prefix.withUTF8 { writeEscaped($0[...], attribute: true) }
            raw(suffix)
            if let number { var digits = String(number); digits.withUTF8 { writeEscaped($0[...], attribute: true) } }
            check(xmlTextWriterEndAttribute(writer))
            return
        }
        put(suffix)
        if let number {
            if number < 0 { scratch.append(0x2D) }
            let start = scratch.count
            var value = number.magnitude
            repeat {
                scratch.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
                value /= 10
            } while value > 0
            scratch[start...].reverse()
        }
        emitScratch(as: name)
    }
}
