/// Report mass per fingerprint, accumulated from labelled messages: the "network knowledge"
/// a cartridge is built from.
public struct ReputationTable: Sendable {
    public private(set) var mass: [Fingerprint: ReportMass] = [:]
    /// The total mass of all reports (the `report totals` of the cartridge).
    public private(set) var totals = ReportMass()

    public init() {}

    /// Adds one message's report: every distinct fingerprint of it gets the report's mass once.
    public mutating func add(_ fingerprints: [Fingerprint], mass report: ReportMass) {
        totals = totals + report
        for fingerprint in Set(fingerprints) {
            mass[fingerprint, default: ReportMass()] = mass[fingerprint, default: ReportMass()] + report
        }
    }

    /// Adds another table.
    public mutating func merge(_ other: ReputationTable) {
        totals = totals + other.totals
        for (fingerprint, report) in other.mass {
            mass[fingerprint, default: ReportMass()] = mass[fingerprint, default: ReportMass()] + report
        }
    }

    /// The entries, in a canonical order (kind, then value bytes) so that two builds of the
    /// same corpus write the same file.
    public func entries(serial: UInt32 = 0) -> [CartridgeEntry] {
        mass.keys.sorted { a, b in
            a.kind != b.kind ? a.kind < b.kind : a.value.lexicographicallyPrecedes(b.value)
        }.map { fingerprint in
            let report = mass[fingerprint]!
            return CartridgeEntry(fingerprint: fingerprint, category: report.category,
                                  reputation: Reputation(spam: report.spam, ham: report.ham, phishing: report.phishing,
                                                         virus: report.virus, firstSeen: serial, lastSeen: serial))
        }
    }
}
