extension Array {
    /// Binary search: the first index in `0..<end` (the whole array by default) whose element
    /// satisfies `p`, given that `p` is false and then true along the array (as on a sorted one).
    func partitionPoint(upTo end: Int? = nil, _ p: (Element) -> Bool) -> Int {
        var lo = 0, hi = end ?? count
        while lo < hi {
            let mid = (lo + hi) / 2
            if p(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
