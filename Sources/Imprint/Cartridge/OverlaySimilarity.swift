import ImprintHashing
#if canImport(Glibc)
import Glibc
#endif

/// Similarity search over the entries an overlay added, by a linear scan of their column
/// (`OverlayColumn`), answering exactly as an index of the full database's shape
/// (`IndexShape`) would for them:
///
/// - Hamming kinds: every code within the radius (`HammingIndex` is exact).
/// - TLSH: every digest within the radius that the `TLSHIndex` search would have probed (a
///   table key within `probeRadius` bits of the query's; `TLSHIndex.probes`), so that recall
///   matches the index's.
/// - MinHash: every signature of the indexed length whose estimate reaches the threshold and
///   that shares a band key with the query (`MinHashLSHIndex.key`), as the banded index does.
///
/// Removed entries are skipped. The scan is O(a) distance computations for a added values of
/// the kind; compaction (`CartridgeLimits.compactionFraction`) keeps a small.
enum OverlaySimilarity {
    static func hamming(_ query: [UInt64], kind: FingerprintKind, in overlay: CartridgeOverlay,
                        radius: Int) -> [(entry: Int, similarity: Double)] {
        guard let width = kind.fixedWidth, query.count * 8 == width,
              let column = overlay.columns[OverlayColumn.Key(kind: kind, width: width)] else { return [] }
        var found: [(entry: Int, similarity: Double)] = []
        for chunk in column.chunks {
            chunk.bytes.withUnsafeBytes { raw in
                for row in 0..<chunk.entries.count {
                    var distance = 0
                    for word in 0..<query.count {
                        distance &+= (raw.loadUnaligned(fromByteOffset: row * width + word * 8, as: UInt64.self).littleEndian ^ query[word]).nonzeroBitCount
                    }
                    if distance <= radius, !overlay.isRemoved(Int(chunk.entries[row])) {
                        found.append((Int(chunk.entries[row]), 1 - Double(distance) / Double(radius + 1)))
                    }
                }
            }
        }
        return found
    }

    static func tlsh(_ query: [UInt8], in overlay: CartridgeOverlay, radius: Int,
                     samples: [[Int]]) -> [(entry: Int, similarity: Double)] {
        let width = TLSHDistance.digestLength
        guard query.count == width, let column = overlay.columns[OverlayColumn.Key(kind: .tlsh, width: width)] else { return [] }
        let probeRadius = TLSHIndex.Parameters().probeRadius
        var found: [(entry: Int, similarity: Double)] = []
        query.withUnsafeBufferPointer { query in
            for chunk in column.chunks {
                chunk.bytes.withUnsafeBufferPointer { digests in
                    for row in 0..<chunk.entries.count {
                        let digest = digests.baseAddress! + row * width
                        guard let distance = TLSHDistance.distance(query.baseAddress!, digest, includeLength: true, within: radius),
                              !overlay.isRemoved(Int(chunk.entries[row])),
                              TLSHIndex.probes(query.baseAddress!, digest, samples: samples, probeRadius: probeRadius) else { continue }
                        found.append((Int(chunk.entries[row]), 1 - Double(distance) / Double(radius + 1)))
                    }
                }
            }
        }
        return found
    }

    static func minhash(_ query: [UInt8], in overlay: CartridgeOverlay, shape: IndexShape.MinHash,
                        threshold: Double) -> [(entry: Int, similarity: Double)] {
        let width = shape.length
        guard query.count == width, let column = overlay.columns[OverlayColumn.Key(kind: .minhash, width: width)] else { return [] }
        let rows = width / 4
        var found: [(entry: Int, similarity: Double)] = []
        query.withUnsafeBytes { query in
            let bandKeys = (0..<shape.bands).map {
                MinHashLSHIndex.key(query, signature: 0, band: $0, rows: shape.rows, rowWidth: 4, width: width)
            }
            for chunk in column.chunks {
                chunk.bytes.withUnsafeBytes { signatures in
                    for row in 0..<chunk.entries.count {
                        var equal = 0
                        let base = signatures.baseAddress! + row * width
                        for column in 0..<rows where memcmp(base + column * 4, query.baseAddress! + column * 4, 4) == 0 { equal += 1 }
                        let similarity = Double(equal) / Double(rows)
                        guard similarity >= threshold, !overlay.isRemoved(Int(chunk.entries[row])) else { continue }
                        let shares = (0..<shape.bands).contains {
                            MinHashLSHIndex.key(signatures, signature: row, band: $0, rows: shape.rows, rowWidth: 4, width: width) == bandKeys[$0]
                        }
                        if shares { found.append((Int(chunk.entries[row]), similarity)) }
                    }
                }
            }
        }
        return found
    }
}
