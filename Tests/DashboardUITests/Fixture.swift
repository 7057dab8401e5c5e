import Foundation
import TradeModel
@testable import DashboardUI

/// The dataset the screen tests render: a frozen copy of the bundled one, so that editing the
/// bundled data does not change the screens' golden files.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let datasetPath = directory.appendingPathComponent("Fixtures/dataset.json").path
    static let goldens = directory.appendingPathComponent("Goldens")

    static let dataset: Dataset = {
        do { return try DatasetLoader.load(path: datasetPath) } catch { fatalError("fixture does not load: \(error)") }
    }()

    static func state(_ theme: Theme = .mono, screen: Screen = .overview, width: Int = 100, height: Int = 30) -> AppState {
        var s = AppState(dataset: dataset, dataPath: datasetPath, theme: theme)
        _ = Dashboard.update(&s, .resize(width: width, height: height))
        Dashboard.show(screen, in: &s)
        return s
    }

    static func text(_ s: AppState, width: Int? = nil, height: Int? = nil) -> String {
        Dashboard.render(s, width: width ?? s.lastSize.width, height: height ?? s.lastSize.height).text
    }

    /// Presses keys in order and returns the effects of the last one.
    @discardableResult
    static func press(_ s: inout AppState, _ keys: Key...) -> [Effect] {
        var last = [Effect]()
        for k in keys { last = Dashboard.update(&s, k) }
        return last
    }
}
