import TradeModel

/// Where the columns the import needs stand in a UN Comtrade CSV export, found by header name in any
/// order. -1 marks a column the file does not have.
struct ComtradeColumns {
    var count = 0
    var refYear = -1, refMonth = -1, freqCode = -1, period = -1, typeCode = -1
    var reporterCode = -1, reporterISO = -1, partnerCode = -1, partnerISO = -1, partner2Code = -1
    var flowCode = -1, classificationCode = -1, cmdCode = -1, aggrLevel = -1, isLeaf = -1
    var customsCode = -1, motCode = -1, mosCode = -1, primaryValue = -1, netWgt = -1, cmdDesc = -1

    /// The header names this reads, and the property each fills.
    nonisolated(unsafe) private static let names: [(String, WritableKeyPath<ComtradeColumns, Int>)] = [
        ("refYear", \.refYear), ("refMonth", \.refMonth), ("freqCode", \.freqCode), ("period", \.period),
        ("typeCode", \.typeCode), ("reporterCode", \.reporterCode), ("reporterISO", \.reporterISO),
        ("partnerCode", \.partnerCode), ("partnerISO", \.partnerISO), ("partner2Code", \.partner2Code),
        ("flowCode", \.flowCode), ("classificationCode", \.classificationCode), ("cmdCode", \.cmdCode),
        ("aggrLevel", \.aggrLevel), ("isLeaf", \.isLeaf), ("customsCode", \.customsCode), ("motCode", \.motCode),
        ("mosCode", \.mosCode), ("primaryValue", \.primaryValue), ("netWgt", \.netWgt), ("cmdDesc", \.cmdDesc),
    ]

    /// Maps a header row. Names are compared without regard to case or surrounding spaces. Throws the
    /// list of what is missing when a required column is absent.
    static func map(header: [String], file: String, line: Int) throws(ImportFailure) -> ComtradeColumns {
        var c = ComtradeColumns()
        c.count = header.count
        var seen = [String: Int]()
        let wanted = Dictionary(uniqueKeysWithValues: names.map { ($0.0.lowercased(), $0.1) })
        var problems = [String]()
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingSpaces.lowercased()
            guard let key = wanted[name] else { continue }
            if let first = seen[name] {
                problems.append("column \"\(TerminalSafe.excerpt(raw.trimmingSpaces))\" appears twice (columns \(first + 1) and \(i + 1))")
                continue
            }
            seen[name] = i
            c[keyPath: key] = i
        }
        var missing = [String]()
        if c.refYear < 0 && c.period < 0 { missing.append("refYear (or period)") }
        if c.refMonth < 0 && c.freqCode < 0 && c.period < 0 { missing.append("refMonth (or freqCode, or period) to tell annual from monthly rows") }
        if c.reporterCode < 0 && c.reporterISO < 0 { missing.append("reporterCode (or reporterISO)") }
        if c.partnerCode < 0 && c.partnerISO < 0 { missing.append("partnerCode (or partnerISO)") }
        if c.flowCode < 0 { missing.append("flowCode") }
        if c.primaryValue < 0 { missing.append("primaryValue") }
        if !missing.isEmpty {
            var message = "missing required column" + (missing.count > 1 ? "s " : " ") + missing.joined(separator: ", ")
            let lower = Set(header.map { $0.trimmingSpaces.lowercased() })
            if lower.contains("trade value (us$)") || lower.contains("trade flow code") {
                message += " (this looks like a file of the legacy Comtrade site; export it from Comtrade Plus, whose columns are named refYear, reporterCode, flowCode, primaryValue…)"
            } else if header.count == 1 && (header[0].contains(";") || header[0].contains("\t")) {
                message += " (the header has no commas: the file seems separated by semicolons or tabs; save it as comma-separated CSV)"
            } else {
                message += "; the header has \(header.count) column\(header.count == 1 ? "" : "s"): "
                    + header.prefix(12).map { "\"\(TerminalSafe.excerpt($0))\"" }.joined(separator: ", ") + (header.count > 12 ? ", …" : "")
            }
            problems.append(message)
        }
        if !problems.isEmpty {
            throw ImportFailure(problems.map { ImportDiagnostic(.error, file: file, line: line, $0) })
        }
        return c
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
