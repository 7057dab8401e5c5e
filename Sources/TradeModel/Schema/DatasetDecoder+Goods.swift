/// Composition (goods by period and direction) and indicators (other measured series).
extension DatasetDecoder {
    func composition(_ f: FieldReader, _ path: FieldPath, asOf: DateValue?) -> Composition? {
        f.rejectUnknown(DatasetDecoder.compositionFields)
        let id = f.string(.id, required: true)
        let period = self.period(f, asOf: asOf, planned: false)
        let periodNote = f.string(.periodNote)
        let (from, to, directionOK) = direction(f, path)
        let flow = f.choice(.flow, Flow.self)
        if flow == .turnover {
            log.add(f.sub(.flow), f.member(.flow, required: false), "a composition's flow is the reporter's: \"exports\" or \"imports\" (leave it out for both directions)")
        }
        if flow != nil && from == nil && directionOK {
            log.add(f.sub(.flow), f.member(.flow, required: false), "a flow needs a direction: give from and to")
        }
        let source = f.reference(.source, .source, required: true)
        let kind = f.choice(.kind, FigureKind.self) ?? .stated
        let note = f.string(.note)
        var goods = [GoodsItem]()
        if let items = f.array(.goods, required: true) {
            var ranks = [Int: Int](), remainders = [String: Int](), shares = 0.0
            for (k, (node, p)) in items.enumerated() {
                guard let g = goodsItem(node, p) else { continue }
                // A derived figure says how it was derived: in its own note, or the list's for all of them.
                if (g.kind ?? kind) == .derived && g.note == nil && note == nil {
                    log.add(p.sub(.note), node, "missing: a derived figure says how it was derived (a note here, or on the list)")
                }
                // A list is one ranking: a rank given twice, two "rests" of the same scope, or shares of
                // the direction's total over 100 % cannot all be true.
                if let r = g.rank {
                    if let first = ranks[r] { log.add(p.sub(.rank), node, "rank \(r) is already given to goods[\(first)]") } else { ranks[r] = k }
                }
                if g.remainder {
                    let scope = g.hs ?? ""
                    if let first = remainders[scope] {
                        log.add(p.sub(.remainder), node, "a second remainder of \(scope.isEmpty ? "the list" : "chapter " + scope) (the first is goods[\(first)])")
                    } else { remainders[scope] = k }
                }
                if let sh = g.share, g.shareOf == nil {
                    shares += sh
                    if shares > 100.5 && shares - sh <= 100.5 {
                        log.add(p.sub(.share), node, "the shares of the direction's total in this list add up to over 100 % (\(JSONWriter.format((shares * 10).rounded() / 10)) % by here)")
                    }
                }
                goods.append(g)
            }
            if items.isEmpty { log.add(f.sub(.goods), f.member(.goods, required: false), "empty: name at least one good") }
        }
        guard let id, let period, directionOK, flow != .turnover, let source, !goods.isEmpty else { return nil }
        return Composition(id: id, period: period, periodNote: periodNote, from: from, to: to, flow: flow, source: source, kind: kind,
                           goods: goods, note: note)
    }

    private func goodsItem(_ node: Int, _ path: FieldPath) -> GoodsItem? {
        guard let f = FieldReader(node, path: path, log: log) else { return nil }
        f.rejectUnknown(DatasetDecoder.goodsFields)
        let name = f.string(.name, required: true)
        let hs = hsCode(f)
        let value = usd(f, .usd, required: false)
        let (quantity, unit, quantityOK) = amount(f, valueKey: .quantity, required: false)
        let share = f.number(.share, range: 0...100, rangeMessage: "a share is a percentage between 0 and 100")
        let base = f.member(.shareOf, required: false).flatMap { shareBase($0, f.sub(.shareOf)) }
        if f.member(.shareOf, required: false) != nil && f.member(.share, required: false) == nil {
            log.add(f.sub(.shareOf), f.member(.shareOf, required: false), "shareOf says what a share is of, but no share is given")
        }
        let rank = f.int(.rank, range: 1...100_000, what: "rank")
        let growth = f.number(.growth, range: -1...10, rangeMessage: "growth is a fraction between -1 and 10 (0.19 means +19 %)")
        let qualifier = f.choice(.qualifier, Qualifier.self) ?? .exact
        if qualifier != .exact && value == nil && quantity == nil && share == nil && f.member(.usd, required: false) == nil
            && f.member(.quantity, required: false) == nil && f.member(.share, required: false) == nil {
            log.add(f.sub(.qualifier), f.member(.qualifier, required: false), "the qualifier applies to usd, quantity or share, and none is given")
        }
        let kind = f.choice(.kind, FigureKind.self)
        let includes = f.strings(.includes) ?? []
        let remainder = f.bool(.remainder) ?? false
        if remainder && rank != nil {
            log.add(f.sub(.rank), f.member(.rank, required: false), "a remainder (\"the rest\") has no rank")
        }
        if let hs, remainder, hs.utf8.count != 2 {
            log.add(f.sub(.hs), f.member(.hs, required: false), "a remainder's hs names the chapter it is the rest of: two digits, not \"\(hs)\"")
        }
        let note = f.string(.note)
        guard let name, quantityOK, !(remainder && rank != nil) else { return nil }
        return GoodsItem(name: name, hs: hs, usd: value, quantity: quantity, unit: unit, share: share, shareOf: base, rank: rank,
                         growth: growth, qualifier: qualifier, kind: kind, includes: includes, remainder: remainder, note: note)
    }

