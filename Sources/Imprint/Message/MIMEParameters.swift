/// One `name=value` parameter of a structured MIME header (Content-Type, Content-Disposition).
public struct MIMEParameter: Hashable, Sendable {
    /// Lower-cased name without RFC 2231 section or extension marks (`filename*0*` -> `filename`).
    public let name: String
    /// The value: RFC 2231 sections joined, percent-escapes decoded in their charset, RFC 2047
    /// words decoded (a common non-standard use in `filename`/`name`).
    public let value: String
    /// The value bytes as written (quotes removed, escapes resolved; sections joined).
    public let rawValue: [UInt8]
}

/// Parses a structured header value `main; name=value; name="quoted"; name*0*=utf-8''x%20y`.
///
/// Follows RFC 2045 §5.1 (parameters), RFC 2231 §3–4 (continuations, charset and language), and,
/// where mail breaks them, what Python's `email` package tolerates: values run to the next `;`
/// outside quotes; a parameter without `=` is skipped; an unterminated quote runs to the end.
enum MIMEParameterParser {
    /// The most RFC 2231 sections joined for one parameter.
    static let maxSections = 1_000

    /// One `name=value` piece as written: the name as a range of the header bytes (only its
    /// lower-cased text is kept), the value as the bytes it keeps.
    typealias Piece = (name: Range<Int>, value: [UInt8])

    /// Parses an unfolded header value read in place.
    ///
    /// - Parameter pieces: a working buffer (emptied first), reused from value to value.
    /// - Returns: the main value's range in `bytes` (spaces trimmed, case kept) and the parameters.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, pieces: inout [Piece]) -> (main: Range<Int>, parameters: [MIMEParameter]) {
        pieces.removeAll(keepingCapacity: true)
        let mainEnd = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
        let main = trim(0..<mainEnd, in: bytes)
        var index = mainEnd
        while index < bytes.count {
            index += 1  // the ';'
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") { index += 1 }
            let name = trim(nameStart..<index, in: bytes)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            let value: [UInt8]
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                let end: Int
                (value, end) = quotedValue(bytes, from: index + 1)
                index = end + 1
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            } else {
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
                value = Array(bytes[trim(valueStart..<index, in: bytes)])
            }
            if !name.isEmpty { pieces.append((name, value)) }
        }
        return (main, combine(pieces, in: bytes))
    }

    /// The content of a quoted string starting at `start` (after the opening quote), `\`
    /// escapes resolved, allocated once at its size; and where it ends (the closing quote, or
    /// the end of `bytes` when unterminated).
    private static func quotedValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (value: [UInt8], end: Int) {
        var end = start, length = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            if bytes[end] == UInt8(ascii: "\\"), end + 1 < bytes.count { end += 1 }
            length += 1
            end += 1
        }
        let value = [UInt8](unsafeUninitializedCapacity: length) { out, initialized in
            var position = start
            for slot in 0..<length {
                if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count { position += 1 }
                out[slot] = bytes[position]
                position += 1
            }
            initialized = length
        }
        return (value, end)
    }

    /// Joins RFC 2231 sections and decodes extended values; the first plain or extended
    /// occurrence of a name wins over later duplicates.
    private static func combine(_ pieces: [Piece], in bytes: UnsafeBufferPointer<UInt8>) -> [MIMEParameter] {
        if let plain = plainParameters(pieces, in: bytes) { return plain }
        struct Section { var number: Int; var extended: Bool; var value: [UInt8] }
        var order: [String] = []
        var sections: [String: [Section]] = [:]
        for piece in pieces {
            let lowered = String(decoding: bytes[piece.name], as: UTF8.self).lowercased()
            var base = Substring(lowered)
            var number = -1
            var extended = false
            if base.hasSuffix("*") { extended = true; base = base.dropLast() }
            if let star = base.lastIndex(of: "*"), let parsed = Int(base[base.index(after: star)...]), parsed >= 0 {
                number = parsed
                base = base[..<star]
            }
            let key = String(base)
            if sections[key] == nil { order.append(key); sections[key] = [] }
            guard sections[key]!.count < maxSections else { continue }
            sections[key]!.append(Section(number: number, extended: extended, value: piece.value))
        }
        return order.map { key in
            var list = sections[key]!
            // An RFC 2231 form (`name*` or numbered sections) wins over a plain duplicate.
            let numbered = list.filter { $0.number >= 0 }.sorted { $0.number < $1.number }
            if !numbered.isEmpty {
                var seen = Set<Int>()
                list = numbered.filter { seen.insert($0.number).inserted }
            } else if let extended = list.first(where: \.extended) {
                list = [extended]
            } else {
                list = [list[0]]
            }
            var raw: [UInt8] = []
            var charset: String?
            for (position, section) in list.enumerated() {
                guard section.extended else { raw += section.value; continue }
                var value = section.value[...]
                if position == 0 {
                    let quotes = value.indices.filter { value[$0] == UInt8(ascii: "'") }.prefix(2)
                    if quotes.count == 2 {
                        let name = String(decoding: value[value.startIndex..<quotes.first!], as: UTF8.self)
                        if !name.isEmpty { charset = name }
                        value = value[(quotes.last! + 1)...]
                    }
                }
                raw += percentDecoded(value)
            }
            let text: String
            if charset != nil {
                text = CharsetDecoder.decode(raw, charset: charset)
            } else {
                text = EncodedWords.decode(raw)
            }
            return MIMEParameter(name: key, value: text, rawValue: raw)
        }
    }

    /// The common case without the bookkeeping of `combine`: a few parameters, none an RFC 2231
    /// section or extended value (no `*` in a name), no two with the same name. Each is then its
    /// own single plain section, which `combine` would decode exactly so. Nil otherwise.
    private static func plainParameters(_ pieces: [Piece], in bytes: UnsafeBufferPointer<UInt8>) -> [MIMEParameter]? {
        guard pieces.count <= 8, !pieces.contains(where: { bytes[$0.name].contains(UInt8(ascii: "*")) }) else { return nil }
        var parameters: [MIMEParameter] = []
        parameters.reserveCapacity(pieces.count)
        for piece in pieces {
            let name = ASCIIBytes.lowercased(UnsafeBufferPointer(rebasing: bytes[piece.name]))
            if parameters.contains(where: { $0.name == name }) { return nil }
            parameters.append(MIMEParameter(name: name, value: EncodedWords.decode(piece.value), rawValue: piece.value))
        }
        return parameters
    }

    private static func percentDecoded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            if value[index] == UInt8(ascii: "%"), index + 2 < value.endIndex,
               let high = QuotedPrintableDecoder.hexValue(value[index + 1]),
               let low = QuotedPrintableDecoder.hexValue(value[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(value[index])
                index += 1
            }
        }
        return out
    }

    /// `range` without the spaces and tabs at either end.
    static func trim(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return start..<end
    }
}
