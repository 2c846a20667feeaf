/// A character encoding Imprint can turn into Unicode, resolved from a MIME charset label.
///
/// Labels follow the IANA character-set registry and the WHATWG Encoding Standard's label
/// list (<https://encoding.spec.whatwg.org/#names-and-labels>); see `CharsetAliases`.
public enum Charset: Hashable, Sendable {
    /// UTF-8; invalid sequences become U+FFFD; a leading BOM is dropped.
    case utf8
    /// US-ASCII. Mail labelled ASCII that carries 8-bit bytes is mislabelled in practice, so
    /// such bytes are decoded by the unknown-charset guess (UTF-8 if valid, else Windows-1252).
    case ascii
    /// UTF-16 with an optional BOM; big-endian when there is none (RFC 2781 section 4.3).
    case utf16
    /// UTF-16 big-endian (a leading BOM is dropped).
    case utf16BE
    /// UTF-16 little-endian (a leading BOM is dropped).
    case utf16LE
    /// UTF-32 with an optional BOM; big-endian when there is none.
    case utf32
    /// UTF-32 big-endian.
    case utf32BE
    /// UTF-32 little-endian.
    case utf32LE
    /// UTF-7 (RFC 2152), through Foundation's converter; text it rejects is decoded by the
    /// unknown-charset guess.
    case utf7
    /// A table-driven single-byte charset (ISO-8859-x, Windows-125x, KOI8).
    case singleByte(SingleByteCharset)
    /// A multi-byte East Asian charset decoded by Foundation.
    case eastAsian(EastAsianCharset)

    /// The charset a MIME label names (any case, quotes and surrounding space ignored), or nil
    /// when the label is unknown.
    public static func named(_ label: String) -> Charset? {
        CharsetAliases.table[CharsetAliases.key(label)]
    }
}

/// Multi-byte East Asian charsets. Each label resolves to the widest superset in use, so that
/// mail labelled with the narrow name but written with the vendor extension still decodes
/// (GB2312 and GBK labels decode as GB18030, Big5 as CP950, Shift_JIS as CP932, EUC-KR as CP949),
/// as the WHATWG Encoding Standard does.
public enum EastAsianCharset: Hashable, Sendable, CaseIterable {
    /// GB18030 (superset of GBK and GB2312).
    case gb18030
    /// Big5 with Microsoft's CP950 extensions.
    case big5
    /// Big5-HKSCS.
    case big5HKSCS
    /// Shift_JIS with Microsoft's CP932 (Windows-31J) extensions.
    case shiftJIS
    /// EUC-JP (JIS X 0208, half-width katakana, JIS X 0212).
    case eucJP
    /// ISO-2022-JP (RFC 1468).
    case iso2022JP
    /// EUC-KR with Microsoft's CP949 (Unified Hangul Code) extensions.
    case eucKR
    /// HZ-GB-2312 (RFC 1843), 7-bit GB2312 between `~{` and `~}`.
    case hzGB2312
    /// ISO-2022-KR (RFC 1557).
    case iso2022KR
}
