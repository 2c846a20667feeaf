/// Turns bytes in a declared charset into Unicode text. Never throws: invalid sequences
/// become U+FFFD, and an unknown charset falls back to a documented guess.
///
/// The MIME parser calls this for RFC 2047 encoded words and text parts; the text
/// normalization works on its output.
public enum CharsetDecoder {
    /// Decodes `bytes` declared as `charset` (a MIME charset name, any case; nil when undeclared).
    ///
    /// Fallback for an undeclared or unknown charset: UTF-8 when the bytes are valid UTF-8,
    /// otherwise ISO-8859-1 (every byte maps to a character).
    public static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        switch charset.map(normalizedName) {
        case "utf-8", "utf8", "us-ascii", "ascii":
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "latin1", "iso8859-1":
            return latin1(bytes)
        default:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return latin1(bytes)
        }
    }

    /// The lower-cased charset name without quotes or surrounding space.
    public static func normalizedName(_ name: String) -> String {
        var trimmed = Substring(name)
        while let first = trimmed.first, first == " " || first == "\"" || first == "'" { trimmed.removeFirst() }
        while let last = trimmed.last, last == " " || last == "\"" || last == "'" { trimmed.removeLast() }
        return trimmed.lowercased()
    }

    private static func latin1(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }
}
