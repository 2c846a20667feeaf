/// The links and images of one HTML document in byte form: every link target, anchor text,
/// image source and alt text a range of `bytes` (entities decoded, surrounding space trimmed).
///
/// The internal twin of `HTMLText.links` and `HTMLText.images`: `HTMLExtractionState` writes
/// it in the thread's `HTMLExtractionScratch`, feature extraction reads it there without
/// making a String of each value, and `HTMLText` gets its Strings from it (`htmlLinks`,
/// `htmlImages`).
struct HTMLReferences {
    struct Link {
        var kind: HTMLLink.Kind
        var target: Range<Int>
        var text: Range<Int>
    }

    struct Image {
        var source: Range<Int>
        var alt: Range<Int>
        /// `HTMLImage.isContentID`.
        var isContentID: Bool
    }

    /// The values, one after another.
    var bytes: [UInt8] = []
    var links: [Link] = []
    var images: [Image] = []

    init() {}

    /// The byte form of `html`'s links and images (values as they are, not trimmed again).
    init(_ html: HTMLText) {
        for link in html.links {
            links.append(Link(kind: link.kind, target: append(link.target.utf8), text: append(link.text.utf8)))
        }
        for image in html.images {
            images.append(Image(source: append(image.source.utf8), alt: append(image.alt.utf8), isContentID: image.isContentID))
        }
    }

    /// Appends a value's bytes; returns where they are.
    mutating func append(_ value: some Collection<UInt8>) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: value)
        return start..<bytes.count
    }

    /// Appends `value` without its leading and trailing bytes up to 0x20 (spaces and C0
    /// controls, as `String.trimmingSpacesAndControls` trims); returns where it is.
    mutating func appendTrimmed(_ value: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        append(UnsafeBufferPointer(rebasing: value[ASCIIBytes.spacesAndControlsTrimmed(value)]))
    }

    func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The links as `HTMLText.links` holds them.
    var htmlLinks: [HTMLLink] {
        links.map { HTMLLink(kind: $0.kind, target: string($0.target), text: string($0.text)) }
    }

    /// The images as `HTMLText.images` holds them.
    var htmlImages: [HTMLImage] {
        images.map { HTMLImage(source: string($0.source), alt: string($0.alt)) }
    }

    /// `HTMLImage(source:alt:).isContentID` of a trimmed source's bytes: its first four
    /// Characters are "cid:" in any case. A byte test when the fifth byte is ASCII (then ":"
    /// ends the fourth Character); the String's own test otherwise.
    static func isContentID(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard source.count >= 4, ASCIIBytes.equalsLowercased(UnsafeBufferPointer(rebasing: source[..<4]), "cid:") else { return false }
        guard source.count > 4, source[4] >= 0x80 else { return true }
        return HTMLImage(source: String(decoding: source, as: UTF8.self), alt: "").isContentID
    }

    /// Empties all, dropping any buffer grown beyond `limit` bytes.
    mutating func removeAll(retainingAtMost limit: Int) {
        bytes.removeAll(keepingCapacity: bytes.capacity <= limit)
        links.removeAll(keepingCapacity: links.capacity * MemoryLayout<Link>.stride <= limit)
        images.removeAll(keepingCapacity: images.capacity * MemoryLayout<Image>.stride <= limit)
    }
}
