import Imprint
import ImprintHashing

extension Algorithm {
    /// PDQ of the decoded image: 64 hex digits, as the ThreatExchange reference prints the hash
    /// (its quality, 0...100, is available from the library as `PDQHash.quality`).
    static let pdq = Algorithm(
        name: "pdq", input: .image,
        digest: { PDQ.hash(try decodeForHashing($0, options: .pdq)).hex },
        distance: { first, second in
            guard let a = PDQHash(hex: first), let b = PDQHash(hex: second) else {
                throw CommandFailure("a PDQ digest is 64 hex digits")
            }
            return String(a.distance(to: b))
        }
    )

    /// imagehash's `dhash`: 16 hex digits.
    static let dhash = imageHash("dhash", ImageHashes.differenceHash)
    /// imagehash's `average_hash`: 16 hex digits.
    static let ahash = imageHash("ahash", ImageHashes.averageHash)
    /// imagehash's `phash`: 16 hex digits.
    static let phash = imageHash("phash", ImageHashes.perceptualHash)

    private static func imageHash(_ name: String, _ hash: @escaping @Sendable (DecodedImage) -> UInt64) -> Algorithm {
        Algorithm(
            name: name, input: .image,
            digest: { HexEncoding.string(hash(try decodeForHashing($0))) },
            distance: { first, second in
                guard first.count == 16, second.count == 16, let a = UInt64(first, radix: 16), let b = UInt64(second, radix: 16) else {
                    throw CommandFailure("a \(name) digest is 16 hex digits")
                }
                return String(ImageHashes.distance(a, b))
            }
        )
    }

    /// Decodes a file for an image hash; an undecodable file is a one-line error.
    private static func decodeForHashing(_ bytes: [UInt8], options: ImageDecodingOptions = .init()) throws -> DecodedImage {
        do {
            return try ImageDecoder.decode(bytes, options: options)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
