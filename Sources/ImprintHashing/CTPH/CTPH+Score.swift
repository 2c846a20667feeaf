extension CTPH {
    /// The similarity of two digests from 0 (unrelated) to 100 (identical), exactly as ssdeep's
    /// `fuzzy_compare` (ssdeep 2.13+).
    ///
    /// Digests are comparable when their block sizes are equal or one is twice the other; the
    /// parts cut at the same block size are compared. Each part first loses every character that
    /// repeats the previous three. Two parts score 0 unless they share a 7-character substring
    /// (found with the rolling hash, as ssdeep does); otherwise their weighted edit distance
    /// (insert and delete 1, replace 2), scaled by their lengths, maps onto 0...100. Below block
    /// size 45 the score is capped at `bs / 3 · min(length)` so that short inputs do not claim
    /// large matches. Equal block sizes take the better of the two part pairs.
    ///
    /// - Parameters:
    ///   - path: `.scalar` runs ssdeep's loops (nested rolling-hash scan, dynamic-programming
    ///     edit distance); `.simd` compares eight rolling hashes at a time (`SIMD8<UInt32>`), detects
    ///     repeats with `SIMD16<UInt8>` and computes the distance from a bit-parallel longest
    ///     common subsequence (distance = m + n − 2·LCS when a replace costs two). Both give the
    ///     same scores.
    /// - Returns: 0...100.
    /// - Complexity: O(64²) at most.
    public static func score(_ a: CTPHDigest, _ b: CTPHDigest, path: KernelPath = CTPH.preferredPath) -> Int {
        let size1 = UInt64(a.blockSize), size2 = UInt64(b.blockSize)
        guard size1 == size2 || size1 * 2 == size2 || (size1 % 2 == 0 && size1 / 2 == size2) else { return 0 }
        let first1 = CTPHStrings.eliminateSequences(a.first, path: path)
        let second1 = CTPHStrings.eliminateSequences(a.second, path: path)
        let first2 = CTPHStrings.eliminateSequences(b.first, path: path)
        let second2 = CTPHStrings.eliminateSequences(b.second, path: path)
        if size1 == size2 && first1 == first2 && second1 == second2 { return 100 }
        if size1 == size2 {
            return max(scoreParts(first1, first2, blockSize: size1, path: path),
                       scoreParts(second1, second2, blockSize: size1 * 2, path: path))
        } else if size1 * 2 == size2 {
            return scoreParts(first2, second1, blockSize: size2, path: path)
        } else {
            return scoreParts(first1, second2, blockSize: size1, path: path)
        }
    }

    /// Two parts cut at the same block size (ssdeep `score_strings`).
    static func scoreParts(_ s1: [UInt8], _ s2: [UInt8], blockSize: UInt64, path: KernelPath) -> Int {
        guard CTPHStrings.haveCommonSubstring(s1, s2, path: path) else { return 0 }
        let distance = CTPHStrings.editDistance(s1, s2, path: path)
        var score = distance * maximumDigestLength / (s1.count + s2.count)
        score = 100 * score / maximumDigestLength
        score = 100 - score
        // (99 + 7) / 7 · 3: from block size 45 on a match of any length may score 100.
        let uncapped: UInt64 = UInt64((99 + RollingHash.window) / RollingHash.window) * UInt64(minimumBlockSize)
        guard blockSize < uncapped else { return score }
        let cap = Int(blockSize / UInt64(minimumBlockSize)) * min(s1.count, s2.count)
        return min(score, cap)
    }
}
