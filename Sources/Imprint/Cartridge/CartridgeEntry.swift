/// A category and sub-category pair, as `categories.cats` numbers them (`1.0`: spam, undefined).
public struct CategoryCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var category: UInt16
    public var subcategory: UInt16

    public init(_ category: UInt16, _ subcategory: UInt16 = 0) {
        self.category = category
        self.subcategory = subcategory
    }

    public static let legitimate = CategoryCode(0)
    public static let spam = CategoryCode(1)
    public static let bulk = CategoryCode(2)
    public static let phishing = CategoryCode(3)
    public static let virus = CategoryCode(7)

    public var description: String { "\(category).\(subcategory)" }
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.category, lhs.subcategory) < (rhs.category, rhs.subcategory)
    }
}

/// What the network knows about a fingerprint: trust-weighted report mass per verdict, and
/// the serials (cartridge versions) at which it was first and last reported.
///
/// Masses are `Float` to keep a 10M-entry cartridge small; they are sums of reporter trusts
/// (each in 0...1), exact up to 2^24 reports.
public struct Reputation: Hashable, Sendable {
    public var spam: Float
    public var ham: Float
    public var phishing: Float
    public var virus: Float
    public var firstSeen: UInt32
    public var lastSeen: UInt32

    public init(spam: Float = 0, ham: Float = 0, phishing: Float = 0, virus: Float = 0,
                firstSeen: UInt32 = 0, lastSeen: UInt32 = 0) {
        self.spam = spam
        self.ham = ham
        self.phishing = phishing
        self.virus = virus
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    /// The total report mass.
    public var total: Float { spam + ham + phishing + virus }
}

/// One known fingerprint: what it is, how it is classified and its reputation.
public struct CartridgeEntry: Hashable, Sendable {
    public var fingerprint: Fingerprint
    public var category: CategoryCode
    public var reputation: Reputation

    public init(fingerprint: Fingerprint, category: CategoryCode, reputation: Reputation = Reputation()) {
        self.fingerprint = fingerprint
        self.category = category
        self.reputation = reputation
    }
}
