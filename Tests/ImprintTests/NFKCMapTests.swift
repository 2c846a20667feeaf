import Foundation
import ImprintTestSupport
import Testing

@testable import Imprint

/// `NFKCMap` stands in for Foundation's NFKC on the scalars it lists: each entry must be what
/// Foundation gives, and normalizing with the map must give the same bytes as without it.
@Suite("NFKC map")
struct NFKCMapTests {
    @Test func everyEntryIsFoundationsNFKC() {
        #expect(NFKCMap.forms.count > 2_500)
        for (value, form) in NFKCMap.forms {
            let scalar = Unicode.Scalar(value)!
            let nfkc = String(Character(scalar)).precomposedStringWithCompatibilityMapping
            switch form {
            case .unchanged:
                #expect(nfkc.unicodeScalars.map(\.value) == [value], "U+\(String(value, radix: 16))")
            case .ascii(let packed):
                var bytes: [UInt8] = []
                var rest = packed
                while rest != 0 {
                    bytes.append(UInt8(truncatingIfNeeded: rest))
                    rest >>= 8
                }
                #expect(Array(nfkc.utf8) == bytes, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func commonFormsAreListed() {
        #expect(NFKCMap.form(0xA0) == .ascii(0x20))  // no-break space
        #expect(NFKCMap.form(0x2026) == .ascii(0x2E2E2E))  // ellipsis
        #expect(NFKCMap.form(0xC9) == .unchanged)  // É: NFKC keeps it, case folding does not
        #expect(NFKCMap.form(0x301) == nil)  // a combining mark composes: Foundation's
        #expect(NFKCMap.form(0xFF76) == nil)  // half-width katakana may compose with a voicing mark
    }

    /// The map is a shortcut only: with and without it, every text normalizes to the same bytes.
    @Test func mapAndFoundationGiveTheSameText() {
        var generator = SeededGenerator(seed: 0x4E46_4D50)
        let mapped = ["\u{A0}", "É", "Ü", "ﬁ", "𝐀", "𝒻", "Ⅳ", "Ａ", "ｚ", "…", "™", "①", "Ⓐ", "²", "\u{2003}", "Σ", "Ж"]
        let others = ["e", "E", " ", "1", "\u{301}", "\u{327}", "ｶ", "\u{FF9E}", "\u{1100}", "\u{1161}", "é", "½",
                      "\u{200B}", "免", "ǅ", "\u{212B}", "K", "x", "-", "\n", "\u{FB2A}", "ﷺ"]
        var plain = TextNormalizer()
        plain.usesNFKCMap = false
        let map = TextNormalizer()
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                text += (Bool.random(using: &generator) ? mapped : others).randomElement(using: &generator)!
            }
            let expected = Array(plain.normalize(text).utf8)
            #expect(Array(map.normalize(text).utf8) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
