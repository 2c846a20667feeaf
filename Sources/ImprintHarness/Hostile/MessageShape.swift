/// Byte-level views of a message that the hostile mutations need: where the header ends,
/// which header fields describe the content, where MIME boundaries are. Deliberately naive
/// (no parser of its own): it must work on already-damaged bytes and never trap.
enum MessageShape {
    /// The header block (with its final line break) and the body.
    static func split(_ bytes: [UInt8]) -> (header: ArraySlice<UInt8>, body: ArraySlice<UInt8>) {
        var index = 0
        while index < bytes.count {
            guard let newline = bytes[index...].firstIndex(of: 0x0A) else { break }
            let next = newline + 1
            if next < bytes.count, bytes[next] == 0x0A { return (bytes[..<(next + 1)], bytes[(next + 1)...]) }
            if next + 1 < bytes.count, bytes[next] == 0x0D, bytes[next + 1] == 0x0A {
                return (bytes[..<(next + 2)], bytes[(next + 2)...])
            }
            index = next
        }
        return (bytes[...], [])
    }

    /// The header split into content fields (Content-*, with their continuation lines) and the rest.
    static func contentFields(of header: ArraySlice<UInt8>) -> (content: [UInt8], other: [UInt8]) {
        var content: [UInt8] = [], other: [UInt8] = []
        var inContent = false
        var start = header.startIndex
        while start < header.endIndex {
            let end = (header[start...].firstIndex(of: 0x0A) ?? header.endIndex - 1) + 1
            let line = header[start..<end]
            let first = line.first ?? 0
            if first != 0x20 && first != 0x09 { inContent = startsCaseInsensitive(line, with: "content-") }
            let isBlank = line.allSatisfy { $0 == 0x0D || $0 == 0x0A }
            if !isBlank { if inContent { content += line } else { other += line } }
            start = end
        }
        return (content, other)
    }

    /// Every `boundary=` parameter value in the bytes (quoted or a token), at most 64.
    static func boundaries(in bytes: [UInt8]) -> [[UInt8]] {
        let key = Array("boundary=".utf8)
        var found: [[UInt8]] = []
        var index = 0
        while index + key.count < bytes.count && found.count < 64 {
            guard startsCaseInsensitive(bytes[index...], with: "boundary=") else { index += 1; continue }
            var start = index + key.count
            let quoted = start < bytes.count && bytes[start] == 0x22
            if quoted { start += 1 }
            var end = start
            while end < bytes.count, end - start < 200 {
                let byte = bytes[end]
                if quoted ? byte == 0x22 : (byte == 0x3B || byte <= 0x20) { break }
                end += 1
            }
            if end > start { found.append(Array(bytes[start..<end])) }
            index = end
        }
        return found
    }

    /// The line ranges (line break included) of the bytes.
    static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            let end = (bytes[start...].firstIndex(of: 0x0A) ?? bytes.count - 1) + 1
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    static func startsCaseInsensitive(_ bytes: ArraySlice<UInt8>, with prefix: String) -> Bool {
        var index = bytes.startIndex
        for expected in prefix.utf8 {
            guard index < bytes.endIndex else { return false }
            let byte = bytes[index]
            let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            guard lowered == expected else { return false }
            index += 1
        }
        return true
    }

    /// The original as one part of a new multipart message: its non-content header fields on
    /// top, then a first part holding its content fields and body, then `extra` (a whole part:
    /// header fields, blank line, body). The outer boundary is `boundary`.
    static func wrap(_ bytes: [UInt8], adding extra: [UInt8], boundary: String = "hostile-outer-7f3a") -> [UInt8] {
        let (header, body) = split(bytes)
        let (content, other) = contentFields(of: header)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + extra.count + 512)
        out += other
        out += Array("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\n".utf8)
        out += content.isEmpty ? Array("Content-Type: text/plain\r\n".utf8) : content
        out += Array("\r\n".utf8)
        out += body
        out += Array("\r\n--\(boundary)\r\n".utf8)
        out += extra
        out += Array("\r\n--\(boundary)--\r\n".utf8)
        return out
    }
}
