/// Finds URLs in plain text, in one left-to-right pass over UTF-8 bytes: schemes http, https,
/// ftp, mailto and their defanged spellings (`hxxp`, `h**p`, `h__p`, `fxp`, `http[:]//`),
/// bare `www.` hosts, and bare `host.tld` names whose top-level domain is in the Public Suffix
/// List (a few TLDs that are mostly file extensions excepted: `bareHostStoplist`). Defanged
/// dots (`[.]`, `(.)`, `{.}`, `[dot]`, `(dot)`, `{dot}`) are read as dots. Trailing
/// punctuation and unbalanced closing brackets are left out, as mail clients' linkifiers do.
///
/// - Complexity: O(n): candidates start only at word boundaries, and a failed bare-host
///   candidate skips the whole run it examined.
struct URLTextScanner {
    struct Match {
        var raw: Range<Int>
        /// Where `BodyBuffers.matched` holds the URL text with defanged parts repaired and the
        /// canonical scheme in front.
        var cleaned: Range<Int>
        var disguise: ExtractedURL.Disguise
    }

    /// TLDs that are far more often file extensions in mail text than hosts.
    static let bareHostStoplist: Set<String> = ["zip", "mov", "py", "sh", "md", "rs", "pl", "pm", "ps", "ai", "so", "js", "cs", "sc", "mp", "gz", "tar", "exe", "txt"]

    let bytes: UnsafeBufferPointer<UInt8>
    let maximumLength: Int

    /// The URLs of the text, at most `limit`, written to `found` (emptied first), their
    /// repaired texts to `buffers.matched`.
    func matches(limit: Int, into found: inout [Match], buffers: inout BodyBuffers) {
        found.removeAll(keepingCapacity: true)
        buffers.matched.removeAll(keepingCapacity: true)
        var index = 0
        let count = bytes.count
        while index < count, found.count < limit {
            let byte = bytes[index]
            guard Self.isASCIIAlphanumeric(byte), index == 0 || isBoundary(bytes[index - 1]) else {
                index += 1
                continue
            }
            if let (scheme, bodyStart, disguised) = matchScheme(at: index),
               let match = body(from: bodyStart, rawStart: index, prefix: scheme, disguise: disguised ? .scheme : [], buffers: &buffers) {
                append(match, to: &found)
                index = match.raw.upperBound
                continue
            }
            let (hostEnd, isHost) = bareHost(at: index)
            if isHost, let match = body(from: index, rawStart: index, prefix: "http://", disguise: .bareHost, buffers: &buffers) {
                append(match, to: &found)
                index = match.raw.upperBound
                continue
            }
            index = max(index + 1, hostEnd)
        }
    }

    /// Appends a match, making room for several at the first (a text with one URL often has more).
    private func append(_ match: Match, to found: inout [Match]) {
        if found.capacity == 0 { found.reserveCapacity(8) }
        found.append(match)
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    @inline(__always)
    func isBoundary(_ previous: UInt8) -> Bool {
        !(Self.isASCIIAlphanumeric(previous) || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "_")
            || previous == UInt8(ascii: ".") || previous == UInt8(ascii: "@") || previous == UInt8(ascii: "/")
            || previous == UInt8(ascii: "%") || previous == UInt8(ascii: "&") || previous == UInt8(ascii: "="))
    }

    /// A scheme at `index`: the canonical prefix to use, where the authority starts, and
    /// whether the scheme was disguised.
    func matchScheme(at index: Int) -> (String, Int, Bool)? {
        // Every scheme recognized starts with h, f or m: reject other words at once.
        let first = bytes[index] | 0x20
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "f") || first == UInt8(ascii: "m") else { return nil }
        var end = index
        var packed: UInt64 = 0  // up to 7 lower-cased bytes, first byte highest
        while end < bytes.count, end - index < 7 {
            let byte = bytes[end]
            guard Self.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") else { break }
            packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            end += 1
        }
        let length = end - index
        guard end < bytes.count, length >= 3 else { return nil }
        var disguised = false
        if bytes[end] == UInt8(ascii: ":") {
            end += 1
        } else if bytes[end] == UInt8(ascii: "[") || bytes[end] == UInt8(ascii: "(") || bytes[end] == UInt8(ascii: "{"),
                  let separator = token(at: end, ["[:]", "(:)", "{:}"]) {
            end += separator
            disguised = true
        } else {
            return nil
        }
        func byte(_ position: Int) -> UInt8 { UInt8(truncatingIfNeeded: packed >> (8 * UInt64(length - 1 - position))) }
        let name: String
        switch (length, packed) {
        case (4, 0x6874_7470): name = "http"
        case (5, 0x68_7474_7073): name = "https"
        case (3, 0x66_7470): name = "ftp"
        case (6, 0x6D61_696C_746F): return ("mailto:", end, disguised)
        case (3, 0x66_7870), (3, 0x66_7478): name = "ftp"; disguised = true  // fxp, ftx
        default:
            guard length == 4 || (length == 5 && byte(4) == UInt8(ascii: "s")), byte(0) == UInt8(ascii: "h"),
                  byte(3) == UInt8(ascii: "p"), Self.isManglingByte(byte(1)), Self.isManglingByte(byte(2)) else { return nil }
            name = length == 5 ? "https" : "http"
            disguised = true
        }
        let slashesStart = end
        while end < bytes.count, end - slashesStart < 3, bytes[end] == UInt8(ascii: "/") || bytes[end] == UInt8(ascii: "\\") { end += 1 }
        guard end > slashesStart else { return nil }
        return (name + "://", end, disguised)
    }

    /// Letters spammers put for the "tt" of http: x, t, *, _.
    @inline(__always)
    static func isManglingByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "x") || byte == UInt8(ascii: "t") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
    }

    /// The length of the first of `tokens` (ASCII, compared case-insensitively) at `index`.
    func token(at index: Int, _ tokens: [StaticString]) -> Int? {
        outer: for token in tokens {
            let length = token.utf8CodeUnitCount
            guard index + length <= bytes.count else { continue }
            let pointer = token.utf8Start
            for offset in 0..<length where bytes[index + offset] | 0x20 != pointer[offset] | 0x20 { continue outer }
            return length
        }
        return nil
    }

    static let defangedDots: [StaticString] = ["[.]", "(.)", "{.}", "[dot]", "(dot)", "{dot}"]
}
