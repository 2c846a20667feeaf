/// The bounds a cartridge reader enforces before allocating, and when a cartridge directory
/// compacts its log of micro-updates; every one has a default.
public struct CartridgeLimits: Hashable, Sendable {
    /// Most sections in one file (default 4,096).
    public var maxSections: Int
    /// Most entries in a database, summed over kinds (default 50,000,000).
    public var maxEntries: Int
    /// Most operations in one micro-update (default 10,000,000).
    public var maxUpdateOperations: Int
    /// Largest uncompressed section payload (default 2 GiB - 1, zlib's window).
    public var maxSectionBytes: Int
    /// Longest fingerprint value (default 4,096 bytes).
    public var maxValueLength: Int
    /// Largest text section (metadata, categories, configuration; default 16 MiB).
    public var maxTextBytes: Int
    /// Compaction by count: the log (the micro-updates applied since the last compacted state)
    /// is compacted once it holds this many updates (default 1,024). This bounds the files
    /// `Cartridge(directory:)` reads and replays.
    public var compactionUpdates: Int
    /// Compaction by size: the log is compacted once its operations reach
    /// max(`compactionOperations`, `compactionFraction` x entries) (defaults 64 and 0.25).
    /// A compaction costs O(n) for n entries; with the threshold proportional to n it costs
    /// O(1 / compactionFraction) amortized per operation, and the snapshot overlay (which
    /// similarity queries scan linearly) stays below that many operations.
    public var compactionOperations: Int
    /// See `compactionOperations` (default 0.25).
    public var compactionFraction: Double

    public init(maxSections: Int = 4096, maxEntries: Int = 50_000_000, maxUpdateOperations: Int = 10_000_000,
                maxSectionBytes: Int = Int(Int32.max), maxValueLength: Int = 4096, maxTextBytes: Int = 16 << 20,
                compactionUpdates: Int = 1024, compactionOperations: Int = 64, compactionFraction: Double = 0.25) {
        self.maxSections = maxSections
        self.maxEntries = maxEntries
        self.maxUpdateOperations = maxUpdateOperations
        self.maxSectionBytes = maxSectionBytes
        self.maxValueLength = maxValueLength
        self.maxTextBytes = maxTextBytes
        self.compactionUpdates = compactionUpdates
        self.compactionOperations = compactionOperations
        self.compactionFraction = compactionFraction
    }

    public static let `default` = CartridgeLimits()

    /// Whether a log of `updates` micro-updates holding `operations` operations, over a
    /// cartridge of `entries` entries, is due for compaction.
    public func compactionDue(updates: Int, operations: Int, entries: Int) -> Bool {
        guard updates > 0 else { return false }
        let threshold = max(Double(compactionOperations), compactionFraction * Double(entries))
        return updates >= compactionUpdates || Double(operations) >= threshold
    }
}
