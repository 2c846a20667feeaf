import Imprint
import ImprintTestSupport
import Testing

/// The whole text-feature chain over a seeded sample of real messages (raw bytes: the MIME
/// parser is a separate layer): no trap, and invariants that must hold on any input.
@Suite("Text features over the shared corpora")
struct HTMLTextCorpusTests {
    static func sample() -> [[UInt8]] {
        guard let shared = Fixtures.shared else { return [] }
        var files: [String] = []
        for folder in ["corpora/spamassassin_public/spam", "corpora/spamassassin_public/spam_2", "corpora/nazario_phishing",
                       "corpora/spamassassin_public/easy_ham"] {
            let directory = shared.appendingPathComponent(folder).path
            guard let names = try? FileManagerShim.contents(of: directory) else { continue }
            files += names.sorted().map { directory + "/" + $0 }
        }
        var generator = SeededGenerator(seed: 0xC0_4B05)
        files.shuffle(using: &generator)
        return files.prefix(250).compactMap { try? FileManagerShim.bytes(of: $0) }.filter { $0.count < 2_000_000 }
    }

    @Test func chainHoldsInvariantsOnRealMail() {
        let messages = Self.sample()
        guard !messages.isEmpty else { return }  // shared corpora absent: nothing to walk
        let extractor = HTMLTextExtractor()
        let urls = URLExtractor()
        let normalizer = TextNormalizer()
        var totalURLs = 0
        for bytes in messages {
            let text = CharsetDecoder.decode(bytes, charset: nil)
            let html = extractor.extract(text)
            #expect(html.text.utf8.count <= text.utf8.count * 3)
            let found = urls.urls(in: html)
            totalURLs += found.count
            for url in found {
                let host = url.url.host.name
                #expect(host == host.lowercased() && host.utf8.allSatisfy { $0 < 0x80 }, "\(host)")
                #expect(!host.hasSuffix("."))
            }
            let normalized = normalizer.normalize(html.text)
            #expect(Array(normalizer.normalize(normalized).utf8) == Array(normalized.utf8))
            #expect(!normalized.unicodeScalars.contains { InvisibleCharacters.contains($0.value) })
            TextTokenizer.forEachWord(in: normalized) { word in #expect(!word.isEmpty) }
        }
        #expect(totalURLs > messages.count)  // spam and phishing carry links
    }
}
