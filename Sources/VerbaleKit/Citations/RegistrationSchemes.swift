/// One check-digit rule of a registration scheme, expressed as data.
enum CiteCheckRule: Sendable {
    /// Weighted sum of the digits before `digit` modulo 11. When the remainder is 10, the next
    /// weight list is tried; when every list gives 10 the number is invalid. (Kazakhstan BIN/IIN.)
    case mod11Passes(weights: [[Int]], digit: Int)
    /// Weighted sum modulo 11, then modulo 10, must equal the digit at `digit`. (Russian INN.)
    case mod11Mod10(weights: [Int], digit: Int)
    /// The number formed by the first `digit` digits, modulo `modulus`, then modulo 10, must
    /// equal the digit at `digit`. (Russian OGRN, OGRNIP.)
    case prefixModulo(modulus: Int, digit: Int)
}

/// What the leading digits of a number encode.
enum CiteDateEncoding: Sendable {
    /// Nothing useful.
    case none
    /// Digits 1–4 are the registration year and month (`YYMM`); YY 50–99 is 1950–1999 and
    /// 00–49 is 2000–2049 (`CiteRegistrationSchemes.registrationYear`).
    case yymmRegistration
    /// Digits 1–6 are the birth date `YYMMDD`, digit 7 gives century and sex (1–2: 1800s,
    /// 3–4: 1900s, 5–6: 2000s). Only year and month are reported.
    case yymmddCenturyDigit
}

/// A registration-number scheme: how it is labelled in text, its lengths and its check rules.
struct CiteRegistrationScheme: Sendable {
    /// Scheme id written into `Citation.scheme`.
    let scheme: String
    /// Labels that introduce the number, as written (matched upper case only: `INN`, not `inn`).
    let labels: [String]
    /// Allowed lengths, each with the check rules that apply to that length.
    let lengths: [Int: [CiteCheckRule]]
    /// What the leading digits encode.
    let dateEncoding: CiteDateEncoding
}

/// The registration schemes the scanner knows. Data, not code: a new scheme is a new row, as
/// long as its checks are weighted sums or prefix remainders.
enum CiteRegistrationSchemes {
    /// Kazakhstan weights: first pass 1…11, second pass 3…11, 1, 2.
    static let kzWeights: [[Int]] = [Array(1...11), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]]

    /// Every scheme.
    static let all: [CiteRegistrationScheme] = [
        CiteRegistrationScheme(
            scheme: "KZ-BIN", labels: ["BIN", "БИН"],
            lengths: [12: [.mod11Passes(weights: kzWeights, digit: 11)]],
            dateEncoding: .yymmRegistration),
        CiteRegistrationScheme(
            scheme: "KZ-IIN", labels: ["IIN", "ИИН"],
            lengths: [12: [.mod11Passes(weights: kzWeights, digit: 11)]],
            dateEncoding: .yymmddCenturyDigit),
        CiteRegistrationScheme(
            scheme: "RU-INN", labels: ["INN", "ИНН"],
            lengths: [
                10: [.mod11Mod10(weights: [2, 4, 10, 3, 5, 9, 4, 6, 8], digit: 9)],
                12: [.mod11Mod10(weights: [7, 2, 4, 10, 3, 5, 9, 4, 6, 8], digit: 10),
                     .mod11Mod10(weights: [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], digit: 11)],
            ],
            dateEncoding: .none),
        CiteRegistrationScheme(
            scheme: "RU-OGRN", labels: ["OGRN", "ОГРН"],
            lengths: [13: [.prefixModulo(modulus: 11, digit: 12)]],
            dateEncoding: .none),
        CiteRegistrationScheme(
            scheme: "RU-OGRNIP", labels: ["OGRNIP", "ОГРНИП"],
            lengths: [15: [.prefixModulo(modulus: 13, digit: 14)]],
            dateEncoding: .none),
    ]

    /// Whether `digits` pass every rule.
    static func check(_ digits: [Int], _ rules: [CiteCheckRule]) -> Bool {
        for rule in rules {
            switch rule {
            case .mod11Passes(let passes, let digit):
                var result: Int? = nil
                for weights in passes {
                    var sum = 0
                    for k in 0..<digit { sum += digits[k] * weights[k] }
                    let r = sum % 11
                    if r != 10 { result = r; break }
                }
                guard let r = result, r == digits[digit] else { return false }
            case .mod11Mod10(let weights, let digit):
                var sum = 0
                for k in 0..<digit { sum += digits[k] * weights[k] }
                if sum % 11 % 10 != digits[digit] { return false }
            case .prefixModulo(let modulus, let digit):
                // Horner's rule keeps the remainder small: no overflow for long numbers.
                var r = 0
                for k in 0..<digit { r = (r * 10 + digits[k]) % modulus }
                if r % 10 != digits[digit] { return false }
            }
        }
        return true
    }

    /// The four-digit year of a registration number's two-digit year `yy`: 1950–1999 for 50–99,
    /// 2000–2049 for 00–49.
    ///
    /// A fixed window, not one that slides with the clock: the same input must give the same
    /// output bytes whatever year it is converted in (with the clock, `27…` read 1927 in 2026
    /// and 2027 a year later). Kazakh BINs date from 1991 at the earliest, so the window holds
    /// every real one until 2049, and the validation's own reading uses the same function.
    static func registrationYear(_ yy: Int) -> Int {
        yy >= 50 ? 1900 + yy : 2000 + yy
    }

    /// The year-month encoded in `digits`, as `yyyy-mm`, or nil when the month is impossible.
    static func encodedDate(_ digits: [Int], _ encoding: CiteDateEncoding) -> String? {
        guard digits.count >= 7 else { return nil }
        let yy = digits[0] * 10 + digits[1]
        let mm = digits[2] * 10 + digits[3]
        guard (1...12).contains(mm) else { return nil }
        let year: Int
        switch encoding {
        case .none: return nil
        case .yymmRegistration:
            year = registrationYear(yy)
        case .yymmddCenturyDigit:
            switch digits[6] {
            case 1, 2: year = 1800 + yy
            case 3, 4: year = 1900 + yy
            case 5, 6: year = 2000 + yy
            default: return nil
            }
        }
        return "\(year)-\(mm < 10 ? "0" : "")\(mm)"
    }
}
