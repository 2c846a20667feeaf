import BenchmarkSupport
import Foundation
import Imprint

/// Synthetic index contents (seeded random fingerprints plus near-duplicate clusters, as the
/// cartridge tests' generators make them) and the queries run against them. One data set is
/// alive at a time: a benchmark's setup replaces the previous one, so the 10M sets never add up.
final class IndexData: @unchecked Sendable {
    static let slot = IndexData()
    private let lock = NSLock()
    private var name = ""
    private var value: Any?

    /// The data set called `name`, made by `make` unless it is the one held.
    func get<T>(_ name: String, _ make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if self.name == name, let held = value as? T { return held }
        value = nil
        let made = make()
        (self.name, value) = (name, made)
        return made
    }

    func clear() {
        lock.lock()
        (name, value) = ("", nil)
        lock.unlock()
    }
}

/// Codes of `words` 64-bit words: every tenth a copy of an earlier one with up to
/// `clusterFlips` bits flipped; queries are codes moved by up to `radius` bits.
struct HammingData: @unchecked Sendable {
    let index: HammingIndex
    let queries: [[UInt64]]

    init(count: Int, words: Int, radius: Int, clusterFlips: Int, queries queryCount: Int = 1000) {
        var random = SplitMix(seed: 0x1A2B_3C4D)
        var codes = [UInt64](repeating: 0, count: count * words)
        for code in 0..<count {
            if code % 10 == 9 {
                let source = random.below(code)
                for word in 0..<words { codes[code * words + word] = codes[source * words + word] }
                Self.flip(&codes, at: code * words, words: words, upTo: clusterFlips, &random)
            } else {
                for word in 0..<words { codes[code * words + word] = random.next() }
            }
        }
        queries = (0..<queryCount).map { _ in
            let source = random.below(count)
            var query = Array(codes[source * words..<(source + 1) * words])
            Self.flip(&query, at: 0, words: words, upTo: radius, &random)
            return query
        }
        index = HammingIndex(codes: codes, words: words)
    }

    static func flip(_ codes: inout [UInt64], at start: Int, words: Int, upTo flips: Int, _ random: inout SplitMix) {
        for _ in 0..<random.below(flips + 1) {
            let bit = random.below(64 * words)
            codes[start + bit / 64] ^= 1 << UInt64(bit % 64)
        }
    }
}

/// Exact digests (32-byte body SHA-256 values) in a database and its hash index; half the
/// queries are present.
struct ExactData: @unchecked Sendable {
    let database: FingerprintDatabase
    let index: ExactIndex
    let queries: [Fingerprint]

    init(count: Int, queries queryCount: Int = 10_000) {
        var random = SplitMix(seed: 0xE7AC_7000)
        var entries: [CartridgeEntry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            entries.append(CartridgeEntry(fingerprint: Fingerprint(kind: .exactBodySHA256, value: random.bytes(32)), category: .spam))
        }
        queries = (0..<queryCount).map { number in
            number % 2 == 0 ? entries[random.below(count)].fingerprint : Fingerprint(kind: .exactBodySHA256, value: random.bytes(32))
        }
        do {
            database = try FingerprintDatabase(version: CartridgeVersion(), entries: entries)
            index = try ExactIndex(database: database)
        } catch {
            fatalError("exact index: \(error)")
        }
    }
}
