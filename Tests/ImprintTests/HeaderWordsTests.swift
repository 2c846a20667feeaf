@testable import Imprint
import ImprintHashing
import ImprintTestSupport
import Testing

@Suite struct HeaderWordsTests {
    /// The byte test gives the `Set<String>`/`hasPrefix` answer for every skipped name, every
    /// prefix, near misses and seeded random names.
    @Test func byteSkipTestAgreesWithTheNameSets() {
        var names = Array(HeaderWords.skipped) + HeaderWords.skippedPrefixes
        names += HeaderWords.skippedPrefixes.map { $0 + "-flag" } + HeaderWords.skippedPrefixes.map { String($0.dropLast()) }
        names += HeaderWords.skipped.map { $0 + "s" } + HeaderWords.skipped.map { String($0.dropFirst()) } + ["", "x", "subject", "received"]
        var generator = SeededGenerator(seed: 9)
        let letters: [Character] = Array("abcdeilmnpstxy-")
        for _ in 0..<2_000 {
            let length = Int.random(in: 1...12, using: &generator)
            var name = ""
            for _ in 0..<length { name.append(letters[Int.random(in: 0..<letters.count, using: &generator)]) }
            names.append(name)
        }
        var skippedCount = 0
        for name in names {
            let expected = HeaderWords.skipped.contains(name) || HeaderWords.skippedPrefixes.contains(where: name.hasPrefix)
            #expect(Array(name.utf8).withUnsafeBytes { HeaderWords.isSkipped($0) } == expected, "\(name)")
            if expected { skippedCount += 1 }
        }
        #expect(skippedCount >= HeaderWords.skipped.count + 2 * HeaderWords.skippedPrefixes.count)
    }

    /// Names of any case give `name:word` tokens in lower case; skipped fields give none.
    @Test func tokensAreLowerCaseNameWordPairsOfKeptFields() throws {
        let message = try Message(rendered: Array("""
            X-Mailer: Mutt 1.5\r
            DATE: Mon, 1 Jan 2024 10:00:00 +0000\r
            X-Spam-Status: Yes, score=9\r
            Subject: Cheap PILLS\r
            \r
            body\r

            """.utf8))
        let expected = ["x-mailer:mutt", "x-mailer:1.5", "subject:cheap", "subject:pills"].map {
            XXH3.hash64(Array($0.utf8), seed: HeaderWords.hashSeed)
        }
        #expect(HeaderWords.hashes(of: message.headers) == expected)
    }
}
