import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

/// The cartridge indexes against brute force on seeded data: random codes plus clusters of
/// near-duplicates around random centres.
@Suite struct IndexTests {
    /// `count` random codes of `words` words, every fifth one a near-duplicate of an earlier
    /// code with up to `maxFlips` bits flipped.
    static func hammingCodes(_ count: Int, words: Int, maxFlips: Int, seed: UInt64) -> [UInt64] {
        var generator = SeededGenerator(seed: seed)
        var codes: [UInt64] = []
        for index in 0..<count {
            if index % 5 == 4 {
                let source = Int.random(in: 0..<index, using: &generator)
                var code = Array(codes[source * words..<(source + 1) * words])
                for _ in 0..<Int.random(in: 0...maxFlips, using: &generator) {
                    let bit = Int.random(in: 0..<(64 * words), using: &generator)
                    code[bit / 64] ^= 1 << UInt64(bit % 64)
                }
                codes += code
            } else {
                codes += (0..<words).map { _ in generator.next() }
            }
        }
        return codes
    }

    /// Slot width 0 is the default (13 bits for 6,000 codes); 21 and 23 make slots straddle words.
    @Test(arguments: [(4, 31, 45, 0), (4, 31, 40, 16), (4, 31, 40, 21), (4, 0, 10, 0), (4, 15, 20, 23),
                      (4, 40, 50, 0), (1, 3, 6, 0), (1, 8, 10, 21), (1, 3, 5, 11)])
    func hammingSearchEqualsBruteForce(words: Int, radius: Int, maxFlips: Int, slotWidth: Int) {
        let codes = Self.hammingCodes(6000, words: words, maxFlips: maxFlips, seed: UInt64(words * 100 + radius))
        let index = HammingIndex(codes: codes, words: words, slotWidth: slotWidth == 0 ? nil : slotWidth)
        var generator = SeededGenerator(seed: 7)
        var found = 0
        // One buffer reused across queries, as the engine does: each search empties it first.
        var reused: [(code: Int, distance: Int)] = [(code: -1, distance: -1)]
        for _ in 0..<150 {
            let source = Int.random(in: 0..<index.count, using: &generator)
            var query = Array(codes[source * words..<(source + 1) * words])
            for _ in 0..<Int.random(in: 0...maxFlips, using: &generator) {
                let bit = Int.random(in: 0..<(64 * words), using: &generator)
                query[bit / 64] ^= 1 << UInt64(bit % 64)
            }
            let fast = index.probe(query, radius: radius)
            let slow = index.bruteForce(query, radius: radius)
            #expect(index.search(query, radius: radius).map(\.code) == slow.map(\.code))
            index.search(query, radius: radius, into: &reused)
            #expect(reused.map(\.code) == slow.map(\.code) && reused.map(\.distance) == slow.map(\.distance))
            #expect(fast.map(\.code) == slow.map(\.code))
            #expect(fast.map(\.distance) == slow.map(\.distance))
            found += slow.count
        }
        #expect(found > 0)
    }

