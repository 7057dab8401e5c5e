import TradeModel

/// The source entry an import cites: one per file and reporter, with an id derived only from the
/// file's name and the reporter, so that importing the same file again finds the entry it made before.
enum ComtradeSourceNaming {
    static let publisher = "UN Comtrade"
    static let url = "https://comtradeplus.un.org/"

    /// `comtrade-<file name without extension, as lowercase letters, digits and dashes>-<reporter alpha-2>`,
    /// e.g. `comtrade-tradedata-2024-kz` for `TradeData_2024.csv` reported by Kazakhstan.
    static func id(fileName: String, reporter: Country) -> String {
        "comtrade-" + slug(stem(fileName)) + "-" + reporter.code.lowercased()
    }

    static func title(fileName: String, reporter: Country) -> String {
        "UN Comtrade data file \(baseName(fileName)), as reported by \(reporter.name)"
    }

    static func note(reporter: Country, partner: Country) -> String {
        let code = reporter.isoNumeric.map { " (reporter code \($0))" } ?? ""
        return "Goods trade with \(partner.name) as reported by \(reporter.name)\(code), by year (or by the months of a year "
            + "the file has no annual rows for): primaryValue in US dollars, exports FOB and imports CIF; netWgt in kg. "
            + "Imported with tradedash import comtrade."
    }

    /// The reporter's own statistics as it gives them to the UN, in English: language "en", basis
    /// national statistics of the reporter.
    static func source(fileName: String, reporter: Country, partner: Country) -> Source {
        Source(id: id(fileName: fileName, reporter: reporter), publisher: publisher,
               title: title(fileName: fileName, reporter: reporter), url: url, language: "en",
               basis: .nationalStatistics, basisCountry: reporter.code,
               note: note(reporter: reporter, partner: partner))
    }

    /// The last path component.
    static func baseName(_ fileName: String) -> String {
        fileName.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? fileName
    }

    /// The last path component without its last extension.
    static func stem(_ fileName: String) -> String {
        let base = baseName(fileName)
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { return String(base[..<dot]) }
        return base
    }

    /// Lowercase ASCII letters and digits, every other run of characters one dash; at most 60
    /// characters. A name with no ASCII letter or digit becomes `file-<hash of the name>`.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for u in text.unicodeScalars {
            let c: Character?
            switch u {
            case "a"..."z", "0"..."9": c = Character(u)
            case "A"..."Z": c = Character(Unicode.Scalar(u.value + 32)!)
            default: c = nil
            }
            if let c {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(c)
            } else {
                pendingDash = true
            }
        }
        if out.count > 60 {
            out = String(out.prefix(60))
            while out.hasSuffix("-") { out.removeLast() }
        }
        if out.isEmpty {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a, 64 bits
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            out = "file-" + String(h, radix: 16)
        }
        return out
    }
}
