#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Goods screen's lines for one dataset, kept between frames: building them formats every good
/// of the year, so a key that only moves the selection (or scrolls) must not build them again. The
/// lines depend on the year, the width, the theme and the filter (never on the selection, which is
/// highlighted as they are drawn); a new dataset gets a new cache (`AppState.dataset`'s didSet).
/// Every cache equals every other: it takes no part in what the state is.
final class GoodsLayoutCache: @unchecked Sendable {
    struct Key: Hashable {
        var year: Int
        var width: Int
        var theme: Theme
        var query: String
    }

    /// The lines of each column (in order) and how many rows the list has.
    struct Value {
        var columns: [(title: String, lines: [GoodsLine])]
        var rowCount: Int
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var entries = [Key: Value]()

    init() { pthread_mutex_init(mutex, nil) }
    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The value for `key`, built once. A handful of keys at most are kept (a resize or a filter
    /// being typed makes new ones): past 8 the oldest are dropped all together.
    func value(_ key: Key, build: () -> Value) -> Value {
        pthread_mutex_lock(mutex)
        if let v = entries[key] { pthread_mutex_unlock(mutex); return v }
        pthread_mutex_unlock(mutex)
        let v = build()
        pthread_mutex_lock(mutex)
        if entries.count >= 8 { entries.removeAll(keepingCapacity: true) }
        entries[key] = v
        pthread_mutex_unlock(mutex)
        return v
    }
}
