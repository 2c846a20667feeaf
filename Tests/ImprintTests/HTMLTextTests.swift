import Imprint
import ImprintTestSupport
import Testing

@Suite("HTML to text")
struct HTMLTextTests {
    let extractor = HTMLTextExtractor()

    static func hex(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every HTML5 named reference, plus numeric edge cases, against Python's `html.unescape`
    /// (Tests/Fixtures/html/entities.tsv, made by scripts/generate_text_fixtures.py).
    @Test func entitiesDecodeLikePython() throws {
        let rows = try Fixtures.table("html/entities.tsv")
        #expect(rows.count >= 2231)
        var failures = 0
        for row in rows {
            let input = Self.hex(row[0])
            let expected = Self.hex(row[1])
            let decoded = HTMLEntities.decode(input)
            if decoded != expected {
                failures += 1
                if failures < 10 { Issue.record("\(input): \(decoded.debugDescription) != \(expected.debugDescription)") }
            }
        }
        #expect(failures == 0)
    }

    @Test func stripsTagsAndDropsScriptStyleHeadAndComments() {
        let html = """
            <!DOCTYPE html><html><head><title>Title text</title><style>p { color: red }</style>
            <script>var x = "<p>not text</p>";</script></head>
            <body><!-- a comment <p>hidden</p> --><p>Hello&nbsp;<b>world</b> &amp; friends</p>
            <div>Second   line<br>Third line</div><SCRIPT type="text/javascript">alert(1)</SCRIPT>Tail</body></html>
            """
        let result = extractor.extract(html)
        #expect(result.text == "Hello world & friends\nSecond line\nThird line\nTail")
    }

    @Test func textFeaturesChainTheStages() {
        let html = Array("<p>Ｖｅｒｉｆｙ your <a href='http://bank.com@evil.example/x?utm_source=m'>acc\u{200B}ount</a> now</p>".utf8)
        let features = TextFeatures(bytes: html, charset: "utf-8", isHTML: true)
        #expect(features.text == "Ｖｅｒｉｆｙ your account now")
        #expect(features.normalized == "verify your account now")
        #expect(features.words == ["verify", "your", "account", "now"])
        #expect(features.hosts.map(\.name) == ["evil.example"])
        #expect(features.urls.first?.url.withoutTracking == "http://evil.example/x")
        #expect(features.html?.hiddenText.invisibleCharacters == 1)
        let plain = TextFeatures(text: "see hxxp://evil[.]example/", isHTML: false)
        #expect(plain.html == nil && plain.hosts.map(\.name) == ["evil.example"])
    }

    @Test func headTextIsDropped() {
        #expect(extractor.extract("<html><head>stray head text<meta charset=utf-8></head><body>Body</body></html>").text == "Body")
        #expect(extractor.extract("<head><title>t</title><p>implied body</p>").text == "implied body")
        #expect(extractor.extract("<head>x</head>after").text == "after")
    }

    @Test func collectsLinksWithAnchorTextAndImages() {
        let html = """
            <a href="https://example.com/a?x=1&amp;y=2">Click <b>here</b> now</a>
            <map><area href="http://area.example/" alt="Area text"></map>
            <form action='https://evil.example/post'><input type=image src="btn.png"></form>
            <img src="cid:part1.ABC@example" alt="logo"><IMG SRC=http://img.example/p.gif>
            <table background="bg.jpg"><tr><td>cell</td></tr></table>
            """
        let result = extractor.extract(html)
        #expect(result.links == [
            HTMLLink(kind: .anchor, target: "https://example.com/a?x=1&y=2", text: "Click here now"),
            HTMLLink(kind: .area, target: "http://area.example/", text: "Area text"),
            HTMLLink(kind: .form, target: "https://evil.example/post", text: ""),
        ])
        #expect(result.images.map(\.source) == ["btn.png", "cid:part1.ABC@example", "http://img.example/p.gif", "bg.jpg"])
        #expect(result.images[1].isContentID && result.images[1].alt == "logo")
        #expect(!result.images[0].isContentID)
    }

    @Test func hiddenTextTricksAreCountedAndLeftOut() {
        let html = """
            <body>Buy now
            <span style="font-size:0px">hashbuster one</span>
            <div style="DISPLAY: none !important">hashbuster two</div>
            <p style="visibility:hidden">three</p>
            <font color="#ffffff">white on white</font>
            <div style="background-color:#000"><font color="#010101">black on black</font></div>
            <font size="1">small print</font>
            <div hidden>attr hidden</div>
            <span style="color:#fff;background:#fff">x</span>
            <span style="font-size:0"><span style="font-size:14px">visible again</span></span>
            caf&#xE9;\u{200B}z\u{200D}one
            </body>
            """
        let result = extractor.extract(html)
        let features = result.hiddenText
        #expect(result.text.contains("Buy now"))
        #expect(result.text.contains("small print"))
        #expect(result.text.contains("visible again"))
        #expect(result.text.contains("café zone") == false)
        #expect(result.text.contains("cafézone"))
        for hidden in ["hashbuster", "three", "white on white", "black on black", "attr hidden"] {
            #expect(!result.text.contains(hidden))
            #expect(features.text.contains(hidden))
        }
        #expect(features.zeroFontElements == 2)
        #expect(features.displayNoneElements == 2)
        #expect(features.visibilityHiddenElements == 1)
        #expect(features.lowContrastElements == 3)
        #expect(features.tinyFontElements == 1)
        #expect(features.tinyCharacters == "smallprint".count)
        #expect(features.invisibleCharacters == 2)
        #expect(features.hiddenCharacters == "hashbusteronehashbustertwothreewhiteonwhiteblackonblackattrhiddenx".count)
    }

    @Test func moreHidingTricks() {
        let html = """
            Shown <span style="color: transparent">one</span> <div style="mso-hide:all">two</div>
            <div style="max-height:0px; overflow:hidden">three</div> <p style="text-indent:-9999px">four</p>
            <div style="height:0">five is visible: no overflow:hidden</div>
            """
        let result = extractor.extract(html)
        #expect(result.text == "Shown\nfive is visible: no overflow:hidden")
        #expect(result.hiddenText.lowContrastElements == 1)
        #expect(result.hiddenText.displayNoneElements == 3)
    }

    @Test func malformedMarkupDegradesLikeBrowsers() {
        #expect(extractor.extract("a < b and c<d>e").text == "a < b and ce")
        #expect(extractor.extract("x<!-- never closed <b>y</b>").text == "x")
        #expect(extractor.extract("x<a href=\"unterminated>y").text == "x")
        #expect(extractor.extract("<p>one</div>two</p>three").text == "one\ntwo\nthree")
        #expect(extractor.extract("<!---->a<!-->b<!--->c").text == "abc")
        // "<scr<script>" is one unknown tag named "scr<script", as in browsers.
        #expect(extractor.extract("<scr<script>ipt>alert(1)</script>ok").text == "ipt>alert(1)ok")
    }

    @Test func deepNestingIsLinearAndBounded() {
        let depth = 50_000
        let html = String(repeating: "<div><span>", count: depth) + "deep" + String(repeating: "</span></div>", count: depth)
        let result = extractor.extract(html)
        #expect(result.text == "deep")
        let unclosed = String(repeating: "<b>", count: depth) + "x" + String(repeating: "</i>", count: depth)
        #expect(extractor.extract(unclosed).text == "x")
    }

    @Test func seededRandomBytesNeverTrap() {
        // Invalid UTF-8 straight into the byte API: repaired, never trapped on.
        var generator = SeededGenerator(seed: 0x4259_5445)
        let markup = Array("<>&;/=\"' a".utf8)
        for _ in 0..<300 {
            var bytes = generator.bytes(Int.random(in: 0...200, using: &generator))
            for index in bytes.indices where bytes[index] % 7 == 0 { bytes[index] = markup[Int(bytes[index]) % markup.count] }
            let result = bytes.withUnsafeBufferPointer { extractor.extract($0) }
            #expect(result.text.utf8.count <= bytes.count * 3 + 3)
        }
    }

    @Test func seededRandomMarkupNeverTraps() {
        var generator = SeededGenerator(seed: 0x4854_4D4C)
        let pieces = ["<", ">", "</", "<!--", "-->", "&", "&amp", "&#x", ";", "\"", "'", "=", " ", "a", "div", "style=",
                      "font-size:0", "href=", "<a ", "<img src=", "<script>", "</script>", "é", "\u{200B}", "\n"]
        for _ in 0..<300 {
            var html = ""
            for _ in 0..<Int.random(in: 0...80, using: &generator) { html += pieces.randomElement(using: &generator)! }
            let result = extractor.extract(html)
            #expect(result.text.utf8.count <= html.utf8.count * 4)
        }
    }
}
