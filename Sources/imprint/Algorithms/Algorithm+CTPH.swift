import ImprintHashing

extension Algorithm {
    /// CTPH (ssdeep) of the raw bytes, `bs:h1:h2` as `ssdeep -b` prints it without the file
    /// name; distance prints ssdeep's 0..100 similarity score (100 = identical).
    static let ssdeep = Algorithm(
        name: "ssdeep", input: .rawBytes,
        digest: { CTPH.hash($0).description },
        distance: { first, second in
            String(CTPH.score(try CTPHDigest(parsing: first), try CTPHDigest(parsing: second)))
        }
    )
}
