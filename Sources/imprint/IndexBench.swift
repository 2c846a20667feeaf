import Imprint
#if canImport(Glibc)
import Glibc
#endif

/// `value` with `digits` decimals.
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale), part = String(abs(scaled) % Int(scale))
    return "\(whole)." + String(repeating: "0", count: digits - part.count) + part
}

/// The synthetic data and timing loops of `imprint cartridge bench-indexes`.
struct IndexBench {
    let queries: Int
    let bruteQueries: Int
    /// Per mille of TLSH mutation steps forced across the median (the LSH's hard case).
    var medianPerMille = 0
    var random = SplitMix(state: 0x1A2B_3C4D)

    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// CPU time of this thread (excludes time the scheduler gave to other processes).
    static func cpuNow() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    static func percentiles(_ nanoseconds: [UInt64]) -> String {
        let sorted = nanoseconds.sorted()
        func at(_ fraction: Double) -> String {
            let value = Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))])
            return value < 10_000 ? "\(Int(value)) ns" : fixed(value / 1e6, 3) + " ms"
        }
        return "p50 \(at(0.5)), p99 \(at(0.99)), max \(at(1.0))"
    }

    static func report(_ name: String, _ nanoseconds: [UInt64], extra: String = "") {
        let sorted = nanoseconds.sorted()
        func at(_ fraction: Double) -> String {
            let value = Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))])
            return value < 10_000 ? "\(Int(value)) ns" : fixed(value / 1e6, 3) + " ms"
        }
        print("\(name): \(sorted.count) queries, p50 \(at(0.5)), p99 \(at(0.99)), max \(at(1.0))\(extra)")
    }

    static func rss() -> String {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return "peak RSS \(usage.ru_maxrss / 1024) MiB"
    }

    mutating func exact(entries count: Int) throws {
        var entries: [CartridgeEntry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let value = (0..<4).flatMap { _ in withUnsafeBytes(of: random.next()) { Array($0) } }
            entries.append(CartridgeEntry(fingerprint: Fingerprint(kind: .exactBodySHA256, value: value), category: .spam))
        }
        let database = try FingerprintDatabase(version: CartridgeVersion(), entries: entries)
        var start = Self.now()
        let file = database.encoded()
        let encoded = Self.now() - start
        start = Self.now()
        let loaded = try FingerprintDatabase(decoding: file)
        print("database: \(count) entries, file \(file.count / 1_048_576) MiB, write \(fixed(Double(encoded) / 1e9, 2)) s, verified load \(fixed(Double(Self.now() - start) / 1e9, 2)) s (\(loaded.count) entries)")
        start = Self.now()
        let index = try ExactIndex(database: database)
        print("exact: built \(count) entries in \(fixed(Double(Self.now() - start) / 1e9, 2)) s, \(index.memoryBytes / 1_048_576) MiB, \(Self.rss())")
        var times: [UInt64] = []
        var hits = 0
        for query in 0..<queries * 100 {
            let fingerprint = query % 2 == 0 ? entries[random.below(count)].fingerprint
                : Fingerprint(kind: .exactBodySHA256, value: (0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            start = Self.now()
            let found = index.lookup(fingerprint, in: database)
            times.append(Self.now() - start)
            if found != nil { hits += 1 }
        }
        Self.report("exact lookup over \(count)", times, extra: ", \(hits) hits (half the queries are present)")
    }

    mutating func hamming(name: String, entries count: Int, words: Int, radius: Int, clusterFlips: Int, slotWidth: Int) {
        var codes = [UInt64](repeating: 0, count: count * words)
        for index in 0..<count {
            if index % 10 == 9 {
                let source = random.below(index)
                for word in 0..<words { codes[index * words + word] = codes[source * words + word] }
                for _ in 0..<random.below(clusterFlips + 1) {
                    let bit = random.below(64 * words)
                    codes[index * words + bit / 64] ^= 1 << UInt64(bit % 64)
                }
            } else {
                for word in 0..<words { codes[index * words + word] = random.next() }
            }
        }
        var start = Self.now()
        let index = HammingIndex(codes: codes, words: words, slotWidth: slotWidth == 0 ? nil : slotWidth)
        print("\(name): built \(count) codes (\(index.slots.count) slots) in \(fixed(Double(Self.now() - start) / 1e9, 2)) s, \(index.memoryBytes / 1_048_576) MiB, \(Self.rss())")
        var times: [UInt64] = [], cpuTimes: [UInt64] = []
        var found = 0, checked = 0, agreed = 0
        for query in 0..<queries {
            let source = random.below(count)
            var vector = Array(codes[source * words..<(source + 1) * words])
            for _ in 0..<random.below(radius + 1) {
                let bit = random.below(64 * words)
                vector[bit / 64] ^= 1 << UInt64(bit % 64)
            }
            start = Self.now()
            let cpuStart = Self.cpuNow()
            let hits = index.search(vector, radius: radius)
            cpuTimes.append(Self.cpuNow() - cpuStart)
            times.append(Self.now() - start)
            found += hits.count
            if query < bruteQueries {
                checked += 1
                if index.bruteForce(vector, radius: radius).map(\.code) == hits.map(\.code) { agreed += 1 }
            }
        }
        Self.report("\(name) radius \(radius) over \(count)", times, extra: ", \(found) hits, brute force agrees on \(agreed)/\(checked)")
        print("  thread CPU time: \(Self.percentiles(cpuTimes))")
    }

    mutating func tlshDigest(near source: ArraySlice<UInt8>, steps: Int) -> [UInt8] {
        var digest = Array(source)
        for _ in 0..<steps {
            let bucket = random.below(128)
            let byte = 3 + bucket / 4, shift = UInt8(bucket % 4) * 2
            let code = Int(digest[byte] >> shift) & 3
            let step = random.below(10) == 0 ? 2 : 1
            var moved = UInt8(min(3, max(0, code + (random.below(2) == 0 ? step : -step))))
            if random.below(1000) < medianPerMille { moved = code < 2 ? 2 : 1 }
            digest[byte] = digest[byte] & ~(3 << shift) | moved << shift
        }
        if random.below(2) == 0 { digest[0] = UInt8(truncatingIfNeeded: random.next()) }
        if random.below(4) == 0 { digest[1] &+= 1 }
        return digest
    }

    mutating func tlsh(entries count: Int, parameters: TLSHIndex.Parameters) {
        var digests: [UInt8] = []
        digests.reserveCapacity(count * 35)
        for index in 0..<count {
            if index % 4 == 3 {
                let source = random.below(index)
                digests += tlshDigest(near: digests[source * 35..<(source + 1) * 35], steps: random.below(51))
            } else {
                for _ in 0..<35 { digests.append(UInt8(truncatingIfNeeded: random.next())) }
            }
        }
        var start = Self.now()
        let index = TLSHIndex(digests: digests, parameters: parameters)
        print("tlsh: built \(count) digests (\(parameters.tables) tables x \(parameters.bitsPerKey) bits, probe \(parameters.probeRadius)) in \(fixed(Double(Self.now() - start) / 1e9, 2)) s, \(index.memoryBytes / 1_048_576) MiB, \(Self.rss())")
        var times: [UInt64] = [], cpuTimes: [UInt64] = []
        var truth = 0, found = 0
        var byDistance = [Int](repeating: 0, count: 8), missedByDistance = [Int](repeating: 0, count: 8)
        for query in 0..<queries {
            let source = random.below(count)
            let vector = tlshDigest(near: digests[source * 35..<(source + 1) * 35], steps: random.below(41))
            start = Self.now()
            let cpuStart = Self.cpuNow()
            let hits = index.search(vector, radius: 70)
            cpuTimes.append(Self.cpuNow() - cpuStart)
            times.append(Self.now() - start)
            if query < bruteQueries {
                let exact = index.bruteForce(vector, radius: 70)
                let returned = Set(hits.map(\.digest))
                truth += exact.count
                found += exact.filter { returned.contains($0.digest) }.count
                for hit in exact {
                    byDistance[hit.distance / 10] += 1
                    if !returned.contains(hit.digest) { missedByDistance[hit.distance / 10] += 1 }
                }
            }
        }
        let recall = truth == 0 ? 1 : Double(found) / Double(truth)
        Self.report("tlsh radius 70 over \(count)", times, extra: ", recall \(fixed(recall, 4)) (\(found)/\(truth) over \(min(queries, bruteQueries)) brute-force queries)")
        print("  thread CPU time: \(Self.percentiles(cpuTimes))")
        print("tlsh recall by distance: " + (0..<8).filter { byDistance[$0] > 0 }.map {
            "\($0 * 10)-\($0 * 10 + 9): \(byDistance[$0] - missedByDistance[$0])/\(byDistance[$0])"
        }.joined(separator: ", "))
    }

    mutating func minhash(entries count: Int) {
        let rows = 128
        var signatures: [UInt8] = []
        signatures.reserveCapacity(count * rows * 4)
        for index in 0..<count {
            if index % 5 == 4 {
                let source = random.below(index)
                var copy = Array(signatures[source * rows * 4..<(source + 1) * rows * 4])
                for _ in 0..<random.below(50) { copy[random.below(rows) * 4] = UInt8(truncatingIfNeeded: random.next()) }
                signatures += copy
            } else {
                for _ in 0..<(rows * 4) { signatures.append(UInt8(truncatingIfNeeded: random.next())) }
            }
        }
        var start = Self.now()
        let index = MinHashLSHIndex(signatures: signatures, signatureRows: rows, threshold: 0.5)
        print("minhash: built \(count) signatures (\(index.bands) bands x \(index.rows) rows) in \(fixed(Double(Self.now() - start) / 1e9, 2)) s, \(index.memoryBytes / 1_048_576) MiB")
        var times: [UInt64] = []
        for _ in 0..<queries {
            let source = random.below(count)
            let vector = Array(signatures[source * rows * 4..<(source + 1) * rows * 4])
            start = Self.now()
            _ = index.search(vector, threshold: 0.5)
            times.append(Self.now() - start)
        }
        Self.report("minhash threshold 0.5 over \(count)", times)
    }
}
