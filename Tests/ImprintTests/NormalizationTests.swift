import Foundation
import Imprint
import ImprintTestSupport
import Testing

/// The text normalization shared by the fingerprints, against the spellings an attacker uses.
@Suite("Text normalization")
struct NormalizationTests {
    let normalizer = TextNormalizer()

    func normalized(_ text: String) -> String { normalizer.normalize(text) }

    @Test func homoglyphsAndFullWidthFoldToASCII() {
        // Full-width P, Cyrillic а (U+0430), full-width P, Cyrillic а, Latin L.
        #expect(normalized("\u{FF30}\u{0430}y\u{FF30}\u{0430}l") == "paypal")
        #expect(normalized("ΡаураІ") == "paypai")  // Greek Rho, Cyrillic а у р а, Cyrillic capital І reads as I
        #expect(normalized("bаηk") == "bank")  // Greek eta reads as n
        #expect(normalized("МІСRОSОFТ") == "microsoft")  // all Cyrillic capitals
        #expect(normalized("Αpple") == "apple")  // Greek capital Alpha
        #expect(normalized("𝐏𝐚𝐲𝐏𝐚𝐥") == "paypal")  // mathematical bold
        #expect(normalized("𝓅𝒶𝓎𝓅𝒶𝓁") == "paypal")  // mathematical script
        #expect(normalized("ⓟⓐⓨⓟⓐⓛ") == "paypal")  // circled
        #expect(normalized("ﬁnance") == "finance")  // ligature
        #expect(normalized("STRASSE straße") == "strasse strasse")  // full case folding
        #expect(normalized("ΟΔΟΣ") == normalized("οδος"))
    }

    @Test func invisibleCharactersDoNotSplitWords() {
        #expect(normalized("pay\u{200B}pal") == "paypal")
        #expect(normalized("v\u{200D}i\u{200C}a\u{00AD}g\u{2060}r\u{FEFF}a") == "viagra")
        #expect(normalized("bank\u{202E}\u{E0041}\u{E0042}ing") == "banking")  // bidi override and tag characters
        #expect(normalized("fre\u{FE0F}e") == "free")  // variation selector
    }

    @Test func leetspeakStaysDistinct() {
        // Decision: ASCII is never remapped, so digits inside words only collapse to the mask.
        #expect(normalized("v1agra") == "v0agra")
        #expect(normalized("v1agra") != normalized("viagra"))
        #expect(normalized("v1agra") == normalized("v7agra"))
    }

    @Test func numbersAndTrackingTokensAreMasked() {
        #expect(normalized("Only $1,299.99 today, 50% off!") == "only $0,0.0 today, 0% off!")
        #expect(normalized("Call ٠١٢٣ now") == "call 0 now")  // Arabic-Indic digits
        #expect(normalized("ref a8f3k29dx7q1 and 550e8400-e29b-41d4-a716-446655440000 end")
            == "ref # and # end")
        #expect(normalized("kjhgfdsqwrtzpmnbvcxlkjhgfds") == "#")
        // Words that merely contain digits are not tracking tokens.
        #expect(normalized("windows2000 mp3 i386-architecture powerman10million") == "windows0 mp0 i0-architecture powerman0million")
    }

    @Test func whitespaceCollapses() {
        #expect(normalized("  Hello,\t\n  World \u{00A0}\u{3000}again  ") == "hello, world again")
        #expect(normalized("") == "")
        #expect(normalized("\u{200B}\u{200B}") == "")
    }

    @Test func nonLatinScriptsKeepTheirLetters() {
        #expect(normalized("שלום עולם") == "שלום עולם")
        #expect(normalized("免费 获取") == "免费 获取")
        // Cyrillic folds case, and its Latin look-alike letters (р, е) deterministically.
        #expect(normalized("Привет МИР") == normalized("привет мир"))
        #expect(normalized("ΗΣΑΝ") == normalized("ησαν"))
    }

    @Test func normalizationIsIdempotent() {
        var generator = SeededGenerator(seed: 0x4E4F_524D)
        let pieces = ["Pay", "Раl", "\u{200B}", " ", "１２３", "𝐀", "ß", "-", "_", "a8f3k29dx7q1", "é", "e\u{301}", "\n", "免费", "!"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let once = normalized(text)
            #expect(Array(normalized(once).utf8) == Array(once.utf8), "\(text.debugDescription)")
        }
    }

    /// Normalizing run by run must agree with normalizing after whole-text NFKC.
    @Test func runwiseNFKCAgreesWithWholeTextNFKC() {
        var generator = SeededGenerator(seed: 0x4E46_4B43)
        let pieces = ["e", "E", "\u{301}", "\u{327}\u{301}", "a", "Å", "ﬃ", "\u{FF76}", "\u{FF9E}", "ｶﾞ", " ", "1", "²",
                      "\u{1100}", "\u{1161}", "\u{11A8}", "’", "é", "x\u{200B}", "Ω", "K", "\u{212B}", "ǅ"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...16, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let whole = text.precomposedStringWithCompatibilityMapping
            // Byte equality: String's == is canonical equivalence, fingerprints hash bytes.
            #expect(Array(normalized(text).utf8) == Array(normalized(whole).utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func tokenizerSplitsWordsAndIdeographs() {
        #expect(TextTokenizer.words(in: "hello, world-wide web_site -x- 0 免费获取 привет") ==
            ["hello", "world-wide", "web_site", "x", "0", "免", "费", "获", "取", "привет"])
        #expect(TextTokenizer.words(in: normalized("ＰаyPаl  is\u{200B}here")) == ["paypal", "ishere"])
    }
}
