extension CTPHStrings {
    /// The edit distance of ssdeep's comparison: insert 1, delete 1, replace 2.
    static func editDistance(_ s1: [UInt8], _ s2: [UInt8], path: KernelPath) -> Int {
        switch path {
        case .scalar: return editDistanceScalar(s1, s2)
        case .simd: return s1.count + s2.count - 2 * longestCommonSubsequence(s1, s2)
        }
    }

    /// ssdeep `edit_distn`: the two-row dynamic program.
    static func editDistanceScalar(_ s1: [UInt8], _ s2: [UInt8]) -> Int {
        var previous = Array(0...s2.count)
        var current = [Int](repeating: 0, count: s2.count + 1)
        for i1 in 0..<s1.count {
            current[0] = i1 + 1
            for i2 in 0..<s2.count {
                let insert = previous[i2 + 1] + 1
                let delete = current[i2] + 1
                let replace = previous[i2] + (s1[i1] == s2[i2] ? 0 : 2)
                current[i2 + 1] = min(insert, delete, replace)
            }
            swap(&previous, &current)
        }
        return previous[s2.count]
    }

    /// The length of the longest common subsequence of two base64 strings of at most 64
    /// characters, one 64-bit word per step (Crochemore, Iliopoulos, Pinzon and Reid, "A fast
    /// and practical bit-vector algorithm for the longest common subsequence problem", 2001):
    /// `V ← (V + (V ∧ M[c])) ∨ (V ∧ ¬M[c])`, and the LCS is the number of cleared bits.
    static func longestCommonSubsequence(_ s1: [UInt8], _ s2: [UInt8]) -> Int {
        assert(s1.count <= 64)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { matches in
            matches.initialize(repeating: 0)
            for (index, character) in s1.enumerated() {
                matches[Int(CTPHAlphabet.index(of: character) ?? 0)] |= 1 << UInt64(index)
            }
            var v = UInt64.max
            for character in s2 {
                let m = matches[Int(CTPHAlphabet.index(of: character) ?? 0)]
                let u = v & m
                v = (v &+ u) | (v & ~m)
            }
            let mask: UInt64 = s1.count == 64 ? .max : (1 << UInt64(s1.count)) - 1
            return (~v & mask).nonzeroBitCount
        }
    }
}
