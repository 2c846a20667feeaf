/// The EXIF `Orientation` tag (0x0112) of a JPEG, read from its APP1 segment.
///
/// Follows JEITA CP-3451 (EXIF 2.3) §4.6.4: APP1 holds `Exif\0\0` then a TIFF header
/// (`II*\0` or `MM\0*`) whose IFD0 may hold the tag as a SHORT. Only markers before the first
/// scan are read; every offset is bounds-checked, and a malformed segment just means "none".
public enum EXIFOrientation {
    /// The orientation (1...8) stated by the first EXIF APP1 segment, or nil when there is none.
    public static func read(_ jpeg: UnsafeRawBufferPointer) -> Int? {
        guard jpeg.count >= 4, jpeg[0] == 0xFF, jpeg[1] == 0xD8 else { return nil }
        var offset = 2
        while offset + 4 <= jpeg.count {
            guard jpeg[offset] == 0xFF else { return nil }
            let marker = jpeg[offset + 1]
            if marker == 0xFF { offset += 1; continue }
            if marker == 0x01 || (0xD0...0xD8).contains(marker) { offset += 2; continue }
            if marker == 0xDA || marker == 0xD9 { return nil }
            guard let length = jpeg.uint16(at: offset + 2, bigEndian: true), length >= 2,
                  offset + 2 + Int(length) <= jpeg.count else { return nil }
            if marker == 0xE1 {
                let segment = UnsafeRawBufferPointer(rebasing: jpeg[(offset + 4)..<(offset + 2 + Int(length))])
                if segment.starts(with: Array("Exif\0\0".utf8)) {
                    return orientation(inTIFF: UnsafeRawBufferPointer(rebasing: segment[6...]))
                }
            }
            offset += 2 + Int(length)
        }
        return nil
    }

    /// The orientation in IFD0 of a TIFF structure, or nil.
    static func orientation(inTIFF tiff: UnsafeRawBufferPointer) -> Int? {
        guard tiff.count >= 8 else { return nil }
        let bigEndian: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): bigEndian = false
        case (0x4D, 0x4D): bigEndian = true
        default: return nil
        }
        guard tiff.uint16(at: 2, bigEndian: bigEndian) == 42,
              let ifd = tiff.uint32(at: 4, bigEndian: bigEndian).flatMap({ Int(exactly: $0) }),
              let count = tiff.uint16(at: ifd, bigEndian: bigEndian) else { return nil }
        for entry in 0..<Int(count) {
            let at = ifd + 2 + 12 * entry
            guard let tag = tiff.uint16(at: at, bigEndian: bigEndian),
                  let type = tiff.uint16(at: at + 2, bigEndian: bigEndian) else { return nil }
            guard tag == 0x0112 else { continue }
            guard type == 3, let value = tiff.uint16(at: at + 8, bigEndian: bigEndian), (1...8).contains(value) else {
                return nil
            }
            return Int(value)
        }
        return nil
    }
}
