import TradeModel

/// The target's own detail (Enter on the Target screen, or on the Overview's target panel): what the
/// target is, every statement of it oldest first with its wording, occasion and sources, how the
/// deadline was derived, what the dataset records as the current state, and the sources.
enum TargetDetail {
    static func detail(_ s: AppState) -> Detail {
        let d = s.dataset
        guard let t = d.targets.first else {
            return Detail(title: "Target", lines: [Line.text("The dataset defines no target (unknown).", role: .unknown)])
        }
        let byDate = t.statementsByDate
        var out = what(t, byDate)
        out += [[], Line.text("Statements, oldest first (\(byDate.count))", role: .tableHeader)]
        if byDate.isEmpty { out.append(Line.text("  none recorded in the data", role: .unknown)) }
        for st in byDate { out += statementLines(st) }
        out += [[], Line.text("Deadline", role: .tableHeader)] + deadlineLines(s, t, byDate)
        out += [[], Line.text("Current state", role: .tableHeader)] + currentState(s)
        let p = TargetScreen.progress(s)
        let figures = [p?.observation?.source, latestPartial(s, after: p?.year)?.source].compactMap { $0 }
        return Detail(title: t.title, lines: out + DetailText.sources(d, t.citedSources + figures))
    }

    /// Opens the detail over the current screen.
    static func open(_ s: inout AppState) {
        s.mode = .detail(Overlay.detail(detail(s)))
    }

    /// What the target is: the value and metric, when it was set, its note.
    static func what(_ t: Target, _ byDate: [TargetStatement]) -> [Line] {
        var out = [DetailText.field("Goal", "USD \(Money.millions(t.usd)) of \(t.metric.rawValue)" + (t.metric == .turnover ? " (exports plus imports)" : ""))]
        var set: Line = DetailText.field("Set", t.set?.display)
        if let first = byDate.first, t.set.map({ first.date < $0 }) ?? true {
            set.append(Span(" (first statement: \(first.dateText))", role: .dim))
        }
        out.append(set)
        if let n = t.note { out.append(DetailText.field("Note", n)) }
        return out
    }

    /// A statement: its date, wording and the deadline it implies, then its occasion, speaker and
    /// sources and its note, indented under it.
    static func statementLines(_ st: TargetStatement) -> [Line] {
        var first: Line = [Span("  " + st.dateText + "  ", role: .accent)]
        first.append(st.quoted ? Span("\"\(st.wording)\"", role: .title) : Span(st.wording + " (paraphrase)", role: .normal))
        first += [Span(" - ", role: .dim)] + implied(st)
        var out = [first]
        let said = [st.occasion, st.by.map { "by " + $0 }].compactMap { $0 }
        out.append([Span("      " + (said.isEmpty ? "occasion not given" : said.joined(separator: "; ")), role: said.isEmpty ? .unknown : .normal),
                    Span(" [\(st.sources.joined(separator: ", "))]", role: .dim)])
        if let n = st.note { out.append(Line.text("      " + n, role: .dim)) }
        return out
    }

    /// "by 2026 (derived)" or "no deadline".
    static func implied(_ st: TargetStatement) -> Line {
        guard let y = st.deadline else { return [Span("no deadline", role: .dim)] }
        let kind = st.deadlineKind ?? .derived
        return [Span("by ", role: .dim), Span(String(y), role: kind == .derived ? .derived : .accent), Span(" (\(kind.rawValue))", role: .dim)]
    }

