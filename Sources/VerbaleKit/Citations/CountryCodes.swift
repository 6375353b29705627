/// ISO 3166-1 alpha-3 country codes: the complete list of the 249 officially assigned codes
/// (ISO 3166 Maintenance Agency), used to check the country of a Special Procedures
/// communication reference (`AL KAZ 4/2019`). Data, not code: update it when ISO assigns or
/// withdraws a code.
enum CiteCountryCodes {
    /// Every assigned alpha-3 code, sorted.
    static let all: [String] = [
        "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF", "ATG", "AUS", "AUT",
        "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL",
        "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF", "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG",
        "COK", "COL", "COM", "CPV", "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM",
        "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR",
        "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY",
        "HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA",
        "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY",
        "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL",
        "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM",
        "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER",
        "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU",
        "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR",
        "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TLS", "TON",
        "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB",
        "VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "ZAF", "ZMB", "ZWE",
    ]

    /// Withdrawn or user-assigned codes still met in older references: `SCG` Serbia and
    /// Montenegro, `ANT` Netherlands Antilles, `XKX` Kosovo.
    static let former: [String] = ["SCG", "ANT", "XKX"]

    /// The codes as a set, plus `OTH`, which OHCHR uses for communications sent to non-State
    /// addressees (companies, international organisations), plus the former codes.
    static let accepted: Set<String> = Set(all + former + ["OTH"])

    /// `accepted` by letters: one flag per code of three capitals `A`–`Z`, index
    /// `(c0 * 26 + c1) * 26 + c2` of the letters' offsets from `A`. A process-lifetime table.
    static let acceptedTable: CiteTable<Bool> = {
        var table = [Bool](repeating: false, count: 26 * 26 * 26)
        for code in accepted {
            let c = Array(code.utf8)
            table[(Int(c[0] - 0x41) * 26 + Int(c[1] - 0x41)) * 26 + Int(c[2] - 0x41)] = true
        }
        return CiteTable(table)
    }()

    /// Whether the three bytes, each `A`–`Z`, are an accepted code: `accepted.contains` without
    /// making a string and hashing it.
    @inline(__always)
    static func isAccepted(_ c0: UInt8, _ c1: UInt8, _ c2: UInt8) -> Bool {
        acceptedTable[(Int(c0 &- 0x41) * 26 + Int(c1 &- 0x41)) * 26 + Int(c2 &- 0x41)]
    }
}
