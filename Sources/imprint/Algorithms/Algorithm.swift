/// One algorithm of `imprint hash` / `imprint distance`, by its command-line name.
///
/// Each algorithm family registers itself in its own `Algorithm+<Family>.swift` file and is
/// listed once in `all`; the commands only look names up here.
struct Algorithm: Sendable {
    /// What `imprint hash` feeds the algorithm.
    enum Input: Sendable {
        /// The raw bytes of the file.
        case rawBytes
        /// Pixels decoded from a JPEG, GIF, PNG or BMP file.
        case image
    }

    /// The name on the command line (`xxh64`, `tlsh`, `pdq`, …).
    let name: String
    let input: Input
    /// The digest of a file's bytes in the reference tool's own text form.
    let digest: @Sendable ([UInt8]) throws -> String
    /// The distance or similarity of two digests in the reference tool's convention, or nil
    /// when the algorithm has none (exact digests).
    let distance: (@Sendable (String, String) throws -> String)?

    /// Every algorithm, in the order `--help` lists them.
    static let all: [Algorithm] = [
        .xxh64,
        .xxh3,
        .nilsimsa,
        .simhash,
        .minhash,
        .pyzor,
        .pdq,
        .dhash,
        .ahash,
        .phash,
        .tlsh,
        .ssdeep,
    ]

    /// The algorithm called `name`, if any.
    static func named(_ name: String) -> Algorithm? {
        all.first { $0.name == name }
    }

    /// The names, space-separated, for help and errors.
    static var names: String { all.map(\.name).joined(separator: " ") }

    /// The names of algorithms with a distance.
    static var distanceNames: String { all.filter { $0.distance != nil }.map(\.name).joined(separator: " ") }
}
