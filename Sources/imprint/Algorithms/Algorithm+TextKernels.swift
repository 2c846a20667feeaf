import ImprintHashing

extension Algorithm {
    /// Nilsimsa of the raw bytes: 64 hex digits as the reference prints them; distance is the
    /// reference's score, 128 minus the differing bits (-128...128, higher is more similar).
    static let nilsimsa = Algorithm(
        name: "nilsimsa", input: .rawBytes,
        digest: { Nilsimsa.hash($0).description },
        distance: { first, second in
            String(try NilsimsaDigest(hex: first).score(comparedTo: try NilsimsaDigest(hex: second)))
        }
    )

    /// SimHash-64 over the word tokens of the raw bytes (lower-cased ASCII alphanumeric runs,
    /// ``WordTokenizer``), each token's XXH3-64 a feature of weight 1: 16 hex digits; distance
    /// is the number of differing bits (0...64).
    static let simhash = Algorithm(
        name: "simhash", input: .rawBytes,
        digest: { HexEncoding.string(SimHash64.hash(words: $0)) },
        distance: { first, second in
            String(Hamming.distance(try SimHash64.parse(first), try SimHash64.parse(second)))
        }
    )

    /// MinHash of the word 3-shingles of the raw bytes (``WordTokenizer``), 64 permutations:
    /// the minima as 16 hex digits each; distance is the Jaccard estimate, 4 decimals.
    static let minhash = Algorithm(
        name: "minhash", input: .rawBytes,
        digest: { try MinHash.signature(words: $0).description },
        distance: { first, second in
            let estimate = try MinHashSignature(hex: first).jaccard(try MinHashSignature(hex: second))
            return formatFraction(estimate, decimals: 4)
        }
    )

    /// Pyzor's body digest of FILE taken as the decoded body text (UTF-8, text parts joined by
    /// newlines), 40 hex digits as `pyzor digest` prints them. No distance: it is exact.
    static let pyzor = Algorithm(
        name: "pyzor", input: .rawBytes,
        digest: { bytes in
            var digest = PyzorDigest()
            digest.update(partUTF8: bytes)
            return HexEncoding.string(digest.finalize())
        },
        distance: nil
    )
}

/// `value` with exactly `decimals` digits after the point, rounded half up (no Foundation).
func formatFraction(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
    return "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
}
