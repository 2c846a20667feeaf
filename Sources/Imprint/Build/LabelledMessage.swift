/// A message with the label a community report gave it: the input of `cartridge build` and
/// of the harness's feedback.
public struct LabelledMessage: Sendable {
    public var bytes: [UInt8]
    public var form: MessageForm
    /// `ham`, `spam`, `phishing`, `virus`, or a category name from `categories.cats`.
    public var label: String
    /// Trust of the report (1 for a fully trusted reporter).
    public var weight: Float

    public init(bytes: [UInt8], form: MessageForm = .rendered, label: String, weight: Float = 1) {
        self.bytes = bytes
        self.form = form
        self.label = label
        self.weight = weight
    }
}

/// Report mass of one message, by class.
public struct ReportMass: Sendable, Hashable {
    public var spam: Float = 0
    public var ham: Float = 0
    public var phishing: Float = 0
    public var virus: Float = 0

    public init(spam: Float = 0, ham: Float = 0, phishing: Float = 0, virus: Float = 0) {
        self.spam = spam
        self.ham = ham
        self.phishing = phishing
        self.virus = virus
    }

    /// The mass a report of `label` with `weight` carries; nil for a label no class takes.
    /// `bulk` and category names other than the four classes count as spam.
    public init?(label: String, weight: Float, categories: CategoryTable) {
        switch label.lowercased() {
        case "ham", "legitimate", "nonspam", "good": self.init(ham: weight)
        case "spam", "bulk": self.init(spam: weight)
        case "phishing", "phish": self.init(phishing: weight)
        case "virus", "malware": self.init(virus: weight)
        default:
            guard categories.code(named: label.lowercased()) != nil else { return nil }
            self.init(spam: weight)
        }
    }

    /// The category of an entry with this mass: the heaviest class (ham wins ties).
    public var category: CategoryCode {
        let best = max(ham, spam, phishing, virus)
        if ham == best { return .legitimate }
        if virus == best { return .virus }
        if phishing == best { return .phishing }
        return .spam
    }

    static func + (lhs: Self, rhs: Self) -> Self {
        Self(spam: lhs.spam + rhs.spam, ham: lhs.ham + rhs.ham, phishing: lhs.phishing + rhs.phishing, virus: lhs.virus + rhs.virus)
    }

    /// As the report totals of `cartridge.cfg`: spam ham phishing virus.
    var totals: [Double] { [Double(spam), Double(ham), Double(phishing), Double(virus)] }
}
