@testable import Imprint
import ImprintTestSupport
import Testing

/// The byte fast paths of feature extraction against their String twins, on seeded random input
/// built from the pieces that matter to them (and CR LF, which is one Character).
@Suite struct FeatureFastPathTwinTests {
    static func random(_ pieces: [String], count: ClosedRange<Int>, using generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static let colorPieces = ["#", "f", "F", "0", "9", "a", "c", "e", "g", " ", "\t", "\r", "\n", "\r\n", "rgb(", "RGB",
                              ")", ",", "%", "/", ".", "1", "255", "white", "Navy", "aliceblue", "x", "-", "(", "!"]

    @Test func colorFromBytesEqualsColorFromString() {
        var generator = SeededGenerator(seed: 61)
        for _ in 0..<30_000 {
            let text = Self.random(Self.colorPieces, count: 0...8, using: &generator)
            var bytes = text
            let fast = bytes.withUTF8 { HTMLColor(parsingASCII: $0) }
            #expect(fast == HTMLColor(parsing: text[...]), "\(text.debugDescription)")
        }
    }

    static let stylePieces = ["font-size", "FONT-SIZE", "display", "visibility", "opacity", "mso-hide", "height", "max-width",
                              "overflow", "Overflow-Y", "text-indent", "left", "top", "margin-left", "color", "background",
                              "background-color", "border", ":", ";", " ", "\t", "\r\n", "\r", "\n", "!important", "!",
                              "none", "NONE", "hidden", "collapse", "visible", "all", "0", "1", "0.01", "-9999", "-5", "+3",
                              "px", "pt", "em", "%", ".", "transparent", "#fff", "#FFFFFE", "#000", "red", "white",
                              "rgb(1,2,3)", "url(x.gif)", "e3", "1e-3", "inf", "nan", "0x1p2"]

    @Test func styleFromBytesEqualsStyleFromString() {
        var generator = SeededGenerator(seed: 62)
        for _ in 0..<30_000 {
            let text = Self.random(Self.stylePieces, count: 0...14, using: &generator)
            var fast = HTMLInlineStyle()
            var bytes = text
            bytes.withUTF8 { fast.readStyle(ascii: $0) }
            var twin = HTMLInlineStyle()
            twin.readStyle(text[...])
            #expect(fast == twin, "\(text.debugDescription)")
        }
    }

    @Test func attributeFromBytesEqualsAttributeFromString() {
        var generator = SeededGenerator(seed: 63)
        let values = ["", "1", "-1", "+2", " 0 ", "\"1\"", "#fff", "red", "fff", "display:none", "font-size:0", "x"]
        for _ in 0..<5_000 {
            let attribute = HTMLAttributeName.allCases.randomElement(using: &generator)!
            let element = ["font", "body", "div", "a"].randomElement(using: &generator)!
            let value = values.randomElement(using: &generator)!
            var fast = HTMLInlineStyle()
            var bytes = value
            bytes.withUTF8 { fast.read(attribute: attribute, ascii: $0, element: element) }
            var twin = HTMLInlineStyle()
            twin.read(attribute: "\(attribute.spelling)", value: value, element: element)
            #expect(fast == twin, "\(attribute) \(element) \(value.debugDescription)")
        }
    }

    @Test func attributeNameFromBytesEqualsLowercasedName() {
        var generator = SeededGenerator(seed: 64)
        let pieces = ["s", "S", "t", "y", "l", "e", "E", "h", "r", "f", "c", "o", "a", "b", "g", "d", "n", "i", "z", "p",
                      "src", "ALT", "Style", "bgColor", "HIDDEN", "Background", "type", "K", "\u{212A}", "é", "-"]
        let spellings = Dictionary(uniqueKeysWithValues: HTMLAttributeName.allCases.map { ("\($0.spelling)", $0) })
        for _ in 0..<30_000 {
            var name = Self.random(pieces, count: 1...6, using: &generator)
            let fast = name.withUTF8 { HTMLAttributeName(UnsafeBufferPointer(rebasing: $0.prefix(15))) }
            let twin = name.withUTF8 { spellings[ASCIIBytes.lowercased(UnsafeBufferPointer(rebasing: $0.prefix(15)))] }
            #expect(fast == twin, "\(name.debugDescription)")
        }
    }

    @Test func senderDomainFromBytesEqualsSenderDomainFromCharacters() {
        var generator = SeededGenerator(seed: 65)
        let pieces = ["a", "B", "7", ".", "-", "@", " ", "<", ">", "\"", "_", "\r\n", "é", "\u{301}", "\u{600}", "ß", "١", "com"]
        for _ in 0..<30_000 {
            let text = Self.random(pieces, count: 0...12, using: &generator)
            #expect(MessageFeatures.senderDomain(of: text) == MessageFeatures.senderDomainOfCharacters(text), "\(text.debugDescription)")
        }
    }

    /// `urls(in:)` without its memo: every link target and anchor text read again.
    static func urlsUnmemoized(_ html: HTMLText, _ extractor: URLExtractor) -> [ExtractedURL] {
        var found: [ExtractedURL] = []
        for link in html.links where found.count < extractor.limits.urls {
            let origin: ExtractedURL.Origin = link.kind == .anchor ? .anchor : link.kind == .area ? .area : .form
            guard let url = URLExtractor.absoluteURL(link.target) else { continue }
            var disguise: ExtractedURL.Disguise = []
            let domain = url.host.registeredDomain ?? url.host.name
            let shown = extractor.urls(inText: link.text).filter { $0.redirectDepth == 0 }
            if shown.contains(where: { ($0.url.host.registeredDomain ?? $0.url.host.name) != domain }) {
                disguise.insert(.mismatchedAnchorText)
            }
            extractor.append(ExtractedURL(url: url, raw: link.target, origin: origin, disguise: disguise), to: &found)
        }
        for image in html.images where found.count < extractor.limits.urls && !image.isContentID {
            guard let url = URLExtractor.absoluteURL(image.source) else { continue }
            extractor.append(ExtractedURL(url: url, raw: image.source, origin: .image), to: &found)
        }
        extractor.appendURLs(inText: html.text, origin: .text, to: &found)
        return found
    }

    @Test func memoizedLinksEqualUnmemoized() {
        var generator = SeededGenerator(seed: 66)
        let targets = ["http://a.example.com/x", "https://b.example.org/?u=http%3A%2F%2Fc.example.net%2F", "www.shop.example",
                       "//cdn.example.co.uk/i.gif", "mailto:x@example.com", "javascript:void(0)", "", " http://A.EXAMPLE.COM ",
                       "cid:part1", "http://192.168.0.1/"]
        let texts = ["", "click here", "www.other.example", "http://a.example.com", "a.example.com b.example.org", "see hxxp://evil[.]example"]
        for round in 0..<400 {
            var limits = URLExtractor.Limits()
            limits.urls = round % 4 == 0 ? Int.random(in: 1...6, using: &generator) : 1_000
            let extractor = URLExtractor(limits: limits)
            let links = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                HTMLLink(kind: [.anchor, .area, .form].randomElement(using: &generator)!,
                         target: targets.randomElement(using: &generator)!, text: texts.randomElement(using: &generator)!)
            }
            let images = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                HTMLImage(source: targets.randomElement(using: &generator)!, alt: "")
            }
            let html = HTMLText(text: texts.randomElement(using: &generator)!, links: links, images: images)
            #expect(extractor.urls(in: html) == Self.urlsUnmemoized(html, extractor))
        }
    }
}

