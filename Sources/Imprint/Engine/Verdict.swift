/// What the engine says about one message, as a gateway's scoring API answers.
public struct Verdict: Sendable, Hashable {
    /// 0...100: the higher, the surer the message is abusive (a calibrated probability × 100).
    public var score: Int
    /// `score >= minimumScore`.
    public var isSpam: Bool
    public var category: Int
    public var subcategory: Int
    public var categoryDescription: String
    public var subcategoryDescription: String
    /// Whether scoring again after later micro-updates would likely change the verdict.
    public var rescan: Bool
    /// Why rescan is set (empty when it is not): `truncated`, `image`, `borderline`.
    public var rescanReasons: [String]
    /// The analysis header (see `AnalysisHeader`).
    public var analysis: String
    /// The whitelist rule that matched (file:line and text), when one did.
    public var whitelistRule: String?
    /// The probability behind the score, unrounded.
    public var probability: Double

    public var isWhitelisted: Bool { whitelistRule != nil }

    /// The gateway's context variables, with exactly these names.
    public var contextVariables: [(name: String, value: String)] {
        [("cmae-score", String(score)), ("cmae-isspam", isSpam ? "1" : "0"),
         ("cmae-category", String(category)), ("cmae-subcategory", String(subcategory)),
         ("cmae-rescan", rescan ? "1" : "0"), ("cmae-analysis", analysis),
         ("cmae-category-desc", categoryDescription), ("cmae-subcategory-desc", subcategoryDescription)]
    }
}
