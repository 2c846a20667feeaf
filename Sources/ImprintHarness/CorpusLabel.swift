/// The label of a message in a corpus: `ham`, `spam`, `phishing`, `virus`, or a name the
/// cartridge's categories file defines.
public struct CorpusLabel: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let ham = CorpusLabel(rawValue: "ham")
    public static let spam = CorpusLabel(rawValue: "spam")
    public static let phishing = CorpusLabel(rawValue: "phishing")
    public static let virus = CorpusLabel(rawValue: "virus")

    /// Whether a message with this label is abusive (anything but ham).
    public var isAbusive: Bool { self != .ham }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
