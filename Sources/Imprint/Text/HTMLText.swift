/// The text of an HTML part and what it points at, as `HTMLTextExtractor` finds them.
public struct HTMLText: Sendable, Equatable {
    /// Visible text: tags removed, entities decoded, block elements as line breaks, runs of
    /// white space collapsed. Text the page hides (see `HiddenTextFeatures`) is left out, so that
    /// hidden hash-buster words do not reach the text fingerprints.
    public var text: String
    /// Link targets (`a href`, `area href`, `form action`) in document order.
    public var links: [HTMLLink]
    /// Image sources (`img src`, `background` attributes, `input type=image src`) in document order.
    public var images: [HTMLImage]
    /// Hidden-text tricks and how much text each one hid.
    public var hiddenText: HiddenTextFeatures

    public init(text: String = "", links: [HTMLLink] = [], images: [HTMLImage] = [], hiddenText: HiddenTextFeatures = .init()) {
        self.text = text
        self.links = links
        self.images = images
        self.hiddenText = hiddenText
    }
}

/// One link target and the text the reader sees for it.
public struct HTMLLink: Sendable, Equatable {
    /// The element the target came from.
    public enum Kind: String, Sendable {
        case anchor, area, form
    }
    public var kind: Kind
    /// The attribute value, entities decoded and surrounding space trimmed.
    public var target: String
    /// The visible anchor text (for `area`, its `alt`), white space collapsed, at most
    /// `HTMLTextExtractor.Limits.anchorTextBytes` bytes.
    public var text: String

    public init(kind: Kind, target: String, text: String) {
        self.kind = kind
        self.target = target
        self.text = text
    }
}

/// One image reference.
public struct HTMLImage: Sendable, Equatable {
    /// The source, entities decoded and trimmed.
    public var source: String
    /// The `alt` text, if any.
    public var alt: String
    /// True for `cid:` references to a MIME part of the same message (RFC 2392).
    public var isContentID: Bool

    public init(source: String, alt: String) {
        self.source = source
        self.alt = alt
        self.isContentID = source.utf8.count >= 4 && source.prefix(4).lowercased() == "cid:"
    }
}

/// Counts of the tricks that hide text from a reader while a filter still sees it. Element
/// counts say how often a trick was declared; character counts say how many non-space
/// characters of text it actually hid.
public struct HiddenTextFeatures: Sendable, Equatable {
    /// Elements with a zero font size (`font-size:0`, `0px`, `0pt`, `0em`, `0%`, at most 1px).
    public var zeroFontElements = 0
    /// Elements with a tiny but non-zero font (`<font size=1>`, CSS sizes 2-6px/pt). Their text
    /// is kept in `HTMLText.text`; only zero sizes hide it.
    public var tinyFontElements = 0
    /// Elements with `display:none`, the `hidden` attribute, `opacity:0`, `mso-hide:all`, a zero
    /// height or width with `overflow:hidden`, or an indent/offset of -500 or less (off-screen).
    public var displayNoneElements = 0
    /// Elements with `visibility:hidden`.
    public var visibilityHiddenElements = 0
    /// Elements whose text colour is equal or near (see `HTMLColor.isNear`) their background,
    /// or `transparent`.
    public var lowContrastElements = 0
    /// Non-space characters hidden by any of the tricks above (left out of `HTMLText.text`).
    public var hiddenCharacters = 0
    /// Non-space characters in tiny (but visible) fonts.
    public var tinyCharacters = 0
    /// Invisible characters in the text (zero-width, bidi controls, soft hyphens, tag
    /// characters: `InvisibleCharacters.contains`), hidden or not.
    public var invisibleCharacters = 0
    /// The hidden text itself, white space collapsed, at most `HTMLTextExtractor.Limits.hiddenTextBytes`.
    public var text = ""

    public init() {}

    /// True when any trick was seen.
    public var isEmpty: Bool {
        zeroFontElements == 0 && tinyFontElements == 0 && displayNoneElements == 0
            && visibilityHiddenElements == 0 && lowContrastElements == 0 && invisibleCharacters == 0
    }
}
