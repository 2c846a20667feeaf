/// `cartridge.cfg`: `key = value` lines, the gateway cartridge's keys with their exact
/// spelling plus Imprint's own thresholds. Unknown keys, bad values and repeated keys are
/// errors naming file, line and key. Booleans are `yes|no|true|false|on|off|1|0`.
public struct CartridgeConfig: Hashable, Sendable {
    /// What `micro-update signature type` selects.
    public enum SignatureType: String, Hashable, Sendable, CaseIterable {
        /// Content fingerprints only.
        case comprehensive = "comprehensive.4"
        /// Content fingerprints plus sender and IP reputation.
        case comprehensiveSenderReputation = "comprehensive_sender_rep.4"
    }

    /// What `image processing depth` selects.
    public enum ImageDepth: String, Hashable, Sendable, CaseIterable {
        case high, medium, low, off
    }

    /// `favor analysis over speed` (default no): run every fingerprint even after a decisive match.
    public var favorAnalysisOverSpeed = false
    /// `micro-update signature type` (default comprehensive.4).
    public var signatureType = SignatureType.comprehensive
    /// `use ip information` (default yes): score client IP reputation.
    public var useIPInformation = true
    /// `use envelope for ip information` (default no): take the client IP from the envelope
    /// rather than from the topmost trusted `Received` header.
    public var useEnvelopeForIPInformation = false
    /// `image processing depth` (default medium).
    public var imageProcessingDepth = ImageDepth.medium
    /// `show categories` (default yes): verdicts carry category descriptions.
    public var showCategories = true
    /// `minimum score` (0...100, default 80): the spam threshold.
    public var minimumScore = 80
    /// `minhash threshold` (0 < t < 1, default 0.5): the Jaccard similarity the LSH bands target.
    public var minhashThreshold = 0.5
    /// `pdq radius` (0...128, default 31): Hamming radius of a PDQ match.
    public var pdqRadius = 31
    /// `simhash radius` (0...32, default 3).
    public var simhashRadius = 3
    /// `nilsimsa radius` (0...128, default 24): Hamming radius over the 256 bits (a Nilsimsa
    /// comparison score of at least 128 - radius).
    public var nilsimsaRadius = 24
    /// `tlsh radius` (0...1000, default 70): TLSH distance of a match.
    public var tlshRadius = 70
    /// `tlsh scan limit` (0...1000000, default 4096): up to this many TLSH entries a search
    /// scans them all (exact) instead of probing the LSH tables (see `IndexShape.tlshBits`).
    public var tlshScanLimit = 4_096
    /// `score model` (bias then one weight per evidence feature, space-separated): the logistic
    /// model `cartridge build` fits (see `ScoreModel`); empty means the engine's built-in default.
    public var scoreModel: [Double] = []
    /// `report totals` (spam ham phishing virus, space-separated report mass): how many reports
    /// stand behind the database, the denominators of per-fingerprint rates.
    public var reportTotals: [Double] = [0, 0, 0, 0]
    /// `token prior strength` (Robinson's s, > 0, default 0.1): how far a rarely seen token's
    /// probability is pulled toward 0.5. Chosen by cross-validation inside the training halves of
    /// spamassassin_public and csdmc2010 (out-of-fold log loss, 5 folds; the held-out halves
    /// untouched) among 0.02, 0.05, 0.1, 0.2, 0.3, 0.45 and 1: 0.05 and 0.1 were best on both
    /// (csdmc2010 0.0158 at 0.1 against 0.0209 at 0.45, spamassassin_public 0.0333 against 0.0379).
    public var tokenPriorStrength = 0.1
    /// `token minimum deviation` (0...0.5, default 0.1): tokens whose probability is closer than
    /// this to 0.5 are left out of the combination.
    public var tokenMinimumDeviation = 0.1
    /// `token maximum count` (1...100000, default 60, chosen on csdmc2010 out of 30, 40, 60, 150 and
    /// all): the most extreme tokens combined at most.
    public var tokenMaximumCount = 60

    public init() {}

    /// The keys, as written in the file.
    public static let keys = ["favor analysis over speed", "micro-update signature type", "use ip information",
                              "use envelope for ip information", "image processing depth", "show categories",
                              "minimum score", "minhash threshold", "pdq radius", "simhash radius", "nilsimsa radius", "tlsh radius",
                              "score model", "report totals", "token prior strength", "token minimum deviation",
                              "token maximum count", "tlsh scan limit"]

    /// Parses `text` (the contents of `path`) over the defaults.
    public init(parsing text: String, path: String) throws(ConfigurationError) {
        self.init()
        try apply(text, path: path)
    }

