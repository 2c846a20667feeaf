import ImprintHashing

extension Algorithm {
    /// XXH64 of the raw bytes, 16 hex digits (canonical big-endian), as `xxhsum -H64`.
    static let xxh64 = Algorithm(
        name: "xxh64", input: .rawBytes,
        digest: { HexEncoding.string(XXH64.hash($0)) },
        distance: nil
    )

    /// XXH3-64 of the raw bytes, 16 hex digits, as `xxhsum -H3`.
    static let xxh3 = Algorithm(
        name: "xxh3", input: .rawBytes,
        digest: { HexEncoding.string(XXH3.hash64($0)) },
        distance: nil
    )
}
