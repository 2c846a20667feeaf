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
        /// The URL text with defanged parts repaired and the canonical scheme in front.
        var cleaned: String
        var disguise: ExtractedURL.Disguise
    }

    /// TLDs that are far more often file extensions in mail text than hosts.
    static let bareHostStoplist: Set<String> = ["zip", "mov", "py", "sh", "md", "rs", "pl", "pm", "ps", "ai", "so", "js", "cs", "sc", "mp", "gz", "tar", "exe", "txt"]

    let bytes: UnsafeBufferPointer<UInt8>
    let maximumLength: Int

    func matches(limit: Int) -> [Match] {
        var found: [Match] = []
        var index = 0
        let count = bytes.count
        while index < count, found.count < limit {
            let byte = bytes[index]
            guard Self.isASCIIAlphanumeric(byte), index == 0 || isBoundary(bytes[index - 1]) else {
                index += 1
                continue
            }
            if let (scheme, bodyStart, disguised) = matchScheme(at: index),
               let match = body(from: bodyStart, rawStart: index, prefix: scheme, disguise: disguised ? .scheme : []) {
                found.append(match)
                index = match.raw.upperBound
                continue
            }
            let (hostEnd, isHost) = bareHost(at: index)
            if isHost, let match = body(from: index, rawStart: index, prefix: "http://", disguise: .bareHost) {
                found.append(match)
                index = match.raw.upperBound
                continue
            }
            index = max(index + 1, hostEnd)
        }
        return found
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
        var end = index
        var word: [UInt8] = []
        while end < bytes.count, end - index < 7 {
            let byte = bytes[end]
            guard Self.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") else { break }
            word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            end += 1
        }
        guard end < bytes.count else { return nil }
        var disguised = false
        if bytes[end] == UInt8(ascii: ":") {
            end += 1
        } else if let length = token(at: end, ["[:]", "(:)", "{:}"]) {
            end += length
            disguised = true
        } else {
            return nil
        }
        let name: String
        switch word {
        case Array("http".utf8), Array("https".utf8), Array("ftp".utf8): name = String(decoding: word, as: UTF8.self)
        case Array("mailto".utf8): return ("mailto:", end, disguised)
        case Array("fxp".utf8), Array("ftx".utf8): name = "ftp"; disguised = true
        default:
            guard word.count == 4 || (word.count == 5 && word[4] == UInt8(ascii: "s")), word[0] == UInt8(ascii: "h"),
                  word[3] == UInt8(ascii: "p") else { return nil }
            let middle = Set(word[1...2])
            guard middle.isSubset(of: Set("xt*_".utf8)) else { return nil }
            name = word.count == 5 ? "https" : "http"
            disguised = true
        }
        let slashesStart = end
        while end < bytes.count, end - slashesStart < 3, bytes[end] == UInt8(ascii: "/") || bytes[end] == UInt8(ascii: "\\") { end += 1 }
        guard end > slashesStart else { return nil }
        return (name + "://", end, disguised)
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
