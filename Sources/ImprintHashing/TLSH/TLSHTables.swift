/// The lookup tables of TLSH, built once and shared (read-only) by every hasher.
///
/// TLSH maps each byte triplet of the sliding window to a bucket with Pearson's 8-bit hash
/// (P. K. Pearson, "Fast Hashing of Variable-Length Text Strings", CACM 33(6), 1990): a salt
/// byte and the three bytes are folded through a permutation `T` of 0...255,
/// `h = T[T[T[T[salt] ^ a] ^ b] ^ c]`. TLSH uses the permutation printed in Pearson's paper.
///
/// Two tables make a triplet cost two loads instead of three: `first[s << 8 | a]` is
/// `T[T[salt_s] ^ a]` for each of the seven salts (1,792 bytes), and the last step `T[· ^ c]`
/// is left out of the loop entirely: since `T` is a bijection, the kernel counts the index
/// `x = T[first ^ b] ^ c` and `finalize()` reads the count of bucket `k` at `x = inverse[k]`.
/// The scalar kernel stays in L1. The fast kernel (``TLSH/absorbPairs``) adds one table of byte
/// pairs, `pairs` (256 KiB, mostly in L2; text touches a few hundred of its lines), which turns
/// the four (a, b) steps of a window into one lookup, and 16-bit copies of the rest (`wide`).
struct TLSHTables: @unchecked Sendable {
    /// Pearson's permutation of 0...255 (CACM 1990, table 1).
    static let permutation: [UInt8] = [
        1, 87, 49, 12, 176, 178, 102, 166, 121, 193, 6, 84, 249, 230, 44, 163,
        14, 197, 213, 181, 161, 85, 218, 80, 64, 239, 24, 226, 236, 142, 38, 200,
        110, 177, 104, 103, 141, 253, 255, 50, 77, 101, 81, 18, 45, 96, 31, 222,
        25, 107, 190, 70, 86, 237, 240, 34, 72, 242, 20, 214, 244, 227, 149, 235,
        97, 234, 57, 22, 60, 250, 82, 175, 208, 5, 127, 199, 111, 62, 135, 248,
        174, 169, 211, 58, 66, 154, 106, 195, 245, 171, 17, 187, 182, 179, 0, 243,
        132, 56, 148, 75, 128, 133, 158, 100, 130, 126, 91, 13, 153, 246, 216, 219,
        119, 68, 223, 78, 83, 88, 201, 99, 122, 11, 92, 32, 136, 114, 52, 10,
        138, 30, 48, 183, 156, 35, 61, 26, 143, 74, 251, 94, 129, 162, 63, 152,
        170, 7, 115, 167, 241, 206, 3, 150, 55, 59, 151, 220, 90, 53, 23, 131,
        125, 173, 15, 238, 79, 95, 89, 16, 105, 137, 225, 224, 217, 160, 37, 123,
        118, 73, 2, 157, 46, 116, 9, 145, 134, 228, 207, 212, 202, 215, 69, 229,
        27, 188, 67, 124, 168, 252, 42, 4, 29, 108, 21, 247, 19, 205, 39, 203,
        233, 40, 186, 147, 198, 192, 155, 33, 164, 191, 98, 204, 165, 180, 117, 76,
        140, 36, 210, 172, 41, 54, 159, 8, 185, 232, 113, 196, 231, 47, 146, 120,
        51, 65, 28, 144, 254, 221, 93, 189, 194, 139, 112, 43, 71, 109, 184, 209,
    ]

    /// The salts of the reference: 0 for the checksum, then the primes 2, 3, 5, 7, 11, 13
    /// for the six triplets of a five-byte window; row s of `first`.
    static let salts: [UInt8] = [0, 2, 3, 5, 7, 11, 13]

    /// The tables every hasher reads.
    static let shared = TLSHTables()

    /// `T`, 256 bytes.
    let pearson: UnsafePointer<UInt8>
    /// `first[s << 8 | a] = T[T[salts[s]] ^ a]`, seven rows of 256 bytes.
    let first: UnsafePointer<UInt8>
    /// `inverse[T[x]] = x`, 256 bytes.
    let inverse: UnsafePointer<UInt8>
    /// `packed[a]` holds `first[s << 8 | a]` in byte `s` (s = 0...6; byte 7 is 0), 2 KiB: the
    /// kernel gets all seven first steps of a byte with one 8-byte load instead of seven.
    let packed: UnsafePointer<UInt64>
    /// `pairs[4 · (a << 8 | b) + k]` is `T[first[s << 8 | a] ^ b]` for the rows s = 0, 1, 2, 5
    /// (salts 0, 2, 3, 11: the checksum and the three triplets whose second byte is `b`), 256 KiB.
    let pairs: UnsafePointer<UInt8>
    /// Rows 3, 4 and 6 of `first` (salts 5, 7, 13), then `T`, as `UInt16`: 16-bit loads keep the
    /// compiler from narrowing the xors that follow to byte registers and re-extending them.
    let wide: UnsafePointer<UInt16>

    private init() {
        // Allocated once for the life of the process, never freed.
        let pearson = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        let inverse = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        let first = UnsafeMutablePointer<UInt8>.allocate(capacity: 7 * 256)
        let table = Self.permutation
        for index in 0..<256 {
            pearson[index] = table[index]
            inverse[Int(table[index])] = UInt8(index)
        }
        for (row, salt) in Self.salts.enumerated() {
            let start = Int(table[Int(salt)])
            for byte in 0..<256 { first[row << 8 | byte] = table[start ^ byte] }
        }
        let packed = UnsafeMutablePointer<UInt64>.allocate(capacity: 256)
        for byte in 0..<256 {
            var row: UInt64 = 0
            for salt in 0..<Self.salts.count { row |= UInt64(first[salt << 8 | byte]) << UInt64(8 * salt) }
            packed[byte] = row
        }
        let pairs = UnsafeMutablePointer<UInt8>.allocate(capacity: 4 << 16)
        for (slot, row) in [0, 1, 2, 5].enumerated() {
            for pair in 0..<(1 << 16) { pairs[4 * pair + slot] = table[Int(first[row << 8 | pair >> 8]) ^ (pair & 0xFF)] }
        }
        let wide = UnsafeMutablePointer<UInt16>.allocate(capacity: 4 * 256)
        for (slot, row) in [3, 4, 6].enumerated() {
            for byte in 0..<256 { wide[slot << 8 | byte] = UInt16(first[row << 8 | byte]) }
        }
        for byte in 0..<256 { wide[3 << 8 | byte] = UInt16(table[byte]) }
        self.pairs = UnsafePointer(pairs)
        self.wide = UnsafePointer(wide)
        self.packed = UnsafePointer(packed)
        self.pearson = UnsafePointer(pearson)
        self.inverse = UnsafePointer(inverse)
        self.first = UnsafePointer(first)
    }
}
