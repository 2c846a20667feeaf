/// The edits spammers make to slip past fingerprints, applied to a single-part message's body.
public enum Mutation: String, CaseIterable, Sendable {
    /// 5% more words, drawn from real ham, at random places (hash busting).
    case wordInsertion = "random word insertions"
    /// The paragraphs in a new order.
    case paragraphShuffle = "paragraph shuffle"
    /// Every link's host replaced by a new random one.
    case urlChange = "URL change"
    /// A greeting with a random recipient name, and 3 words replaced by names.
    case nameChange = "name change"
    /// One in ten a, e, o, p, c swapped for its Cyrillic look-alike.
    case homoglyphs = "homoglyph swaps"
    /// HTML comments with random words between words (invisible in a browser).
    case commentNoise = "HTML comment noise"

    /// The mutated body.
    public func apply(to body: String, vocabulary: [Substring], using random: inout some RandomNumberGenerator) -> String {
        switch self {
        case .wordInsertion:
            var words = body.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let count = max(3, words.count / 20)
            for _ in 0..<count where !vocabulary.isEmpty {
                words.insert(String(vocabulary.randomElement(using: &random)!), at: Int.random(in: 0...words.count, using: &random))
            }
            return words.joined(separator: " ")
        case .paragraphShuffle:
            let separator = body.contains("\r\n\r\n") ? "\r\n\r\n" : "\n\n"
            var paragraphs = body.components(separatedBy: separator)
            paragraphs.shuffle(using: &random)
            return paragraphs.joined(separator: separator)
        case .urlChange:
            var out = ""
            var rest = Substring(body)
            while let range = rest.range(of: "http://") ?? rest.range(of: "https://") {
                out += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                let hostEnd = rest.firstIndex { $0 == "/" || $0 == "\"" || $0 == " " || $0 == ">" || $0.isNewline } ?? rest.endIndex
                out += Self.randomWord(using: &random) + "." + ["com", "net", "info", "biz"].randomElement(using: &random)!
                rest = rest[hostEnd...]
            }
            return out + rest
        case .nameChange:
            let names = ["Alice", "Robert", "Maria", "Chen", "Fatima", "Olga", "Pedro", "Kwame", "Yuki", "Liam"]
            var words = body.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<3 where !words.isEmpty {
                words[Int.random(in: 0..<words.count, using: &random)] = names.randomElement(using: &random)!
            }
            return "Dear \(names.randomElement(using: &random)!),\n\n" + words.joined(separator: " ")
        case .homoglyphs:
            let swaps: [Character: Character] = ["a": "а", "e": "е", "o": "о", "p": "р", "c": "с"]
            return String(body.map { character in
                guard let swap = swaps[character], Int.random(in: 0..<10, using: &random) == 0 else { return character }
                return swap
            })
        case .commentNoise:
            var words = body.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for index in stride(from: words.count - 1, through: 1, by: -1) where Int.random(in: 0..<4, using: &random) == 0 {
                words.insert("<!-- \(Self.randomWord(using: &random)) -->", at: index)
            }
            return words.joined(separator: " ")
        }
    }

    static func randomWord(using random: inout some RandomNumberGenerator) -> String {
        String((0..<Int.random(in: 5...10, using: &random)).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement(using: &random)! })
    }
}
