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
            mailFrom: headers.first(named: "X-Envelope-From").map { Self.stripBrackets($0.value) },
            recipients: headers.all(named: "X-Envelope-To").flatMap { field in
                field.value.split(separator: ",").map { Self.stripBrackets(String($0)) }.filter { !$0.isEmpty }
            },
            helo: headers.first(named: "X-Envelope-Helo").map(\.value).flatMap { $0.isEmpty ? nil : $0 },
            clientIP: headers.first(named: "X-Envelope-Client-IP").flatMap { IPAddress($0.value) })
    }

    /// The envelope inferred from `Return-Path` and the `Received` chain (see the type's doc).
    public init(inferredFrom headers: HeaderList) {
        self.init(mailFrom: headers.first(named: "Return-Path").map { Self.stripBrackets($0.value) })
        for field in headers where field.hasName("Received") {
            let hop = ReceivedHop(field)
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
        var value = Substring(text).trimmingSpaces
        if value.hasPrefix("<"), let close = value.firstIndex(of: ">") {
            value = String(value[value.index(after: value.startIndex)..<close])
        }
        return value
    }
}
