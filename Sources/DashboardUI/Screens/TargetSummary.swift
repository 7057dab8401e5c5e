import TradeModel

/// The Target screen's words: the verdict from the latest evidence, the latest full year, the
/// current-year estimate, the growth still needed, the other paces and the deadline's provenance.
/// The Overview's target panel says the same in fewer words (`compactLines`).
extension TargetScreen {
    /// One pace: its label, rate, bound and when the target is reached at it.
    struct Pace {
        var label: String
        var rate: Double
        var bound: Bound
        var reach: Reach
    }

    /// The paces, most recent evidence first: the year-to-date growth of the estimated year, the
    /// latest full year's growth, the 3-year CAGR. None is chosen for being the most favourable.
    static func paces(_ p: TargetProgress) -> [Pace] {
        var out = [Pace]()
        if let e = p.estimate, let g = e.yearToDateGrowth {
            out.append(Pace(label: "the \(e.partial.period.monthsLabel) \(e.year) pace", rate: g, bound: e.yearToDateGrowthBound, reach: p.reachAtYearToDate))
        }
        if let g = p.lastGrowth, let y = p.year {
            out.append(Pace(label: "\(y)'s growth", rate: g, bound: p.lastGrowthBound, reach: p.reachAtLast))
        }
        if let c = p.recentCAGR, let r = p.recentRange {
            out.append(Pace(label: "the CAGR \(r.lowerBound)–\(r.upperBound)", rate: c, bound: p.recentBound, reach: p.reachAtRecent))
        }
        return out
    }

    /// Why a reach is unknown, in a few words.
    static func reachNote(_ pace: Pace) -> String {
        guard pace.reach == .unknown else { return "" }
        return pace.bound.isBound ? " (the rate is only a bound)" : " (the value is only a bound)"
    }

    /// "reached by 2036 at the latest, after the 2027 deadline" / "…, by the deadline".
    static func reachWords(_ r: Reach, _ p: TargetProgress) -> String {
        guard case .year(let y, let b) = r else { return r.text }
        if y <= p.deadline && b != .atLeast { return r.text + ", by the \(p.deadline) deadline" }
        if y > p.deadline && b != .atMost { return r.text + ", after the \(p.deadline) deadline" }
        return r.text + " (deadline \(p.deadline))"
    }

    /// The headline: what the most recent evidence says, naming that evidence.
    static func verdict(_ p: TargetProgress) -> Line {
        if p.alreadyReached, let y = p.year {
            return [Span("Reached: ", role: .dim), Span("\(y)'s value is already at the target", role: .positive)]
        }
        if p.deadlinePassed { return deadlineLine(p) }
        if p.baseReaches, let y = p.baseYear, let v = p.baseValue {
            return [Span("On the latest evidence: ", role: .dim), Span("the \(y) estimate (\(Figures.millions(v, p.baseBound))\(Figures.estimateMark)) is at the target", role: .positive),
                    Span(" (an estimate, not a full year's figure)", role: .dim)]
        }
        guard let first = paces(p).first else { return [Span("Outlook: unknown (the data has no growth to go on)", role: .unknown)] }
        let evidence: String
        if let e = p.estimate, first.label.hasPrefix("the \(e.partial.period.monthsLabel)") {
            evidence = "\(e.partial.period.label), \(Figures.rate(first.rate, first.bound)) on the same months"
        } else {
            evidence = "\(first.label) \(Figures.rate(first.rate, first.bound))"
        }
        let words = first.reach == .never ? "at that pace, never reached" : "at that pace, " + reachWords(first.reach, p)
        return [Span("Latest evidence (\(evidence)): ", role: .dim), Span(words, role: reachRole(first.reach, p)),
                Span(reachNote(first), role: .dim)]
    }

    /// A deadline that has passed, or is the estimated year: what the data says of it.
    static func deadlineLine(_ p: TargetProgress) -> Line {
        let outcome = p.deadlineOutcome
        let word = outcome == .never ? "missed" : outcome == .unknown ? "unknown" : "reached"
        let role: Role = outcome == .never ? .negative : outcome == .unknown ? .unknown : .positive
        if p.deadlinePassed {
            let value = p.deadlineYearValue.map { " (\(p.deadline): \(Figures.millions($0, p.deadlineYearBound)))" } ?? " (no full-year value for \(p.deadline))"
            return [Span("Deadline \(p.deadline) has passed: ", role: .dim), Span(word, role: role), Span(value, role: .dim)]
        }
        let what = p.estimate?.year == p.deadline ? "the \(p.deadline) estimate" : "\(p.deadline)'s value"
        let verdict = outcome == .never ? "\(what) falls short" : outcome == .unknown ? "\(what) cannot tell (only a bound or unknown)" : "\(what) reaches it"
        return [Span("Deadline \(p.deadline) is the current year: ", role: .dim), Span(verdict, role: role)]
    }

