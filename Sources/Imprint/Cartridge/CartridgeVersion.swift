/// A cartridge's version, `<generation>.<major>.<minor>.<serial>`: generation, major and
/// minor name the base database (set by `cartridge build`), serial the last micro-update
/// applied (the base database's own serial before any).
public struct CartridgeVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var generation: UInt32
    public var major: UInt32
    public var minor: UInt32
    public var serial: UInt32

    public init(generation: UInt32 = 1, major: UInt32 = 0, minor: UInt32 = 0, serial: UInt32 = 0) {
        self.generation = generation
        self.major = major
        self.minor = minor
        self.serial = serial
    }

    /// Parses `g.M.m.s` (four decimal fields).
    public init?(_ text: some StringProtocol) {
        let fields = text.split(separator: ".", omittingEmptySubsequences: false).map { UInt32($0) }
        guard fields.count == 4, let g = fields[0], let ma = fields[1], let mi = fields[2], let s = fields[3] else { return nil }
        self.init(generation: g, major: ma, minor: mi, serial: s)
    }

    public var description: String { "\(generation).\(major).\(minor).\(serial)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.generation, lhs.major, lhs.minor, lhs.serial) < (rhs.generation, rhs.major, rhs.minor, rhs.serial)
    }
}
