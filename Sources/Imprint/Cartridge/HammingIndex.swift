#if canImport(Glibc)
import Glibc
#endif
import ImprintHashing

/// Radius search in Hamming space (PDQ 256-bit, Nilsimsa 256-bit, SimHash 64-bit) by
/// multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with
/// Multi-Index Hashing", CVPR 2012).
///
/// Each B-bit code (B = 64 x words) is cut into m disjoint slots of nearly equal width, and
/// each slot has its own table from slot values to the codes holding that value (a flat CSR
/// layout: one offsets array of 2^width + 1 entries and one postings array a slot, no
/// per-bucket allocation). By the pigeonhole principle, two codes within Hamming distance r
/// agree to within d = floor(r / m) bits in at least one slot; so a query probes, in every
/// slot, all values within d bits of its own slot value, and verifies each candidate with a
/// full popcount. The search is exact: every code within r and no other.
///
/// The slot width follows the paper's advice, width ~ log2(n) (rounded up, clamped to
/// 8...24 bits), so that a bucket holds about one random code. For PDQ at n = 10M: width 24
/// gives m = 11 slots of 23-24 bits, d = floor(31/11) = 2, 1 + 24 + 276 = 301 probes a slot,
/// 3,311 in all, and about 3,311 x n / 2^23.3 = 3,300 random candidates to verify. Measured
/// on 10M synthetic codes (thread CPU time, p99): 1.5 ms at width 24 (1.17 GB), 3.9 ms at
/// width 23 (12 slots, 0.89 GB), 19.8 ms with 16 slots of 16 bits (d = 1, only 272 probes,
/// but 16 x 17 x n / 65,536 = 41,500 candidates, each a cache miss in a 320 MB code array).
/// For SimHash at r = 3, n = 10M: m = 3 slots of 21-22 bits, d = 1, 67 probes.
///
/// - Complexity: build O(m x n) time; memory 8 x words + 4 x m bytes a code plus
///   4 x 2^width bytes a slot (about 8 x m bytes a code at the default width). Query
///   O(m x P + C), P = sum over i <= d of C(width, i) probes a slot and C candidates
///   (about m x P x n / 2^width on random data).
public struct HammingIndex: Sendable {
    /// 64-bit words a code.
    public let words: Int
    /// Codes indexed.
    public let count: Int
    /// The slots: first bit and width of each.
    public let slots: [(start: Int, width: Int)]
    let codes: [UInt64]
    /// Where each slot's offsets start in `offsets`.
    let tableStarts: [Int]
    let offsets: [UInt32]
    let postings: [UInt32]

    /// The default slot width for `count` codes: ceil(log2(count)), clamped to 8...24.
    public static func defaultSlotWidth(count: Int) -> Int {
        min(24, max(8, Int((log2(Double(max(count, 1)))).rounded(.up))))
    }

    /// Indexes `codes`, `words` little-endian 64-bit words each, numbered from 0.
    /// - Parameter slotWidth: the target slot width (default `defaultSlotWidth(count:)`).
    public init(codes: [UInt64], words: Int, slotWidth: Int? = nil) {
        precondition(words > 0 && codes.count % words == 0, "codes must be whole")
        precondition(codes.count / words < Int(UInt32.max), "at most 2^32 - 1 codes")
        self.words = words
        self.codes = codes
        let count = codes.count / words
        self.count = count
        let bits = 64 * words
        let target = min(24, max(1, slotWidth ?? Self.defaultSlotWidth(count: count)))
        let slotCount = (bits + target - 1) / target
        var slots: [(start: Int, width: Int)] = []
        var start = 0
        for slot in 0..<slotCount {
            let width = bits / slotCount + (slot < bits % slotCount ? 1 : 0)
            slots.append((start, width))
            start += width
        }
        self.slots = slots
        var tableStarts: [Int] = []
        var total = 0
        for slot in slots {
            tableStarts.append(total)
            total += (1 << slot.width) + 1
        }
        self.tableStarts = tableStarts
        var offsets = [UInt32](repeating: 0, count: total)
        var postings = [UInt32](repeating: 0, count: slotCount * count)
        codes.withUnsafeBufferPointer { codes in
            for (index, slot) in slots.enumerated() {
                let base = tableStarts[index]
                for code in 0..<count { offsets[base + 1 + Self.slotValue(codes, code * words, slot)] += 1 }
                for value in 0..<(1 << slot.width) { offsets[base + value + 1] += offsets[base + value] }
                var cursor = Array(offsets[base..<base + (1 << slot.width)])
                for code in 0..<count {
                    let value = Self.slotValue(codes, code * words, slot)
                    postings[index * count + Int(cursor[value])] = UInt32(code)
                    cursor[value] += 1
                }
            }
        }
        self.offsets = offsets
        self.postings = postings
    }