    /// The summary lines: what the gauge says in words.
    static func summaryLines(_ s: AppState, _ p: TargetProgress) -> [Line] {
        // Narrow screens leave the source to the detail (Enter) so that every conclusion fits.
        let roomy = s.lastSize.width >= 100
        let t = p.target
        guard let y = p.year, let o = p.observation, let v = o.usd, let share = p.share, let remaining = p.remaining else {
            var lines: [Line] = [[Span("Progress: unknown (the data has no full-year \(t.metric.rawValue) value)", role: .unknown)]]
            // Partial figures alone still give an estimate, and the growth needed after it.
            if let e = p.estimate {
                lines += [verdict(p), estimateLine(e), neededLine(p)]
            }
            return lines
        }
        var lines = [verdict(p)]
        var full: Line = [Span("\(y) (latest full year): ", role: .dim), Span((o.qualifier.word.isEmpty ? "" : o.qualifier.word + " ") + "USD \(Money.millions(v))", role: .title)]
        if roomy { full += [Span(" = ", role: .dim), Span(p.shareBound.words + Money.share(share, rounding: DisplayRounding(p.shareBound)), role: .title), Span(" of \(Money.millions(t.usd))", role: .dim)] }
        full += [Span("; ", role: .dim), Span(p.remainingBound.words + Money.millions(remaining, rounding: DisplayRounding(p.remainingBound)) + " to go", role: .warning)]
        full.append(Span(o.kind == .derived ? " (derived)" : roomy ? " [\(o.source)]" : "", role: .dim))
        lines.append(full)
        // A figure that fails the data's own arithmetic: everything computed from it is suspect.
        if let w = TradeScreen.flagged(s.dataset, o).first {
            lines.append([Span(Figures.checkMark + " ", role: .conflict), Span("\(y)'s figure fails an arithmetic check: \(w.message)", role: .conflict)])
        }
        if let e = p.estimate { lines.append(estimateLine(e)) }
        // A passed deadline is the verdict already: not said twice. Once at the target, no growth is
        // needed and no pace says anything.
        if !p.deadlinePassed && !p.baseReaches { lines.append(neededLine(p)) }
        for pace in p.baseReaches ? [] : paces(p).dropFirst(p.deadlinePassed ? 0 : 1) {
            lines.append([Span("At \(pace.label) (\(Figures.rate(pace.rate, pace.bound))/yr): ", role: .dim), Span(roomy ? reachWords(pace.reach, p) : pace.reach.text, role: reachRole(pace.reach, p)),
                          Span(reachNote(pace), role: .dim)])
        }
        var deadline: Line = [Span("Deadline: ", role: .dim), Span(String(p.deadline), role: .accent)]
        if let dl = t.deadline {
            deadline.append(Span(p.deadline == dl ? " (\(t.deadlineKind?.rawValue ?? "unknown kind") in the data; Enter: how)" : " (chosen with +/−; the data says \(dl), \(t.deadlineKind?.rawValue ?? "?"))", role: .dim))
        } else {
            deadline.append(Span(" (no deadline in the data: chosen with +/−)", role: .dim))
        }
        lines.append(deadline)
        return lines
    }

