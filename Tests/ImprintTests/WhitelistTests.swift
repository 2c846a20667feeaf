import Foundation
@testable import Imprint
import Testing

/// `whitelist.cfg`: every rule form, decisions that name their rule, regex limits.
@Suite struct WhitelistTests {
    static let rules = """
        # senders
        from alice@example.com
        from *@partner.example
        from *.corp.example
        envelope-from bounces@lists.example
        ip 192.0.2.0/24
        ip 2001:db8::/32
        header X-Trusted /^yes$/i
        body /unsubscribe\\s+here/
        """

    func decide(_ subject: WhitelistSubject) throws -> WhitelistDecision {
        try Whitelist(parsing: Self.rules, path: "whitelist.cfg").evaluate(subject)
    }

    @Test func eachRuleMatchesAndNamesItsLine() throws {
        let cases: [(WhitelistSubject, Int)] = [
            (WhitelistSubject(fromAddresses: ["Alice@Example.COM"]), 2),
            (WhitelistSubject(fromAddresses: ["<bob@partner.example>"]), 3),
            (WhitelistSubject(fromAddresses: ["x@mail.corp.example"]), 4),
            (WhitelistSubject(envelopeFrom: "bounces@lists.example"), 5),
            (WhitelistSubject(clientIP: IPAddress("192.0.2.77")), 6),
            (WhitelistSubject(clientIP: IPAddress("2001:db8:1::5")), 7),
            (WhitelistSubject(headers: [("x-trusted", "YES")]), 8),
            (WhitelistSubject(body: Array("to leave, unsubscribe   here.".utf8)), 9),
        ]
        for (subject, line) in cases {
            let decision = try decide(subject)
            #expect(decision.isWhitelisted)
            #expect(decision.rule?.lineNumber == line)
            #expect(decision.rule?.path == "whitelist.cfg")
        }
    }

    @Test func nearMissesDoNotMatch() throws {
        let subjects = [
            WhitelistSubject(fromAddresses: ["alice@example.org", "mallory@partner.example.net", "x@corp.example"]),
            WhitelistSubject(envelopeFrom: "other@lists.example"),
            WhitelistSubject(clientIP: IPAddress("192.0.3.1")),
            WhitelistSubject(clientIP: IPAddress("::ffff:192.0.3.1")),
            WhitelistSubject(clientIP: IPAddress("2001:db9::1")),
            WhitelistSubject(headers: [("X-Trusted", "yes please")], body: Array("unsubscribe".utf8)),
        ]
        for subject in subjects { #expect(try decide(subject).isWhitelisted == false) }
    }

    @Test func cidrPrefixesAreExact() throws {
        let network = try #require(IPNetwork("10.1.2.128/25"))
        #expect(network.contains(IPAddress("10.1.2.200")!))
        #expect(!network.contains(IPAddress("10.1.2.127")!))
        #expect(IPNetwork("10.0.0.0/33") == nil)
        #expect(IPNetwork("fe80::/129") == nil)
        #expect(try #require(IPNetwork("0.0.0.0/0")).contains(IPAddress("8.8.8.8")!))
        #expect(try #require(IPNetwork("::/0")).contains(IPAddress("::1")!))
    }

    /// `(a+)+$` on thirty `a`s and a `b` backtracks exponentially: it stops at the PCRE2
    /// match limit within a bounded time; the documented outcome is "no match" with the
    /// limit hit recorded against the rule.
    @Test func aCatastrophicRegexReturnsInBoundedTime() throws {
        let whitelist = try Whitelist(parsing: "\nbody /(a+)+$/\nfrom ok@example.com", path: "w.cfg")
        let subject = WhitelistSubject(fromAddresses: ["ok@example.com"], body: Array((String(repeating: "a", count: 30) + "b").utf8))
        let clock = ContinuousClock()
        let start = clock.now
        let decision = whitelist.evaluate(subject)
        #expect(clock.now - start < .seconds(1))
        #expect(decision.rule?.lineNumber == 3)
        #expect(decision.limitHits.count == 1)
        #expect(decision.limitHits.first?.rule.lineNumber == 2)
        #expect(decision.limitHits.first?.error.code == .matchLimitExceeded)
    }

    @Test(arguments: [
        ("from", ConfigurationError.Code.badValue, 1),
        ("\nfrom not-an-address", .badValue, 2),
        ("ip 300.1.1.1/8", .badValue, 1),
        ("header /x/", .syntax, 1),
        ("header Subject x", .syntax, 1),
        ("body /abc(/", .badPattern, 1),
        ("body /abc/q", .badValue, 1),
        ("# ok\nsender x@y.z", .unknownKey, 2),
    ])
    func parseErrorsNameFileAndLine(text: String, code: ConfigurationError.Code, line: Int) {
        #expect { try Whitelist(parsing: text, path: "whitelist.cfg") } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.code == code && error.lineNumber == line && error.description.hasPrefix("whitelist.cfg:\(line):")
        }
    }

    /// A whitelist knows which parts of a message its rules read; the engine fills only those.
    @Test func subjectPartsFollowTheRules() throws {
        #expect(Whitelist().subjectParts == [])
        #expect(try Whitelist(parsing: "envelope-from a@b.example\nip 192.0.2.0/24", path: "w").subjectParts == [])
        #expect(try Whitelist(parsing: "from a@b.example\nip 192.0.2.0/24", path: "w").subjectParts == [.from])
        #expect(try Whitelist(parsing: "header X-A /b/\nbody /c/", path: "w").subjectParts == [.headers, .body])
        #expect(try Whitelist(parsing: Self.rules, path: "w").subjectParts == .all)
    }

    /// Header names compare as `lowercased()` would: ASCII folded in place, anything else
    /// through `lowercased()`.
    @Test func headerNamesCompareWithoutCase() {
        #expect(Whitelist.isName("X-Trusted", lowercased: "x-trusted"))
        #expect(Whitelist.isName("x-trusted", lowercased: "x-trusted"))
        #expect(!Whitelist.isName("X-Truste", lowercased: "x-trusted"))
        #expect(!Whitelist.isName("X-Trusted2", lowercased: "x-trusted"))
        #expect(!Whitelist.isName("X_Trusted", lowercased: "x-trusted"))
        #expect(Whitelist.isName("X-ÄRGER", lowercased: "x-ärger"))
        #expect(!Whitelist.isName("X-ÄRGER", lowercased: "x-Ärger"))
    }

    /// A limit hit spoils the thread's match data, which is made again: the next matches on
    /// the same thread still find what they should.
    @Test func matchesAfterALimitHitStillWork() throws {
        let catastrophic = try PCRE2Pattern("(a+)+$")
        let plain = try PCRE2Pattern("b(c+)d")
        let subject = Array((String(repeating: "a", count: 30) + "b").utf8)
        for _ in 0..<3 {
            #expect(throws: PatternError.self) { try subject.withUnsafeBytes { try catastrophic.firstMatch(in: $0) } }
            let range = try Array("xxbcccd".utf8).withUnsafeBytes { try plain.firstMatch(in: $0) }
            #expect(range == 2..<7)
            #expect(try Array("xxbd".utf8).withUnsafeBytes { try plain.firstMatch(in: $0) } == nil)
        }
    }
}