    /// The vector scan and its scalar twin give the same hits, in the same order, for code
    /// widths that fill the vector (1, 2, 4, 8 words) and one that does not (3), over counts
    /// that leave a scalar tail.
    @Test(arguments: [1, 2, 3, 4, 8])
    func hammingScanEqualsItsScalarTwin(words: Int) {
        var generator = SeededGenerator(seed: UInt64(words) * 31)
        for count in [0, 1, 7, 8, 9, 1_003] {
            let codes = Self.hammingCodes(count, words: words, maxFlips: 20 * words, seed: generator.next())
            let index = HammingIndex(codes: codes, words: words)
            for _ in 0..<40 {
                var query = count > 0 ? Array(codes[(count / 2) * words..<(count / 2 + 1) * words]) : (0..<words).map { _ in generator.next() }
                for _ in 0..<Int.random(in: 0...(8 * words), using: &generator) {
                    let bit = Int.random(in: 0..<(64 * words), using: &generator)
                    query[bit / 64] ^= 1 << UInt64(bit % 64)
                }
                for radius in [-1, 0, 3, 10 * words, 32 * words, 64 * words] {
                    let simd = index.bruteForce(query, radius: radius, path: .simd)
                    let scalar = index.bruteForce(query, radius: radius, path: .scalar)
                    #expect(simd.map(\.code) == scalar.map(\.code) && simd.map(\.distance) == scalar.map(\.distance))
                    if radius == 64 * words { #expect(scalar.count == count) }
                }
            }
        }
    }

    /// TLSH digests parsed from the reference's T1 text (header nibbles swapped back).
    static func rawTLSH(_ text: Substring) -> [UInt8] {
        let hex = Array(text.dropFirst(2).utf8)
        var bytes = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
        for index in 0..<3 { bytes[index] = bytes[index] << 4 | bytes[index] >> 4 }
        return bytes
    }

    @Test(arguments: [("example_data.128.1.len.scores_EXP", true), ("example_data.128.1.xlen.scores_EXP", false)])
    func tlshDistanceMatchesTheReferenceTool(scores: String, includeLength: Bool) throws {
        var digests: [Substring: [UInt8]] = [:]
        for row in try Fixtures.table("cartridge/tlsh/example_data.128.1.len.out_EXP") where row.count == 2 {
            digests[row[1]] = Self.rawTLSH(row[0])
        }
        var compared = 0
        for row in try Fixtures.table("cartridge/tlsh/\(scores)") where row.count == 3 {
            guard let a = digests[row[0]], let b = digests[row[1]], let expected = Int(row[2]) else { continue }
            #expect(TLSHDistance.distance(a, b, includeLength: includeLength) == expected, "\(row[0]) \(row[1])")
            // The bounded form (header first, body only when it can still fit) agrees at every radius.
            for radius in [0, expected - 1, expected, expected + 1, 70, 300] where radius >= 0 {
                let bounded = a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { TLSHDistance.distance(a.baseAddress!, $0.baseAddress!, includeLength: includeLength, within: radius) }
                }
                #expect(bounded == (expected <= radius ? expected : nil), "\(row[0]) \(row[1]) radius \(radius)")
            }
            compared += 1
        }
        #expect(compared > 50)
    }

    /// Synthetic TLSH digests: random ones and near-duplicates (quartile codes moved one
    /// step, sometimes two, length and ratios nudged).
    static func tlshDigests(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        var digests: [UInt8] = []
        for index in 0..<count {
            if index % 4 == 3 {
                let source = Int.random(in: 0..<index, using: &generator)
                digests += mutate(Array(digests[source * 35..<(source + 1) * 35]), steps: Int.random(in: 0...50, using: &generator), using: &generator)
            } else {
                digests += generator.bytes(35)
            }
        }
        return digests
    }

    static func mutate(_ digest: [UInt8], steps: Int, using generator: inout SeededGenerator) -> [UInt8] {
        var digest = digest
        for _ in 0..<steps {
            let bucket = Int.random(in: 0..<128, using: &generator)
            let byte = 3 + bucket / 4, shift = UInt8(bucket % 4) * 2
            let code = Int(digest[byte] >> shift) & 3
            let step = Int.random(in: 0..<10, using: &generator) == 0 ? 2 : 1
            let moved = code + (Bool.random(using: &generator) ? step : -step)
            let clamped = UInt8(min(3, max(0, moved)))
            digest[byte] = digest[byte] & ~(3 << shift) | clamped << shift
        }
        if Bool.random(using: &generator) { digest[0] = UInt8.random(in: 0...255, using: &generator) }
        if Int.random(in: 0..<4, using: &generator) == 0 { digest[1] &+= 1 }
        return digest
    }

    @Test func hammingSlotsCoverTheCodeExactly() {
        for (count, words) in [(10, 4), (6000, 4), (10_000_000, 4), (1_000_000, 1)] {
            let width = HammingIndex.defaultSlotWidth(count: count)
            let slots = (64 * words + width - 1) / width
            #expect(slots * width >= 64 * words && (slots - 1) * width < 64 * words)
        }
        let index = HammingIndex(codes: [1, 2, 3, 4], words: 4, slotWidth: 23)
        #expect(index.slots.count == 12)
        #expect(index.slots.map(\.width).reduce(0, +) == 256)
        #expect(zip(index.slots, index.slots.dropFirst()).allSatisfy { $0.start + $0.width == $1.start })
        var masks: [Int] = []
        HammingIndex.forEachMask(width: 22, weight: 2) { masks.append($0) }
        #expect(masks.count == 1 + 22 + 231 && Set(masks).count == masks.count)
        masks.removeAll()
        HammingIndex.forEachMask(width: 10, weight: 3) { masks.append($0) }
        #expect(masks.count == 1 + 10 + 45 + 120 && Set(masks).count == masks.count)
        #expect(masks.allSatisfy { $0 < 1 << 10 && $0.nonzeroBitCount <= 3 })
        #expect(zip(masks, masks.dropFirst()).allSatisfy { $0.nonzeroBitCount <= $1.nonzeroBitCount })
        masks.removeAll()
        HammingIndex.forEachMask(width: 8, weight: 0) { masks.append($0) }
        #expect(masks == [0])
    }

