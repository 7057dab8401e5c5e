/// Writes entries of a dataset in the dataset format (docs/data-format.md), as JSON nodes that
/// `DatasetDecoder` reads back to equal values: members in the documented order, optional members
/// only when set, defaults (qualifier exact) left out, amounts as plain decimals.
///
/// The nodes carry no line numbers; `JSONWriter` lays them out like the rest of the file.
public enum DatasetEncoding {
    /// An entry of `sources`.
    public static func node(_ s: Source) -> JSONNode {
        var m = [JSONMember("id", JSONNode(.string(s.id))), JSONMember("publisher", JSONNode(.string(s.publisher)))]
        if let t = s.title { m.append(JSONMember("title", JSONNode(.string(t)))) }
        if let u = s.url { m.append(JSONMember("url", JSONNode(.string(u)))) }
        if let d = s.date { m.append(JSONMember("date", JSONNode(.string(d.iso)))) }
        if let n = s.note { m.append(JSONMember("note", JSONNode(.string(n)))) }
        return JSONNode(.object(m))
    }

    /// An entry of `trade`.
    public static func node(_ o: TradeObservation) -> JSONNode {
        var m = [JSONMember("year", JSONNode(.number(Double(o.period.year), text: String(o.period.year))))]
        if let r = o.period.months {
            m.append(JSONMember("months", JSONNode(.array([JSONNode(.number(Double(r.lowerBound))), JSONNode(.number(Double(r.upperBound)))]))))
        }
        m.append(JSONMember("flow", JSONNode(.string(o.flow.rawValue))))
        if let f = o.from { m.append(JSONMember("from", JSONNode(.string(f)))) }
        if let t = o.to { m.append(JSONMember("to", JSONNode(.string(t)))) }
        if let u = o.usd { m.append(JSONMember("usd", JSONNode(.number(u, text: amountText(u))))) }
        if let g = o.growth { m.append(JSONMember("growth", JSONNode(.number(g)))) }
        if o.qualifier != .exact { m.append(JSONMember("qualifier", JSONNode(.string(o.qualifier.rawValue)))) }
        m.append(JSONMember("kind", JSONNode(.string(o.kind.rawValue))))
        m.append(JSONMember("source", JSONNode(.string(o.source))))
        if let h = o.hsSection { m.append(JSONMember("hsSection", JSONNode(.number(Double(h), text: String(h))))) }
        if let v = o.valuation { m.append(JSONMember("valuation", JSONNode(.string(v)))) }
        if let n = o.note { m.append(JSONMember("note", JSONNode(.string(n)))) }
        return JSONNode(.object(m))
    }

    /// Plain decimal text for a value in USD with at most three decimals (never an exponent); other
    /// values as `JSONWriter` formats numbers.
    public static func amountText(_ v: Double) -> String {
        let milli = (v * 1000).rounded()
        if abs(milli) < 9e15 {
            let text = Money.decimalText(milli: Int64(milli))
            if Double(text) == v { return text }
        }
        return JSONWriter.format(v)
    }
}
