/// The sending side of one `Received` field (RFC 5321 §4.4): `from HELO (rDNS [IP]) by … for <rcpt>`.
///
/// Understands the common variants: Postfix/Sendmail `from helo (host [1.2.3.4])`, Exim
/// `from [1.2.3.4] (helo=name)`, qmail `from unknown (HELO name) (1.2.3.4)`, IPv6 address
/// literals `[IPv6:2001:db8::1]` or `[2001:db8::1]`. A field without a `from` clause (local
/// submission, `qmail invoked`) names no hop.
struct ReceivedHop {
    var helo: String?
    var address: IPAddress?
    var recipient: String?

    /// The fields a reader wants: those it does not are left nil without building their strings.
    struct Needs {
        var recipient = true
        /// The HELO name of a hop whose address is private or local (or absent).
        var heloOfPrivateHop = true
    }

    init(_ value: String, needs: Needs = Needs()) {
        var value = value
        self = value.withUTF8 { ReceivedHop(utf8: $0, needs: needs) }
    }

    /// The hop of a `Received` field: its unfolded bytes as `HeaderField.value` decodes them,
    /// unfolded once into a temporary buffer (ASCII, the common case, decodes to itself and is
    /// read in place).
    init(_ field: HeaderField, needs: Needs = Needs()) {
        self = field.withUnfoldedBytes { bytes in
            CharsetDecoder.isASCII(bytes) ? ReceivedHop(utf8: bytes, needs: needs) : ReceivedHop(CharsetDecoder.decode(bytes, charset: nil), needs: needs)
        }
    }

    /// The hop of an unfolded field value given as UTF-8. Strings are made only for the fields
    /// kept: the clause is read as bytes.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>, needs: Needs = Needs()) {
        /// The first match of a lower-case ASCII `needle`, ignoring ASCII case, in `start..<end`.
        func find(_ needle: StaticString, from start: Int = 0, before end: Int? = nil) -> Int? {
            let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            let limit = (end ?? bytes.count) - pattern.count
            guard start <= limit else { return nil }
            search: for index in start...limit where ASCIIBytes.lower(bytes[index]) == pattern[0] {
                for offset in 1..<pattern.count where ASCIIBytes.lower(bytes[index + offset]) != pattern[offset] { continue search }
                return index
            }
            return nil
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        /// Whether the first token is no HELO name: `[…]` or `unknown`, as the String of its
        /// bytes compares (a Character `[` is the byte, unless a combining mark follows it).
        func isAddressOrUnknown(_ range: Range<Int>) -> Bool {
            let first = UnsafeBufferPointer(rebasing: bytes[range])
            if !CharsetDecoder.isASCII(first) {
                let name = text(range)
                return name.hasPrefix("[") || name == "unknown"
            }
            return first.first == UInt8(ascii: "[") || (first.count == 7 && first.elementsEqual("unknown".utf8))
        }
        /// The run from `start` up to the first of the ASCII `stops`.
        func token(from start: Int, stops: StaticString) -> Range<Int> {
            let stop = UnsafeBufferPointer(start: stops.utf8Start, count: stops.utf8CodeUnitCount)
            var end = start
            while end < bytes.count, !stop.contains(bytes[end]) { end += 1 }
            return start..<end
        }
        var heloRange: Range<Int>?
        defer {
            if let heloRange, needs.heloOfPrivateHop || address.map({ !$0.isPrivateOrLocal }) == true { helo = text(heloRange) }
        }

        if needs.recipient, let mark = find(" for ") {
            var start = mark + 5
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            let candidate = bytes[token(from: start, stops: "; \t")]
            if CharsetDecoder.isASCII(UnsafeBufferPointer(rebasing: candidate)) {
                let address = Envelope.bracketedRange(ascii: candidate)
                if bytes[address].contains(UInt8(ascii: "@")) { recipient = text(address) }
            } else {
                let address = Envelope.stripBrackets(String(decoding: candidate, as: UTF8.self))
                if address.utf8.contains(UInt8(ascii: "@")) { recipient = address }
            }
        }
        guard bytes.count >= 5, find("from ", before: 5) == 0 else { return }
        let clauseEnd = find(" by ", from: 5) ?? bytes.count
        var start = 5
        while start < clauseEnd, bytes[start] == 0x20 { start += 1 }
        let first = token(from: start, stops: " (\t")
        let firstEnd = min(first.upperBound, clauseEnd)
        if firstEnd > start { heloRange = start..<firstEnd }
        // Exim and qmail put the HELO name in a comment when the first token is an address.
        if let mark = find("helo", from: firstEnd, before: clauseEnd), heloRange.map(isAddressOrUnknown) ?? true {
            var nameStart = mark + 4
            while nameStart < clauseEnd, bytes[nameStart] == UInt8(ascii: "=") || bytes[nameStart] == 0x20 { nameStart += 1 }
            let name = token(from: nameStart, stops: ") ]\t")
            if !name.isEmpty, name.upperBound <= clauseEnd { heloRange = name }
        }
        // An address literal in brackets first, then a bare address anywhere in the clause.
        var search = 5
        while let open = bytes[search..<clauseEnd].firstIndex(of: UInt8(ascii: "[")),
              let close = bytes[open..<clauseEnd].firstIndex(of: UInt8(ascii: "]")) {
            if let address = IPAddress(utf8: bytes[open + 1..<close]) {
                self.address = address
                return
            }
            search = close + 1
        }
        var pieceStart = 5
        while pieceStart < clauseEnd {
            let piece = token(from: pieceStart, stops: " ()[]=;,\t")
            let end = min(piece.upperBound, clauseEnd)
            if end > pieceStart, Self.mayBeAddress(bytes[pieceStart..<end]), let address = IPAddress(utf8: bytes[pieceStart..<end]) {
                self.address = address
                return
            }
            pieceStart = end + 1
        }
    }

    /// Whether `IPAddress` could read `piece` (a clause piece, no brackets): it has a `.` or `:`,
    /// and every byte is one an address text may hold (hex digits, `.`, `:`, and the sign `+`/`-`
    /// that `UInt8(_:)` accepts in a dotted quad), or it starts with `IPv6:`. Most pieces are
    /// host names: rejected here without building a `String` or running both parsers.
    static func mayBeAddress(_ piece: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        var hasSeparator = false, plain = true
        for byte in piece {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: ":"): hasSeparator = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"):
                break
            default: plain = false
            }
        }
        guard hasSeparator else { return false }
        if plain { return true }
        return ASCIIBytes.equalsLowercased(UnsafeBufferPointer(rebasing: piece.prefix(5)), "ipv6:")
    }
}
