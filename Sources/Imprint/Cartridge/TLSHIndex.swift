/// TLSH nearest neighbours without a scan: locality-sensitive hashing on the buckets'
/// above-median bits (bit sampling, Indyk and Motwani 1998, with multi-probe, Lv et al. 2007).
///
/// A TLSH body is 128 two-bit quartile codes; the high bit of a code says whether the bucket
/// is above the median. Each of `tables` hash tables keys a digest by the high bits of
/// `bitsPerKey` buckets sampled at random (seeded, so an index is reproducible), and a query
/// probes its own key and, with `probeRadius` 1, the keys one bit away. A candidate is kept
/// when its full TLSH distance (`TLSHDistance`) is within the radius, so there are no false
/// positives; recall is not 100%: a neighbour is missed when every table sees more than
/// `probeRadius` of its sampled high bits flipped. A change of one quartile step flips the
/// high bit only at the median (1 <-> 2), so near-duplicates mostly keep their keys.
/// Recall against brute force is measured by `Benchmarks` (`--target IndexBenchmarks`) and the tests.
/// With `bitsPerKey` 0 (small databases, see `IndexShape.tlshScanLimit`) there are no tables:
/// `search` scans, which is exact. It scans only the digests whose length byte L is near the
/// query's (digests sorted by L at build): two L more than one step apart cost 12 points a
/// step, so a digest more than max(1, radius / 12) steps away is out of reach unread.
///
/// (TLSH distance is not a metric - the header terms break the triangle inequality - so a
/// VP-tree would need slack anyway; and TLSH distances of unrelated digests crowd around
/// 200 +- 20, where a metric tree prunes almost nothing at radius 70.)
///
/// - Complexity: build O(tables x n); memory 35 + 4 x tables bytes a digest plus
///   4 x 2^bitsPerKey bytes a table (scan mode: 74 bytes a digest, no tables). Query
///   O(tables x (1 + probes) x (n / 2^bitsPerKey + c)) distance computations on random data, c
///   the near neighbours sharing a key.
public struct TLSHIndex: Sendable {
    /// Index shape; the defaults give 32 tables of 16-bit keys with one-bit multi-probe
    /// (chosen on 1M synthetic digests: see `Benchmarks` (`--target IndexBenchmarks`)).
    public struct Parameters: Hashable, Sendable {
        public var tables: Int
        public var bitsPerKey: Int
        public var probeRadius: Int
        public var seed: UInt64

        public init(tables: Int = 32, bitsPerKey: Int = 16, probeRadius: Int = 1, seed: UInt64 = 0x7154_5348) {
            precondition((0...20).contains(bitsPerKey) && tables > 0 && (0...1).contains(probeRadius))
            self.tables = tables
            self.bitsPerKey = bitsPerKey
            self.probeRadius = probeRadius
            self.seed = seed
        }
    }

    public let parameters: Parameters
    public let count: Int
    let digests: [UInt8]
    /// Per table, the bucket numbers (0..<128) sampled.
    let samples: [[Int]]
    let offsets: [UInt32]
    let postings: [UInt32]
    /// Scan mode: digest numbers sorted by length byte, and where each length's run starts (257).
    let byLength: [UInt32]
    let lengthStarts: [UInt32]
    /// Scan mode: the digests themselves in `byLength` order, so that a scan reads one run of
    /// memory (gathering them through `byLength` missed the first-level cache on every digest).
    let lengthOrdered: [UInt8]

