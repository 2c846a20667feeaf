import Foundation
import ImprintHashing

/// Words of HTML markup: tag names, attribute names and short attribute values, as
/// `tag`, `tag.attribute` and `tag.attribute=value` tokens, each given as its XXH3-64 hash
/// (seed `hashSeed`), the form the token fingerprints consume. Spam and ham are written by
/// different tools, and their markup shows it (fonts, colours, tables, mailer habits) even
/// where the visible text is new. Link and image targets are left to the URL fingerprints.
public enum HTMLMarkupWords {
    /// Tokens per HTML part at most.
    public static let maximumPerPart = 600
    /// Attribute values longer than this are not tokens (they are ids, URLs or styles).
    public static let maximumValueLength = 24
    /// Longest tag name and attribute name read as a token, in bytes.
    static let maximumNameLength = 16, maximumAttributeLength = 24
    /// Bytes of attributes scanned per tag at most (a stray '<' in text costs at most this scan).
    static let maximumAttributeScan = 2_048
    static let skippedValueAttributes: [StaticString] = ["href", "src", "action", "background", "alt", "title", "name", "id"]
    /// The XXH3-64 seed of the token hashes.
    public static let hashSeed: UInt64 = 5

    /// The hashes of the markup tokens of one HTML text, in order, each token once.
    /// - Complexity: O(n) over the UTF-8 bytes; tokens are built in one reused buffer.
    public static func hashes(of html: String) -> [UInt64] {
        FeatureExtractionScratch.withThreadScratch { scratch in
            var out: [UInt64] = []
            hashes(of: html, into: &out, scratch: scratch)
            return out
        }
    }

    /// `hashes(of:)` written into `out` (emptied first), with the scratch's seen set and token buffer.
    static func hashes(of html: String, into out: inout [UInt64], scratch: FeatureExtractionScratch) {
        var html = html
        html.withUTF8 { hashes(of: $0, into: &out, seen: &scratch.markupSeen, token: &scratch.markupToken) }
    }

    static func hashes(of bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt64], seen: inout Set<UInt64>, token: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        seen.removeAll(keepingCapacity: true)
        seen.reserveCapacity(128)
        out.reserveCapacity(128)
        token.reserveCapacity(96)
        let count = bytes.count
        var index = 0
        while index < count, out.count < maximumPerPart {
            // The next '<' (memchr: most of a document is text and attribute values).
            guard let open = memchr(bytes.baseAddress! + index, Int32(UInt8(ascii: "<")), count - index) else { break }
            index = bytes.baseAddress!.distance(to: open.assumingMemoryBound(to: UInt8.self)) + 1
            if index < count, bytes[index] == UInt8(ascii: "/") { index += 1 }
            let nameStart = index
            while index < count, isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart, index - nameStart <= maximumNameLength else { continue }
            token.removeAll(keepingCapacity: true)
            appendLower(bytes, nameStart..<index, to: &token)
            let tagLength = token.count
            add(token, to: &out, seen: &seen)
            var scanned = 0
            while index < count, bytes[index] != UInt8(ascii: ">"), scanned < maximumAttributeScan {
                guard isNameByte(bytes[index]) else { index += 1; scanned += 1; continue }
                let attributeStart = index
                while index < count, isNameByte(bytes[index]) { index += 1 }
                let attribute = attributeStart..<index
                scanned += attribute.count
                guard attribute.count <= maximumAttributeLength else { continue }
                token.removeSubrange(tagLength...)
                token.append(UInt8(ascii: "."))
                appendLower(bytes, attribute, to: &token)
                add(token, to: &out, seen: &seen)
                guard index < count, bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                var quote: UInt8? = nil
                if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    quote = bytes[index]
                    index += 1
                }
                let valueStart = index
                while index < count, bytes[index] != UInt8(ascii: ">"), bytes[index] != (quote ?? UInt8(ascii: " ")) {
                    index += 1
                }
                let length = index - valueStart
                scanned += length
                if quote != nil, index < count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                if length > 0, length <= maximumValueLength, !isSkippedValueAttribute(token[(tagLength + 1)...]) {
                    token.append(UInt8(ascii: "="))
                    appendLower(bytes, valueStart..<(valueStart + length), to: &token)
                    add(token, to: &out, seen: &seen)
                }
            }
        }
    }

    /// Appends the hash of `token` to `out` unless it is there already or `out` is full.
    @inline(__always)
    static func add(_ token: [UInt8], to out: inout [UInt64], seen: inout Set<UInt64>) {
        let hash = token.withUnsafeBytes { XXH3.hash64($0, seed: hashSeed) }
        if out.count < maximumPerPart, seen.insert(hash).inserted { out.append(hash) }
    }

    @inline(__always)
    static func appendLower(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to token: inout [UInt8]) {
        for index in range {
            let byte = bytes[index]
            token.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
    }

    /// Whether a lower-cased attribute name is one whose value is not a token.
    static func isSkippedValueAttribute(_ name: ArraySlice<UInt8>) -> Bool {
        name.withUnsafeBufferPointer { name in skippedValueAttributes.contains { ASCIIBytes.equalsLowercased(name, $0) } }
    }

    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }
}
