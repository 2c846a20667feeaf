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
    var stack: [Frame] = []
    var overflow = 0  // elements opened beyond `limits.depth`, not tracked
    var text: [UInt8] = []
    var hidden: [UInt8] = []
    var scratch: [UInt8] = []
    var attributeScratch: [UInt8] = []
    /// The values of the element being opened, decoded and trimmed (`attributeValue`).
    var values: [UInt8] = []
    var features = HiddenTextFeatures()
    /// The links and images found, in byte form.
    var references = HTMLReferences()
    var pendingSpace = false
    var hiddenPendingSpace = false
    /// Inside `<head>`: text is dropped until `</head>`, `<body>` or an element that cannot be in
    /// a head (browsers would move such text to the body; mail renders the head as nothing).
    var inHead = false
    /// The link whose anchor text is being collected, and the stack depth of its `a`.
    var openLink: (index: Int, depth: Int, text: [UInt8])?
    /// The last link's anchor text buffer, emptied, for the next link (one buffer a document).
    var spareAnchorText: [UInt8] = []

    /// The working buffers of a pass, lent by `HTMLExtractionScratch` and given back after `finish()`.
    struct Buffers {
        var text: [UInt8] = []
        var hidden: [UInt8] = []
        /// A text run with its character references decoded (`appendText`).
        var decoded: [UInt8] = []
        /// An attribute value with its character references decoded (`decodedAttributeBytes`).
        var attribute: [UInt8] = []
        var stack: [Frame] = []
        var anchorText: [UInt8] = []
        var values: [UInt8] = []
        /// The links and images of the last pass (`HTMLTextExtractor.withExtraction`).
        var references = HTMLReferences()

        /// Empties all, dropping any buffer grown beyond `limit` bytes.
        mutating func removeAll(retainingAtMost limit: Int) {
            text.removeAll(keepingCapacity: text.capacity <= limit)
            hidden.removeAll(keepingCapacity: hidden.capacity <= limit)
            decoded.removeAll(keepingCapacity: decoded.capacity <= limit)
            attribute.removeAll(keepingCapacity: attribute.capacity <= limit)
            stack.removeAll(keepingCapacity: stack.capacity * MemoryLayout<Frame>.stride <= limit)
            anchorText.removeAll(keepingCapacity: anchorText.capacity <= limit)
            values.removeAll(keepingCapacity: values.capacity <= limit)
            references.removeAll(retainingAtMost: limit)
        }
    }

    /// A pass over `bytes` that works in `buffers` (empty; swapped in, and back by `giveBack`).
    init(bytes: UnsafeBufferPointer<UInt8>, limits: HTMLTextExtractor.Limits, buffers: inout Buffers) {
        self.bytes = bytes
        self.limits = limits
        swapBuffers(&buffers)
        let root = Frame(name: "#root", fontSize: .normal, displayNone: false, visibilityHidden: false, color: .black, background: .white)
        stack.append(root)
        stack.reserveCapacity(64)
        text.reserveCapacity(bytes.count / 2)
    }

    /// Gives the working buffers back (after `finish()`).
    mutating func giveBack(_ buffers: inout Buffers) { swapBuffers(&buffers) }

    private mutating func swapBuffers(_ buffers: inout Buffers) {
        swap(&text, &buffers.text)
        swap(&hidden, &buffers.hidden)
        swap(&scratch, &buffers.decoded)
        swap(&attributeScratch, &buffers.attribute)
        swap(&stack, &buffers.stack)
        swap(&spareAnchorText, &buffers.anchorText)
        swap(&values, &buffers.values)
        swap(&references, &buffers.references)
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

    /// What the element sets say of a tag name, found with one look-up (`roles`).
    struct TagRole: OptionSet {
        let rawValue: UInt8
        static let void = TagRole(rawValue: 1), block = TagRole(rawValue: 2), head = TagRole(rawValue: 4)
        /// `HTMLTextExtractor.droppedContent`.
        static let dropped = TagRole(rawValue: 8)
    }

    /// The roles of every name in `voidElements`, `blockElements`, `headElements` and
    /// `HTMLTextExtractor.droppedContent`; other names have none.
    static let roles: [String: TagRole] = {
        var roles: [String: TagRole] = [:]
        for (names, role) in [(voidElements, TagRole.void), (blockElements, .block), (headElements, .head),
                              (HTMLTextExtractor.droppedContent, .dropped)] {
            for name in names { roles[name, default: []].insert(role) }
        }
        return roles
    }()

    mutating func open(_ name: String, role: TagRole, attributes: Range<Int>, selfClosing: Bool) {
        if name == "head" { inHead = true } else if inHead, !role.contains(.head) { inHead = false }
        if role.contains(.block) { lineBreak() } else if name == "td" || name == "th" { pendingSpace = true }
        var style = HTMLInlineStyle()
        values.removeAll(keepingCapacity: true)
        // Ranges of `values`.
        var href: Range<Int>?
        var source: Range<Int>?
        var alt = 0..<0
        var isImageInput = false
        var iterator = HTMLAttributes(bytes, attributes)
        while let (nameRange, range) = iterator.next() {
            guard let attribute = HTMLAttributeName(UnsafeBufferPointer(rebasing: bytes[nameRange])) else { continue }
            switch attribute {
            case .href where name == "a" || name == "area": href = attributeValue(range)
            case .action where name == "form": href = attributeValue(range)
            case .src where name == "img" || name == "input": source = attributeValue(range)
            case .background: appendImage(source: attributeValue(range), alt: 0..<0)
            case .alt: alt = attributeValue(range)
            case .type where name == "input":
                let type = attributeValue(range)
                isImageInput = Self.isImageType(values, type)
            case .style, .hidden, .bgcolor, .color, .size, .text: readStyle(attribute, range, element: name, into: &style)
            default: continue  // an attribute that means nothing on this element
            }
        }
        if let source, name == "img" || isImageInput { appendImage(source: source, alt: alt) }
        if let href, !href.isEmpty {
            if name == "a" {
                finishLink()
                if references.links.count < limits.links {
                    references.links.append(HTMLReferences.Link(kind: .anchor, target: keep(href), text: 0..<0))
                    openLink = (references.links.count - 1, stack.count + 1, spareAnchorText)
                    spareAnchorText = []  // the open link holds the only reference while it grows
                }
            } else if references.links.count < limits.links {
                let target = keep(href)
                references.links.append(HTMLReferences.Link(kind: name == "area" ? .area : .form, target: target,
                                                            text: name == "area" ? keep(alt) : 0..<0))
            }
        }
        guard !selfClosing, !role.contains(.void) else { return }
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
        if Self.roles[name]?.contains(.block) == true { lineBreak() } else if name == "td" || name == "th" { pendingSpace = true }
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
        references.links[link.index].text = link.text.withUnsafeBufferPointer { references.appendTrimmed($0) }
        openLink = nil
        spareAnchorText = link.text
        spareAnchorText.removeAll(keepingCapacity: true)
    }

    mutating func appendImage(source: Range<Int>, alt: Range<Int>) {
        guard !source.isEmpty, references.images.count < limits.images else { return }
        let isContentID = values.withUnsafeBufferPointer { HTMLReferences.isContentID(UnsafeBufferPointer(rebasing: $0[source])) }
        references.images.append(HTMLReferences.Image(source: keep(source), alt: keep(alt), isContentID: isContentID))
    }

    /// Copies a range of `values` to `references`; returns where it is there.
    mutating func keep(_ value: Range<Int>) -> Range<Int> {
        values.withUnsafeBufferPointer { references.append(UnsafeBufferPointer(rebasing: $0[value])) }
    }

    /// Whether a `type` value is "image" in any case (as `String.lowercased()` compares it: no
    /// other scalar lower-cases to these ASCII letters).
    static func isImageType(_ values: [UInt8], _ value: Range<Int>) -> Bool {
        values.withUnsafeBufferPointer { ASCIIBytes.equalsLowercased(UnsafeBufferPointer(rebasing: $0[value]), "image") }
    }

    /// Appends an attribute's value, entity-decoded and trimmed, to `values`; returns where it
    /// is (empty when it has none).
    mutating func attributeValue(_ range: Range<Int>?) -> Range<Int> {
        let start = values.count
        guard let range else { return start..<start }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        // No character reference: the value is its bytes, trimmed in place.
        if !raw.contains(UInt8(ascii: "&")) {
            values.append(contentsOf: UnsafeBufferPointer(rebasing: raw[ASCIIBytes.spacesAndControlsTrimmed(raw)]))
            return start..<values.count
        }
        Self.decodedAttributeBytes(of: bytes, range, into: &values)
        let kept = values.withUnsafeBufferPointer { ASCIIBytes.spacesAndControlsTrimmed(UnsafeBufferPointer(rebasing: $0[start...])) }
        return (start + kept.lowerBound)..<(start + kept.upperBound)
    }

    /// Reads a presentation attribute into `style`: from its bytes in place when the decoded,
    /// trimmed value is ASCII (the common case), else as a String.
    mutating func readStyle(_ attribute: HTMLAttributeName, _ range: Range<Int>?, element: String, into style: inout HTMLInlineStyle) {
        guard let range else {
            style.read(attribute: attribute, ascii: UnsafeBufferPointer(rebasing: bytes[0..<0]), element: element)
            return
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        func read(_ decoded: UnsafeBufferPointer<UInt8>) {
            let trimmed = UnsafeBufferPointer(rebasing: decoded[ASCIIBytes.spacesAndControlsTrimmed(decoded)])
            if trimmed.allSatisfy({ $0 < 0x80 }) {
                style.read(attribute: attribute, ascii: trimmed, element: element)
            } else {
                style.read(attribute: "\(attribute.spelling)", value: String(decoding: trimmed, as: UTF8.self), element: element)
            }
        }
        guard raw.contains(UInt8(ascii: "&")) else { return read(raw) }
        decodeAttribute(range)
        attributeScratch.withUnsafeBufferPointer { read($0) }
    }

    /// Writes an attribute value's bytes with character references decoded to `attributeScratch`.
    mutating func decodeAttribute(_ range: Range<Int>) {
        attributeScratch.removeAll(keepingCapacity: true)
        Self.decodedAttributeBytes(of: bytes, range, into: &attributeScratch)
    }

    /// Appends an attribute value's bytes with character references decoded to `output`.
    /// (Static, so that no copy of `self` is read while `output`, one of its buffers, is written.)
    static func decodedAttributeBytes(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + range.count)
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
    }

    mutating func lineBreak() {
        pendingSpace = false
        if let last = text.last, last != 0x0A { text.append(0x0A) }
        if let link = openLink, let last = link.text.last, last != 0x20 { openLink!.text.append(0x20) }
    }

    /// The visible text and hidden-text features; the links and images stay in `references`.
    mutating func finish() -> (text: String, hiddenText: HiddenTextFeatures) {
        finishLink()
        while let last = text.last, last == 0x0A || last == 0x20 { text.removeLast() }
        features.text = String(decoding: hidden, as: UTF8.self)
        return (String(decoding: text, as: UTF8.self), features)
    }
}

extension String {
    /// Without leading and trailing scalars up to U+0020 (spaces and C0 controls).
    func trimmingSpacesAndControls() -> String {
        // Scalars up to U+0020 are exactly the UTF-8 bytes up to 0x20; every byte of any other
        // scalar is above it, so the bytes can be trimmed and the text kept when none are.
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 > 0x20 }) else { return "" }
        let last = utf8.lastIndex(where: { $0 > 0x20 })!
        if first == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return self }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }
}