    /// Applies `key = value` lines over this configuration (a micro-update's changes, which
    /// may set a key the file already set).
    public mutating func apply(_ text: String, path: String, allowRepeats: Bool = false) throws(ConfigurationError) {
        var seen = Set<String>()
        for (number, line) in try TextLines.split(text, path: path) {
            guard let equals = line.firstIndex(of: "=") else {
                throw .make(.syntax, "expected 'key = value'", path: path, line: number)
            }
            let key = String(line[..<equals].trimmingWhitespace()).lowercased()
            let value = String(line[line.index(after: equals)...].trimmingWhitespace())
            guard Self.keys.contains(key) else {
                throw .make(.unknownKey, "unknown key (known: \(Self.keys.joined(separator: ", ")))", path: path, line: number, key: key)
            }
            guard allowRepeats || seen.insert(key).inserted else {
                throw .make(.duplicate, "key set twice", path: path, line: number, key: key)
            }
            try set(key, value, path: path, line: number)
        }
    }

    private mutating func set(_ key: String, _ value: String, path: String, line: Int) throws(ConfigurationError) {
        func bad(_ expected: String) -> ConfigurationError {
            .make(.badValue, "'\(value)' is not \(expected)", path: path, line: line, key: key)
        }
        func bool() throws(ConfigurationError) -> Bool {
            switch value.lowercased() {
            case "yes", "true", "on", "1": return true
            case "no", "false", "off", "0": return false
            default: throw bad("yes or no")
            }
        }
        func int(_ range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
            guard let number = Int(value), range.contains(number) else { throw bad("an integer in \(range)") }
            return number
        }
        switch key {
        case "favor analysis over speed": favorAnalysisOverSpeed = try bool()
        case "micro-update signature type":
            guard let type = SignatureType(rawValue: value) else { throw bad("comprehensive.4 or comprehensive_sender_rep.4") }
            signatureType = type
        case "use ip information": useIPInformation = try bool()
        case "use envelope for ip information": useEnvelopeForIPInformation = try bool()
        case "image processing depth":
            guard let depth = ImageDepth(rawValue: value.lowercased()) else { throw bad("high, medium, low or off") }
            imageProcessingDepth = depth
        case "show categories": showCategories = try bool()
        case "minimum score": minimumScore = try int(0...100)
        case "minhash threshold":
            guard let number = Double(value), number > 0, number < 1 else { throw bad("a number strictly between 0 and 1") }
            minhashThreshold = number
        case "pdq radius": pdqRadius = try int(0...128)
        case "simhash radius": simhashRadius = try int(0...32)
        case "nilsimsa radius": nilsimsaRadius = try int(0...128)
        case "score model":
            guard let numbers = Self.numbers(value), numbers.count >= 1, numbers.count <= 64 else {
                throw bad("1 to 64 finite numbers")
            }
            scoreModel = numbers
        case "report totals":
            guard let numbers = Self.numbers(value), numbers.count == 4, numbers.allSatisfy({ $0 >= 0 }) else {
                throw bad("4 non-negative numbers (spam ham phishing virus)")
            }
            reportTotals = numbers
        case "token prior strength":
            guard let number = Double(value), number > 0, number <= 100 else { throw bad("a number in (0, 100]") }
            tokenPriorStrength = number
        case "token minimum deviation":
            guard let number = Double(value), number >= 0, number < 0.5 else { throw bad("a number in [0, 0.5)") }
            tokenMinimumDeviation = number
        case "token maximum count": tokenMaximumCount = try int(1...100_000)
        case "tlsh scan limit": tlshScanLimit = try int(0...1_000_000)
        default: tlshRadius = try int(0...1000)
        }
    }

    /// The configuration as `key = value` lines, every key, in `keys` order.
    public var lines: [String] {
        ["favor analysis over speed = \(favorAnalysisOverSpeed ? "yes" : "no")",
         "micro-update signature type = \(signatureType.rawValue)",
         "use ip information = \(useIPInformation ? "yes" : "no")",
         "use envelope for ip information = \(useEnvelopeForIPInformation ? "yes" : "no")",
         "image processing depth = \(imageProcessingDepth.rawValue)",
         "show categories = \(showCategories ? "yes" : "no")",
         "minimum score = \(minimumScore)", "minhash threshold = \(minhashThreshold)", "pdq radius = \(pdqRadius)",
         "simhash radius = \(simhashRadius)", "nilsimsa radius = \(nilsimsaRadius)", "tlsh radius = \(tlshRadius)",
         "report totals = \(reportTotals.map { "\($0)" }.joined(separator: " "))",
         "token prior strength = \(tokenPriorStrength)", "token minimum deviation = \(tokenMinimumDeviation)",
         "token maximum count = \(tokenMaximumCount)", "tlsh scan limit = \(tlshScanLimit)"]
            + (scoreModel.isEmpty ? [] : ["score model = \(scoreModel.map { "\($0)" }.joined(separator: " "))"])
    }

    /// Space-separated finite numbers, or nil.
    static func numbers(_ text: String) -> [Double]? {
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Double($0) }
        guard numbers.allSatisfy({ $0?.isFinite == true }) else { return nil }
        return numbers.map { $0! }
    }
}
