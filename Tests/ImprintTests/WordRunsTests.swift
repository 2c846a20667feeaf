@testable import Imprint
import ImprintTestSupport
import Testing

@Suite struct WordRunsTests {
    /// The words by `Unicode.Scalar.Properties` directly: runs of alphabetic or numeric scalars
    /// and extras, combining marks continuing a run, 2 to 40 non-mark scalars kept.
    static func referenceWords(_ text: String, extras: String) -> [String] {
        var words: [String] = [], current = "", length = 0
        func close() {
            if WordRuns.lengths.contains(length) { words.append(current) }
            current = ""
            length = 0
        }
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            let isMark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
            if scalar.isASCII ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || extras.unicodeScalars.contains(scalar))
                : (properties.isAlphabetic || properties.numericType != nil) {
                current.unicodeScalars.append(scalar)
                length += 1
            } else if isMark, !current.isEmpty, !scalar.isASCII {
                current.unicodeScalars.append(scalar)
            } else {
                close()
            }
        }
        close()
        return words
    }

    static func words(_ text: String, runs: WordRuns) -> [String] {
        var utf8 = Array(text.utf8), found: [String] = []
        utf8.withUnsafeMutableBytes { bytes in
            var index = 0
            while let word = runs.nextWord(in: UnsafeRawBufferPointer(bytes), from: &index) {
                found.append(String(decoding: bytes[word], as: UTF8.self))
            }
        }
        return found
    }

    /// Seeded texts over ASCII, extras, Latin-1 and Cyrillic letters, digits in other scripts,
    /// combining marks (also leading a run), CJK, emoji and spaces, with words crossing the 2- and
    /// 40-character bounds: the same words as the scalar-property reference.
    @Test func wordsMatchTheScalarPropertyReference() {
        let alphabet: [Unicode.Scalar] = ["a", "Z", "7", "#", "$", "'", " ", ".", "-", "\u{E9}", "\u{DF}", "\u{430}", "\u{3B1}",
                                          "\u{301}", "\u{20DD}", "\u{903}", "\u{665}", "\u{4E2D}", "\u{1F600}", "\u{200B}", "\u{A0}",
                                          "\u{10330}", "\u{FF21}"]
        let runs = WordRuns(extras: "#$'")
        var generator = SeededGenerator(seed: 31)
        var words = 0
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 0...200, using: &generator) {
                let scalar = alphabet.randomElement(using: &generator)!
                let repeats = Int.random(in: 0..<20, using: &generator) == 0 ? Int.random(in: 30...50, using: &generator) : 1
                for _ in 0..<repeats { text.unicodeScalars.append(scalar) }
            }
            let found = Self.words(text, runs: runs)
            #expect(found == Self.referenceWords(text, extras: "#$'"), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            words += found.count
        }
        #expect(words > 2_000)
    }

    @Test func extrasJoinWordsAndLengthsAreBounded() {
        let header = WordRuns(extras: ".-_@$!%")
        #expect(Self.words("Mail from bob@example.com: $19.99 a-1 x", runs: header) == ["Mail", "from", "bob@example.com", "$19.99", "a-1"])
        let long = String(repeating: "a", count: 41), limit = String(repeating: "b", count: 40)
        #expect(Self.words("\(long) \(limit) c", runs: WordRuns(extras: "")) == [limit])
    }
}
