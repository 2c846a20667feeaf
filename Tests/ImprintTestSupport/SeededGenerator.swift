/// SplitMix64: a small, fast, seedable generator, so that every random test is repeatable.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` random bytes.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }

    /// Cut points that split `count` items into random pieces (sorted, within 0...count).
    public mutating func splits(of count: Int, pieces: Int) -> [Int] {
        guard count > 0 else { return [0, 0] }
        let cuts = (0..<max(0, pieces - 1)).map { _ in Int.random(in: 0...count, using: &self) }
        return [0] + cuts.sorted() + [count]
    }
}
