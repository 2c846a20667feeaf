/// One kind of damage the hostile corpus does to a message (issue 10). The first six are cheap
/// and are stacked one to three at a time; the last four build a message around the original
/// and are applied alone. `HostileMutator` applies them; `HostileMailbox` covers the gzip bomb,
/// which lives at the corpus-reader level rather than in a message.
public enum HostileMutation: String, CaseIterable, Sendable, Hashable, Comparable {
    /// Cut at a random byte (in the header, a boundary, a base64 quantum, a multibyte sequence).
    case truncation
    /// 1 to 32 bytes XORed with a random non-zero byte.
    case byteFlips = "byte-flips"
    /// A MIME boundary removed: every delimiter, the closing one, one at random, or the parameter.
    case boundaryDeletion = "boundary-deletion"
    /// Runs of 1 to 64 NUL bytes inserted, in the header and the body.
    case nulBytes = "nul-bytes"
    /// Invalid UTF-8 (overlong forms, surrogates, lone continuation bytes, cut sequences, 0xFF)
    /// inserted raw and inside an `=?utf-8?B?…?=` encoded word.
    case invalidUTF8 = "invalid-utf8"
    /// A line of 1 KB to 3 MiB (past `MessageLimits.maxLineLength`), or a region's line breaks removed.
    case overlongLines = "overlong-lines"
    /// The message at the bottom of 10,000 levels of MIME nesting (multiparts with distinct or
    /// shared boundaries, closed or not, or message/rfc822 wrappers).
    case deepNesting = "deep-nesting"
    /// A 50 MB header field (one line, or folded encoded words).
    case hugeHeader = "huge-header"
    /// A base64 part declaring 2 GiB (`size=2147483648`, `Content-Length`) whose body decodes
    /// to 80 MiB, past `MessageLimits.maxDecodedPartSize` (see `HostilePayloads.hugeBase64Part`).
    case hugeBase64 = "huge-base64"
    /// An image/png part whose IHDR declares 100000 x 100000 pixels (with a valid CRC).
    case giantPNG = "giant-png"

    /// The kinds stacked on one message; the others are applied alone.
    public static let stackable: [HostileMutation] = [.truncation, .byteFlips, .boundaryDeletion, .nulBytes, .invalidUTF8, .overlongLines]

    /// Whether the mutation builds a large message around the original.
    public var isStructural: Bool { !Self.stackable.contains(self) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
