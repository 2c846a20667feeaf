/// MIME charset labels and the `Charset` each names.
///
/// Lookup keys are the label lower-cased with everything but letters and digits removed, so
/// "ISO_8859-1", "iso-8859-1" and "ISO8859-1" meet. Sources: the IANA character-set registry
/// (<https://www.iana.org/assignments/character-sets>) and the WHATWG Encoding Standard's labels.
enum CharsetAliases {
    /// The lookup key of a label: lower-cased ASCII letters and digits only.
    static func key(_ label: String) -> String {
        var key = ""
        key.reserveCapacity(label.utf8.count)
        for byte in label.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                key.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                key.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
            default:
                continue
            }
        }
        return key
    }

    static let table: [String: Charset] = {
        var table: [String: Charset] = [:]
        func add(_ charset: Charset, _ labels: String...) {
            for label in labels { table[key(label)] = charset }
        }
        add(.utf8, "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8")
        add(.ascii, "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367", "ibm367",
            "iso-ir-6", "csascii", "646")
        add(.utf16, "utf-16", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicode")
        add(.utf16BE, "utf-16be", "unicodefffe")
        add(.utf16LE, "utf-16le", "unicodefeff")
        add(.utf7, "utf-7", "unicode-1-1-utf-7", "csunicode11utf7", "x-unicode-2-0-utf-7", "unicode-2-0-utf-7")
        add(.utf32, "utf-32", "ucs-4", "iso-10646-ucs-4")
        add(.utf32BE, "utf-32be")
        add(.utf32LE, "utf-32le")

        let latin: [(SingleByteCharset, Int, [String])] = [
            (.iso8859_1, 1, ["latin1", "l1", "iso-ir-100", "ibm819", "cp819", "csisolatin1"]),
            (.iso8859_2, 2, ["latin2", "l2", "iso-ir-101", "csisolatin2"]),
            (.iso8859_3, 3, ["latin3", "l3", "iso-ir-109", "csisolatin3"]),
            (.iso8859_4, 4, ["latin4", "l4", "iso-ir-110", "csisolatin4"]),
            (.iso8859_5, 5, ["cyrillic", "iso-ir-144", "csisolatincyrillic"]),
            (.iso8859_6, 6, ["arabic", "iso-ir-127", "asmo-708", "ecma-114", "csisolatinarabic",
                             "iso-8859-6-i", "iso-8859-6-e"]),
            (.iso8859_7, 7, ["greek", "greek8", "iso-ir-126", "elot_928", "ecma-118", "csisolatingreek"]),
            (.iso8859_8, 8, ["hebrew", "iso-ir-138", "csisolatinhebrew", "iso-8859-8-i", "iso-8859-8-e",
                             "visual", "logical"]),
            (.iso8859_9, 9, ["latin5", "l5", "iso-ir-148", "csisolatin5"]),
            (.iso8859_10, 10, ["latin6", "l6", "iso-ir-157", "csisolatin6"]),
            (.iso8859_11, 11, ["thai"]),
            (.iso8859_13, 13, ["latin7", "l7"]),
            (.iso8859_14, 14, ["latin8", "l8", "iso-celtic", "iso-ir-199"]),
            (.iso8859_15, 15, ["latin9", "l9", "latin0", "csisolatin9"]),
            (.iso8859_16, 16, ["latin10", "l10", "iso-ir-226"]),
        ]
        for (charset, number, names) in latin {
            add(.singleByte(charset), "iso-8859-\(number)", "iso8859-\(number)", "iso_8859-\(number)")
            for name in names { add(.singleByte(charset), name) }
        }
        // "iso_8859-1:1987" and friends: the year suffix would change the key.
        let years = [1: 1987, 2: 1987, 3: 1988, 4: 1988, 5: 1988, 6: 1987, 7: 1987, 8: 1988, 9: 1989, 10: 1992]
        for (number, year) in years {
            if let charset = table[key("iso-8859-\(number)")] { table[key("iso_8859-\(number):\(year)")] = charset }
        }

        let windows: [SingleByteCharset] = [.windows1250, .windows1251, .windows1252, .windows1253,
                                            .windows1254, .windows1255, .windows1256, .windows1257, .windows1258]
        for (offset, charset) in windows.enumerated() {
            let number = 1250 + offset
            add(.singleByte(charset), "windows-\(number)", "cp\(number)", "x-cp\(number)", "ms-\(number)", "cswindows\(number)")
        }
        add(.singleByte(.windows874), "windows-874", "cp874", "ibm874", "tis-620", "dos-874", "x-windows-874")
        add(.singleByte(.koi8R), "koi8-r", "koi8", "koi", "cskoi8r", "koi8_r")
        add(.singleByte(.koi8U), "koi8-u", "koi8-ru")

        add(.eastAsian(.gb18030), "gb18030", "gbk", "gb2312", "gb_2312-80", "gb_2312", "cp936", "ms936",
            "windows-936", "euc-cn", "x-euc-cn", "csgb2312", "chinese", "iso-ir-58", "x-gbk", "csgbk", "csiso58gb231280")
        add(.eastAsian(.big5), "big5", "cp950", "x-x-big5", "csbig5", "cn-big5", "big-5", "ms950", "windows-950")
        add(.eastAsian(.big5HKSCS), "big5-hkscs", "big5hkscs")
        add(.eastAsian(.shiftJIS), "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms-kanji", "cp932",
            "ms932", "windows-31j", "cswindows31j", "csshiftjis", "windows-932")
        add(.eastAsian(.eucJP), "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese", "eucjp-ms", "ujis")
        add(.eastAsian(.iso2022JP), "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-2")
        add(.eastAsian(.hzGB2312), "hz-gb-2312", "hz")
        add(.eastAsian(.iso2022KR), "iso-2022-kr", "csiso2022kr")
        add(.eastAsian(.eucKR), "euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "cp949",
            "uhc", "windows-949", "csksc56011987", "korean", "iso-ir-149", "cseuckr", "ms949")
        return table
    }()
}
