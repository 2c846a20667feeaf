/// The similarity indexes of a snapshot, one per fingerprint kind that has one.
public struct SimilarityIndexes: Sendable {
    init(database: FingerprintDatabase, config: CartridgeConfig) {}
    public var memoryBytes: Int { 0 }
}
