import ImprintHashing

extension Algorithm {
    /// TLSH (T1, 128 buckets, 1-byte checksum) of the raw bytes, as the reference `tlsh`
    /// prints it: `T1` and 70 hex digits, or `TNULL` when the input has no digest (under 50
    /// bytes, or too little variety). The distance is the reference's, length term included.
    static let tlsh = Algorithm(
        name: "tlsh", input: .rawBytes,
        digest: { TLSH.hash($0)?.description ?? "TNULL" },
        distance: { first, second in
            let a = try TLSHDigest(parsing: first)
            let b = try TLSHDigest(parsing: second)
            return String(a.distance(to: b))
        }
    )
}
