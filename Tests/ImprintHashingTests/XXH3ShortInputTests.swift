@testable import ImprintHashing
import ImprintTestSupport
import Testing

/// XXH3's inlined short-input paths: their secret constants against the secret array (the
/// digests themselves are checked against the reference in `XXHashVectorTests`).
@Suite struct XXH3ShortInputTests {
    @Test func xxh3SecretConstantsAreTheDefaultSecret() {
        XXH3.defaultSecret.withUnsafeBytes { raw in
            for index in 0..<16 {
                #expect(XXH3.secretWord(index) == raw.baseAddress!.readLE64(8 * index), "word \(index)")
            }
        }
    }
}
