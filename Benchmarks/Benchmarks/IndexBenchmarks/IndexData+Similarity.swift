import BenchmarkSupport
import Imprint

/// TLSH digests (35 raw bytes: checksum, length, Q ratios, 32 code bytes): every fourth a
/// near copy of an earlier one (up to 50 bucket steps); queries move up to 40 steps.
struct TLSHData: @unchecked Sendable {
    let index: TLSHIndex
    let queries: [[UInt8]]

    init(count: Int, queries queryCount: Int = 1000) {
        var random = SplitMix(seed: 0x7154_5348)
        var digests = [UInt8](repeating: 0, count: count * 35)
        for digest in 0..<count {
            if digest % 4 == 3 {
                let source = random.below(digest)
                let near = Self.near(digests[source * 35..<(source + 1) * 35], steps: random.below(51), &random)
                digests.replaceSubrange(digest * 35..<(digest + 1) * 35, with: near)
            } else {
                for byte in digest * 35..<(digest + 1) * 35 { digests[byte] = UInt8(truncatingIfNeeded: random.next()) }
            }
        }
        queries = (0..<queryCount).map { _ in
            let source = random.below(count)
            return Self.near(digests[source * 35..<(source + 1) * 35], steps: random.below(41), &random)
        }
        index = TLSHIndex(digests: digests)
    }

    /// `source` with `steps` quartile codes moved by one (sometimes two) and, at times, a new
    /// checksum or length byte.
    static func near(_ source: ArraySlice<UInt8>, steps: Int, _ random: inout SplitMix) -> [UInt8] {
        var digest = Array(source)
        for _ in 0..<steps {
            let bucket = random.below(128)
            let byte = 3 + bucket / 4, shift = UInt8(bucket % 4) * 2
            let code = Int(digest[byte] >> shift) & 3
            let step = random.below(10) == 0 ? 2 : 1
            let moved = UInt8(min(3, max(0, code + (random.below(2) == 0 ? step : -step))))
            digest[byte] = digest[byte] & ~(3 << shift) | moved << shift
        }
        if random.below(2) == 0 { digest[0] = UInt8(truncatingIfNeeded: random.next()) }
        if random.below(4) == 0 { digest[1] &+= 1 }
        return digest
    }
}

/// MinHash signatures of 128 four-byte rows: every fifth a copy of an earlier one with up to
/// 50 rows changed; queries are stored signatures.
struct MinHashData: @unchecked Sendable {
    static let rows = 128
    let index: MinHashLSHIndex
    let queries: [[UInt8]]

    init(count: Int, queries queryCount: Int = 1000) {
        var random = SplitMix(seed: 0x0313_4A54)
        let width = Self.rows * 4
        var signatures = [UInt8](repeating: 0, count: count * width)
        for signature in 0..<count {
            let start = signature * width
            if signature % 5 == 4 {
                let source = random.below(signature) * width
                for byte in 0..<width { signatures[start + byte] = signatures[source + byte] }
                for _ in 0..<random.below(50) { signatures[start + random.below(Self.rows) * 4] = UInt8(truncatingIfNeeded: random.next()) }
            } else {
                for byte in start..<start + width { signatures[byte] = UInt8(truncatingIfNeeded: random.next()) }
            }
        }
        queries = (0..<queryCount).map { _ in
            let source = random.below(count) * width
            return Array(signatures[source..<source + width])
        }
        index = MinHashLSHIndex(signatures: signatures, signatureRows: Self.rows, threshold: 0.5)
    }
}
