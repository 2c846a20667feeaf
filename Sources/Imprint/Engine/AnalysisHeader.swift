/// The analysis header: a compact, decodable account of a verdict, under 998 bytes (the
/// RFC 5322 line limit) so a gateway can add it as a header field.
///
/// `v=1 cv=<cartridge version> s=<score> c=<cat>.<sub> r=<0|1>` then, in decreasing weight, one
/// token per contributing fingerprint: `<kind>=<entry id>:<similarity>:<weight>`, where the entry
/// id is the first 8 hex digits of the entry's key, the similarity is 0..1 and the weight the
/// signed log-odds it adds. `tk=<tokens used>:<weight>` sums the word and feature tokens;
/// `wl=<file>:<line>` names a whitelist rule; `sig=<entry id>` a signature (virus) match;
/// `rs=<reasons>` the rescan reasons.
public struct AnalysisHeader: Sendable, Hashable {
    /// One contributing fingerprint.
    public struct Contribution: Sendable, Hashable {
        public var kind: String
        public var entryID: String
        public var similarity: Double
        public var weight: Double
    }

    public var version = 1
    public var cartridgeVersion: String
    public var score: Int
    public var category: Int
    public var subcategory: Int
    public var rescan: Bool
    public var extras: [(key: String, value: String)] = []
    public var contributions: [Contribution] = []

    /// The longest header produced; contributions are dropped, lightest first, to stay under it.
    public static let maximumLength = 997

    public init(cartridgeVersion: String, score: Int, category: Int, subcategory: Int, rescan: Bool) {
        self.cartridgeVersion = cartridgeVersion
        self.score = score
        self.category = category
        self.subcategory = subcategory
        self.rescan = rescan
    }

    /// The header text, appended piece by piece into one buffer (a verdict's only string of any size).
    public var text: String {
        var out = ""
        out.reserveCapacity(Self.maximumLength + 1)
        out += "v="
        out += String(version)
        out += " cv="
        out += cartridgeVersion
        out += " s="
        out += String(score)
        out += " c="
        out += String(category)
        out += "."
        out += String(subcategory)
        out += rescan ? " r=1" : " r=0"
        for extra in extras { Self.append(" ", extra.key, "=", extra.value, to: &out) }
        if out.utf8.count > Self.maximumLength { out = String(out.prefix(Self.maximumLength)) }
        // Heaviest first (a stable sort of positions in temporary storage, not a sorted copy).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: contributions.count) { buffer in
            var order = buffer
            for position in order.indices { order.initializeElement(at: position, to: position) }
            order.sort { abs(contributions[$0].weight) > abs(contributions[$1].weight) }
            for position in order {
                let item = contributions[position]
                let similarity = Self.format(item.similarity, 2), weight = Self.format(item.weight, 1)
                // " kind=id:similarity:weight"
                let length = 4 + item.kind.utf8.count + item.entryID.utf8.count + similarity.utf8.count + weight.utf8.count
                guard out.utf8.count + length <= Self.maximumLength else { break }
                Self.append(" ", item.kind, "=", item.entryID, to: &out)
                Self.append(":", similarity, ":", weight, to: &out)
            }
        }
        return out
    }

    private static func append(_ a: String, _ b: String, _ c: String, _ d: String, to out: inout String) {
        out += a
        out += b
        out += c
        out += d
    }

    /// Parses a header made by `text`.
    /// - Throws: `AnalysisHeaderError` naming the token that is not understood.
    public init(parsing text: String) throws(AnalysisHeaderError) {
        var fields: [String: String] = [:]
        var extras: [(String, String)] = []
        var contributions: [Contribution] = []
        guard text.utf8.count <= Self.maximumParsedLength else {
            throw .make(.tooLong, token: String(text.prefix(40)), "over \(Self.maximumParsedLength) bytes")
        }
        for token in text.split(separator: " ") {
            guard let equals = token.firstIndex(of: "="), equals != token.startIndex else {
                throw .make(.malformedToken, token: String(token.prefix(40)), "expected key=value")
            }
            let key = String(token[..<equals]), value = String(token[token.index(after: equals)...])
            if ["v", "cv", "s", "c", "r"].contains(key) {
                fields[key] = value
                continue
            }
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 3, let similarity = Double(parts[1]), let weight = Double(parts[2]), key != "tk" {
                guard (0...1).contains(similarity), weight.isFinite, abs(weight) <= Self.maximumWeight else {
                    throw .make(.outOfRange, token: String(token.prefix(40)), "similarity in 0...1 and a weight within ±\(Self.maximumWeight) expected")
                }
                contributions.append(Contribution(kind: key, entryID: String(parts[0]), similarity: similarity, weight: weight))
            } else {
                extras.append((key, value))
            }
        }
        guard fields["v"] == "1" else { throw .make(.unsupportedVersion, token: "v=\(fields["v"] ?? "")", "version 1 expected") }
        guard let cv = fields["cv"], let score = fields["s"].flatMap({ Int($0) }), (0...100).contains(score) else {
            throw .make(.missingField, token: "s=\(fields["s"] ?? "")", "cv= and a score 0...100 expected")
        }
        let categoryParts = (fields["c"] ?? "").split(separator: ".")
        guard categoryParts.count == 2, let category = Int(categoryParts[0]), let subcategory = Int(categoryParts[1]) else {
            throw .make(.missingField, token: "c=\(fields["c"] ?? "")", "c=<category>.<subcategory> expected")
        }
        guard let rescan = fields["r"], rescan == "0" || rescan == "1" else {
            throw .make(.missingField, token: "r=\(fields["r"] ?? "")", "r=0 or r=1 expected")
        }
        self.init(cartridgeVersion: cv, score: score, category: category, subcategory: subcategory, rescan: rescan == "1")
        self.extras = extras.map { (key: $0.0, value: $0.1) }
        self.contributions = contributions
    }

    /// The longest header text `init(parsing:)` reads: 4,096 bytes (the engine writes at most
    /// `maximumLength`; a gateway may have folded or extended it).
    public static let maximumParsedLength = 4_096

    /// The largest weight a contribution may carry (log-odds; the engine's are a few units).
    public static let maximumWeight = 1e6

    /// `value` rounded to `digits` decimals, without a trailing `.0`; values an `Int` cannot
    /// hold (or not finite) print as `Double` does.
    static func format(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        guard rounded.isFinite, abs(rounded) < 0x1p53 else { return String(value) }
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
