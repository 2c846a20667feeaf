import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

/// The byte form of an HTML part's links and images (`HTMLReferences`, what feature extraction
/// reads, with its link memo keyed on bytes) against the String form of `HTMLText` and the
/// unmemoized String path of URL extraction, on seeded random and real HTML.
@Suite struct HTMLReferencesTwinTests {
    static let htmlPieces = FeatureScratchTwinTests.htmlPieces + [
        "<a href=\" http://a.example/x \">", "<a href=\"HTTP://A.example/x\">", "<a href=\"//cdn.example/y\">", "<a href=\"\">",
        "<a href=\"&#32;www.c.example&#9;\">", "<a href=\"javascript:void(0)\">", "<a href=\"mailto:x@d.example\">",
        "<a href=\"http://e.example/?u=http%3A%2F%2Ff.example%2F\">", "<a href=\"http://caf\u{E9}.example/\">",
        "<img src=\"cid:part1\">", "<img src=\"CID:part2\" alt=\" alt text \">", "<img src=\"cid:\u{301}x\">",
        "<img src=\"&#99;id:p3\">", "<td background=\"http://g.example/bg.gif\">", "<input type=IMAGE src=\"http://h.example/i\">",
        "<input type=\" image \" src=\"www.i.example\">", "<form action=\"http://j.example/post\">", "</form>",
        "<area href=\"www.k.example\" alt=\" k.example \">", "http://shown.example", "a.example", "www.other.example",
        String(repeating: "long anchor text ", count: 20),
    ]

    /// What feature extraction reads of one document: links and images as `HTMLText` holds
    /// them, made from the byte form, and the URLs found from the byte form.
    static func engineForm(_ html: String, _ urls: URLExtractor) -> (HTMLText, [ExtractedURL]) {
        HTMLTextExtractor().withExtraction(of: html) { text, hiddenText, references in
            var found: [ExtractedURL] = []
            urls.appendURLs(of: references, text: text, to: &found)
            for image in references.images {
                let source = references.string(image.source)
                #expect(image.isContentID == HTMLImage(source: source, alt: "").isContentID, "\(source.debugDescription)")
            }
            return (HTMLText(text: text, links: references.htmlLinks, images: references.htmlImages, hiddenText: hiddenText), found)
        }
    }

    static func expectFormsAgree(_ html: String, _ urls: URLExtractor) {
        let (engine, found) = engineForm(html, urls)
        let text = HTMLTextExtractor().extract(html)
        #expect(engine == text, "\(html.debugDescription)")
        #expect(found == FeatureFastPathTwinTests.urlsUnmemoized(text, urls), "\(html.debugDescription)")
        #expect(urls.urls(in: text) == found, "\(html.debugDescription)")
    }

    @Test func byteFormEqualsStringFormOnSeededHTML() {
        var generator = SeededGenerator(seed: 81)
        for round in 0..<3_000 {
            var limits = URLExtractor.Limits()
            limits.urls = round % 5 == 0 ? Int.random(in: 1...6, using: &generator) : 1_000
            let html = FeatureFastPathTwinTests.random(Self.htmlPieces, count: 0...30, using: &generator)
            Self.expectFormsAgree(html, URLExtractor(limits: limits))
        }
    }

    @Test func byteFormEqualsStringFormOnRealHTML() {
        for bytes in HTMLTextCorpusTests.sample() {
            Self.expectFormsAgree(CharsetDecoder.decode(bytes, charset: nil), URLExtractor())
        }
    }

    static let sourcePieces = ["cid:", "CID:", "Cid", "c", "i", "d", ":", "\u{301}", "\u{200D}", "é", "x", " ", "\r\n", "%41"]

    @Test func contentIDFromBytesEqualsContentIDFromString() {
        var generator = SeededGenerator(seed: 82)
        for _ in 0..<20_000 {
            var source = FeatureFastPathTwinTests.random(Self.sourcePieces, count: 0...5, using: &generator)
            let fast = source.withUTF8 { HTMLReferences.isContentID($0) }
            #expect(fast == HTMLImage(source: source, alt: "").isContentID, "\(source.debugDescription)")
        }
    }

    static let targetPieces = ["http://", "HTTPS://", "www.", "WWW.", "//", "/", "\\", "a.example", ".com", "?u=", "#f", " ", "\t",
                               "\u{0B}", "mailto:", "x@", "é", "\u{301}", "%2F", ":8080", "javascript:", "\r\n"]

    @Test func absoluteURLFromBytesEqualsAbsoluteURLFromString() {
        var generator = SeededGenerator(seed: 83)
        for _ in 0..<20_000 {
            var target = FeatureFastPathTwinTests.random(Self.targetPieces, count: 0...6, using: &generator)
            let fast = target.withUTF8 { URLExtractor.absoluteURL(utf8: $0) }
            #expect(fast == URLExtractor.absoluteURL(target), "\(target.debugDescription)")
        }
    }

    static let mailtoPieces = ["x", "Y", "@", "@@", "a.example", "B.EXAMPLE", "?", "subject=hi", "&", ".", "..", "1.2.3.4", "[::1]",
                               "-", "_", " ", "\r\n", "x--", "xn--", String(repeating: "a.", count: 520)]

    @Test func plainMailtoEqualsMailtoOfText() {
        var generator = SeededGenerator(seed: 85)
        for _ in 0..<20_000 {
            var rest = FeatureFastPathTwinTests.random(Self.mailtoPieces, count: 0...6, using: &generator)
            let plain = rest.withUTF8 { NormalizedURL.isPlainMailto($0) ? NormalizedURL.mailto(plain: $0) : nil }
            if rest.utf8.count <= 1_024 { #expect(plain == NormalizedURL.mailto(rest[...]), "\(rest.debugDescription)") }
            #expect(NormalizedURL("mailto:" + rest) == NormalizedURL.mailto(rest[...]), "\(rest.debugDescription)")
        }
    }

    static let hostPieces = ["a", "B", "\u{3002}", "\u{FF0E}", "\u{FF61}", "\u{301}", "\u{3099}", ".", "é", "例", "xn--", "-", "ｅ"]

    /// The ideographic full stops are replaced only when one is there: as replacing always.
    @Test func fullStopsReplacedOnlyWhenPresentEqualsAlwaysReplaced() {
        var generator = SeededGenerator(seed: 84)
        for _ in 0..<5_000 {
            let host = FeatureFastPathTwinTests.random(Self.hostPieces, count: 1...6, using: &generator) + "é"
            let replaced = host.replacingOccurrences(of: "\u{3002}", with: ".").replacingOccurrences(of: "\u{FF0E}", with: ".")
                .replacingOccurrences(of: "\u{FF61}", with: ".")
            if !host.unicodeScalars.contains(where: { $0 == "\u{3002}" || $0 == "\u{FF0E}" || $0 == "\u{FF61}" }) {
                #expect(Array(replaced.unicodeScalars) == Array(host.unicodeScalars), "\(host.debugDescription)")
            }
        }
    }
}
