import Foundation

/// A tolerant, single-pass HTML tokenizer over UTF-8 bytes, after the HTML Living Standard's
/// tokenizer states (section 13.2.5) reduced to what text extraction needs: text runs, start
/// and end tags with their raw attribute bytes, and comments/declarations (skipped). It never
/// builds a tree, never recurses, and every byte is examined a bounded number of times, so the
/// cost is linear in the input. Malformed markup degrades as browsers do: a `<` that does not
/// open a tag is text; an unclosed comment or quoted attribute runs to the end of the input.
struct HTMLTokenizer {
    enum Token {
        /// Text bytes (entities not yet decoded).
        case text(Range<Int>)
        /// A start tag: lower-cased name (at most 15 bytes, so it stays a small string), the
        /// raw bytes of its attributes, and whether it ended with `/>`.
        case startTag(name: String, attributes: Range<Int>, selfClosing: Bool)
        /// An end tag's lower-cased name.
        case endTag(name: String)
        /// A comment, doctype or processing instruction (contents dropped).
        case comment
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func next() -> Token? {
        let count = bytes.count
        guard position < count else { return nil }
        let start = position
        if bytes[start] != UInt8(ascii: "<") || !opensMarkup(at: start) {
            var end = start + 1
            while end < count {
                guard let found = memchr(bytes.baseAddress! + end, Int32(UInt8(ascii: "<")), count - end) else {
                    end = count
                    break
                }
                end = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if opensMarkup(at: end) { break }
                end += 1
            }
            position = end
            return .text(start..<end)
        }
        let second = bytes[start + 1]
        if second == UInt8(ascii: "!") {
            if start + 3 < count, bytes[start + 2] == UInt8(ascii: "-"), bytes[start + 3] == UInt8(ascii: "-") {
                position = endOfComment(from: start + 4)
            } else {
                position = after(UInt8(ascii: ">"), from: start + 2)
            }
            return .comment
        }
        if second == UInt8(ascii: "?") {
            position = after(UInt8(ascii: ">"), from: start + 2)
            return .comment
        }
        if second == UInt8(ascii: "/") {
            guard start + 2 < count, isLetter(bytes[start + 2]) else {
                position = after(UInt8(ascii: ">"), from: start + 2)
                return .comment
            }
            let (name, nameEnd) = tagName(from: start + 2)
            position = after(UInt8(ascii: ">"), from: nameEnd)
            return .endTag(name: name)
        }
        let (name, nameEnd) = tagName(from: start + 1)
        let (attributesEnd, tagEnd) = endOfAttributes(from: nameEnd)
        let selfClosing = attributesEnd > nameEnd && bytes[attributesEnd - 1] == UInt8(ascii: "/")
        position = tagEnd
        return .startTag(name: name, attributes: nameEnd..<attributesEnd, selfClosing: selfClosing)
    }

    /// Skips the raw text of `script`, `style` and similar elements: everything up to the
    /// matching end tag (`</name`, any case), which is left for `next()`.
    mutating func skipRawText(of name: String) {
        // The name's bytes in place (a short name is a small string: no copy to the heap).
        var name = name
        name.withUTF8 { skipRawText(ofUTF8: $0) }
    }

    private mutating func skipRawText(ofUTF8 name: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var index = position
        while index + 1 + name.count < count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") {
                var matched = true
                for (offset, letter) in name.enumerated() where bytes[index + 2 + offset] | 0x20 != letter {
                    matched = false
                    break
                }
                if matched {
                    position = index
                    return
                }
            }
            index += 1
        }
        position = count
    }

    /// True when the `<` at `index` starts a tag, end tag, comment, declaration or processing
    /// instruction rather than text.
    @inline(__always)
    private func opensMarkup(at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        return isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
    }

    @inline(__always)
    private func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private func tagName(from start: Int) -> (String, Int) {
        var end = start
        while end < bytes.count, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: ">") {
            end += 1
        }
        return (ASCIIBytes.lowercased(UnsafeBufferPointer(rebasing: bytes[start..<min(end, start + 15)])), end)
    }

    private func after(_ byte: UInt8, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != byte { index += 1 }
        return min(index + 1, bytes.count)
    }

    /// The index after a comment's `-->` (or `--!>`; `<!-->` and `<!--->` close at once).
    private func endOfComment(from start: Int) -> Int {
        let count = bytes.count
        if start < count, bytes[start] == UInt8(ascii: ">") { return start + 1 }
        if start + 1 < count, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: ">") { return start + 2 }
        var index = start
        while index + 2 < count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                if bytes[index + 2] == UInt8(ascii: ">") { return index + 3 }
                if bytes[index + 2] == UInt8(ascii: "!"), index + 3 < count, bytes[index + 3] == UInt8(ascii: ">") { return index + 4 }
            }
            index += 1
        }
        return count
    }

    /// Scans attributes, honouring quotes, to the closing `>`.
    /// - Returns: the end of the attribute bytes and the index after the tag.
    private func endOfAttributes(from start: Int) -> (Int, Int) {
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (index, index + 1) }
            if byte == UInt8(ascii: "="), let quote = nextQuote(after: index) {
                index = quote.1
                var close = index + 1
                while close < count, bytes[close] != quote.0 { close += 1 }
                index = close + 1
                continue
            }
            index += 1
        }
        return (count, count)
    }

    /// The quote character opening an attribute value after `=` (white space allowed), if any.
    private func nextQuote(after equals: Int) -> (UInt8, Int)? {
        var index = equals + 1
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
        return (bytes[index], index)
    }
}
