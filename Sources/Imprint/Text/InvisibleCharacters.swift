/// Characters that render as nothing and are used to break words apart for filters while a
/// reader sees them whole: zero-width space/joiners, word joiner and invisible operators, soft
/// hyphen, byte-order mark / zero-width no-break space, combining grapheme joiner, Mongolian
/// vowel separator, Hangul fillers, bidirectional controls, variation selectors and the tag
/// characters (Unicode DerivedCoreProperties `Default_Ignorable_Code_Point` plus bidi controls).
public enum InvisibleCharacters {
    /// True when `scalar` is rendered invisibly.
    @inlinable @inline(__always)
    public static func contains(_ scalar: UInt32) -> Bool {
        if scalar < 0xAD { return false }
        switch scalar {
        case 0xAD, 0x34F, 0x61C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F,
             0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF,
             0xFFA0, 0xFFF0...0xFFF8, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }
}
