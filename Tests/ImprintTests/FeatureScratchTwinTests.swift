@testable import Imprint
import ImprintTestSupport
import Testing

/// Feature extraction through its per-thread scratch buffers against fresh buffers, and its byte
/// paths against the String paths they replace, on seeded random input.
@Suite struct FeatureScratchTwinTests {
    static func random(_ pieces: [String], count: ClosedRange<Int>, using generator: inout SeededGenerator) -> String {
        FeatureFastPathTwinTests.random(pieces, count: count, using: &generator)
    }

    static let htmlPieces = ["<p>", "</p>", "<a href=\"http://a.example/x\">", "<a href='www.b.example'>", "</a>", "<br>",
                             "<div style=\"display:none\">", "</div>", "<font color=white>", "</font>", "<img src=\"http://i.example/p.gif\" alt=\"x\">",
                             "<script>var a = '<p>';</script>", "<style>p{}</style>", "<head>", "<title>t</title>", "</head>",
                             "&amp;", "&nbsp;", "&#x41;", "<td>", "<td bgcolor=\"&#35;fff\">", "word", " ", "\n", "é", "\u{200B}",
                             "ＡＢ", "http://c.example/?u=http%3A%2F%2Fd.example%2F", "<!-- c -->", "<input type=\"&#105;mage\" src=\"e.gif\">",
                             "<area href=\"http://f.example\" alt=\"g.example\">", "<", ">", "\""]

    /// Extraction in one thread's reused buffers equals extraction in fresh ones, document after document.
    @Test func htmlExtractionInReusedBuffersEqualsFreshBuffers() {
        var generator = SeededGenerator(seed: 71)
        let extractor = HTMLTextExtractor()
        var reused = HTMLExtractionState.Buffers()
        for _ in 0..<3_000 {
            var html = Self.random(Self.htmlPieces, count: 0...30, using: &generator)
            let (inReused, inFresh) = html.withUTF8 { bytes -> (HTMLText, HTMLText) in
                var fresh = HTMLExtractionState.Buffers()
                let first = extractor.extract(bytes, buffers: &reused)
                reused.removeAll(retainingAtMost: 1 << 20)
                return (first, extractor.extract(bytes, buffers: &fresh))
            }
            #expect(inReused == inFresh, "\(html.debugDescription)")
            #expect(extractor.extract(html) == inFresh)
        }
    }

    static let textPieces = ["a", "B", "1", "23", " ", "\t", "\n", "-", "_", ".", "é", "É", "ﬁ", "ｶﾞ", "\u{301}", "Ⅻ", "٣",
                             "\u{200B}", "а", "ß", "abcdefghij0123456789abcdefghij", "x9f8e7d6c5b4a3", "!", "http://a.example/1"]

    /// Normalization through the thread's reused output buffer equals a writer with its own.
    @Test func normalizationInReusedBufferEqualsFreshBuffer() {
        var generator = SeededGenerator(seed: 72)
        let normalizer = TextNormalizer()
        var reused = ByteScratch(capacity: 16)
        defer { reused.release() }
        for _ in 0..<5_000 {
            let text = Self.random(Self.textPieces, count: 0...20, using: &generator)
            var fresh = ByteScratch(capacity: text.utf8.count + 16)
            let expected = normalizer.normalize(text, buffer: &fresh)
            fresh.release()
            #expect(normalizer.normalize(text, buffer: &reused) == expected, "\(text.debugDescription)")
            #expect(normalizer.normalize(text) == expected)
        }
    }

    static let urlPieces = ["http://", "HTTP://", "hxxp://", "www.", "example", ".com", "[.]", "(dot)", "/path", "?q=1", "&u=",
                            "http%3A%2F%2Fb.example", "#f", "mailto:", "x@", "é", "\u{FF0E}", "\u{3002}", ".", ",", ")", "(", " ",
                            "\n", "a.b.co.uk", "evil.zip", "1.2.3.4", ":8080", "%41", "\u{301}", "Ｅ"]

    /// URLs of texts scanned in one thread's reused buffers equal those of fresh buffers, and
    /// the repaired bytes parse as their String does.
    @Test func textURLsInReusedBuffersEqualFreshBuffers() {
        var generator = SeededGenerator(seed: 73)
        let extractor = URLExtractor()
        var reused = URLExtractor.TextScan()
        for _ in 0..<5_000 {
            let text = Self.random(Self.urlPieces, count: 0...16, using: &generator)
            var inReused: [ExtractedURL] = [], inFresh: [ExtractedURL] = []
            extractor.appendURLs(inText: text, origin: .text, to: &inReused, scan: &reused)
            var fresh = URLExtractor.TextScan()
            extractor.appendURLs(inText: text, origin: .text, to: &inFresh, scan: &fresh)
            #expect(inReused == inFresh, "\(text.debugDescription)")
            #expect(extractor.urls(inText: text) == inFresh)
        }
    }