    /// Indexes `digests`, 35 raw bytes each (see `TLSHDistance`), numbered from 0.
    public init(digests: [UInt8], parameters: Parameters = Parameters()) {
        precondition(digests.count % TLSHDistance.digestLength == 0)
        self.parameters = parameters
        self.digests = digests
        let count = digests.count / TLSHDistance.digestLength
        self.count = count
        let samples = Self.samples(parameters)
        self.samples = samples
        guard parameters.bitsPerKey > 0 else {
            // No key bits: `search` scans the digests near the query's length (no tables to hold).
            offsets = []
            postings = []
            (byLength, lengthStarts) = Self.sortedByLength(digests, count: count)
            lengthOrdered = byLength.flatMap { digests[Int($0) * TLSHDistance.digestLength..<(Int($0) + 1) * TLSHDistance.digestLength] }
            return
        }
        byLength = []
        lengthStarts = []
        lengthOrdered = []
        let keys = 1 << parameters.bitsPerKey
        var offsets = [UInt32](repeating: 0, count: parameters.tables * (keys + 1))
        var postings = [UInt32](repeating: 0, count: parameters.tables * count)
        var keyOf = [Int](repeating: 0, count: count)
        digests.withUnsafeBufferPointer { digests in
            for table in 0..<parameters.tables {
                let base = table * (keys + 1)
                for digest in 0..<count {
                    keyOf[digest] = Self.key(digests.baseAddress! + digest * TLSHDistance.digestLength, samples[table])
                    offsets[base + 1 + keyOf[digest]] += 1
                }
                for key in 0..<keys { offsets[base + key + 1] += offsets[base + key] }
                var cursor = Array(offsets[base..<base + keys])
                for digest in 0..<count {
                    postings[table * count + Int(cursor[keyOf[digest]])] = UInt32(digest)
                    cursor[keyOf[digest]] += 1
                }
            }
        }
        self.offsets = offsets
        self.postings = postings
    }

    /// A counting sort of the digests by their length byte (offset 1).
    static func sortedByLength(_ digests: [UInt8], count: Int) -> (order: [UInt32], starts: [UInt32]) {
        var starts = [UInt32](repeating: 0, count: 257)
        for digest in 0..<count { starts[Int(digests[digest * TLSHDistance.digestLength + 1]) + 1] += 1 }
        for length in 0..<256 { starts[length + 1] += starts[length] }
        var cursor = Array(starts[..<256])
        var order = [UInt32](repeating: 0, count: count)
        for digest in 0..<count {
            let length = Int(digests[digest * TLSHDistance.digestLength + 1])
            order[Int(cursor[length])] = UInt32(digest)
            cursor[length] += 1
        }
        return (order, starts)
    }

    /// Per table, the buckets whose high bits make its key (seeded Fisher-Yates prefixes).
    static func samples(_ parameters: Parameters) -> [[Int]] {
        var state = parameters.seed
        var samples: [[Int]] = []
        for _ in 0..<parameters.tables {
            var buckets = Array(0..<128)
            for index in 0..<parameters.bitsPerKey {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                buckets.swapAt(index, index + Int((z ^ (z >> 31)) % UInt64(128 - index)))
            }
            samples.append(Array(buckets.prefix(parameters.bitsPerKey)))
        }
        return samples
    }

    /// Whether a search for `query` probes a key of `digest` in some table (both 35 bytes):
    /// the candidates `search` considers, before their distance is checked.
    static func probes(_ query: UnsafePointer<UInt8>, _ digest: UnsafePointer<UInt8>, samples: [[Int]], probeRadius: Int) -> Bool {
        for buckets in samples where (key(query, buckets) ^ key(digest, buckets)).nonzeroBitCount <= probeRadius { return true }
        return false
    }

    /// The key of a digest in one table: the high bits of the sampled buckets.
    @inline(__always)
    static func key(_ digest: UnsafePointer<UInt8>, _ buckets: [Int]) -> Int {
        var key = 0
        for (bit, bucket) in buckets.enumerated() {
            key |= Int((digest[3 + bucket >> 2] >> (UInt8(bucket & 3) * 2 + 1)) & 1) << bit
        }
        return key
    }

    /// The digests within TLSH distance `radius` of `query` (35 bytes): digest numbers and
    /// distances, sorted by number.
    public func search(_ query: [UInt8], radius: Int, includeLength: Bool = true) -> [(digest: Int, distance: Int)] {
        var hits: [(digest: Int, distance: Int)] = []
        search(query, radius: radius, includeLength: includeLength, into: &hits)
        return hits
    }

