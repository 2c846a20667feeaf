/// Reverses the five PNG scanline filters in place (PNG 3rd edition §7.3 and §9).
enum PNGFilter {
    /// Unfilters `rows` scanlines of `rowBytes` bytes, each preceded by its filter-type byte,
    /// in place. The filter bytes are left as they are; each row's bytes become its raw samples.
    /// - Parameters:
    ///   - stride: the filter's `bpp`, bytes a complete pixel occupies (at least 1).
    /// - Throws: `corrupt` for a filter type over 4.
    static func unfilter(_ data: UnsafeMutablePointer<UInt8>, rows: Int, rowBytes: Int,
                         stride: Int) throws(ImageDecodingError) {
        guard rowBytes > 0 else { return }
        for row in 0..<rows {
            let line = data + row * (rowBytes + 1)
            let type = line[0]
            let current = line + 1
            let prior: UnsafeMutablePointer<UInt8>? = row == 0 ? nil : current - (rowBytes + 1)
            switch type {
            case 0:
                break
            case 1:
                if rowBytes > stride {
                    for index in stride..<rowBytes { current[index] &+= current[index - stride] }
                }
            case 2:
                guard let prior else { break }
                for index in 0..<rowBytes { current[index] &+= prior[index] }
            case 3:
                if let prior {
                    for index in 0..<min(stride, rowBytes) { current[index] &+= prior[index] >> 1 }
                    if rowBytes > stride {
                        for index in stride..<rowBytes {
                            current[index] &+= UInt8((UInt16(current[index - stride]) + UInt16(prior[index])) >> 1)
                        }
                    }
                } else if rowBytes > stride {
                    for index in stride..<rowBytes { current[index] &+= current[index - stride] >> 1 }
                }
            case 4:
                if let prior {
                    for index in 0..<min(stride, rowBytes) { current[index] &+= prior[index] }
                    if rowBytes > stride {
                        for index in stride..<rowBytes {
                            current[index] &+= paeth(current[index - stride], prior[index], prior[index - stride])
                        }
                    }
                } else if rowBytes > stride {
                    // With no prior row, Paeth predicts from the left neighbour alone (as Sub).
                    for index in stride..<rowBytes { current[index] &+= current[index - stride] }
                }
            default:
                throw .make(.corrupt, "filter type \(type) on row \(row)")
            }
        }
    }

    /// The Paeth predictor (§9.4): whichever of left, above, upper-left is nearest to
    /// left + above - upper-left, ties to left, then above.
    @inline(__always)
    static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let a = Int(a), b = Int(b), c = Int(c)
        let pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c)
        if pa <= pb && pa <= pc { return UInt8(a) }
        return pb <= pc ? UInt8(b) : UInt8(c)
    }
}