    /// An HS code of 2, 4 or 6 digits whose chapter exists.
    private func hsCode(_ f: FieldReader) -> String? {
        guard let code = f.string(.hs) else { return nil }
        let digits = Array(code.utf8)
        let n = f.member(.hs, required: false)
        guard [2, 4, 6].contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            log.add(f.sub(.hs), n, "\"\(code)\" is not an HS code: 2 digits (chapter), 4 (heading) or 6 (subheading), as \"10\", \"1001\", \"100199\"")
            return nil
        }
        let chapter = Int(digits[0] - 0x30) * 10 + Int(digits[1] - 0x30)
        guard HSSection.ofChapter(chapter) != nil else {
            log.add(f.sub(.hs), n, "\"\(code)\": chapter \(digits.count == 2 ? code : String(code.prefix(2))) is not an HS chapter (01–97, 77 reserved)")
            return nil
        }
        return code
    }

    /// A figure with its unit: `valueKey` and `unit`, both or neither. The flag is false when the pair is
    /// broken (then the entry is dropped).
    private func amount(_ f: FieldReader, valueKey: Field, required: Bool) -> (Double?, MeasureUnit?, Bool) {
        let number = f.number(valueKey, required: required)
        let n = f.member(valueKey, required: false)
        var ok = true
        var value = number
        if let v = number, v < 0 { log.add(f.sub(valueKey), n, "must not be negative (\(JSONWriter.format(v)))"); value = nil; ok = false }
        if let v = number, v > 1e15 { log.add(f.sub(valueKey), n, "\(JSONWriter.format(v)) is implausibly large"); value = nil; ok = false }
        let unit = unit(f)
        let unitNode = f.member(.unit, required: false)
        if n != nil && unitNode == nil {
            log.add(f.sub(.unit), f.node, "missing: a \(valueKey.name) needs its unit (one of \(MeasureUnit.allRawValues.joined(separator: ", ")))")
            ok = false
        }
        if n == nil && unitNode != nil {
            log.add(f.sub(.unit), unitNode, "a unit without a \(valueKey.name)")
            ok = false
        }
        if unitNode != nil && unit == nil { ok = false }
        if n != nil && number == nil { ok = false }
        return (value, unit, ok)
    }

    private func unit(_ f: FieldReader) -> MeasureUnit? { f.choice(.unit, MeasureUnit.self) }

    private func shareBase(_ node: Int, _ path: FieldPath) -> ShareBase? {
        guard let f = FieldReader(node, path: path, log: log) else { return nil }
        f.rejectUnknown(DatasetDecoder.shareBaseFields)
        let what = f.string(.what, required: true)
        let value = usd(f, .usd, required: false)
        let (quantity, unit, ok) = amount(f, valueKey: .quantity, required: false)
        guard let what, ok else { return nil }
        return ShareBase(what: what, usd: value, quantity: quantity, unit: unit)
    }

    /// `from` and `to`: both (different countries) or neither. The flag is false when they are broken.
    private func direction(_ f: FieldReader, _ path: FieldPath) -> (String?, String?, Bool) {
        let fromNode = f.member(.from, required: false), toNode = f.member(.to, required: false)
        let from = f.reference(.from, .country)
        let to = f.reference(.to, .country)
        if (fromNode == nil) != (toNode == nil) {
            log.add(f.sub(fromNode == nil ? .from : .to), f.node, "missing: give both from and to, or neither for both directions together")
            return (nil, nil, false)
        }
        if let from, let to, from == to {
            log.add(f.sub(.to), toNode, "from and to are the same country \"\(to)\"")
            return (nil, nil, false)
        }
        if fromNode != nil && (from == nil || to == nil) { return (nil, nil, false) }
        return (from, to, true)
    }

    /// `year` and `months`; a measured period must be over by the as-of date, a planned one need not be.
    private func period(_ f: FieldReader, asOf: DateValue?, planned: Bool) -> Period? {
        let year = f.int(.year, required: true, range: DatasetLoader.plausibleYears, what: "year")
        let months = monthRange(f)
        guard let year, months != .invalid else { return nil }
        var range: ClosedRange<Int>? = nil
        if case .partial(let r) = months { range = r }
        let period = Period(year: year, months: range)
        if !planned && !periodEnded(f, period, asOf: asOf) { return nil }
        return period
    }

    func indicator(_ f: FieldReader, _ path: FieldPath, asOf: DateValue?) -> Indicator? {
        f.rejectUnknown(DatasetDecoder.indicatorFields)
        let id = f.string(.id, required: true)
        let title = f.string(.title, required: true)
        let label = f.string(.label)
        let unitNode = f.member(.unit, required: true)
        let unit = unitNode == nil ? nil : unit(f)
        let related = f.references(.related, .item) ?? []
        let note = f.string(.note)
        let values = f.array(.values, required: true)?.compactMap { indicatorValue($0.node, $0.path, asOf: asOf, explained: note != nil) } ?? []
        guard let id, let title, let unit else { return nil }
        return Indicator(id: id, title: title, label: label, unit: unit, related: related, values: values, note: note)
    }

    /// `explained`: the indicator's note says how its derived values were derived.
    private func indicatorValue(_ node: Int, _ path: FieldPath, asOf: DateValue?, explained: Bool) -> IndicatorValue? {
        guard let f = FieldReader(node, path: path, log: log) else { return nil }
        f.rejectUnknown(DatasetDecoder.indicatorValueFields)
        let planned = f.bool(.planned) ?? false
        let period = self.period(f, asOf: asOf, planned: planned)
        let (from, to, directionOK) = direction(f, path)
        var value = f.number(.value, required: true)
        if let v = value, v < 0 { log.add(f.sub(.value), f.member(.value, required: false), "must not be negative (\(JSONWriter.format(v)))"); value = nil }
        if let v = value, v > 1e15 { log.add(f.sub(.value), f.member(.value, required: false), "\(JSONWriter.format(v)) is implausibly large"); value = nil }
        var upper = f.number(.max)
        if let u = upper, let v = value, u < v {
            log.add(f.sub(.max), f.member(.max, required: false), "the upper end of the range (\(JSONWriter.format(u))) is below its value (\(JSONWriter.format(v)))")
            upper = nil
        }
        let growth = f.number(.growth, range: -1...10, rangeMessage: "growth is a fraction between -1 and 10 (0.2 means +20 %)")
        let qualifier = f.choice(.qualifier, Qualifier.self) ?? .exact
        if upper != nil, qualifier == .under || qualifier == .upTo || qualifier == .over {
            log.add(f.sub(.qualifier), f.member(.qualifier, required: false), "a range (value and max) cannot also be \"\(qualifier.rawValue)\": use \"exact\" or \"about\"")
        }
        let kind = f.choice(.kind, FigureKind.self) ?? .stated
        let source = f.reference(.source, .source, required: true)
        let note = f.string(.note)
        if kind == .derived && note == nil && !explained {
            log.add(f.sub(.note), f.node, "missing: a derived value says how it was derived (a note here, or on the indicator)")
        }
        guard let period, directionOK, let value, let source else { return nil }
        return IndicatorValue(period: period, from: from, to: to, value: value, max: upper, growth: growth, qualifier: qualifier,
                              kind: kind, planned: planned, source: source, note: note)
    }

    static let compositionFields = FieldSet([.id, .year, .months, .periodNote, .from, .to, .flow, .source, .kind, .goods, .note])
    static let goodsFields = FieldSet([.name, .hs, .usd, .quantity, .unit, .share, .shareOf, .rank, .growth, .qualifier, .kind, .includes,
                                       .remainder, .note])
    static let shareBaseFields = FieldSet([.what, .usd, .quantity, .unit])
    static let indicatorFields = FieldSet([.id, .title, .label, .unit, .related, .values, .note])
    static let indicatorValueFields = FieldSet([.year, .months, .from, .to, .value, .max, .growth, .qualifier, .kind, .planned, .source, .note])
}
