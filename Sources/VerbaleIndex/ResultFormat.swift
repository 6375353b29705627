/// How query results are printed.
public enum ResultFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal, `path:line` first, long text cut.
    case table
    /// A JSON array of objects, one per row, every column (integers as numbers).
    case json
    /// Tab-separated values with a header line, every column; tabs and newlines in values
    /// become spaces so each row stays on one line.
    case tsv
}

extension QueryResult {
    /// The rows in `format`, ending with a newline (empty for a table with no rows).
    public func rendered(_ format: ResultFormat, width: Int = 72) -> String {
        switch format {
        case .table: return table(width: width)
        case .json: return json()
        case .tsv: return tsv()
        }
    }

    private func table(width: Int) -> String {
        guard !rows.isEmpty else { return "" }
        // `path:line` in one cell, as compilers print locations (terminals make them links).
        let header = ["LOCATION"] + columns.dropFirst(2).map { $0.uppercased() }
        var cells: [[String]] = [header]
        for row in rows {
            var line = [row[0].displayText + ":" + row[1].displayText]
            for value in row.dropFirst(2) { line.append(Self.cell(value.displayText, width: width)) }
            cells.append(line)
        }
        var widths = [Int](repeating: 0, count: header.count)
        for line in cells { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
        var out = ""
        for line in cells {
            var text = ""
            for (index, cell) in line.enumerated() {
                if index == line.count - 1 { text += cell } else { text += cell + String(repeating: " ", count: widths[index] - cell.count + 2) }
            }
            while text.hasSuffix(" ") { text.removeLast() }
            out += text + "\n"
        }
        return out
    }

    /// One line, at most `width` characters.
    private static func cell(_ text: String, width: Int) -> String {
        let flat = String(text.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : $0 })
        return flat.count > width ? String(flat.prefix(width - 1)) + "…" : flat
    }

    private func tsv() -> String {
        var out = columns.joined(separator: "\t") + "\n"
        for row in rows {
            out += row.map { String($0.displayText.map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : $0 }) }
                .joined(separator: "\t") + "\n"
        }
        return out
    }

    private func json() -> String {
        var out = "["
        for (number, row) in rows.enumerated() {
            out += number == 0 ? "\n  {" : ",\n  {"
            for (index, value) in row.enumerated() {
                if index > 0 { out += ", " }
                out += Self.quoted(columns[index]) + ": "
                switch value {
                case .null: out += "null"
                case .integer(let number): out += String(number)
                case .real(let number): out += String(number)
                case .text(let text): out += Self.quoted(text)
                }
            }
            out += "}"
        }
        out += rows.isEmpty ? "]\n" : "\n]\n"
        return out
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
