/// Path normalization: RFC 3986 section 5.2.4 "Remove Dot Segments", with `%2E` (any case)
/// read as "." as the WHATWG URL Standard does, so `/a/%2e%2E/b` is `/b`.
enum URLPath {
    static func removingDotSegments(_ path: String) -> String {
        if path.isEmpty { return "/" }
        // Fast path: no segment can be a dot segment without "/." or "%2e".
        var fast = path.utf8.first == UInt8(ascii: "/")
        var previous: UInt8 = 0
        for byte in path.utf8 where fast {
            if byte == UInt8(ascii: "%") || (byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/")) { fast = false }
            previous = byte
        }
        if fast { return path }
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() where index > 0 || !part.isEmpty {
            let lowered = part.lowercased()
            let isLast = index == parts.count - 1
            if lowered == "." || lowered == "%2e" {
                if isLast { segments.append("") }
            } else if lowered == ".." || lowered == ".%2e" || lowered == "%2e." || lowered == "%2e%2e" {
                if !segments.isEmpty { segments.removeLast() }
                if isLast { segments.append("") }
            } else {
                segments.append(part)
            }
        }
        return "/" + segments.joined(separator: "/")
    }
}