    @Test func urlFromBytesEqualsURLFromString() {
        var generator = SeededGenerator(seed: 74)
        let invalid: [[UInt8]] = [[0xC1, 0x81], [0xE0, 0x81, 0x81], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC3, 0xA9]]
        for _ in 0..<20_000 {
            var bytes = Array(Self.random(Self.urlPieces, count: 0...10, using: &generator).utf8)
            if Int.random(in: 0..<4, using: &generator) == 0 {
                bytes.insert(contentsOf: invalid.randomElement(using: &generator)!, at: Int.random(in: 0...bytes.count, using: &generator))
            }
            let fast = bytes.withUnsafeBufferPointer { URLExtractor.url($0) }
            #expect(fast == NormalizedURL(String(decoding: bytes, as: UTF8.self)), "\(bytes)")
        }
    }

    static let hostPieces = ["a", "B", "z9", "-", "_", ".", "xn--", "XN--", "com", "co.uk", "0", "1", "255", "0x1f", "%41", "%2e",
                             "[", "]", "::1", "é", "\u{3002}", " ", "\r\n", "~"]

    /// The all-ASCII shortcut of `NormalizedHost(_:)` equals the label-by-label path.
    @Test func asciiHostEqualsHostByLabels() {
        var generator = SeededGenerator(seed: 75)
        for _ in 0..<30_000 {
            let text = Self.random(Self.hostPieces, count: 1...8, using: &generator)
            guard text.utf8.allSatisfy({ $0 < 0x80 }), !text.hasPrefix("["), !text.utf8.contains(UInt8(ascii: "%")) else { continue }
            let lower = text.lowercased()
            var trimmed = lower
            while trimmed.hasSuffix(".") { trimmed.removeLast() }
            guard !trimmed.isEmpty, !IPv4Parser.endsInNumber(trimmed[...]) else { continue }
            let byLabels = NormalizedHost.domainOfLabels(trimmed, spelling: [])
            #expect(NormalizedHost.domain(ofASCII: trimmed, spelling: []) == byLabels, "\(text.debugDescription)")
        }
    }

    @Test func hostFromBytesEqualsHostFromText() {
        var generator = SeededGenerator(seed: 76)
        for _ in 0..<30_000 {
            var text = Self.random(Self.hostPieces, count: 1...8, using: &generator)
            let fast = text.withUTF8 { NormalizedHost(bytes: $0) }
            #expect(fast == NormalizedHost(Substring(text)), "\(text.debugDescription)")
        }
    }

    /// In-place de-duplication keeps what `filter` with a seen set keeps.
    @Test func repeatedURLsRemovedInPlaceEqualFilter() {
        var generator = SeededGenerator(seed: 77)
        let extractor = URLExtractor()
        var seen = Set<NormalizedURL>()
        for _ in 0..<2_000 {
            let text = Self.random(["http://a.example/ ", "http://b.example/ ", "www.a.example ", "http://A.example/ ", "c.co.uk "],
                                   count: 0...12, using: &generator)
            var urls = extractor.urls(inText: text)
            var filterSeen = Set<NormalizedURL>()
            let expected = urls.filter { filterSeen.insert($0.url).inserted }
            MessageFeatures.removeRepeatedURLs(&urls, seen: &seen)
            #expect(urls == expected)
        }
    }

    /// The MIME structure built in one String equals the concatenation of the children's.
    @Test func structureEqualsJoinedChildren() throws {
        func joined(_ message: Message, _ part: MIMEPart) -> String {
            let children = message.children(of: part)
            guard !children.isEmpty else { return part.contentType.mediaType }
            return part.contentType.mediaType + "(" + children.map { joined(message, $0) }.joined(separator: ",") + ")"
        }
        let messages = [
            "Content-Type: text/plain\r\n\r\nhi\r\n",
            "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--\r\n",
            "Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\nx\r\n--i--\r\n--o\r\nContent-Type: image/gif\r\n\r\nGIF\r\n--o\r\nContent-Type: message/rfc822\r\n\r\nSubject: s\r\n\r\nbody\r\n--o--\r\n",
        ]
        for text in messages {
            let message = try Message(rendered: Array(text.utf8))
            #expect(MessageFeatures.structure(of: message, part: message.root) == joined(message, message.root))
        }
    }
}
