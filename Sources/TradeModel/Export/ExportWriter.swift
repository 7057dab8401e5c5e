/// The three ways of writing an `ExportTable`.
///
/// - CSV: RFC 4180, UTF-8 (no byte order mark), a header row, every line ended by CRLF; a field is quoted
///   when it holds a comma, a double quote, a CR or an LF, and its quotes are doubled.
/// - JSON: an array of objects, one per row, keys in the header's order; numeric columns as JSON
///   numbers (null when empty), every other column as a string (null when empty).
/// - Markdown: a table with a header row; `|` is written `\|`, `\` is written `\\`, and a line
///   break inside a cell `<br>`.
public enum ExportWriter {
    public static func write(_ table: ExportTable, as format: ExportFormat) -> String {
        switch format {
        case .csv: return csv(table)
        case .json: return json(table)
        case .markdown: return markdown(table)
        }
    }

    public static func csv(_ table: ExportTable) -> String {
        var out = ""
        for row in [table.header] + table.rows {
            out += row.map(csvField).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return s }
        var out = "\""
        for u in s.unicodeScalars {
            if u == "\"" { out += "\"\"" } else { out.unicodeScalars.append(u) }
        }
        return out + "\""
    }

    public static func json(_ table: ExportTable) -> String {
        if table.rows.isEmpty { return "[]\n" }
        var out = "[\n"
        for (r, row) in table.rows.enumerated() {
            out += "  {"
            for (i, name) in table.header.enumerated() {
                let cell = i < row.count ? row[i] : ""
                out += (i == 0 ? "" : ", ") + JSONWriter.quote(name) + ": "
                if cell.isEmpty {
                    out += "null"
                } else if table.numericColumns.contains(name) || (table.booleanColumns.contains(name) && (cell == "true" || cell == "false")) {
                    out += cell
                } else {
                    out += JSONWriter.quote(cell)
                }
            }
            out += r == table.rows.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    public static func markdown(_ table: ExportTable) -> String {
        var out = "| " + table.header.map(markdownCell).joined(separator: " | ") + " |\n"
        out += "|" + table.header.map { _ in " --- |" }.joined() + "\n"
        for row in table.rows {
            out += "| " + row.map(markdownCell).joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func markdownCell(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in s.unicodeScalars {
            switch u {
            case "|": out.append(contentsOf: "\\|".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\r": out.append(contentsOf: "<br>".unicodeScalars)
            case "\n": if !previousCR { out.append(contentsOf: "<br>".unicodeScalars) }
            default: out.append(u)
            }
            previousCR = u == "\r"
        }
        return String(out)
    }
}
