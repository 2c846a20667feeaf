/// The container formats Imprint recognizes, told apart by their magic bytes.
public enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    case jpeg, png, gif, bmp
    /// Recognized but not decoded (a typed `unsupported` error names them).
    case webp, tiff, ico

    /// The format whose signature `bytes` starts with, or nil.
    ///
    /// Signatures: JPEG `FF D8 FF`; PNG `89 50 4E 47 0D 0A 1A 0A`; GIF `GIF87a`/`GIF89a`;
    /// BMP `BM`; WebP `RIFF....WEBP`; TIFF `II*\0`/`MM\0*`; ICO `00 00 01 00`.
    public static func sniff(_ bytes: UnsafeRawBufferPointer) -> ImageFormat? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            guard bytes.count >= offset + prefix.count else { return false }
            for (index, byte) in prefix.enumerated() where bytes[offset + index] != byte { return false }
            return true
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("BM".utf8)) && bytes.count >= 26 { return .bmp }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts([0x00, 0x00, 0x01, 0x00]) && bytes.count >= 22 { return .ico }
        return nil
    }

    /// The format of an array's bytes, or nil.
    public static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        bytes.withUnsafeBytes { sniff($0) }
    }
}
