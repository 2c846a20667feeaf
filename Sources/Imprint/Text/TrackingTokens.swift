/// Tracking tokens: the random-looking identifiers (recipient ids, campaign hashes, base64
/// fragments) spammers put in every copy of a message so that copies differ. A token is a run
/// of ASCII letters and digits, `-` and `_` allowed inside; with n letters+digits, d digits,
/// l letters, t letter/digit alternations and v the share of vowels (a e i o u y) among the
/// letters, it is a tracking token when
///
/// - A: n >= 10, d >= 2, l >= 1, t >= 3 and (v < 0.45 or l < 8) (mixed ids: "a8f3k29dx7", hex), or
/// - B: n >= 16, d >= 1, t >= 2 and v < 0.25 (long ids with few alternations), or
/// - C: n >= 24, d == 0 and v < 0.25 (long letter-only base64/random runs).
///
/// Measured on the text parts of the SpamAssassin public corpus (scripts/measure_tracking_tokens.py):
/// 4,737 of 1,898,244 tokens (0.25%) match; samples of the matches read by hand were random
/// identifiers or base64 except product-style tokens such as "r64190_funprogram".
enum TrackingTokens {
    static func isTrackingToken(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.count >= 10 else { return false }
        var letters = 0, digits = 0, vowels = 0, transitions = 0
        var previousIsDigit: Bool?
        for byte in token {
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") { continue }
            if isDigit {
                digits += 1
            } else {
                letters += 1
                switch byte | 0x20 {
                case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
                    vowels += 1
                default: break
                }
            }
            if let previous = previousIsDigit, previous != isDigit { transitions += 1 }
            previousIsDigit = isDigit
        }
        let length = letters + digits
        // Vowel share compared in integers: v / l < p  <=>  100 v < p l.
        if length >= 10, digits >= 2, letters >= 1, transitions >= 3, (vowels * 100 < 45 * letters || letters < 8) { return true }
        if length >= 16, digits >= 1, transitions >= 2, vowels * 100 < 25 * letters { return true }
        if length >= 24, digits == 0, vowels * 100 < 25 * letters { return true }
        return false
    }
}
