/// The attribute names `HTMLExtractionState.open` reads, recognized from a name's raw bytes
/// (ASCII, compared case-insensitively) without building a String.
enum HTMLAttributeName: CaseIterable {
    case style, hidden, bgcolor, color, size, text, href, src, alt, action, background, type

    /// The name lower-cased, as `HTMLTokenizer` spells tag names.
    var spelling: StaticString {
        switch self {
        case .style: "style"
        case .hidden: "hidden"
        case .bgcolor: "bgcolor"
        case .color: "color"
        case .size: "size"
        case .text: "text"
        case .href: "href"
        case .src: "src"
        case .alt: "alt"
        case .action: "action"
        case .background: "background"
        case .type: "type"
        }
    }

    /// The attribute whose lower-cased name is `name`, if it is one of these. A name with a
    /// byte above 0x7F is none of them: no non-ASCII name lower-cases to one of these names.
    init?(_ name: UnsafeBufferPointer<UInt8>) {
        func named(_ candidate: HTMLAttributeName) -> HTMLAttributeName? {
            ASCIIBytes.equalsLowercased(name, candidate.spelling) ? candidate : nil
        }
        let found: HTMLAttributeName?
        switch name.count {
        case 3: found = named(.src) ?? named(.alt)
        case 4: found = named(.size) ?? named(.text) ?? named(.href) ?? named(.type)
        case 5: found = named(.style) ?? named(.color)
        case 6: found = named(.hidden) ?? named(.action)
        case 7: found = named(.bgcolor)
        case 10: found = named(.background)
        default: found = nil
        }
        guard let found else { return nil }
        self = found
    }
}
