import ArgumentParser
import TradeModel
import DashboardUI

struct TradeDash: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tradedash", abstract: "A terminal dashboard of bilateral trade relations.", version: "0.1.0")
    func run() throws {}
}
TradeDash.main()