extension FeatureFastPathTwinTests {
    @Test func defaultPortEqualsTheTable() {
        for scheme in Array(NormalizedURL.defaultPorts.keys) + ["mailto", "HTTP", "", "httpss", "ft"] {
            #expect(NormalizedURL.defaultPort(scheme) == NormalizedURL.defaultPorts[scheme], "\(scheme)")
        }
    }
}

extension FeatureFastPathTwinTests {
    @Test func redirectCandidatesFromBytesEqualCandidatesFromCharacters() {
        var generator = SeededGenerator(seed: 67)
        let pieces = ["&", "=", "u", "url", "http://a.example/", "HTTPS:\\\\b.example", "www.c.example", "//d.example", "%", "%25",
                      "%3A%2F%2F", "http%3A%2F%2Fe.example", "%2568ttp%253A%252F%252Ff.example", "+", "%20", " ", "\t", "\r\n",
                      "\r", "x", "1", "W", "h", "/", "é", "&\u{301}", "utm_source"]
        for _ in 0..<30_000 {
            let query = Self.random(pieces, count: 0...10, using: &generator)
            #expect(RedirectTargets.candidates(inQuery: query) == RedirectTargets.candidatesOfCharacters(inQuery: query),
                    "\(query.debugDescription)")
        }
    }
}