    /// Scan mode (no key bits) reads only the digests near the query's length: the same hits
    /// and distances as scanning them all, at every radius, across the 255 -> 0 wrap of L.
    @Test func tlshScanOfNearLengthsEqualsBruteForce() {
        var generator = SeededGenerator(seed: 43)
        var digests = Self.tlshDigests(3_000, seed: 44)
        for digest in 0..<3_000 where digest % 3 == 0 {
            // Lengths crowded at the wrap, so circular steps matter.
            digests[digest * 35 + 1] = UInt8(truncatingIfNeeded: Int.random(in: -8...8, using: &generator))
        }
        let index = TLSHIndex(digests: digests, parameters: .init(bitsPerKey: 0))
        var found = 0
        var reused: [(digest: Int, distance: Int)] = [(digest: -1, distance: -1)]
        for _ in 0..<150 {
            let source = Int.random(in: 0..<index.count, using: &generator)
            let query = Self.mutate(Array(digests[source * 35..<(source + 1) * 35]), steps: Int.random(in: 0...40, using: &generator), using: &generator)
            for radius in [-1, 0, 1, 11, 12, 13, 24, 70, 150, 400, 1_600] {
                let scan = index.search(query, radius: radius)
                let all = index.bruteForce(query, radius: radius)
                #expect(scan.map(\.digest) == all.map(\.digest) && scan.map(\.distance) == all.map(\.distance), "radius \(radius)")
                index.search(query, radius: radius, into: &reused)
                #expect(reused.map(\.digest) == all.map(\.digest) && reused.map(\.distance) == all.map(\.distance), "reused, radius \(radius)")
                found += scan.count
            }
        }
        #expect(found > 1_000)
    }

    @Test func tlshSearchHasNoFalsePositivesAndHighRecall() {
        let digests = Self.tlshDigests(20_000, seed: 41)
        let index = TLSHIndex(digests: digests)
        var generator = SeededGenerator(seed: 42)
        var truth = 0, found = 0
        var reused: [(digest: Int, distance: Int)] = [(digest: -1, distance: -1)]
        for _ in 0..<200 {
            let source = Int.random(in: 0..<index.count, using: &generator)
            let query = Self.mutate(Array(digests[source * 35..<(source + 1) * 35]), steps: Int.random(in: 0...30, using: &generator), using: &generator)
            let fast = index.search(query, radius: 70)
            let slow = index.bruteForce(query, radius: 70)
            index.search(query, radius: 70, into: &reused)
            #expect(reused.map(\.digest) == fast.map(\.digest))
            let exact = Dictionary(uniqueKeysWithValues: slow.map { ($0.digest, $0.distance) })
            for hit in fast { #expect(exact[hit.digest] == hit.distance) }
            // A digest met through several tables is reported once, in number order.
            #expect(zip(fast, fast.dropFirst()).allSatisfy { $0.digest < $1.digest })
            truth += slow.count
            found += fast.count
        }
        let recall = Double(found) / Double(truth)
        print("TLSH index recall at radius 70 on 20,000 synthetic digests: \(found)/\(truth) = \(recall)")
        #expect(recall > 0.9)
    }

    @Test func minhashBandsFollowTheSCurve() {
        #expect(MinHashLSHIndex.bandsAndRows(permutations: 128, threshold: 0.5) == (bands: 21, rows: 6) ||
                MinHashLSHIndex.bandsAndRows(permutations: 128, threshold: 0.5).rows >= 4)
        for threshold in [0.3, 0.5, 0.7, 0.9] {
            let (bands, rows) = MinHashLSHIndex.bandsAndRows(permutations: 128, threshold: threshold)
            #expect(bands * rows <= 128)
            #expect(abs(pow(1 / Double(bands), 1 / Double(rows)) - threshold) < 0.06)
        }
    }

