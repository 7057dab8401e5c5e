import TradeModel

/// One data row of a trade CSV made into a `TradeObservation`, with the same checks the dataset's
/// loader makes of a `trade` entry (so that a bad cell is reported at its line and column, not later
/// in the merged dataset): the period, the flow and its direction between the dataset's two
/// countries, the value or the growth, the qualifiers, the kind, the HS section, the valuation.
enum GenericCSVRow {
    typealias Column = GenericCSVColumns.Column

    /// The observation of the row, or nil with every problem found in `errors` (one message a cell).
    static func observation(_ cells: GenericCSVCells, countries: [String], source: String?,
                            errors: inout [String]) -> TradeObservation? {
        let before = errors.count
        func fail(_ c: Column, _ message: String) { errors.append("\(cells.name(c)): \(message)") }
        func missing(_ c: Column, _ what: String) { fail(c, "missing; expected \(what)") }

        var year: Int?
        switch cells.int(.year, DatasetLoader.plausibleYears, what: "a year") {
        case .value(let v): year = v
        case .problem(let m): fail(.year, m)
        case .empty: missing(.year, "a year such as 2024")
        }

        let months = period(cells, errors: &errors)

        var flow: Flow?
        switch cells.choice(.flow, Flow.self) {
        case .value(let v): flow = v
        case .problem(let m): fail(.flow, m)
        case .empty: missing(.flow, "\"turnover\", \"exports\" or \"imports\"")
        }
        let from = country(cells, .from, countries, errors: &errors)
        let to = country(cells, .to, countries, errors: &errors)
        if let flow {
            if flow == .turnover {
                if !cells.isBlank(.from) || !cells.isBlank(.to) {
                    fail(cells.isBlank(.from) ? .to : .from, "a turnover covers both directions: leave from and to empty")
                }
            } else {
                let pair = countries.map { "\"\($0)\"" }.joined(separator: " or ")
                if cells.isBlank(.from) { cells.columns.has(.from) ? missing(.from, "the exporting country (\(pair)): \(flow.rawValue) need from and to") : errors.append("from: no such column; \(flow.rawValue) need from and to") }
                if cells.isBlank(.to) { cells.columns.has(.to) ? missing(.to, "the importing country (\(pair)): \(flow.rawValue) need from and to") : errors.append("to: no such column; \(flow.rawValue) need from and to") }
                if let from, let to, from == to { fail(.to, "from and to are the same country \"\(to)\"") }
            }
        }

        var usd: Double?
        switch cells.decimal(.value) {
        case .value(let v):
            if v < 0 { fail(.value, "must not be negative (\(cells.excerpt(.value))); exports and imports are each given as a positive value") }
            else if v > DatasetLoader.maximumUSD { fail(.value, "\(cells.excerpt(.value)) USD is implausibly large (over 10 trillion)") }
            else { usd = v }
        case .problem(let m): fail(.value, m)
        case .empty: break
        }
        let unit = cells.trimmed(.unit)
        if unit.count == 0 {
            if !cells.isBlank(.value) { missing(.unit, "\"usd\" (the unit of value)") }
        } else if cells.isEscaped(.unit) || String(decoding: unit, as: UTF8.self).lowercased() != "usd" {
            fail(.unit, "unknown unit \"\(cells.excerpt(.unit))\"; trade values are in US dollars: expected \"usd\"")
        }

        var growth: Double?
        switch cells.decimal(.growth) {
        case .value(let v):
            if (-1...10).contains(v) { growth = v } else { fail(.growth, "\(cells.excerpt(.growth)) is out of range: growth is a fraction between -1 and 10 (0.28 means +28 %)") }
        case .problem(let m): fail(.growth, m)
        case .empty: break
        }
        if cells.isBlank(.value) && cells.isBlank(.growth) {
            errors.append("\(cells.name(.value)): empty, and no growth either; a row needs a value or a growth rate, or both")
        }
        let qualifier = qualifierCell(cells, .qualifier, errors: &errors)
        let growthQualifier = qualifierCell(cells, .growthQualifier, errors: &errors)
        if !cells.isBlank(.growthQualifier) && cells.isBlank(.growth) {
            fail(.growthQualifier, "says how exact the growth is, but no growth is given")
        }

        var kind: FigureKind?
        switch cells.choice(.kind, FigureKind.self) {
        case .value(let v): kind = v
        case .problem(let m): fail(.kind, m)
        case .empty: missing(.kind, "\"stated\" (by the source) or \"derived\" (by us)")
        }

        var hs: Int?
        switch cells.int(.hsSection, 1...21, what: "an HS section") {
        case .value(let v): hs = v
        case .problem(let m): fail(.hsSection, m)
        case .empty: break
        }
        var valuation: String?
        switch cells.choice(.valuation, Valuation.self) {
        case .value(let v): valuation = v.rawValue
        case .problem(let m): fail(.valuation, m)
        case .empty: break
        }
        let note = cells.text(.note)
        // A control character in a note would reach a terminal from `export` or another tool: refused
        // (line breaks and tabs are text).
        if let note, let bad = GenericCSVSources.controlCharacter(in: note, allowing: ["\n", "\t", "\r"]) {
            fail(.note, "holds the control character \(bad); remove it (only line breaks and tabs are allowed in a note)")
        }

        guard errors.count == before, let year, let flow, let kind, let source, case .some(let range) = months else { return nil }
        return TradeObservation(period: Period(year: year, months: range), flow: flow, from: flow == .turnover ? nil : from,
                                to: flow == .turnover ? nil : to, usd: usd, growth: growth, qualifier: qualifier ?? .exact,
                                kind: kind, source: source, hsSection: hs, valuation: valuation, note: note,
                                growthQualifier: growthQualifier ?? .exact)
    }

