internal import CLibXML2
import VerbaleKit

/// Low-level streaming: elements, attributes and text through `xmlTextWriter`.
///
/// Element and attribute names are `StaticString`s, passed to libxml2 without copying. Text is
/// UTF-8 bytes, copied once into a scratch buffer that also drops what XML 1.0 cannot carry
/// (control characters, U+FFFE/U+FFFF); libxml2 then does the escaping (`&`, `<`, `>`, quotes).
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
        var value = value
        if value.withUTF8({ fillScratch($0[...]) }) { replacedCharacters += 1 }
        let rc = scratch.withUnsafeBufferPointer { xmlTextWriterWriteAttribute(writer, name.utf8Start, $0.baseAddress) }
        check(rc)
    }

    /// Writes a static attribute value.
    mutating func attribute(_ name: StaticString, static value: StaticString) {
        check(xmlTextWriterWriteAttribute(writer, name.utf8Start, value.utf8Start))
    }

    /// Writes text (escaped by libxml2).
    mutating func text(_ string: String) {
        var string = string
        string.withUTF8 { text($0[...]) }
    }

    /// Writes UTF-8 bytes as text (escaped by libxml2).
    mutating func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        guard !bytes.isEmpty else { return }
        if fillScratch(bytes) { replacedCharacters += 1 }
        let rc = scratch.withUnsafeBufferPointer { xmlTextWriterWriteString(writer, $0.baseAddress) }
        check(rc)
    }

    /// Copies `bytes` into `scratch`, NUL-terminated, replacing characters that XML 1.0 does not
    /// allow (C0 controls other than tab, newline and carriage return; U+FFFE; U+FFFF; NUL) with
    /// U+FFFD. Returns whether anything was replaced.
    private mutating func fillScratch(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        var index = bytes.startIndex
        let end = bytes.endIndex
        // Fast path: scan for a byte that needs attention; most text has none.
        while index < end {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1; continue }
                break
            }
            if byte == 0xEF, index + 2 < end, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { break }
            index += 1
        }
        if index == end {
            scratch.append(contentsOf: bytes)
            scratch.append(0)
            return false
        }
        scratch.append(contentsOf: bytes[bytes.startIndex..<index])
        while index < end {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                scratch.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 1
                continue
            }
            if byte == 0xEF, index + 2 < end, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                scratch.append(contentsOf: [0xEF, 0xBF, 0xBD])
                index += 3
                continue
            }
            scratch.append(byte)
            index += 1
        }
        scratch.append(0)
        return true
    }
}
