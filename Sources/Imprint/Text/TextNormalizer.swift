import Foundation

/// The normalization every text fingerprint shares (issue 4, "Message fingerprints"), so that
/// the spellings a spammer varies to dodge a fingerprint all give the same text:
///
/// 1. Unicode NFKC (Foundation's `precomposedStringWithCompatibilityMapping`; skipped for
///    ASCII, which it leaves unchanged): full-width forms, mathematical alphanumerics,
///    ligatures, circled and super/subscript letters become plain letters.
/// 2. Case folding and confusable folding in one table (`FoldTable`, generated from Python's
///    `str.casefold` and Unicode's confusables.txt by scripts/generate_fold_table.py): Cyrillic,
///    Greek, Armenian, Cherokee and Latin look-alikes fold to the ASCII letter a reader sees.
///    ASCII itself is never remapped, so leetspeak ("v1agra") stays distinct from "viagra".
///    Both letters of a case pair fold alike (the lower-case one's look-alike decides), so
///    folding stays case-insensitive. Cyrillic and Greek words fold their look-alike letters
///    too ("Привет" keeps п, и but gets Latin p, b, e, t), which is deterministic, so such
///    text still fingerprints consistently;
///    Hebrew, Arabic, CJK and other scripts keep their letters.
/// 3. Invisible characters (`InvisibleCharacters`: zero-width space/joiners, soft hyphen, BOM,
///    bidi controls, tag characters, variation selectors) removed without splitting the word.
/// 4. Tracking tokens (`TrackingTokens`) replaced by `trackingMask`, then every run of decimal
///    digits (any script) by `numberMask`.
/// 5. White space runs (any Unicode white space) collapsed to one space, ends trimmed.
///
/// - Complexity: O(n); ASCII text is processed byte by byte without Foundation.
public struct TextNormalizer: Sendable {
    public struct Options: Sendable {
        public var foldCase = true
        public var maskNumbers = true
        public var maskTrackingTokens = true
        public init() {}
    }

    /// What a run of digits becomes.
    public static let numberMask = "0"
    /// What a tracking token becomes: punctuation, so that it is stable under normalization and
    /// `TextTokenizer` leaves it out of the words (a tracking token carries no content).
    public static let trackingMask = "#"

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// The normalized text.
    public func normalize(_ text: String) -> String {
        var source = text
        let ascii = source.utf8.allSatisfy { $0 < 0x80 }
        if !ascii { source = source.precomposedStringWithCompatibilityMapping }
        var writer = NormalizedTextWriter(options: options)
        writer.output.reserveCapacity(source.utf8.count)
        source.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    writer.append(ascii: byte)
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var scalar = UInt32(byte) & (0xFF >> (length + 1))
                var offset = 1
                while offset < length, index + offset < count {
                    scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F)
                    offset += 1
                }
                index += length
                writer.append(scalar: scalar)
            }
        }
        return writer.finish()
    }
}
