#if canImport(Glibc)
import Glibc
#endif

/// The entries an overlay added over its base: kind, key (`Fingerprint.key`) and value of
/// each, numbered from 0, in chunks of 1,024 so that appending to a copy shared with an
/// older snapshot copies the chunk list and the last chunk only.
struct OverlayEntries: Sendable {
    static var chunkSize: Int { 1024 }

    struct Chunk: Sendable {
        var kinds: [FingerprintKind] = []
        var keys: [UInt64] = []
        var ends: [UInt32] = []
        var bytes: [UInt8] = []

        func range(_ row: Int) -> Range<Int> { (row == 0 ? 0 : Int(ends[row - 1]))..<Int(ends[row]) }
    }

    private(set) var chunks: [Chunk] = []
    private(set) var count = 0

    mutating func append(_ fingerprint: Fingerprint, key: UInt64) {
        if count % Self.chunkSize == 0 {
            var chunk = Chunk()
            chunk.kinds.reserveCapacity(Self.chunkSize)
            chunk.keys.reserveCapacity(Self.chunkSize)
            chunk.ends.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        let last = chunks.count - 1
        chunks[last].kinds.append(fingerprint.kind)
        chunks[last].keys.append(key)
        chunks[last].bytes.append(contentsOf: fingerprint.value)
        chunks[last].ends.append(UInt32(chunks[last].bytes.count))
        count += 1
    }

    func kind(at index: Int) -> FingerprintKind { chunks[index / Self.chunkSize].kinds[index % Self.chunkSize] }

    func key(at index: Int) -> UInt64 { chunks[index / Self.chunkSize].keys[index % Self.chunkSize] }

    /// Calls `body` with the value bytes of entry `index` (no copy).
    func withValue<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let chunk = chunks[index / Self.chunkSize]
        let range = chunk.range(index % Self.chunkSize)
        return try chunk.bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    func fingerprint(at index: Int) -> Fingerprint {
        Fingerprint(kind: kind(at: index), value: withValue(at: index) { Array($0) })
    }

    /// Whether entry `index` has this kind and value.
    func matches(_ index: Int, kind: FingerprintKind, value: UnsafeRawBufferPointer) -> Bool {
        guard self.kind(at: index) == kind else { return false }
        return withValue(at: index) { stored in
            guard stored.count == value.count else { return false }
            guard stored.count > 0 else { return true }
            return memcmp(stored.baseAddress!, value.baseAddress!, stored.count) == 0
        }
    }
}

/// The values of one similarity kind and width that an overlay added, contiguous within
/// each chunk of 1,024 so that a query scans them without indirection.
struct OverlayColumn: Sendable {
    struct Key: Hashable, Sendable {
        var kind: FingerprintKind
        var width: Int
    }

    struct Chunk: Sendable {
        /// Entry numbers (the snapshot's).
        var entries: [UInt32] = []
        /// `width` bytes a row.
        var bytes: [UInt8] = []
    }

    let width: Int
    private(set) var chunks: [Chunk] = []
    private(set) var count = 0

    init(width: Int) { self.width = width }

    mutating func append(entry: Int, value: [UInt8]) {
        precondition(value.count == width)
        if count % OverlayEntries.chunkSize == 0 { chunks.append(Chunk()) }
        chunks[chunks.count - 1].entries.append(UInt32(entry))
        chunks[chunks.count - 1].bytes.append(contentsOf: value)
        count += 1
    }

    /// The column a value of `kind` goes to, if a similarity index covers it: the Hamming
    /// kinds and TLSH at their fixed widths, MinHash at any whole number of 4-byte rows.
    static func key(_ kind: FingerprintKind, width: Int) -> Key? {
        switch kind {
        case .pdq, .nilsimsa, .simhash, .dhash, .phash, .ahash, .tlsh:
            kind.fixedWidth == width ? Key(kind: kind, width: width) : nil
        case .minhash:
            width > 0 && width % 4 == 0 ? Key(kind: kind, width: width) : nil
        default:
            nil
        }
    }
}
