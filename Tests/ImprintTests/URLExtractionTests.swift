import Imprint
import ImprintTestSupport
import Testing

@Suite("URL extraction and normalization")
struct URLExtractionTests {
    let extractor = URLExtractor()

    func urls(_ text: String) -> [String] { extractor.urls(inText: text).map(\.url.description) }

    @Test func normalizesURLs() throws {
        let url = try #require(NormalizedURL("HTTP://User:pw@WWW.Example.COM.:80/a/./b/../c/%7euser/%2e%2E/x%3a?utm_source=news&id=3&fbclid=z#frag"))
        #expect(url.description == "http://www.example.com/a/c/x%3A?utm_source=news&id=3&fbclid=z")
        #expect(url.withoutTracking == "http://www.example.com/a/c/x%3A?id=3")
        #expect(url.pathStripped == "http://www.example.com/")
        #expect(url.userinfo == "User:pw")
        #expect(NormalizedURL("https://example.com:8443")?.description == "https://example.com:8443/")
        #expect(NormalizedURL("https://example.com:443/")?.description == "https://example.com/")
        #expect(NormalizedURL("http:\\\\example.com\\a\\b")?.description == "http://example.com/a/b")
        #expect(NormalizedURL("http://example.com:99999/") == nil)
        #expect(NormalizedURL("javascript:alert(1)") == nil)
        #expect(NormalizedURL("mailto:Bob@Example.COM?subject=hi")?.description == "mailto:bob@example.com")
    }

    @Test func userinfoTrickGoesToTheRealHost() throws {
        let url = try #require(NormalizedURL("http://www.bank.com@evil.example/login"))
        #expect(url.host.name == "evil.example")
        #expect(url.userinfo == "www.bank.com")
    }

    @Test func findsPlainAndDefangedURLsInText() {
        let text = """
            Visit https://Example.com/Path?x=1. Or hxxp://evil[.]example(dot)com/login, h**ps://secure.bad.org/a
            (see http://en.wikipedia.org/wiki/Foo_(bar)) and www.shop.example.net/deal! Mail bob@example.com
            or mailto:Bob@Example.COM. Files report.pdf and archive.zip are not hosts; phish.co.uk is.
            fxp://files.example.org/x and http[:]//defanged.example.com/.
            """
        #expect(urls(text) == [
            "https://example.com/Path?x=1", "http://evil.example.com/login", "https://secure.bad.org/a",
            "http://en.wikipedia.org/wiki/Foo_(bar)", "http://www.shop.example.net/deal", "mailto:bob@example.com",
            "http://phish.co.uk/", "ftp://files.example.org/x", "http://defanged.example.com/",
        ])
        let found = extractor.urls(inText: text)
        #expect(found[1].disguise == [.scheme, .dots])
        #expect(found[4].disguise == [.bareHost])
        #expect(found[1].raw == "hxxp://evil[.]example(dot)com/login")
    }

    @Test func unwrapsRedirectParameters() {
        let found = extractor.urls(inText: "https://www.google.com/url?q=https%3A%2F%2Fevil.example%2Fphish%3Fu%3Dhttp%253A%252F%252Fdeep.example%252F&sa=D")
        #expect(found.map(\.url.description) == [
            "https://www.google.com/url?q=https%3A%2F%2Fevil.example%2Fphish%3Fu%3Dhttp%253A%252F%252Fdeep.example%252F&sa=D",
            "https://evil.example/phish?u=http%3A%2F%2Fdeep.example%2F", "http://deep.example/",
        ])
        #expect(found.map(\.redirectDepth) == [0, 1, 2])
        #expect(found[1].origin == .redirect)
        let plain = extractor.urls(inText: "http://t.example/r?url=www.target.example/x&id=1")
        #expect(plain.last?.url.description == "http://www.target.example/x")
    }

    @Test func collectsHTMLLinksImagesAndMismatchedAnchors() {
        let html = HTMLTextExtractor().extract("""
            <a href="http://evil.example/login">https://www.paypal.com/</a>
            <a href="https://www.paypal.com/help">PayPal help at www.paypal.com</a>
            <img src="cid:logo@x"><img src="https://img.example/t.gif?utm_medium=email">
            <p>Or type hxxps://evil[.]example/ yourself</p>
            """)
        let found = extractor.urls(in: html)
        #expect(found.map(\.url.description) == [
            "http://evil.example/login", "https://www.paypal.com/help", "https://img.example/t.gif?utm_medium=email",
            "https://www.paypal.com/", "http://www.paypal.com/", "https://evil.example/",
        ])
        #expect(found[0].disguise.contains(.mismatchedAnchorText))
        #expect(!found[1].disguise.contains(.mismatchedAnchorText))
        #expect(found[2].origin == .image && found[2].url.withoutTracking == "https://img.example/t.gif")
        #expect(URLExtractor.hosts(of: found).map(\.name) == ["evil.example", "www.paypal.com", "img.example"])
    }

    @Test func seededRandomTextNeverTraps() {
        var generator = SeededGenerator(seed: 0x5552_4C53)
        let pieces = ["http", "hxxp", "s", "://", ":", "/", "\\", "www", ".", "[.]", "(dot)", "@", "%2e", "%", "?", "url=", "&",
                      "=", "example", "com", "co.uk", "0x7f", "127", "[", "]", "::1", "é", "例え", " ", "\n", "#", "-", ")", "("]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text += pieces.randomElement(using: &generator)! }
            for url in extractor.urls(inText: text) {
                // The canonical form is a fixed point.
                #expect(NormalizedURL(url.url.description)?.description == url.url.description, "\(text.debugDescription) -> \(url.url)")
            }
        }
    }

    @Test func adversarialRunsStayLinear() {
        let defanged = String(repeating: "a[.]", count: 50_000)
        #expect(extractor.urls(inText: defanged).count <= 1)
        let dots = String(repeating: "a.", count: 100_000) + "zz"
        #expect(extractor.urls(inText: dots).isEmpty)
        let schemes = String(repeating: "http:", count: 50_000)
        #expect(extractor.urls(inText: schemes).isEmpty)
    }
}
