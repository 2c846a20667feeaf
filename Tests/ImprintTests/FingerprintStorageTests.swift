@testable import Imprint
import ImprintHashing
import ImprintTestSupport
import Testing

@Suite struct FingerprintStorageTests {
    /// Values of every length up to 40 bytes (inline up to 8, arrays above): the bytes come back
    /// unchanged, and equality, hashing and the index key follow the bytes, not the storage.
    @Test func valuesBehaveAsTheirBytes() {
        var generator = SeededGenerator(seed: 8_108)
        for length in 0...40 {
            for _ in 0..<50 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let fingerprint = Fingerprint(kind: .token, value: bytes)
                #expect(fingerprint.value == bytes)
                #expect(fingerprint.count == length)
                #expect(fingerprint.withUnsafeBytes { Array($0) } == bytes)
                #expect(fingerprint.key == XXH3.hash64(bytes, seed: 0x9E37_79B9_0000_0000 | UInt64(FingerprintKind.token.rawValue)))
                var rebuilt = Fingerprint(kind: .token, value: [1, 2, 3])
                rebuilt.value = bytes
                #expect(rebuilt == fingerprint && rebuilt.hashValue == fingerprint.hashValue)
                #expect(Set([fingerprint, rebuilt]).count == 1)
                #expect(Fingerprint(kind: .url, value: bytes) != fingerprint)
                if length > 0 {
                    var changed = bytes
                    changed[Int.random(in: 0..<length, using: &generator)] ^= 1 << UInt8.random(in: 0...7, using: &generator)
                    #expect(Fingerprint(kind: .token, value: changed) != fingerprint)
                }
            }
        }
    }

    /// A word-built fingerprint is the one built from its 8 little-endian bytes (trailing zero
    /// bytes included: 8 bytes are not 7).
    @Test func wordsAreTheirLittleEndianBytes() {
        var generator = SeededGenerator(seed: 77)
        for word in [0, 1, 0xFF << 56, UInt64.max] + (0..<200).map({ _ in generator.next() }) {
            let bytes = withUnsafeBytes(of: word.littleEndian) { Array($0) }
            let fingerprint = Fingerprint(kind: .simhash, word: word)
            #expect(fingerprint == Fingerprint(kind: .simhash, value: bytes))
            #expect(fingerprint.value == bytes)
            #expect(fingerprint != Fingerprint(kind: .simhash, value: Array(bytes.prefix(7))))
        }
    }
}

extension FingerprintStorageTests {
    /// A value built from a string's UTF-8 (inline up to 8 bytes without an array) is the
    /// fingerprint its byte array gives, ASCII and not.
    @Test func utf8ValuesEqualTheirByteArrays() {
        for text in ["", "a", "a.com", "example", "exampl\u{E9}", "ex.co.uk", "example.com", "\u{4E2D}\u{6587}.cn", "www.example.org"] {
            let built = Fingerprint(kind: .host, utf8: text), expected = Fingerprint(kind: .host, value: Array(text.utf8))
            #expect(built == expected, "\(text)")
            #expect(built.hashValue == expected.hashValue, "\(text)")
            #expect(built.value == Array(text.utf8), "\(text)")
        }
    }

    /// The fingerprinter's per-thread scratch carries nothing from one message to the next:
    /// the same fingerprints in forward and reverse order, and twice in a row.
    @Test func fingerprintsDoNotDependOnTheMessageBefore() throws {
        let (_, held) = try EngineTests.cartridge.get()
        let features = try held.prefix(16).map { try MessageFeatures(message: Message(rendered: Fixtures.read($0.path))) }
        let fingerprinter = MessageFingerprinter(options: FingerprintOptions(imageDepth: .high, includesSender: true))
        let forward = features.map { fingerprinter.fingerprints(of: $0).fingerprints }
        let backward = features.reversed().map { fingerprinter.fingerprints(of: $0).fingerprints }
        #expect(forward == Array(backward.reversed()))
        #expect(forward == features.map { fingerprinter.fingerprints(of: $0).fingerprints })
    }
}
