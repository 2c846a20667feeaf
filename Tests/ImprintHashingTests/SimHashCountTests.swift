@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// SimHash's weight-1 bit-count path against per-feature updates.
@Suite struct SimHashCountTests {
    @Test func simHashUnitFeaturePathsAgree() {
        var random = SeededGenerator(seed: 0x5151)
        for _ in 0..<40 {
            // Up to several 255-feature batches, with repeats and skewed bits.
            let features = (0..<Int.random(in: 0...1200, using: &random)).map { _ in
                random.next() & (Bool.random(using: &random) ? .max : 0xFFFF_0000_FFFF_00FF)
            }
            var scalar = SimHash64(path: .scalar), vector = SimHash64(path: .simd), single = SimHash64(path: .scalar)
            scalar.update(featureHashes: features)
            vector.update(featureHashes: features)
            for feature in features { single.update(featureHash: feature) }
            #expect(vector.finalize() == scalar.finalize())
            #expect(vector.finalize() == single.finalize())
            // The counters themselves, not just their signs.
            #expect(vector.counters.elements == single.counters.elements)
        }
    }
}
