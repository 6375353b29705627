import VerbaleKit

/// Names, URIs and checked values: everything that turns a model string into something the
/// schema's simple types accept (`xsd:date`, `xsd:anyURI`, `noWhiteSpace`).
enum Names {
    /// Whether `text` is an `xsd:date` of the form `yyyy-mm-dd` naming a real calendar day
    /// (year 0001–9999; `2019-02-30` is not a date).
    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return false }
        guard year >= 1, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// ISO 639-2 (terminology) code for the model's ISO 639-1 language, as the Akoma Ntoso
    /// naming convention writes expression languages (`eng@`).
    static func language3(_ code: String) -> String {
        switch code.lowercased() {
        case "en": return "eng"
        case "fr": return "fra"
        case "es": return "spa"
        case "ru": return "rus"
        case "ar": return "ara"
        case "zh": return "zho"
        case "de": return "deu"
        case "nl": return "nld"
        case "kk": return "kaz"
        default:
            let slugged = segment(code)
            return slugged.count == 3 ? slugged : "und"
        }
    }

    /// A URI path segment: ASCII letters, digits, `-`, `_` and `.` kept, runs of anything else
    /// folded to one `-`, non-ASCII percent-encoded so names in Cyrillic stay distinct.
    /// Empty input gives an empty segment.
    static func segment(_ text: String, lowercase: Bool = false) -> String {
        var text = text
        return text.withUTF8 { input in
            // Written straight into the string's storage: at most three bytes per input byte.
            String(unsafeUninitializedCapacity: input.count * 3) { out in
                writeSegment(input, lowercase: lowercase, into: out)
            }
        }
    }

    /// The bytes of `segment(_:lowercase:)` for UTF-8 `input`, written to `out` (room for three
    /// bytes per input byte); returns how many were written. The XML writer calls it too, to
    /// build TLC hrefs in its scratch buffer without a `String`.
    static func writeSegment(_ input: UnsafeBufferPointer<UInt8>, lowercase: Bool,
                             into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var pendingDash = false
        for var byte in input {
            let isAlnum = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            guard isAlnum || byte == 0x5F || byte == 0x2E || byte >= 0x80 else {
                pendingDash = true
                continue
            }
            if pendingDash, count > 0 { out[count] = 0x2D; count += 1 }
            pendingDash = false
            if lowercase, byte >= 0x41, byte <= 0x5A { byte += 0x20 }
            if byte >= 0x80 {
                out[count] = 0x25
                out[count + 1] = hex(byte >> 4)
                out[count + 2] = hex(byte & 0x0F)
                count += 3
            } else {
                out[count] = byte
                count += 1
            }
        }
        return count
    }

    /// An eId component: `noWhiteSpace` and URI-safe (letters, digits, `_`, `-`, `.`), with no
    /// `__` (the separator of eId paths).
    static func eIdComponent(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            let isAlnum = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            let kept = isAlnum || byte == 0x2D || byte == 0x2E ? byte : 0x5F
            if kept == 0x5F, out.last == 0x5F { continue }
            out.append(kept)
        }
        return out.isEmpty ? "x" : String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10
    }

    /// The `doc/@name` and FRBR name of a part kind.
    static func docName(_ kind: PartKind) -> String {
        switch kind {
        case .noteVerbale: return "noteVerbale"
        case .letter: return "officialLetter"
        case .annex: return "annex"
        case .report: return "report"
        case .statement: return "statement"
        case .letterhead: return "communication"
        }
    }

    /// The `docTitle` written in the preface: what the document is, in its language.
    static func title(_ kind: PartKind, language: String) -> String {
        let french = language == "fr"
        let spanish = language == "es"
        let russian = language == "ru"
        switch kind {
        case .noteVerbale:
            return russian ? "Вербальная нота" : spanish ? "Nota verbal" : "Note verbale"
        case .letter:
            return russian ? "Письмо" : spanish ? "Carta" : french ? "Lettre" : "Letter"
        case .annex:
            return russian ? "Приложение" : spanish ? "Anexo" : french ? "Annexe" : "Annex"
        case .report:
            return russian ? "Доклад" : spanish ? "Informe" : french ? "Rapport" : "Report"
        case .statement:
            return russian ? "Заявление" : spanish ? "Declaración" : french ? "Déclaration" : "Statement"
        case .letterhead:
            return russian ? "Сообщение" : spanish ? "Comunicación" : french ? "Communication" : "Communication"
        }
    }
}