    /// "2025 estimate: ≥585 M^ = 2024 >555 M × 1.054 (Jan–Sep growth); 484.8 M^ at Jan–Sep's monthly rate".
    static func estimateLine(_ e: CurrentYearEstimate) -> Line {
        let mark = Figures.estimateMark
        let months = e.partial.period.monthsLabel
        var l: Line = [Span("\(e.year) estimate: ", role: .dim)]
        if let f = e.fromPreviousYear, let prev = e.previousYear, let g = e.yearToDateGrowth {
            l += [Span(Figures.millions(f, e.fromPreviousYearBound) + mark, role: .estimate),
                  Span(" = \(prev.period.label) \(Figures.plainUSD(prev)) × \(Money.grouped(1 + g, decimals: 3)) (\(months) growth\(e.yearToDateGrowthIsStated ? "" : ", derived"))", role: .dim)]
            if let sc = e.scaledByMonths {
                l += [Span("; ", role: .dim), Span(Figures.millions(sc, e.scaledByMonthsBound) + mark, role: .estimate), Span(" at \(months)'s monthly rate", role: .dim)]
            }
        } else if let sc = e.scaledByMonths {
            l += [Span(Figures.millions(sc, e.scaledByMonthsBound) + mark, role: .estimate),
                  Span(" = \(e.partial.period.label) \(Figures.plainUSD(e.partial)) × 12/\(e.partial.period.monthCount), at its monthly average", role: .dim)]
            if let r = e.rejectedFromPreviousYear, let prev = e.previousYear {
                l.append(Span(" (\(prev.period.label) × the \(months) growth gives \(Money.millions(r)), below the months already traded: not used)", role: .conflict))
            } else if e.yearToDateGrowth == nil { l.append(Span(" (no same months a year earlier to compare)", role: .dim)) }
        }
        return l
    }

    /// The growth still needed after the base, or what a deadline at or before the base means.
    static func neededLine(_ p: TargetProgress) -> Line {
        guard let base = p.baseYear else { return [Span("Needed: unknown", role: .unknown)] }
        if p.deadlinePassed || p.deadline == base && !p.alreadyReached { return deadlineLine(p) }
        guard let r = p.requiredGrowth else { return [Span("Needed: unknown", role: .unknown)] }
        let span = base + 1 == p.deadline ? "in \(p.deadline)" : "in \(base + 1)–\(p.deadline)"
        return [Span("Needed: ", role: .dim), Span(p.requiredBound.words + Money.percent(r, rounding: DisplayRounding(p.requiredBound)) + " a year", role: .warning),
                Span(" \(span), after the \(base) \(p.baseIsEstimate ? "estimate" : "value")", role: .dim)]
    }

    /// The Overview's target panel: the same conclusions, one short line each; with `room` for more,
    /// the partial figures the estimate comes from and the deadline's provenance.
    static func compactLines(_ p: TargetProgress, room: Int = 0) -> [Line] {
        var lines = compactCore(p)
        var extra = [Line]()
        if let e = p.estimate, let v = e.partial.usd {
            extra.append([Span("From \(e.partial.period.label) ", role: .dim), Span(Figures.millions(v, Bound(e.partial.qualifier)), role: .partial)]
                         + (e.yearToDateGrowth.map { [Span(" (\(Figures.rate($0, e.yearToDateGrowthBound)) on the same months)", role: .dim)] } ?? []))
        }
        let kind = p.target.deadline == p.deadline ? (p.target.deadlineKind?.rawValue ?? "in the data") : "chosen with +/−"
        extra.append([Span("Deadline \(p.deadline) (\(kind)); Enter: the target's statements", role: .dim)])
        for l in extra where lines.count + 1 <= room { lines.append(l) }
        return lines
    }

    static func compactCore(_ p: TargetProgress) -> [Line] {
        var lines = [Line]()
        if let y = p.year, let o = p.observation {
            lines.append([Span("\(y) ", role: .dim)] + Figures.usd(o) + [Span(" of \(Money.millions(p.target.usd))", role: .dim)])
        }
        if let e = p.estimate {
            lines.append([Span("\(e.year) est. ", role: .dim), Span(Figures.millions(e.value, e.bound) + Figures.estimateMark, role: .estimate),
                          Span(e.usesPreviousYear ? " (\(e.partial.period.monthsLabel) growth)" : " (\(e.partial.period.monthsLabel) × 12/\(e.partial.period.monthCount))", role: .dim)])
        }
        if p.deadlinePassed || (p.baseYear == p.deadline && !p.alreadyReached) {
            lines.append(deadlineLine(p))
        } else if let g = p.requiredGrowth, let base = p.baseYear {
            lines.append([Span("Needs ", role: .dim), Span(Figures.rate(g, p.requiredBound) + "/yr", role: .warning), Span(" \(base + 1)–\(p.deadline)", role: .dim)])
        }
        for pace in paces(p) {
            lines.append([Span("\(pace.label.replacingThe) \(Figures.rate(pace.rate, pace.bound)): ", role: .dim), Span(pace.reach.short == "never" ? "never" : pace.reach.text, role: reachRole(pace.reach, p))])
        }
        return lines
    }
}

extension String {
    /// "the CAGR 2021–2024" → "CAGR 2021–2024".
    var replacingThe: String { hasPrefix("the ") ? String(dropFirst(4)) : self }
}