    @Test func minhashSearchFindsSimilarSignatures() {
        var generator = SeededGenerator(seed: 51)
        let rows = 64
        var signatures: [UInt8] = []
        for index in 0..<3000 {
            if index % 3 == 2 {
                let source = Int.random(in: 0..<index, using: &generator)
                var copy = Array(signatures[source * rows * 4..<(source + 1) * rows * 4])
                for _ in 0..<Int.random(in: 0...20, using: &generator) {
                    copy[Int.random(in: 0..<rows, using: &generator) * 4] = UInt8.random(in: 0...255, using: &generator)
                }
                signatures += copy
            } else {
                signatures += generator.bytes(rows * 4)
            }
        }
        let index = MinHashLSHIndex(signatures: signatures, signatureRows: rows, threshold: 0.6)
        var truth = 0, found = 0
        var reused: [(signature: Int, similarity: Double)] = [(signature: -1, similarity: 2)], candidates = [7]
        for query in 0..<index.count where query % 15 == 0 {
            let vector = Array(signatures[query * rows * 4..<(query + 1) * rows * 4])
            let fast = index.search(vector, threshold: 0.6)
            index.search(vector, threshold: 0.6, into: &reused, candidates: &candidates)
            #expect(reused.map(\.signature) == fast.map(\.signature) && reused.map(\.similarity) == fast.map(\.similarity))
            let slow = (0..<index.count).filter { index.estimate(vector, $0) >= 0.6 }
            #expect(Set(fast.map(\.signature)).isSubset(of: Set(slow)))
            #expect(fast.contains { $0.signature == query })
            truth += slow.count
            found += fast.count
        }
        #expect(Double(found) / Double(truth) > 0.9)
    }

    /// Eight-byte values are matched on their key alone (XXH3-64 is a bijection on 8 bytes):
    /// every stored value is found under its kind only, absent values and other lengths are not.
    @Test func exactIndexMatchesEightByteValuesByKey() throws {
        var generator = SeededGenerator(seed: 88)
        let values = (0..<20_000).map { _ in withUnsafeBytes(of: generator.next()) { Array($0) } }
        var entries = values.map { CartridgeEntry(fingerprint: Fingerprint(kind: .token, value: $0), category: CategoryCode(1)) }
        // Same bytes under another kind, and 9-byte values of a third kind sharing an 8-byte prefix.
        entries += values.prefix(500).map { CartridgeEntry(fingerprint: Fingerprint(kind: .simhash, value: $0), category: CategoryCode(0)) }
        entries += values.prefix(500).map { CartridgeEntry(fingerprint: Fingerprint(kind: .url, value: $0 + [7]), category: CategoryCode(0)) }
        let database = try FingerprintDatabase(version: CartridgeVersion(), entries: entries)
        let index = try ExactIndex(database: database)
        for (position, entry) in entries.enumerated() {
            #expect(index.lookup(entry.fingerprint, in: database) == position)
        }
        for _ in 0..<20_000 {
            let absent = withUnsafeBytes(of: generator.next()) { Array($0) }
            #expect(index.lookup(Fingerprint(kind: .token, value: absent), in: database) == nil)
        }
        #expect(index.lookup(Fingerprint(kind: .url, value: values[0] + [8]), in: database) == nil)
        #expect(index.lookup(Fingerprint(kind: .url, value: values[0]), in: database) == nil)
        #expect(index.lookup(Fingerprint(kind: .host, value: values[0]), in: database) == nil)
    }

    @Test func snapshotBuildsTheIndexesOfItsKinds() throws {
        let directory = try CartridgeTestData.makeCartridge(try CartridgeTestData.database(3000, seed: 61), label: "indexes")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let snapshot = try Cartridge(directory: directory).snapshot
        let pdq = try #require(snapshot.similarity.hamming[.pdq])
        let entry = pdq.entries[0]
        let code = snapshot.database.withValue(at: entry) { HammingIndex.words(of: $0) }
        #expect(pdq.index.search(code, radius: 31).contains { pdq.entries[$0.code] == entry })
        let tlsh = try #require(snapshot.similarity.tlsh)
        let digest = snapshot.database.entry(at: tlsh.entries[0]).fingerprint.value
        #expect(tlsh.index.search(digest, radius: 0).contains { tlsh.entries[$0.digest] == tlsh.entries[0] })
    }
}

#if canImport(Glibc)
import Glibc
#endif
