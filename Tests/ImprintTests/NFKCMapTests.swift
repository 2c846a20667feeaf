import Foundation
import ImprintTestSupport
import Testing

@testable import Imprint

/// `NFKCMap` stands in for Foundation's NFKC on the scalars it lists: each entry must be what
/// Foundation gives, and normalizing with the map must give the same bytes as without it.
@Suite("NFKC map")
struct NFKCMapTests {
    @Test func everyEntryIsFoundationsNFKC() {
        #expect(NFKCMap.forms.count > 6_000)
        for (value, form) in NFKCMap.forms {
            let scalar = Unicode.Scalar(value)!
            let nfkc = String(Character(scalar)).precomposedStringWithCompatibilityMapping
            var scalars: [UInt32] = []
            form.forEach(of: value) { scalars.append($0) }
            #expect(nfkc.unicodeScalars.map(\.value) == scalars, "U+\(String(value, radix: 16))")
            if form != .unchanged { #expect(scalars != [value]) }
        }
    }

    @Test func commonFormsAreListed() {
        #expect(NFKCMap.form(0xA0) == .mapped(0x20))  // no-break space
        #expect(NFKCMap.form(0x2026) == .mapped(0x2E | 0x2E << 21 | 0x2E << 42))  // ellipsis
        #expect(NFKCMap.form(0xB5) == .mapped(0x3BC))  // micro sign: Greek mu
        #expect(NFKCMap.form(0xC9) == .unchanged)  // É: NFKC keeps it, case folding does not
        #expect(NFKCMap.form(0xAD) == .unchanged)  // soft hyphen: NFKC keeps it, the writer drops it
        #expect(NFKCMap.form(0x301) == nil)  // a combining mark composes: Foundation's
        #expect(NFKCMap.form(0xFF9E) == nil)  // so does a half-width voicing mark
        #expect(NFKCMap.form(0x1161) == nil)  // and a conjoining jamo
    }

    /// A vowel sign that composes with the letter before it is NFKC's business even in a run
    /// with nothing else to normalize: decomposed and precomposed Tamil "கொ" normalize alike.
    @Test func composingVowelSignsCompose() {
        let normalizer = TextNormalizer()
        #expect(normalizer.normalize("\u{B95}\u{BC6}\u{BBE}") == normalizer.normalize("\u{B95}\u{BCA}"))
        #expect(Array(normalizer.normalize("\u{B95}\u{BC6}\u{BBE}").unicodeScalars.map(\.value)) == [0xB95, 0xBCA])
    }

    /// The map is a shortcut only: with and without it, every text normalizes to the same bytes.
    @Test func mapAndFoundationGiveTheSameText() {
        var generator = SeededGenerator(seed: 0x4E46_4D50)
        let mapped = ["\u{A0}", "É", "Ü", "ﬁ", "𝐀", "𝒻", "Ⅳ", "Ａ", "ｚ", "…", "™", "①", "Ⓐ", "²", "\u{2003}", "Σ", "Ж",
                      "µ", "½", "\u{AD}", "\u{200B}", "\u{FE0F}", "ｶ", "ﾃ", "Ǆ", "㍿", "´", "¨", "¸"]
        let others = ["e", "E", " ", "1", "\u{301}", "\u{327}", "\u{FF9E}", "\u{3099}", "\u{1100}", "\u{1161}", "\u{11A8}",
                      "가", "é", "ǅ", "\u{212B}", "K", "x", "-", "\n", "\u{FB2A}", "ﷺ", "\u{BC6}", "\u{BBE}", "免", "\u{308}"]
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
