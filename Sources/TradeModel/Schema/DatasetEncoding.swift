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
        if let l = s.language { m.append(JSONMember("language", JSONNode(.string(l)))) }
        if let b = s.basis { m.append(JSONMember("basis", JSONNode(.string(b.rawValue)))) }
        if let c = s.basisCountry { m.append(JSONMember("basisCountry", JSONNode(.string(c)))) }
        if s.weak { m.append(JSONMember("weak", JSONNode(.bool(true)))) }
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
        if o.growthQualifier != .exact { m.append(JSONMember("growthQualifier", JSONNode(.string(o.growthQualifier.rawValue)))) }
        if o.qualifier != .exact { m.append(JSONMember("qualifier", JSONNode(.string(o.qualifier.rawValue)))) }
        m.append(JSONMember("kind", JSONNode(.string(o.kind.rawValue))))
        m.append(JSONMember("source", JSONNode(.string(o.source))))
        if let h = o.hsSection { m.append(JSONMember("hsSection", JSONNode(.number(Double(h), text: String(h))))) }
        if let v = o.valuation { m.append(JSONMember("valuation", JSONNode(.string(v)))) }
        if let n = o.note { m.append(JSONMember("note", JSONNode(.string(n)))) }
        return JSONNode(.object(m))
    }

    /// An entry of `targets`, with its statements.
    public static func node(_ t: Target) -> JSONNode {
        var m = [JSONMember("id", JSONNode(.string(t.id))), JSONMember("title", JSONNode(.string(t.title)))]
        if t.metric != .turnover { m.append(JSONMember("metric", JSONNode(.string(t.metric.rawValue)))) }
        m.append(JSONMember("usd", JSONNode(.number(t.usd, text: amountText(t.usd)))))
        if let d = t.set { m.append(JSONMember("set", JSONNode(.string(d.iso)))) }
        if let y = t.deadline { m.append(JSONMember("deadline", year(y))) }
        if let k = t.deadlineKind { m.append(JSONMember("deadlineKind", JSONNode(.string(k.rawValue)))) }
        if let n = t.deadlineNote { m.append(JSONMember("deadlineNote", JSONNode(.string(n)))) }
        m.append(JSONMember("sources", strings(t.sources)))
        if let n = t.note { m.append(JSONMember("note", JSONNode(.string(n)))) }
        if !t.statements.isEmpty { m.append(JSONMember("statements", JSONNode(.array(t.statements.map(node))))) }
        return JSONNode(.object(m))
    }

    /// An entry of a target's `statements` (`quoted` only when false, its default being true).
    public static func node(_ st: TargetStatement) -> JSONNode {
        var m = [JSONMember("date", JSONNode(.string(st.date.iso)))]
        if let e = st.endDate { m.append(JSONMember("endDate", JSONNode(.string(e.iso)))) }
        m.append(JSONMember("wording", JSONNode(.string(st.wording))))
        if !st.quoted { m.append(JSONMember("quoted", JSONNode(.bool(false)))) }
        if let o = st.occasion { m.append(JSONMember("occasion", JSONNode(.string(o)))) }
        if let b = st.by { m.append(JSONMember("by", JSONNode(.string(b)))) }
        m.append(JSONMember("sources", strings(st.sources)))
        if let y = st.deadline { m.append(JSONMember("deadline", year(y))) }
        if let k = st.deadlineKind { m.append(JSONMember("deadlineKind", JSONNode(.string(k.rawValue)))) }
        if let n = st.note { m.append(JSONMember("note", JSONNode(.string(n)))) }
        return JSONNode(.object(m))
    }

    static func year(_ y: Int) -> JSONNode { JSONNode(.number(Double(y), text: String(y))) }
    static func strings(_ a: [String]) -> JSONNode { JSONNode(.array(a.map { JSONNode(.string($0)) })) }

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
