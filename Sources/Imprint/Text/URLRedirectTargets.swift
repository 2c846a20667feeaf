/// Query parameter values that are themselves URLs.
enum RedirectTargets {
    /// `candidatesOfCharacters(inQuery:)`, with an ASCII query split on its bytes and a value
    /// that cannot look like a URL (`mayLookLikeURL`) passed over before it is decoded: most
    /// parameters are ids and tracking tags.
    static func candidates(inQuery query: String) -> [String] {
        let utf8 = query.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return candidatesOfCharacters(inQuery: query) }
        var targets: [String] = []
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let ampersand = utf8[start...].firstIndex(of: UInt8(ascii: "&")) ?? utf8.endIndex
            defer { start = ampersand == utf8.endIndex ? ampersand : utf8.index(after: ampersand) }
            guard let equals = utf8[start..<ampersand].firstIndex(of: UInt8(ascii: "=")) else { continue }
            let value = utf8.index(after: equals)..<ampersand
            guard mayLookLikeURL(utf8[value]), let target = target(inValue: query[value]) else { continue }
            targets.append(target)
        }
        return targets
    }

    /// False when `looksLikeURL` must be false for the value however often it is decoded:
    /// decoding keeps white space and any byte but `%` and `+`, so the first other byte stays first.
    static func mayLookLikeURL(_ value: Substring.UTF8View) -> Bool {
        guard let first = value.first(where: { !ASCIIBytes.isWhitespace($0) }) else { return false }
        switch ASCIIBytes.lower(first) {
        case UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "h"), UInt8(ascii: "w"), UInt8(ascii: "/"): return true
        default: return false
        }
    }

    /// The target a parameter's raw value names, if it looks like a URL once decoded.
    static func target(inValue raw: Substring) -> String? {
        var value = Substring(URLPercentEncoding.decode(raw))
        for _ in 0..<2 where value.utf8.contains(UInt8(ascii: "%")) && !looksLikeURL(value) {
            value = Substring(URLPercentEncoding.decode(value))
        }
        return looksLikeURL(value) ? String(value.trimmingASCIIWhitespace()) : nil
    }

    /// The twin of `candidates(inQuery:)`: every non-empty `&`-separated parameter (as
    /// `split(separator: "&")` gives them, as Characters) decoded and tested.
    static func candidatesOfCharacters(inQuery query: String) -> [String] {
        var targets: [String] = []
        var rest = query[...]
        while !rest.isEmpty {
            let ampersand = rest.firstIndex(of: "&") ?? rest.endIndex
            let parameter = rest[..<ampersand]
            rest = ampersand == rest.endIndex ? rest[rest.endIndex...] : rest[rest.index(after: ampersand)...]
            guard !parameter.isEmpty, let equals = parameter.firstIndex(of: "=") else { continue }
            if let target = target(inValue: parameter[parameter.index(after: equals)...]) { targets.append(target) }
        }
        return targets
    }

    static func looksLikeURL(_ value: Substring) -> Bool {
        let head = value.trimmingASCIIWhitespace().prefix(8).lowercased()
        return head.hasPrefix("http://") || head.hasPrefix("https://") || head.hasPrefix("www.") || head.hasPrefix("//")
            || head.hasPrefix("http:\\") || head.hasPrefix("https:\\")
    }
}
