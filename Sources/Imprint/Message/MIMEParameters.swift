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

    static func parse(_ bytes: [UInt8]) -> (main: String, parameters: [MIMEParameter]) {
        // Names as ranges of `bytes` (only their lower-cased text is kept), values as the bytes each keeps.
        var pieces: [(name: Range<Int>, value: [UInt8])] = []
        var index = 0
        let mainEnd = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
        let main = trim(bytes[0..<mainEnd]).withUnsafeBufferPointer(ASCIIBytes.lowercased)
        index = mainEnd
        while index < bytes.count {
            index += 1  // the ';'
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") { index += 1 }
            let name = trim(bytes[nameStart..<index]).indices
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            var value: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    value.append(bytes[index])
                    index += 1
                }
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            } else {
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
                value = Array(trim(bytes[valueStart..<index]))
            }
            if !name.isEmpty { pieces.append((name, value)) }
        }
        return (main, combine(pieces, in: bytes))
    }

    /// Joins RFC 2231 sections and decodes extended values; the first plain or extended
    /// occurrence of a name wins over later duplicates.
    private static func combine(_ pieces: [(name: Range<Int>, value: [UInt8])], in bytes: [UInt8]) -> [MIMEParameter] {
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
    private static func plainParameters(_ pieces: [(name: Range<Int>, value: [UInt8])], in bytes: [UInt8]) -> [MIMEParameter]? {
        guard pieces.count <= 8, !pieces.contains(where: { bytes[$0.name].contains(UInt8(ascii: "*")) }) else { return nil }
        var parameters: [MIMEParameter] = []
        parameters.reserveCapacity(pieces.count)
        for piece in pieces {
            let name = String(decoding: bytes[piece.name], as: UTF8.self).lowercased()
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

    static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }
}