    /// `search` into `hits` (emptied first), so a caller querying message after message
    /// keeps one buffer's capacity instead of allocating a result each time.
    public func search(_ query: [UInt8], radius: Int, includeLength: Bool = true, into hits: inout [(digest: Int, distance: Int)]) {
        precondition(query.count == TLSHDistance.digestLength)
        hits.removeAll(keepingCapacity: true)
        guard parameters.bitsPerKey > 0 else {
            if includeLength { appendNearLengths(query, radius: radius, to: &hits) } else { appendScanned(query, radius: radius, includeLength: false, to: &hits) }
            return
        }
        let keys = 1 << parameters.bitsPerKey
        query.withUnsafeBufferPointer { query in
            digests.withUnsafeBufferPointer { digests in
                for index in 0..<parameters.tables {
                    let own = Self.key(query.baseAddress!, samples[index])
                    for probe in -1..<(parameters.probeRadius == 1 ? parameters.bitsPerKey : 0) {
                        let key = probe < 0 ? own : own ^ (1 << probe)
                        let base = index * (keys + 1)
                        for position in Int(offsets[base + key])..<Int(offsets[base + key + 1]) {
                            // A near neighbour shares keys in many tables: appended once a table,
                            // deduplicated below.
                            let digest = Int(postings[index * count + position])
                            if let distance = TLSHDistance.distance(query.baseAddress!, digests.baseAddress! + digest * TLSHDistance.digestLength,
                                                                    includeLength: includeLength, within: radius) {
                                hits.append((digest, distance))
                            }
                        }
                    }
                }
            }
        }
        hits.sortRemovingDuplicates { $0.digest }
    }

    /// Scan mode with the length term: the digests whose length byte is within max(1, radius / 12)
    /// of the query's (circularly, as the distance measures it), sorted by number.
    func scanNearLengths(_ query: [UInt8], radius: Int) -> [(digest: Int, distance: Int)] {
        var hits: [(digest: Int, distance: Int)] = []
        appendNearLengths(query, radius: radius, to: &hits)
        return hits
    }

    /// `scanNearLengths`' hits appended to `hits` (empty before), sorted by number.
    private func appendNearLengths(_ query: [UInt8], radius: Int, to hits: inout [(digest: Int, distance: Int)]) {
        guard radius >= 0 else { return }
        let reach = max(1, radius / 12)
        guard reach < 128 else { return appendScanned(query, radius: radius, includeLength: true, to: &hits) }  // every length is in reach
        let own = Int(query[1])
        query.withUnsafeBufferPointer { query in
            lengthOrdered.withUnsafeBufferPointer { digests in
                for step in -reach...reach {
                    let length = (own + step) & 255
                    // The length term is the same for the whole bucket (|step| < 128: the circular difference).
                    let lengthTerm = abs(step) <= 1 ? abs(step) : abs(step) * 12
                    guard lengthTerm <= radius else { continue }
                    for position in Int(lengthStarts[length])..<Int(lengthStarts[length + 1]) {
                        if let distance = TLSHDistance.distance(query.baseAddress!, digests.baseAddress! + position * TLSHDistance.digestLength,
                                                                includeLength: false, within: radius - lengthTerm) {
                            hits.append((Int(byLength[position]), lengthTerm + distance))
                        }
                    }
                }
            }
        }
        hits.sort { $0.digest < $1.digest }
    }

    /// Every digest within `radius`, by scanning them all (the reference for recall).
    public func bruteForce(_ query: [UInt8], radius: Int, includeLength: Bool = true) -> [(digest: Int, distance: Int)] {
        var hits: [(digest: Int, distance: Int)] = []
        appendScanned(query, radius: radius, includeLength: includeLength, to: &hits)
        return hits
    }

    /// `bruteForce`'s hits appended to `hits`, in digest order.
    private func appendScanned(_ query: [UInt8], radius: Int, includeLength: Bool, to hits: inout [(digest: Int, distance: Int)]) {
        query.withUnsafeBufferPointer { query in
            digests.withUnsafeBufferPointer { digests in
                for digest in 0..<count {
                    if let distance = TLSHDistance.distance(query.baseAddress!, digests.baseAddress! + digest * TLSHDistance.digestLength,
                                                            includeLength: includeLength, within: radius) {
                        hits.append((digest, distance))
                    }
                }
            }
        }
    }

    /// Bytes held.
    public var memoryBytes: Int { digests.count + lengthOrdered.count + (offsets.count + postings.count + byLength.count + lengthStarts.count) * 4 }
}
