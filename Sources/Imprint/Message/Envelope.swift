/// The SMTP envelope of a message (RFC 5321 §3.3, §4.1.1): MAIL FROM, RCPT TO, HELO/EHLO and
/// the client's IP address. The engine honours `use envelope for ip information` (trust what was
/// given) and `use ip information` (fall back to the Received chain) with it.
///
/// Three sources, in order of trust:
/// 1. what the caller gives (`Message(…, envelope:)`; the CLI's flags);
/// 2. the `X-Envelope-*` convention: a gateway that hands Imprint a stored message records the
///    envelope in header fields `X-Envelope-From: <addr>`, `X-Envelope-To: <addr>[, <addr>…]`
///    (repeatable), `X-Envelope-Helo: name` and `X-Envelope-Client-IP: 192.0.2.1` (or IPv6). A
///    gateway must strip these fields from incoming mail before adding its own;
/// 3. inference (`init(inferredFrom:)`): MAIL FROM from `Return-Path`, HELO and client IP from the
///    first Received field, newest first, whose `from` clause names a public IP address (private,
///    loopback and link-local hops are the receiving side's own relays), RCPT TO from a `for`
///    clause.
public struct Envelope: Hashable, Sendable {
    /// The reverse path, without angle brackets (empty for the null sender `<>`).
    public var mailFrom: String?
    /// The forward paths, without angle brackets.
    public var recipients: [String]
    /// The name the client gave in HELO/EHLO.
    public var helo: String?
    /// The connecting client's address.
    public var clientIP: IPAddress?

    public init(mailFrom: String? = nil, recipients: [String] = [], helo: String? = nil, clientIP: IPAddress? = nil) {
        self.mailFrom = mailFrom
        self.recipients = recipients
        self.helo = helo
        self.clientIP = clientIP
    }

    /// Whether nothing is known.
    public var isEmpty: Bool { mailFrom == nil && recipients.isEmpty && helo == nil && clientIP == nil }

    /// Each field of `self`, or `fallback`'s where `self` has none.
    public func merged(with fallback: Envelope) -> Envelope {
        Envelope(
            mailFrom: mailFrom ?? fallback.mailFrom,
            recipients: recipients.isEmpty ? fallback.recipients : recipients,
            helo: helo ?? fallback.helo,
            clientIP: clientIP ?? fallback.clientIP)
    }

    /// The envelope recorded in `X-Envelope-From/-To/-Helo/-Client-IP` fields.
    public init(conventionHeaders headers: HeaderList) {
        self.init(
            mailFrom: headers.first(named: "X-Envelope-From").map { Self.stripBrackets($0) },
            recipients: headers.all(named: "X-Envelope-To").flatMap { field in
                field.value.split(separator: ",").map { Self.stripBrackets(String($0)) }.filter { !$0.isEmpty }
            },
            helo: headers.first(named: "X-Envelope-Helo").map(\.value).flatMap { $0.isEmpty ? nil : $0 },
            clientIP: headers.first(named: "X-Envelope-Client-IP").flatMap { IPAddress($0.value) })
    }

    /// The envelope inferred from `Return-Path` and the `Received` chain (see the type's doc).
    public init(inferredFrom headers: HeaderList) {
        self.init(mailFrom: headers.first(named: "Return-Path").map { Self.stripBrackets($0) })
        for field in headers where field.hasName("Received") {
            // A hop's HELO name is kept only from the public hop, its recipient only until one is known.
            let hop = ReceivedHop(field, needs: ReceivedHop.Needs(recipient: recipients.isEmpty, heloOfPrivateHop: false))
            if recipients.isEmpty, let recipient = hop.recipient { recipients = [recipient] }
            if let address = hop.address, !address.isPrivateOrLocal {
                clientIP = address
                helo = hop.helo
                break
            }
        }
    }

    /// `<a@b>` -> `a@b`, whitespace trimmed.
    static func stripBrackets(_ text: String) -> String {
        let ascii = text.utf8.withContiguousStorageIfAvailable { CharsetDecoder.isASCII($0) ? stripBrackets(ascii: $0) : nil }
        return (ascii ?? nil) ?? stripBrackets(characters: text)
    }

    /// `stripBrackets` of a field's value (`HeaderField.value`): an ASCII value is read in place
    /// (only the result becomes a string).
    static func stripBrackets(_ field: HeaderField) -> String {
        field.withUnfoldedBytes { bytes in
            CharsetDecoder.isASCII(bytes) ? stripBrackets(ascii: bytes) : stripBrackets(characters: CharsetDecoder.decode(bytes, charset: nil))
        }
    }

    /// `stripBrackets` of ASCII text given as bytes (a Character is then a byte).
    static func stripBrackets(ascii bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes[bracketedRange(ascii: bytes[...])], as: UTF8.self)
    }

    /// The part of ASCII `bytes` that `stripBrackets` keeps, as a range of their indices.
    static func bracketedRange(ascii bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Range<Int> {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "<"), let close = bytes[start..<end].firstIndex(of: UInt8(ascii: ">")) {
            return (start + 1)..<close
        }
        return start..<end
    }

    /// `stripBrackets` of any text, by Characters (a combining mark after `<` makes another Character).
    private static func stripBrackets(characters text: String) -> String {
        var value = Substring(text).trimmingSpaces
        if value.hasPrefix("<"), let close = value.firstIndex(of: ">") {
            value = String(value[value.index(after: value.startIndex)..<close])
        }
        return value
    }
}