    /// The deadline the screen uses, its kind and where it comes from, and which statements imply which year.
    static func deadlineLines(_ s: AppState, _ t: Target, _ byDate: [TargetStatement]) -> [Line] {
        var used: Line = [Span("  Used: ", role: .dim), Span(String(s.targetYear), role: .accent)]
        if let dl = t.deadline {
            let kind = t.deadlineKind?.rawValue ?? "unknown kind"
            used.append(Span(s.targetYear == dl ? " (\(kind) in the data)" : " (chosen with +/−; the data says \(dl), \(kind))", role: .dim))
        } else {
            used.append(Span(" (no deadline in the data: chosen with +/−)", role: .dim))
        }
        var out = [used]
        if let n = t.deadlineNote { out.append(Line.text("  " + n)) }
        guard !byDate.isEmpty else { return out }
        out.append(Line.text("  Implied by the statements:", role: .dim))
        for st in byDate where st.deadline != nil {
            out.append([Span("    " + st.dateText + " ", role: .accent), Span(label(st) + " → ", role: .normal)] + implied(st))
        }
        let none = byDate.filter { $0.deadline == nil }
        if !none.isEmpty {
            out.append([Span("    No year: ", role: .dim), Span(none.map { "\($0.dateText) \(label($0))" }.joined(separator: ", "))])
        }
        return out
    }

    /// The wording as a short label: in quotes when quoted.
    static func label(_ st: TargetStatement) -> String {
        st.quoted ? "\"\(st.wording)\"" : st.wording
    }

    /// What the dataset records now: the latest full year's value (with its qualifier and source),
    /// the share of the target and what remains, and the latest partial period after it.
    static func currentState(_ s: AppState) -> [Line] {
        guard let p = TargetScreen.progress(s) else { return [Line.text("  unknown (no target)", role: .unknown)] }
        var out = [Line]()
        if let y = p.year, let o = p.observation, let v = o.usd, let share = p.share {
            let value = (o.qualifier.word.isEmpty ? "" : o.qualifier.word + " ") + "USD \(Money.millions(v))"
            out.append([Span("  \(y) (latest full year): ", role: .dim), Span(value, role: .title),
                        Span(" = " + p.shareBound.words + Money.share(share, rounding: DisplayRounding(p.shareBound)) + " of \(Money.millions(p.target.usd))", role: .normal),
                        Span(o.kind == .derived ? " (derived)" : " [\(o.source)]", role: .dim)])
            if let r = p.remaining {
                out.append([Span("  Remaining: ", role: .dim), Span(p.remainingBound.words + "USD \(Money.millions(r, rounding: DisplayRounding(p.remainingBound)))", role: .warning)])
            }
        } else {
            out.append(Line.text("  Latest full year: unknown (the data has no full-year \(p.target.metric.rawValue) value)", role: .unknown))
        }
        if let partial = latestPartial(s, after: p.year) {
            var l: Line = [Span("  \(partial.period.label): ", role: .partial), Span(Figures.plainUSD(partial))]
            if let g = partial.growth { l.append(Span(" (\(Money.percent(g)) on the same months)", role: .dim)) }
            l.append(Span(" - partial year, not counted [\(partial.source)]", role: .dim))
            out.append(l)
        }
        // The outlook, as the Target screen says it, from the latest evidence.
        if let e = p.estimate { out.append([Span("  ")] + TargetScreen.estimateLine(e)) }
        if p.year != nil {
            // A passed deadline is the verdict: said once.
            if !p.deadlinePassed { out.append([Span("  ")] + TargetScreen.neededLine(p)) }
            out.append([Span("  ")] + TargetScreen.verdict(p))
            for pace in TargetScreen.paces(p).dropFirst(p.deadlinePassed || p.alreadyReached ? 0 : 1) {
                out.append([Span("  At \(pace.label) (\(Figures.rate(pace.rate, pace.bound))/yr): ", role: .dim), Span(TargetScreen.reachWords(pace.reach, p), role: TargetScreen.reachRole(pace.reach, p)),
                            Span(TargetScreen.reachNote(pace), role: .dim)])
            }
        }
        return out
    }

    /// The preferred turnover of the latest partial period with a value, after the latest full year
    /// (from the index: the periods in order, not a scan of the observations).
    static func latestPartial(_ s: AppState, after year: Int?) -> TradeObservation? {
        guard let year else { return nil }
        let d = s.dataset
        for p in d.wholeGoodsPeriods.sorted().reversed() where !p.isFullYear && p.year > year {
            if let o = d.preferred(.turnover, period: p), o.usd != nil { return o }
        }
        return nil
    }
}
