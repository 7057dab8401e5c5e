/// Writing composition and indicator entries (docs/data-format.md), read back to equal values.
extension DatasetEncoding {
    /// An entry of `composition`.
    public static func node(_ c: Composition) -> JSONNode {
        var m = [JSONMember("id", JSONNode(.string(c.id)))]
        period(c.period, into: &m)
        if let p = c.periodNote { m.append(JSONMember("periodNote", JSONNode(.string(p)))) }
        if let f = c.from { m.append(JSONMember("from", JSONNode(.string(f)))) }
        if let t = c.to { m.append(JSONMember("to", JSONNode(.string(t)))) }
        if let f = c.flow { m.append(JSONMember("flow", JSONNode(.string(f.rawValue)))) }
        m.append(JSONMember("source", JSONNode(.string(c.source))))
        m.append(JSONMember("kind", JSONNode(.string(c.kind.rawValue))))
        m.append(JSONMember("goods", JSONNode(.array(c.goods.map(node)))))
        if let n = c.note { m.append(JSONMember("note", JSONNode(.string(n)))) }
        return JSONNode(.object(m))
    }

    /// An item of a composition's `goods`.
    public static func node(_ g: GoodsItem) -> JSONNode {
        var m = [JSONMember("name", JSONNode(.string(g.name)))]
        if let h = g.hs { m.append(JSONMember("hs", JSONNode(.string(h)))) }
        if let u = g.usd { m.append(JSONMember("usd", JSONNode(.number(u, text: amountText(u))))) }
        if let q = g.quantity { m.append(JSONMember("quantity", JSONNode(.number(q, text: amountText(q))))) }
        if let u = g.unit { m.append(JSONMember("unit", JSONNode(.string(u.rawValue)))) }
        if let s = g.share { m.append(JSONMember("share", JSONNode(.number(s)))) }
        if let b = g.shareOf {
            var bm = [JSONMember("what", JSONNode(.string(b.what)))]
            if let u = b.usd { bm.append(JSONMember("usd", JSONNode(.number(u, text: amountText(u))))) }
            if let q = b.quantity { bm.append(JSONMember("quantity", JSONNode(.number(q, text: amountText(q))))) }
            if let u = b.unit { bm.append(JSONMember("unit", JSONNode(.string(u.rawValue)))) }
            m.append(JSONMember("shareOf", JSONNode(.object(bm))))
        }
        if let r = g.rank { m.append(JSONMember("rank", year(r))) }
        if let gr = g.growth { m.append(JSONMember("growth", JSONNode(.number(gr)))) }
        if g.qualifier != .exact { m.append(JSONMember("qualifier", JSONNode(.string(g.qualifier.rawValue)))) }
        if let k = g.kind { m.append(JSONMember("kind", JSONNode(.string(k.rawValue)))) }
        if !g.includes.isEmpty { m.append(JSONMember("includes", strings(g.includes))) }
        if g.remainder { m.append(JSONMember("remainder", JSONNode(.bool(true)))) }
        if let n = g.note { m.append(JSONMember("note", JSONNode(.string(n)))) }
        return JSONNode(.object(m))
    }

    /// An entry of `indicators`.
    public static func node(_ i: Indicator) -> JSONNode {
        var m = [JSONMember("id", JSONNode(.string(i.id))), JSONMember("title", JSONNode(.string(i.title)))]
        if let l = i.label { m.append(JSONMember("label", JSONNode(.string(l)))) }
        m.append(JSONMember("unit", JSONNode(.string(i.unit.rawValue))))
        if !i.related.isEmpty { m.append(JSONMember("related", strings(i.related))) }
        m.append(JSONMember("values", JSONNode(.array(i.values.map(node)))))
        if let n = i.note { m.append(JSONMember("note", JSONNode(.string(n)))) }
        return JSONNode(.object(m))
    }

    /// A value of an indicator.
    public static func node(_ v: IndicatorValue) -> JSONNode {
        var m = [JSONMember]()
        period(v.period, into: &m)
        if let f = v.from { m.append(JSONMember("from", JSONNode(.string(f)))) }
        if let t = v.to { m.append(JSONMember("to", JSONNode(.string(t)))) }
        m.append(JSONMember("value", JSONNode(.number(v.value, text: amountText(v.value)))))
        if let x = v.max { m.append(JSONMember("max", JSONNode(.number(x, text: amountText(x))))) }
        if let g = v.growth { m.append(JSONMember("growth", JSONNode(.number(g)))) }
        if v.qualifier != .exact { m.append(JSONMember("qualifier", JSONNode(.string(v.qualifier.rawValue)))) }
        m.append(JSONMember("kind", JSONNode(.string(v.kind.rawValue))))
        if v.planned { m.append(JSONMember("planned", JSONNode(.bool(true)))) }
        m.append(JSONMember("source", JSONNode(.string(v.source))))
        if let n = v.note { m.append(JSONMember("note", JSONNode(.string(n)))) }
        return JSONNode(.object(m))
    }

    private static func period(_ p: Period, into m: inout [JSONMember]) {
        m.append(JSONMember("year", year(p.year)))
        if let r = p.months {
            m.append(JSONMember("months", JSONNode(.array([JSONNode(.number(Double(r.lowerBound))), JSONNode(.number(Double(r.upperBound)))]))))
        }
    }
}
