import ImprintHashing

/// Jaccard-similarity search over MinHash signatures by LSH banding (Broder 1997; Leskovec,
/// Rajaraman and Ullman, "Mining of Massive Datasets", section 3.4).
///
/// A signature of k rows (`rowWidth` bytes each, e.g. k UInt32 minima) is cut into b bands of
/// r rows (b x r <= k; rows past b x r are only used to estimate similarity). Two signatures
/// whose sets have Jaccard similarity s share a band with probability 1 - (1 - s^r)^b: an
/// S-curve whose steepest point, the threshold, is near (1/b)^(1/r). `bandsAndRows` picks
/// b and r from the configured threshold t: among b x r <= k, the pair whose (1/b)^(1/r) is
/// closest to t, preferring more rows in use. A candidate is kept when the fraction of equal
/// rows (the MinHash estimate of s) is at least t.
///
/// Each band's table is a sorted array of (XXH3 of the band's bytes, signature number):
/// flat, binary-searched.
///
/// - Complexity: build O(b x n log n); memory k x rowWidth + 12 x b bytes a signature. Query
///   O(b x log n + C x k) for C candidates.
public struct MinHashLSHIndex: Sendable {
    public let bands: Int
    public let rows: Int
    public let rowWidth: Int
    public let signatureRows: Int
    public let count: Int
    let signatures: [UInt8]
    let keys: [UInt64]
    let numbers: [UInt32]

    /// The (bands, rows) for `permutations` rows and Jaccard `threshold` (see the type doc).
    public static func bandsAndRows(permutations: Int, threshold: Double) -> (bands: Int, rows: Int) {
        var best = (bands: 1, rows: permutations, error: Double.infinity, used: 0)
        for rows in 1...max(1, permutations) {
            let bands = permutations / rows
            guard bands >= 1 else { continue }
            let error = abs(pow(1 / Double(bands), 1 / Double(rows)) - threshold)
            if error < best.error - 1e-12 || (abs(error - best.error) <= 1e-12 && bands * rows > best.used) {
                best = (bands, rows, error, bands * rows)
            }
        }
        return (best.bands, best.rows)
    }

    /// Indexes `signatures`, `signatureRows` rows of `rowWidth` bytes each, numbered from 0.
    public init(signatures: [UInt8], signatureRows: Int, rowWidth: Int = 4, threshold: Double) {
        let width = signatureRows * rowWidth
        precondition(width > 0 && signatures.count % width == 0)
        let shape = Self.bandsAndRows(permutations: signatureRows, threshold: threshold)
        bands = shape.bands
        rows = shape.rows
        self.rowWidth = rowWidth
        self.signatureRows = signatureRows
        self.signatures = signatures
        let count = signatures.count / width
        self.count = count
        let (bands, rows) = (shape.bands, shape.rows)
        var keys = [UInt64](repeating: 0, count: bands * count)
        var numbers = [UInt32](repeating: 0, count: bands * count)
        signatures.withUnsafeBytes { raw in
            for band in 0..<bands {
                var pairs = (0..<count).map { (Self.key(raw, signature: $0, band: band, rows: rows, rowWidth: rowWidth, width: width), UInt32($0)) }
                pairs.sort { $0.0 < $1.0 }
                for (index, pair) in pairs.enumerated() {
                    keys[band * count + index] = pair.0
                    numbers[band * count + index] = pair.1
                }
            }
        }
        self.keys = keys
        self.numbers = numbers
    }

    static func key(_ raw: UnsafeRawBufferPointer, signature: Int, band: Int, rows: Int, rowWidth: Int, width: Int) -> UInt64 {
        let start = signature * width + band * rows * rowWidth
        return XXH3.hash64(UnsafeRawBufferPointer(rebasing: raw[start..<start + rows * rowWidth]), seed: UInt64(band))
    }

    /// The signatures whose estimated Jaccard similarity with `query` is at least `threshold`
    /// and that share a band with it: numbers and estimates, sorted by number.
    public func search(_ query: [UInt8], threshold: Double) -> [(signature: Int, similarity: Double)] {
        var hits: [(signature: Int, similarity: Double)] = [], candidates: [Int] = []
        search(query, threshold: threshold, into: &hits, candidates: &candidates)
        return hits
    }

    /// `search` into `hits` (emptied first), with `candidates` as its working list: a caller
    /// querying message after message keeps both buffers' capacity.
    public func search(_ query: [UInt8], threshold: Double, into hits: inout [(signature: Int, similarity: Double)],
                       candidates: inout [Int]) {
        let width = signatureRows * rowWidth
        precondition(query.count == width)
        hits.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        query.withUnsafeBytes { raw in
            for band in 0..<bands {
                let key = Self.key(raw, signature: 0, band: band, rows: rows, rowWidth: rowWidth, width: width)
                var low = band * count, high = band * count + count
                while low < high {
                    let middle = (low + high) / 2
                    if keys[middle] < key { low = middle + 1 } else { high = middle }
                }
                while low < band * count + count && keys[low] == key {
                    candidates.append(Int(numbers[low]))
                    low += 1
                }
            }
        }
        candidates.sort()
        for (index, candidate) in candidates.enumerated() where index == 0 || candidates[index - 1] != candidate {
            let similarity = estimate(query, candidate)
            if similarity >= threshold { hits.append((candidate, similarity)) }
        }
    }

    /// The fraction of rows of signature `number` equal to the query's.
    public func estimate(_ query: [UInt8], _ number: Int) -> Double {
        let width = signatureRows * rowWidth
        precondition(query.count == width)
        let equal = signatures.withUnsafeBytes { stored in
            query.withUnsafeBytes { query in
                var equal = 0
                let base = stored.baseAddress! + number * width
                for row in 0..<signatureRows where memcmp(base + row * rowWidth, query.baseAddress! + row * rowWidth, rowWidth) == 0 {
                    equal += 1
                }
                return equal
            }
        }
        return Double(equal) / Double(signatureRows)
    }

    /// Bytes held.
    public var memoryBytes: Int { signatures.count + keys.count * 8 + numbers.count * 4 }
}

#if canImport(Glibc)
import Glibc
#endif
