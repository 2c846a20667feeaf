/// The per-scalar look-ups of `TextNormalizer`'s non-ASCII runs: decoding, and which scalars
/// need Foundation's NFKC (a table for U+0000..U+07FF, so that the common scripts skip the
/// Unicode property look-ups).
extension TextNormalizer {
    /// The scalar at `index` of valid UTF-8 whose lead byte is not ASCII, and its length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// ``nfkcClass(_:)`` bits: the scalar needs NFKC, and it may compose with the character before.
    static let needsNFKCBit: UInt8 = 1, mayCompose: UInt8 = 2

    /// How NFKC treats `scalar`: 0 when it leaves it alone, else ``needsNFKCBit`` and, for a
    /// combining mark, a scalar that changes under NFKC case folding or a starter that composes
    /// with the scalar before (`NFKCTable.composingStarters`), ``mayCompose``.
    @inline(__always)
    static func nfkcClass(_ scalar: UInt32) -> UInt8 {
        scalar < 0x800 ? nfkcClasses[Int(scalar)] : computedNFKCClass(scalar)
    }

    /// ``nfkcClass(_:)`` of U+0000..U+07FF, computed once.
    static let nfkcClasses: [UInt8] = (0..<0x800).map { computedNFKCClass(UInt32($0)) }

    static func computedNFKCClass(_ value: UInt32) -> UInt8 {
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        let properties = scalar.properties
        let composes = properties.canonicalCombiningClass != .notReordered || properties.changesWhenNFKCCaseFolded
        if composes { return needsNFKCBit | mayCompose }
        let jamo = (0x1100...0x11FF).contains(value) || (0xA960...0xA97F).contains(value) || (0xD7B0...0xD7FF).contains(value)
        if jamo { return needsNFKCBit }
        // Vowel signs that compose with the letter before them (Tamil "ொ" from U+0BC6 U+0BBE).
        let indic = (0x900..<0x1C00).contains(value) || (0x11000..<0x12000).contains(value)
        return indic && NFKCTable.composingStarters.contains(value) ? needsNFKCBit | mayCompose : 0
    }
}