    /// The value of `slot` in the code starting at word `start`.
    @inline(__always)
    static func slotValue(_ codes: UnsafeBufferPointer<UInt64>, _ start: Int, _ slot: (start: Int, width: Int)) -> Int {
        let word = start + slot.start >> 6, shift = UInt64(slot.start & 63)
        var value = codes[word] >> shift
        if Int(shift) + slot.width > 64 { value |= codes[word + 1] << (64 - shift) }
        return Int(truncatingIfNeeded: value & (1 << UInt64(slot.width) - 1))
    }

    /// Calls `body` with every mask of `width` bits with at most `weight` bits set, lightest
    /// first (within a weight, in increasing order: Gosper's next-combination step).
    @inline(__always)
    static func forEachMask(width: Int, weight: Int, _ body: (Int) -> Void) {
        body(0)
        guard width > 0, weight > 0 else { return }
        for bits in 1...min(weight, width) {
            var mask = (1 << bits) - 1
            while mask < 1 << width {
                body(mask)
                let lowest = mask & -mask
                let rippled = mask + lowest
                mask = (((rippled ^ mask) >> 2) / lowest) | rippled
            }
        }
    }

    /// Every code within Hamming distance `radius` of `query` (`words` words): code numbers
    /// and distances, sorted by code number.
    public func search(_ query: [UInt64], radius: Int) -> [(code: Int, distance: Int)] {
        var hits: [(code: Int, distance: Int)] = []
        search(query, radius: radius, into: &hits)
        return hits
    }

    /// `search` into `hits` (emptied first), so a caller querying message after message
    /// keeps one buffer's capacity instead of allocating a result each time.
    public func search(_ query: [UInt64], radius: Int, into hits: inout [(code: Int, distance: Int)]) {
        precondition(query.count == words)
        hits.removeAll(keepingCapacity: true)
        if count * words <= Self.scanLimit { appendScanned(query, radius: radius, path: .simd, to: &hits) } else { appendProbed(query, radius: radius, to: &hits) }
    }

    /// `search` through the slot tables, whatever the size.
    func probe(_ query: [UInt64], radius: Int) -> [(code: Int, distance: Int)] {
        var hits: [(code: Int, distance: Int)] = []
        appendProbed(query, radius: radius, to: &hits)
        return hits
    }

    /// The probe search's hits appended to `hits`, sorted by code number (`hits` empty before).
    /// Nothing is allocated: the masks are enumerated, and a code met in several slots (a
    /// near one) is appended once a slot and deduplicated at the end.
    private func appendProbed(_ query: [UInt64], radius: Int, to hits: inout [(code: Int, distance: Int)]) {
        let weight = max(0, radius) / slots.count
        codes.withUnsafeBufferPointer { codes in
            offsets.withUnsafeBufferPointer { offsets in
                postings.withUnsafeBufferPointer { postings in
                    query.withUnsafeBufferPointer { query in
                        for (index, slot) in slots.enumerated() {
                            let own = Self.slotValue(query, 0, slot)
                            let base = tableStarts[index]
                            let list = index * count
                            Self.forEachMask(width: slot.width, weight: weight) { mask in
                                let value = own ^ mask
                                var position = Int(offsets[base + value])
                                let end = Int(offsets[base + value + 1])
                                while position < end {
                                    let code = Int(postings[list + position])
                                    position += 1
                                    var distance = 0
                                    for word in 0..<words { distance &+= (codes[code * words + word] ^ query[word]).nonzeroBitCount }
                                    if distance <= radius { hits.append((code, distance)) }
                                }
                            }
                        }
                    }
                }
            }
        }
        hits.sortRemovingDuplicates { $0.code }
    }

    /// Every code within `radius`, by scanning them all (exact; `search` uses it for small
    /// indexes). The `.simd` path XORs eight code words a step with the query (repeated to
    /// fill the vector when the code width divides eight words: SimHash, PDQ, Nilsimsa) and
    /// counts bits lane-wise (`Hamming.populationCounts`); baseline x86-64 has no `popcnt`,
    /// so the scalar loop's `nonzeroBitCount` is a dozen instructions a word. The `.scalar`
    /// path is its twin, tested equal.
    public func bruteForce(_ query: [UInt64], radius: Int, path: KernelPath = .simd) -> [(code: Int, distance: Int)] {
        precondition(query.count == words)
        var hits: [(code: Int, distance: Int)] = []
        appendScanned(query, radius: radius, path: path, to: &hits)
        return hits
    }

