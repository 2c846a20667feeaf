extension URLTextScanner {
    /// The buffers `body` builds a URL in, kept across the URLs of a scan (emptied, not freed,
    /// between them) and across scans in `URLExtractionScratch`.
    struct BodyBuffers {
        /// The URL as repaired so far.
        var cleaned: [UInt8] = []
        /// The raw end offset after each cleaned byte past the prefix.
        var rawEnds: [Int] = []
        /// The repaired texts of the scan's matches, one after another (`Match.cleaned`).
        var matched: [UInt8] = []

        /// Empties both, with room for a URL of typical length.
        mutating func reset() {
            cleaned.removeAll(keepingCapacity: true)
            rawEnds.removeAll(keepingCapacity: true)
            cleaned.reserveCapacity(Self.typicalLength)
            rawEnds.reserveCapacity(Self.typicalLength)
        }

        static let typicalLength = 256

        /// Empties all three, dropping any that grew beyond `limit` bytes.
        mutating func removeAll(retainingAtMost limit: Int) {
            cleaned.removeAll(keepingCapacity: cleaned.capacity <= limit)
            rawEnds.removeAll(keepingCapacity: rawEnds.capacity * MemoryLayout<Int>.stride <= limit)
            matched.removeAll(keepingCapacity: matched.capacity <= limit)
        }
    }

    /// Reads a URL's authority and the rest from `start`, repairing defanged dots.
    func body(from start: Int, rawStart: Int, prefix: String, disguise: ExtractedURL.Disguise,
              buffers: inout BodyBuffers) -> Match? {
        var disguise = disguise
        buffers.reset()
        buffers.cleaned += prefix.utf8
        let prefixCount = buffers.cleaned.count
        var inAuthority = prefix != "mailto:"
        var index = start
        let count = bytes.count
        while index < count, buffers.cleaned.count < maximumLength {
            let byte = bytes[index]
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "{"),
               let length = token(at: index, Self.defangedDots) {
                buffers.cleaned.append(UInt8(ascii: "."))
                index += length
                buffers.rawEnds.append(index)
                disguise.insert(.dots)
                continue
            }
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "|")
                || byte == UInt8(ascii: "^") {
                break
            }
            if byte >= 0x80 {
                guard inAuthority, let (scalar, length) = scalar(at: index), scalar.properties.isAlphabetic
                    || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
                    || scalar.value == 0x3002 || scalar.value == 0xFF0E || scalar.value == 0xFF61 else { break }
                for offset in 0..<length {
                    buffers.cleaned.append(bytes[index + offset])
                    buffers.rawEnds.append(index + offset + 1)
                }
                index += length
                continue
            }
            if inAuthority, byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\\") {
                inAuthority = false
            }
            buffers.cleaned.append(byte)
            index += 1
            buffers.rawEnds.append(index)
        }
        trimTrailing(&buffers.cleaned, &buffers.rawEnds, prefixCount: prefixCount)
        guard buffers.cleaned.count > prefixCount, let end = buffers.rawEnds.last else { return nil }
        let matchedStart = buffers.matched.count
        buffers.matched += buffers.cleaned
        return Match(raw: rawStart..<end, cleaned: matchedStart..<buffers.matched.count, disguise: disguise)
    }

    /// Drops trailing punctuation, and closing brackets that have no opening one in the URL.
    func trimTrailing(_ cleaned: inout [UInt8], _ rawEnds: inout [Int], prefixCount: Int) {
        while cleaned.count > prefixCount, let last = cleaned.last {
            let drop: Bool
            switch last {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                 UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "&"):
                drop = true
            case UInt8(ascii: ")"):
                drop = cleaned.lazy.filter { $0 == UInt8(ascii: ")") }.count > cleaned.lazy.filter { $0 == UInt8(ascii: "(") }.count
            case UInt8(ascii: "]"):
                drop = cleaned.lazy.filter { $0 == UInt8(ascii: "]") }.count > cleaned.lazy.filter { $0 == UInt8(ascii: "[") }.count
            default:
                drop = false
            }
            guard drop else { return }
            cleaned.removeLast()
            rawEnds.removeLast()
        }
    }

    /// Whether a bare host (`www.example.com`, `example.co.uk`, `evil(dot)com`) starts at
    /// `index`, and where the run of host characters examined ends.
    func bareHost(at index: Int) -> (Int, Bool) {
        var labelCount = 1
        var labelStart = index
        var firstLabelEnd = -1
        var validLabels = true
        var end = index
        let count = bytes.count
        while end < count {
            let byte = bytes[end]
            if Self.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                end += 1
                continue
            }
            var separator = 0
            if byte == UInt8(ascii: ".") {
                separator = 1
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "{"),
                      let length = token(at: end, Self.defangedDots) {
                separator = length
            }
            guard separator > 0, end + separator < count, Self.isASCIIAlphanumeric(bytes[end + separator]), labelCount < 128 else { break }
            if bytes[end - 1] == UInt8(ascii: "-") || bytes[labelStart] == UInt8(ascii: "-") { validLabels = false }
            if firstLabelEnd < 0 { firstLabelEnd = end }
            labelCount += 1
            end += separator
            labelStart = end
        }
        guard labelCount >= 2, end >= count || bytes[end] != UInt8(ascii: "@") else { return (end, false) }
        if firstLabelEnd - index == 3, bytes[index] | 0x20 == UInt8(ascii: "w"), bytes[index + 1] | 0x20 == UInt8(ascii: "w"),
           bytes[index + 2] | 0x20 == UInt8(ascii: "w") {
            return (end, true)
        }
        let tldLength = end - labelStart
        guard validLabels, tldLength >= 2, tldLength <= 63 else { return (end, false) }
        let tld = UnsafeBufferPointer(rebasing: bytes[labelStart..<end])
        for byte in tld {
            let lower = ASCIIBytes.lower(byte)
            guard lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") || tldLength > 4 else { return (end, false) }
        }
        // ASCII (the loop above reads only ASCII labels): at most 15 bytes make a small string.
        let name = ASCIIBytes.lowercasedString(tld)
        guard name.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) || name.hasPrefix("xn--"),
              !Self.bareHostStoplist.contains(name), PublicSuffixList.shared.isTopLevelDomain(name) else { return (end, false) }
        return (end, true)
    }

    /// The scalar at a UTF-8 lead byte, and its length, if well formed.
    func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }
}