    /// The months of the row: `.some(nil)` for a full year (no month columns, both empty, or 1 and 12),
    /// `.some(first...last)` for part of a year, nil after an error.
    static func period(_ cells: GenericCSVCells, errors: inout [String]) -> ClosedRange<Int>?? {
        guard cells.columns.has(.monthFirst) else { return .some(nil) }
        var first: Int?, last: Int?
        var bad = false
        for (c, slot) in [(Column.monthFirst, 0), (.monthLast, 1)] {
            switch cells.int(c, 1...12, what: "a month") {
            case .value(let v): if slot == 0 { first = v } else { last = v }
            case .problem(let m): errors.append("\(cells.name(c)): \(m)"); bad = true
            case .empty: break
            }
        }
        if bad { return nil }
        switch (first, last) {
        case (nil, nil): return .some(nil)
        case (let a?, let b?):
            guard a <= b else {
                errors.append("\(cells.name(.monthLast)): months out of order: month_first \(a) is after month_last \(b)")
                return nil
            }
            return a == 1 && b == 12 ? .some(nil) : .some(a...b)
        case (nil, _):
            errors.append("\(cells.name(.monthFirst)): missing; month_last is given (a full year is 1 and 12, or both empty)")
            return nil
        case (_, nil):
            errors.append("\(cells.name(.monthLast)): missing; month_first is given (a full year is 1 and 12, or both empty)")
            return nil
        }
    }

    static func country(_ cells: GenericCSVCells, _ c: Column, _ countries: [String], errors: inout [String]) -> String? {
        guard let code = cells.trimmedText(c) else { return nil }
        if countries.contains(code) && !cells.isEscaped(c) { return code }
        let near = countries.first { $0 == code.uppercased() }.map { " (in capitals: \"\($0)\")" } ?? ""
        errors.append("\(cells.name(c)): \"\(cells.excerpt(c))\" is not a country of the dataset; expected "
            + countries.map { "\"\($0)\"" }.joined(separator: " or ") + near)
        return nil
    }

    static func qualifierCell(_ cells: GenericCSVCells, _ c: Column, errors: inout [String]) -> Qualifier? {
        switch cells.choice(c, Qualifier.self) {
        case .value(let v): return v
        case .problem(let m): errors.append("\(cells.name(c)): \(m)"); return nil
        case .empty: return nil
        }
    }
}