    /// The brute-force search's hits appended to `hits`, in code order.
    private func appendScanned(_ query: [UInt64], radius: Int, path: KernelPath, to hits: inout [(code: Int, distance: Int)]) {
        codes.withUnsafeBufferPointer { codes in
            query.withUnsafeBufferPointer { query in
                var code = 0
                if path == .simd, 8 % words == 0, let base = codes.baseAddress {
                    code = Self.scan(UnsafeRawPointer(base), count: count, words: words, query: query, radius: radius, into: &hits)
                }
                while code < count {
                    var distance = 0
                    for word in 0..<words { distance &+= (codes[code * words + word] ^ query[word]).nonzeroBitCount }
                    if distance <= radius { hits.append((code, distance)) }
                    code += 1
                }
            }
        }
    }

    /// The vector part of `bruteForce`: whole steps of eight words (8 / `words` codes); returns
    /// the first code it left for the scalar tail.
    private static func scan(_ codes: UnsafeRawPointer, count: Int, words: Int, query: UnsafeBufferPointer<UInt64>,
                             radius: Int, into hits: inout [(code: Int, distance: Int)]) -> Int {
        var pattern = SIMD8<UInt64>()
        for lane in 0..<8 { pattern[lane] = query[lane % words] }
        let codesPerStep = 8 / words
        let limit = SIMD8<UInt64>(repeating: UInt64(max(radius, -1) + 1))  // distance < limit
        var code = 0
        while code + codesPerStep <= count {
            let differences = codes.loadUnaligned(fromByteOffset: code &* words &* 8, as: SIMD8<UInt64>.self) ^ pattern
            if words == 4 {
                // Two 256-bit codes: byte counts (at most 8), the four words of each code added
                // bytewise (at most 32), then one fold a code instead of a full count a word.
                let bytes = Hamming.byteCounts(differences)
                let first = bytes.lowHalf.lowHalf &+ bytes.lowHalf.highHalf, second = bytes.highHalf.lowHalf &+ bytes.highHalf.highHalf
                let low = byteSum(first[0] &+ first[1]), high = byteSum(second[0] &+ second[1])
                if low <= radius { hits.append((code, low)) }
                if high <= radius { hits.append((code + 1, high)) }
                code &+= 2
                continue
            }
            let counts = Hamming.populationCounts(differences)
            switch words {
            case 1:
                if any(counts .< limit) {
                    for lane in 0..<8 where counts[lane] < limit[0] { hits.append((code + lane, Int(counts[lane]))) }
                }
            default:
                for group in 0..<codesPerStep {
                    var distance = 0
                    for word in 0..<words { distance &+= Int(counts[group &* words &+ word]) }
                    if distance <= radius { hits.append((code + group, distance)) }
                }
            }
            code &+= codesPerStep
        }
        return code
    }

    /// The sum of the eight bytes of `x`, each at most 32 (so the sum, at most 256, fits the
    /// 16-bit pairs it is gathered in).
    @inline(__always)
    private static func byteSum(_ x: UInt64) -> Int {
        let pairs = (x & 0x00FF_00FF_00FF_00FF) &+ ((x &>> 8) & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
    }

    /// Up to this many code words (codes × words a code), `search` scans every code: a scan of
    /// 256 KiB is cheaper than the slot tables' scattered probes, and gives the same result
    /// (the multi-index search is exact).
    public static let scanLimit = 1 << 15

    /// Bytes held.
    public var memoryBytes: Int { codes.count * 8 + offsets.count * 4 + postings.count * 4 }

    /// Little-endian 64-bit words of a value whose length is a multiple of 8.
    public static func words(of value: UnsafeRawBufferPointer) -> [UInt64] {
        var words: [UInt64] = []
        self.words(of: value, into: &words)
        return words
    }

    /// `words(of:)` into `words` (emptied first), for a caller that reuses one buffer.
    public static func words(of value: UnsafeRawBufferPointer, into words: inout [UInt64]) {
        words.removeAll(keepingCapacity: true)
        for start in stride(from: 0, to: value.count - value.count % 8, by: 8) {
            words.append(UInt64(littleEndian: value.loadUnaligned(fromByteOffset: start, as: UInt64.self)))
        }
    }
}
