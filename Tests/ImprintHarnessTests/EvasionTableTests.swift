import Foundation
import Imprint
@testable import ImprintHarness
import ImprintTestSupport
import Testing

@Suite struct EvasionTableTests {
    @Test func mutationsAreSeededAndTheTableMeasuresThem() throws {
        let corpus = try Corpus.load([.labelledDirectory(path: CorpusReaderTests.bundled)])
        var spam: [[UInt8]] = [], all: [[UInt8]] = [], vocabulary: [Substring] = []
        for entry in corpus.entries.prefix(400) {
            let bytes = Array(try corpus.bytes(of: entry))
            all.append(bytes)
            if entry.label == .ham {
                vocabulary += String(decoding: bytes, as: UTF8.self).split(separator: " ").filter { $0.count > 3 && $0.allSatisfy(\.isLetter) }
            }
        }
        for entry in corpus.entries where entry.label == .spam { spam.append(Array(try corpus.bytes(of: entry))) }
        spam = Array(spam.prefix(40))
        let table = EvasionTable(spam: spam, unrelated: all, vocabulary: vocabulary, seed: 5, pairs: 300)
        let again = EvasionTable(spam: spam, unrelated: all, vocabulary: vocabulary, seed: 5, pairs: 300)
        #expect(table.markdown == again.markdown)
        #expect(table.originals > 10)
        let body = try #require(table.rows.first { $0.kind == .exactBodySHA256 })
        // Inserting words always changes the normalized text, so its exact digest never survives.
        let inserted = try #require(body.kept[.wordInsertion])
        #expect(inserted.compared == table.originals && inserted.matched == 0)
        // A fuzzy family keeps more mutants than an exact one.
        let tlsh = try #require(table.rows.first { $0.kind == .tlsh }?.kept[.wordInsertion])
        #expect(tlsh.matched > inserted.matched)
        #expect(table.markdown.split(separator: "\n").count == 2 + EvasionTable.kinds.count)
    }

    @Test func homoglyphSwapsOnlyTouchTheirLetters() {
        var random = SplitMix(seed: 3)
        let text = String(repeating: "peace accord ", count: 50)
        let swapped = Mutation.homoglyphs.apply(to: text, vocabulary: [], using: &random)
        #expect(swapped != text && swapped.count == text.count)
        #expect(zip(swapped, text).allSatisfy { $0 == $1 || "аеорс".contains($0) })
    }
}
