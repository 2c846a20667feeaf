extension TLSHDigest {
    /// The body-distance path `distance(to:)` uses when none is named.
    public static let preferredDistancePath: KernelPath = .simd

    /// The weight of each step of length difference beyond the first (reference: 12).
    static let lengthMultiplier = 12
    /// The weight of each step of quartile-ratio difference beyond the first (reference: 12).
    static let ratioMultiplier = 12

    /// The TLSH distance to `other`: 0 for identical digests, growing as the inputs differ
    /// (the reference's `totalDiff`; values under about 50 usually mean near-duplicates).
    ///
    /// The sum of: the circular length difference (mod 256; 0 or 1 as is, else ×12) when
    /// `includeLength`; each circular quartile-ratio difference (mod 16; 0 or 1 as is, else
    /// (d − 1)×12); 1 if the checksums differ; and for each of the 128 buckets the difference
    /// of the 2-bit codes, counted 1, 2, or 6 for opposite extremes.
    /// - Parameters:
    ///   - includeLength: false gives the reference's `diffxlen`, which ignores length.
    ///   - path: the body loop: `.simd` (bit arithmetic on `SIMD16<UInt8>`) or `.scalar`
    ///     (the reference's 256×256 byte table).
    public func distance(to other: TLSHDigest, includeLength: Bool = true,
                         path: KernelPath = TLSHDigest.preferredDistancePath) -> Int {
        var total = 0
        if includeLength {
            let steps = Self.circularDifference(lengthValue, other.lengthValue, range: 256)
            total += steps <= 1 ? steps : steps * Self.lengthMultiplier
        }
        let q1Steps = Self.circularDifference(q1Ratio, other.q1Ratio, range: 16)
        total += q1Steps <= 1 ? q1Steps : (q1Steps - 1) * Self.ratioMultiplier
        let q2Steps = Self.circularDifference(q2Ratio, other.q2Ratio, range: 16)
        total += q2Steps <= 1 ? q2Steps : (q2Steps - 1) * Self.ratioMultiplier
        if checksum != other.checksum { total += 1 }
        switch path {
        case .scalar: total += bodyDistanceScalar(to: other)
        case .simd: total += bodyDistanceSIMD(to: other)
        }
        return total
    }

    /// The shorter way round a circle of `range` values from `a` to `b`.
    @inline(__always)
    static func circularDifference(_ a: UInt8, _ b: UInt8, range: Int) -> Int {
        let forward = abs(Int(a) - Int(b))
        return min(forward, range - forward)
    }

    /// The body distance, one table lookup a byte.
    func bodyDistanceScalar(to other: TLSHDigest) -> Int {
        Self.byteDistances.withUnsafeBufferPointer { table in
            var total = 0
            for index in 0..<16 {
                total += Int(table[Int(low[index]) << 8 | Int(other.low[index])])
                total += Int(table[Int(high[index]) << 8 | Int(other.high[index])])
            }
            return total
        }
    }

    /// The body distance on `SIMD16<UInt8>`: per 2-bit field `d = |a − b|`, counted
    /// `d + 3·[d == 3]`, summed over the four fields of both halves.
    @inline(__always)
    func bodyDistanceSIMD(to other: TLSHDigest) -> Int {
        // At most 2 halves × 4 fields × 6 = 48 a lane: no overflow in UInt8.
        Self.laneSum(Self.fieldDistances(low, other.low) &+ Self.fieldDistances(high, other.high))
    }

    /// The body distance of two digests' 32 code bytes in memory (the raw form a database
    /// keeps), on the SIMD path: the same as `bodyDistanceSIMD` (and the table) gives.
    @inlinable
    public static func bodyDistance(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer) -> Int {
        let low = fieldDistances(a.loadUnaligned(as: SIMD16<UInt8>.self), b.loadUnaligned(as: SIMD16<UInt8>.self))
        let high = fieldDistances(a.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self),
                                  b.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self))
        return laneSum(low &+ high)
    }

    /// `bodyDistance(a, b)` when it is at most `limit`, else nil: the second half of the body is
    /// compared only when the first leaves room (in a scan, most candidates are unrelated and
    /// their first 64 codes already exceed the radius). Exact: no half's term is negative.
    @inlinable
    public static func bodyDistance(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, atMost limit: Int) -> Int? {
        let low = laneSum(fieldDistances(a.loadUnaligned(as: SIMD16<UInt8>.self), b.loadUnaligned(as: SIMD16<UInt8>.self)))
        guard low <= limit else { return nil }
        let total = low + laneSum(fieldDistances(a.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self),
                                                 b.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)))
        return total <= limit ? total : nil
    }

    /// The sum of the 16 lanes (each at most 48).
    @inlinable @inline(__always)
    static func laneSum(_ sums: SIMD16<UInt8>) -> Int {
        // Bytes to 16-bit pairs (≤ 96 each), then a multiply adds the four 16-bit lanes of each
        // half into the top lane (≤ 384).
        let halves = unsafeBitCast(sums, to: SIMD2<UInt64>.self)
        let evenBytes: UInt64 = 0x00FF_00FF_00FF_00FF
        let ones: UInt64 = 0x0001_0001_0001_0001
        let low = (halves[0] & evenBytes) &+ ((halves[0] >> 8) & evenBytes)
        let high = (halves[1] & evenBytes) &+ ((halves[1] >> 8) & evenBytes)
        return Int(((low &+ high) &* ones) >> 48)
    }

    /// Per lane, the summed distances of the four 2-bit fields of `x` and `y` (0...24).
    @inlinable @inline(__always)
    static func fieldDistances(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let mask = SIMD16<UInt8>(repeating: 3)
        var sums = SIMD16<UInt8>()
        var shift: UInt8 = 0
        while shift < 8 {
            let a = (x &>> shift) & mask
            let b = (y &>> shift) & mask
            // |a − b| without min/max: the wrapped difference, negated where its sign bit is set.
            let signed = a &- b
            let negative = signed &>> 7
            let d = (signed ^ (SIMD16<UInt8>() &- negative)) &+ negative
            let extremes = d & (d &>> 1)  // 1 where d == 3, which counts 6
            sums &+= d &+ (extremes &* 3)
            shift += 2
        }
        return sums
    }

    /// `byteDistances[x << 8 | y]`: the summed field differences of body bytes x and y (each of
    /// the four two-bit quartile codes |a - b|, a difference of 3 counting 6). Shared with the
    /// cartridge's TLSH index, which compares raw digest bytes.
    public static let byteDistances: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 65_536)
        for x in 0..<256 {
            for y in 0..<256 {
                var total = 0
                for shift in stride(from: 0, to: 8, by: 2) {
                    let d = abs((x >> shift) & 3 - (y >> shift) & 3)
                    total += d == 3 ? 6 : d
                }
                table[x << 8 | y] = UInt8(total)
            }
        }
        return table
    }()
}
