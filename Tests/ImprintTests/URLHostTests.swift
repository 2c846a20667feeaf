import Imprint
import Testing

@Suite("URL hosts and the Public Suffix List")
struct URLHostTests {
    /// Cases from the Public Suffix List's own test file (tests/test_psl.txt,
    /// checkPublicSuffix(host, registered domain)), IDN ones in punycode.
    static let pslCases: [(String, String?)] = [
        ("com", nil), ("example.com", "example.com"), ("b.example.com", "example.com"), ("a.b.example.com", "example.com"),
        ("uk.com", nil), ("example.uk.com", "example.uk.com"), ("b.example.uk.com", "example.uk.com"),
        ("jp", nil), ("test.jp", "test.jp"), ("www.test.jp", "test.jp"), ("ac.jp", nil), ("test.ac.jp", "test.ac.jp"),
        ("www.test.ac.jp", "test.ac.jp"), ("kyoto.jp", nil), ("test.kyoto.jp", "test.kyoto.jp"), ("ide.kyoto.jp", nil),
        ("b.ide.kyoto.jp", "b.ide.kyoto.jp"), ("a.b.ide.kyoto.jp", "b.ide.kyoto.jp"), ("c.kobe.jp", nil),
        ("b.c.kobe.jp", "b.c.kobe.jp"), ("a.b.c.kobe.jp", "b.c.kobe.jp"), ("city.kobe.jp", "city.kobe.jp"),
        ("www.city.kobe.jp", "city.kobe.jp"), ("ck", nil), ("test.ck", nil), ("b.test.ck", "b.test.ck"),
        ("a.b.test.ck", "b.test.ck"), ("www.ck", "www.ck"), ("www.www.ck", "www.ck"), ("us", nil), ("test.us", "test.us"),
        ("www.test.us", "test.us"), ("ak.us", nil), ("test.ak.us", "test.ak.us"), ("www.test.ak.us", "test.ak.us"),
        ("k12.ak.us", nil), ("test.k12.ak.us", "test.k12.ak.us"), ("www.test.k12.ak.us", "test.k12.ak.us"),
        ("xn--85x722f.com.cn", "xn--85x722f.com.cn"), ("xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn"),
        ("www.xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn"), ("shishi.xn--55qx5d.cn", "shishi.xn--55qx5d.cn"),
        ("xn--55qx5d.cn", nil), ("xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s"),
        ("www.xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s"), ("shishi.xn--fiqs8s", "shishi.xn--fiqs8s"), ("xn--fiqs8s", nil),
        ("example", nil), ("example.example", "example.example"), ("b.example.example", "example.example"),
        ("a.b.example.example", "example.example"), ("biz", nil), ("domain.biz", "domain.biz"), ("b.domain.biz", "domain.biz"),
    ]

    @Test func publicSuffixListOfficialCases() {
        for (host, expected) in Self.pslCases {
            #expect(PublicSuffixList.shared.registeredDomain(of: host) == expected, "\(host)")
        }
        // Private-section suffixes count by default, not in the ICANN-only list.
        #expect(PublicSuffixList.shared.registeredDomain(of: "evil.github.io") == "evil.github.io")
        #expect(PublicSuffixList.icannOnly.registeredDomain(of: "evil.github.io") == "github.io")
    }

    /// RFC 3492 section 7.1 sample strings (A, B, E, L, and M's Czech) plus common labels.
    @Test(arguments: [
        ("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn"), ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"), ("למההםפשוטלאמדבריםעברית", "4dbcagdahymbxekheh6e0a7fei0b"),
        ("Pročprostěnemluvíčesky", "Proprostnemluvesky-uyb24dma41a"), ("bücher", "bcher-kva"), ("münchen", "mnchen-3ya"),
    ])
    func punycodeRoundTrips(_ unicode: String, _ ascii: String) {
        #expect(Punycode.encode(unicode.unicodeScalars) == ascii)
        #expect(Punycode.decode(Substring(ascii)) == unicode)
    }

    @Test func punycodeRejectsGarbage() {
        #expect(Punycode.decode("99999999999999999999") == nil)
        #expect(Punycode.decode("a-!") == nil)
    }

    @Test(arguments: [
        ("3232235777", "192.168.1.1"), ("0xC0A80101", "192.168.1.1"), ("0300.0250.0.1", "192.168.0.1"),
        ("192.168.257", "192.168.1.1"), ("0x7f.1", "127.0.0.1"), ("127.0.0.1", "127.0.0.1"), ("192.0x00A80001", "192.168.0.1"),
    ])
    func ipv4FormsNormalize(_ raw: String, _ dotted: String) {
        let host = NormalizedHost(Substring(raw))
        #expect(host?.name == dotted)
        #expect(host?.kind == .ipv4)
        #expect(host?.spelling.contains(.unusualIPv4) == (raw != dotted))
    }

    @Test func hostsNormalizeToOneForm() {
        #expect(NormalizedHost("256.1.1.1") == nil)
        #expect(NormalizedHost("1.2.3.4.5") == nil)
        #expect(NormalizedHost("WWW.Example.COM.")?.name == "www.example.com")
        #expect(NormalizedHost("%65%76%69%6C.com")?.name == "evil.com")
        #expect(NormalizedHost("%65%76%69%6C.com")?.spelling.contains(.percentEncoded) == true)
        #expect(NormalizedHost("BÜCHER.de")?.name == "xn--bcher-kva.de")
        #expect(NormalizedHost("xn--bcher-kva.de")?.unicodeName == "bücher.de")
        #expect(NormalizedHost("ｅｘａｍｐｌｅ．ｃｏｍ")?.name == "example.com")
        #expect(NormalizedHost("[2001:DB8:0:0:0:0:0:1]")?.name == "[2001:db8::1]")
        #expect(NormalizedHost("exa mple.com") == nil)
        #expect(NormalizedHost("a..b") == nil)
        #expect(NormalizedHost("www.paypal.com.evil.co.uk")?.registeredDomain == "evil.co.uk")
        // IDN homographs: the ASCII form differs, the skeleton meets the imitated name.
        let homograph = NormalizedHost("p\u{0430}ypal.com")
        #expect(homograph?.name == "xn--pypal-4ve.com")
        #expect(homograph?.skeleton == "paypal.com")
        #expect(NormalizedHost("xn--pypal-4ve.com")?.skeleton == "paypal.com")
        #expect(NormalizedHost("paypal.com")?.skeleton == "paypal.com")
    }
}
