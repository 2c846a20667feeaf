extension TLSH {
    /// The quartiles of `count` bucket counts: the values at sorted positions `count/4 − 1`,
    /// `count/2 − 1` and `count − count/4 − 1` (31, 63 and 95 for 128 buckets), as the
    /// reference's `find_quartile` defines them. Reorders `values`.
    ///
    /// Three selections instead of a sort: the middle one first, then each quarter inside
    /// the half it left on its side. No allocation.
    /// - Complexity: O(n) expected.
    static func quartiles(_ values: UnsafeMutablePointer<UInt32>, count: Int) -> (UInt32, UInt32, UInt32) {
        let p1 = count / 4 - 1, p2 = count / 2 - 1, p3 = count - count / 4 - 1
        select(values, from: 0, through: count - 1, rank: p2)
        select(values, from: 0, through: p2 - 1, rank: p1)
        select(values, from: p2 + 1, through: count - 1, rank: p3)
        return (values[p1], values[p2], values[p3])
    }

    /// Hoare's FIND (C. A. R. Hoare, CACM 4(7), 1961, algorithm 65, in N. Wirth's form):
    /// rearranges `values[low...high]` so that position `rank` holds the value it would hold
    /// if the range were sorted, with no greater value before it and no smaller one after it.
    static func select(_ values: UnsafeMutablePointer<UInt32>, from low: Int, through high: Int, rank: Int) {
        var low = low, high = high
        while low < high {
            // Median of three as the pivot value.
            let first = values[low], middle = values[(low + high) / 2], last = values[high]
            let pivot = max(min(first, middle), min(max(first, middle), last))
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    let swapped = values[i]
                    values[i] = values[j]
                    values[j] = swapped
                    i += 1
                    j -= 1
                }
            }
            // Now values[low...j] <= pivot <= values[i...high], and values between equal pivot.
            if rank <= j {
                high = j
            } else if rank >= i {
                low = i
            } else {
                return
            }
        }
    }
}
