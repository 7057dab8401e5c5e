import ArgumentParser
import TradeModel

/// `tradedash validate [FILE...]`: checks dataset files; a summary on success, every problem on failure.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dataset files and summarise them.",
        discussion: """
        With no FILE it checks the bundled dataset ($TRADEDASH_SEEDS/kazakhstan-turkmenistan.json when \
        TRADEDASH_SEEDS is set, else the copy embedded in the binary). On success it prints a summary of each file and \
        exits 0; otherwise it prints every problem, one per line, as `FILE: path: message`, and exits 1. \
        Sources that disagree are summarised per series (how many sources, the range of their figures \
        and the first pairs); --all lists every disagreeing pair. Then the warnings about the data's own \
        arithmetic (a turnover that is not exports plus imports, a stated growth its two values do not \
        give, a value 100× away from its neighbours), each with its place; they do not make the file \
        invalid (exit 0). --all lists every warning.
        """
    )

    @Argument(help: ArgumentHelp("Dataset files to check (default: the bundled dataset).", valueName: "file"))
    var files: [String] = []

    @Flag(name: .shortAndLong, help: "Print only problems, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "List every pair of disagreeing sources, every arithmetic warning and every problem, not a summary.")
    var all = false

    func run() throws {
        let sources = files.isEmpty ? [DataSource.resolve(nil)] : files.map(DataSource.file)
        var failed = false
        for source in sources {
            let path = source.name
            do {
                let d = try source.load()
                if !quiet { Self.summary(d, path: path, allPairs: all) { print($0) } }
            } catch {
                failed = true
                // Problems quote the file's text (unknown ids, values): shown, never sent to the terminal.
                // A broken generated file can have tens of thousands of problems: the first ones and a
                // count, unless --all (a terminal of 50,000 lines helps nobody).
                let lines = error.lines
                let shown = all ? lines.count : min(lines.count, Self.problemsShown)
                for line in lines.prefix(shown) { print(TerminalSafe.terminalSafe(line)) }
                if shown < lines.count { print("\(path): and \(lines.count - shown) more problems (--all lists every one)") }
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// How many conflicting pairs of indicator values are listed before the rest are only counted.
    static let indicatorPairsShown = 10
    /// How many problems of an invalid file are listed before the rest are only counted.
    static let problemsShown = 200
    /// How many pairs a series lists in full before it is summarised.
    static let pairsShown = 3
    /// How many series with disagreeing sources are shown before the rest are only counted.
    static let seriesShown = 100
    /// How many arithmetic warnings are listed before the rest are only counted.
    static let warningsShown = 20

    /// The summary of a loaded dataset, line by line (streamed: `--all` may list millions of pairs).
    static func summary(_ d: Dataset, path: String, allPairs: Bool = false, emit: (String) -> Void) {
        // The title, source ids and the path are the data's text: control characters are shown, not sent.
        func out(_ line: String) { emit(TerminalSafe.terminalSafe(line)) }
        countsAndConflicts(d, path: path, allPairs: allPairs, out)
        arithmetic(d, all: allPairs, out)
    }

    /// The warnings about the data's arithmetic: all with `all`, else the first `warningsShown`.
    static func arithmetic(_ d: Dataset, all: Bool, _ out: (String) -> Void) {
        let warnings = d.arithmeticWarnings
        out("  arithmetic warnings: \(warnings.count)")
        let shown = all ? warnings.count : min(warnings.count, warningsShown)
        for w in warnings.prefix(shown) { out("    " + w.description) }
        if shown < warnings.count { out("    and \(warnings.count - shown) more (--all lists them)") }
    }

    /// The counts, the span and the conflicts between sources.
    private static func countsAndConflicts(_ d: Dataset, path: String, allPairs: Bool, _ out: (String) -> Void) {
        var span = "none", partial = 0, derived = 0
        if let first = d.trade.first {
            var lo = first.period.year, hi = lo
            for o in d.trade {
                lo = min(lo, o.period.year)
                hi = max(hi, o.period.year)
                if !o.period.isFullYear { partial += 1 }
                if o.kind == .derived { derived += 1 }
            }
            span = "\(lo)–\(hi)"
        }
        out("\(path): OK: \(d.title) (schema \(d.schema), as of \(d.asOf.iso))")
        func count(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
        out("  \(count(d.trade.count, "trade observation")) (\(partial) partial-year, \(derived) derived), \(count(d.targets.count, "target")), "
            + "\(count(d.deals.count, "deal")), \(count(d.projects.count, "project")), \(count(d.events.count, "event")), "
            + "\(count(d.places.count, "place")), \(count(d.sources.count, "source"))")
        out("  years covered: \(span)")
        if !d.composition.isEmpty || !d.indicators.isEmpty {
            let years = d.composition.map(\.period.year)
            let span = years.min().map { lo in lo == years.max()! ? "\(lo)" : "\(lo)–\(years.max()!)" } ?? "none"
            out("  goods: \(count(d.composition.count, "list")), \(count(d.composition.reduce(0) { $0 + $1.goods.count }, "item")) (\(span)); "
                + "indicators: \(d.indicators.count) (\(count(d.indicators.reduce(0) { $0 + $1.values.count }, "value")))")
        }
        if let y = d.latestFullYear, let o = d.preferred(.turnover, year: y), let v = o.usd {
            out("  latest full-year turnover: \(y): \(o.qualifier.word.isEmpty ? "" : o.qualifier.word + " ")USD \(Money.millions(v)) (\(o.kind.rawValue), \(o.source))")
        } else {
            out("  latest full-year turnover: unknown")
        }
        if !d.indicators.isEmpty {
            let pairs = d.indicators.flatMap { i in i.conflicts.map { (i, $0.0, $0.1) } }
            out("  conflicts between indicator values: \(pairs.count)")
            let listed = allPairs ? pairs.count : min(pairs.count, Self.indicatorPairsShown)
            for (i, a, b) in pairs.prefix(listed) {
                func text(_ v: IndicatorValue) -> String {
                    let q = v.qualifier.word.isEmpty ? "" : v.qualifier.word + " "
                    return "\(q)\(JSONWriter.format(v.value))\(v.max.map { "–" + JSONWriter.format($0) } ?? "") \(i.unit.rawValue) (\(v.source))"
                }
                let v = i.values[a]
                let way = v.from.map { " \($0)→\(v.to ?? "?")" } ?? ""
                out("    \(v.period.label) \(i.label ?? i.title)\(way): \(text(v)) vs \(text(i.values[b]))")
            }
            if listed < pairs.count { out("    and \(pairs.count - listed) more pairs (--all lists every one)") }
            let sums = d.indicators.flatMap { i in i.sumWarnings.map { (i, $0) } }
            if !sums.isEmpty {
                out("  indicator totals their directions do not add up to: \(sums.count)")
                let shownSums = allPairs ? sums.count : min(sums.count, Self.indicatorPairsShown)
                for (i, w) in sums.prefix(shownSums) {
                    let t = i.values[w.total], p = w.parts.map { i.values[$0] }
                    out("    \(t.period.label) \(i.label ?? i.title) (\(t.source)): \(p.map { "\($0.from ?? "?")→\($0.to ?? "?") \(JSONWriter.format($0.value))" }.joined(separator: " + ")) "
                        + "= \(JSONWriter.format((w.sum * 1e9).rounded() / 1e9)) \(i.unit.rawValue), but the total is \(JSONWriter.format(t.value)) \(i.unit.rawValue)")
                }
                if shownSums < sums.count { out("    and \(sums.count - shownSums) more (--all lists every one)") }
            }
        }
        // `--all` lists the pairs itself: the summaries are needed only for the total, not for examples.
        let summaries = d.conflictSummaries(examples: allPairs ? 0 : pairsShown, exampleSeries: seriesShown)
        let total = summaries.reduce(0) { $0 + $1.pairs }
        if allPairs {
            out("  conflicts between sources: \(total)")
            d.forEachConflict { c in
                out("    " + pairLine(c))
                return true
            }
            return
        }
        let summarised = summaries.count > seriesShown || summaries.contains { $0.pairs > pairsShown }
        out("  conflicts between sources: \(total)" + (summarised ? " (summarised per series; --all lists every pair)" : ""))
        for s in summaries.prefix(seriesShown) {
            if s.pairs <= pairsShown && s.examples.count == s.pairs {
                for c in s.examples { out("    " + pairLine(c)) }
                continue
            }
            let range = s.kind == .value
                ? "values \(Money.millions(s.lowest))–\(Money.millions(s.highest))"
                : "growth \(Money.percent(s.lowest)) to \(Money.percent(s.highest))"
            let what = s.kind == .value ? "" : " growth"
            out("    \(s.key.period.label) \(label(s.key))\(what): \(s.pairs) disagreeing pair\(s.pairs == 1 ? "" : "s") among \(s.figures) figures "
                + "from \(s.sources) sources, \(range)")
            for c in s.examples { out("      e.g. " + pairLine(c)) }
            let more = s.pairs - s.examples.count
            if more > 0 { out("      and \(more) more pair\(more == 1 ? "" : "s")") }
        }
        if summaries.count > seriesShown {
            let rest = summaries.dropFirst(seriesShown)
            let pairs = rest.reduce(0) { $0 + $1.pairs }
            out("    and \(rest.count) more series where sources disagree (\(pairs) pair\(pairs == 1 ? "" : "s")); --all lists every pair")
        }
    }

    /// What a series is: "turnover", "KZ→TM exports", "KZ→TM exports, HS section 5".
    static func label(_ k: SeriesKey) -> String {
        var s = k.flow == .turnover ? "turnover" : "\(k.from ?? "?")→\(k.to ?? "?") \(k.flow.rawValue)"
        if let h = k.hsSection { s += ", HS section \(h)" }
        return s
    }

    /// One disagreeing pair, as listed since the first release: "2021 turnover: 500.0 (a) vs 600.0 (b)".
    static func pairLine(_ c: Conflict) -> String {
        let what = c.kind == .value
            ? "\(Money.millions(c.first.usd ?? 0)) (\(c.first.source)) vs \(Money.millions(c.second.usd ?? 0)) (\(c.second.source))"
            : "growth \(Money.percent(c.first.growth ?? 0)) (\(c.first.source)) vs \(Money.percent(c.second.growth ?? 0)) (\(c.second.source))"
        return "\(c.key.period.label) \(c.key.flow.rawValue): \(what)"
    }
}
