/// The running state of one `HTMLTextExtractor` pass: output buffers, the open-element stack
/// with inherited presentation, and the link being collected.
struct HTMLExtractionState {
    struct Frame {
        var name: String
        var fontSize: HTMLInlineStyle.FontSize
        var displayNone: Bool
        var visibilityHidden: Bool
        var color: HTMLColor
        var background: HTMLColor

        var hides: Bool { fontSize == .zero || displayNone || visibilityHidden || color.isNear(background) }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: HTMLTextExtractor.Limits
    var stack: [Frame]
    var overflow = 0  // elements opened beyond `limits.depth`, not tracked
    var text: [UInt8] = []
    var hidden: [UInt8] = []
    var scratch: [UInt8] = []
    var features = HiddenTextFeatures()
    var links: [HTMLLink] = []
    var images: [HTMLImage] = []
    var pendingSpace = false
    var hiddenPendingSpace = false
    /// Inside `<head>`: text is dropped until `</head>`, `<body>` or an element that cannot be in
    /// a head (browsers would move such text to the body; mail renders the head as nothing).
    var inHead = false
    /// The link whose anchor text is being collected, and the stack depth of its `a`.
    var openLink: (index: Int, depth: Int, text: [UInt8])?

    init(bytes: UnsafeBufferPointer<UInt8>, limits: HTMLTextExtractor.Limits) {
        self.bytes = bytes
        self.limits = limits
        let root = Frame(name: "#root", fontSize: .normal, displayNone: false, visibilityHidden: false, color: .black, background: .white)
        stack = [root]
        stack.reserveCapacity(64)
        text.reserveCapacity(bytes.count / 2)
    }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "param", "source", "track", "wbr", "keygen", "basefont", "frame"]
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section",
        "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "caption", "listing", "plaintext", "xmp",
    ]

    static let headElements: Set<String> = ["head", "title", "meta", "link", "style", "script", "base", "noscript", "template", "basefont", "bgsound"]

    mutating func open(_ name: String, attributes: Range<Int>, selfClosing: Bool) {
        if name == "head" { inHead = true } else if inHead, !Self.headElements.contains(name) { inHead = false }
        if Self.blockElements.contains(name) { lineBreak() } else if name == "td" || name == "th" { pendingSpace = true }
        var style = HTMLInlineStyle()
        var href: String?
        var source: String?
        var alt = ""
        var isImageInput = false
        var iterator = HTMLAttributes(bytes, attributes)
        while let (attribute, range) = iterator.next() {
            switch attribute {
            case "style", "hidden", "bgcolor", "color", "size", "text", "href", "src", "alt", "action", "background", "type":
                let value = range.map(decodedAttribute) ?? ""
                switch attribute {
                case "href" where name == "a" || name == "area": href = value
                case "action" where name == "form": href = value
                case "src" where name == "img" || name == "input": source = value
                case "background": appendImage(source: value, alt: "")
                case "alt": alt = value
                case "type" where name == "input": isImageInput = value.lowercased() == "image"
                default: style.read(attribute: attribute, value: value, element: name)
                }
            default:
                continue
            }
        }
        if let source, name == "img" || isImageInput { appendImage(source: source, alt: alt) }
        if let href, !href.isEmpty {
            if name == "a" {
                finishLink()
                if links.count < limits.links {
                    links.append(HTMLLink(kind: .anchor, target: href, text: ""))
                    openLink = (links.count - 1, stack.count + 1, [])
                }
            } else if links.count < limits.links {
                links.append(HTMLLink(kind: name == "area" ? .area : .form, target: href, text: name == "area" ? alt : ""))
            }
        }
        guard !selfClosing, !Self.voidElements.contains(name) else { return }
        push(name, style: style)
    }

    mutating func push(_ name: String, style: HTMLInlineStyle) {
        guard stack.count < limits.depth else {
            overflow += 1
            return
        }
        let parent = stack[stack.count - 1]
        var frame = parent
        frame.name = name
        if let size = style.fontSize { frame.fontSize = size }
        frame.displayNone = parent.displayNone || style.displayNone
        if style.visibilityHidden { frame.visibilityHidden = true } else if style.visibilityVisible { frame.visibilityHidden = false }
        frame.background = style.background ?? parent.background
        frame.color = style.transparentText ? frame.background : (style.color ?? parent.color)
        if frame.fontSize == .zero, parent.fontSize != .zero { features.zeroFontElements += 1 }
        if frame.fontSize == .tiny, parent.fontSize != .tiny { features.tinyFontElements += 1 }
        if frame.displayNone, !parent.displayNone { features.displayNoneElements += 1 }
        if frame.visibilityHidden, !parent.visibilityHidden { features.visibilityHiddenElements += 1 }
        if frame.color.isNear(frame.background), !parent.color.isNear(parent.background) { features.lowContrastElements += 1 }
        stack.append(frame)
    }

    mutating func close(_ name: String) {
        if name == "head" { inHead = false }
        if name == "br" || name == "p" { lineBreak() }
        if Self.blockElements.contains(name) { lineBreak() } else if name == "td" || name == "th" { pendingSpace = true }
        if name == "a" { finishLink() }
        if overflow > 0 {
            overflow -= 1
            return
        }
        var index = stack.count - 1
        while index > 0, stack[index].name != name { index -= 1 }
        guard index > 0 else { return }
        stack.removeSubrange(index...)
        if let link = openLink, stack.count < link.depth { finishLink() }
    }

    mutating func finishLink() {
        guard let link = openLink else { return }
        links[link.index].text = String(decoding: link.text, as: UTF8.self).trimmingSpacesAndControls()
        openLink = nil
    }

    mutating func appendImage(source: String, alt: String) {
        guard !source.isEmpty, images.count < limits.images else { return }
        images.append(HTMLImage(source: source, alt: alt))
    }

    func decodedAttribute(_ range: Range<Int>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let slice = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
            if bytes[index] == UInt8(ascii: "&"), let next = HTMLEntities.decode(slice, at: index, into: &output, inAttribute: true) {
                index = next
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self).trimmingSpacesAndControls()
    }

    mutating func lineBreak() {
        pendingSpace = false
        if let last = text.last, last != 0x0A { text.append(0x0A) }
        if let link = openLink, let last = link.text.last, last != 0x20 { openLink!.text.append(0x20) }
    }

    mutating func finish() -> HTMLText {
        finishLink()
        while let last = text.last, last == 0x0A || last == 0x20 { text.removeLast() }
        features.text = String(decoding: hidden, as: UTF8.self)
        return HTMLText(text: String(decoding: text, as: UTF8.self), links: links, images: images, hiddenText: features)
    }
}

extension String {
    func trimmingSpacesAndControls() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0.value > 0x20 }) else { return "" }
        let last = scalars.lastIndex(where: { $0.value > 0x20 })!
        return String(scalars[first...last])
    }
}
