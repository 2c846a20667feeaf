/// Turns re-labelled messages into the next micro-update of a cartridge (the ActiveFilter loop):
/// unknown fingerprints are added with the report's mass, known ones re-weighted by it, and the
/// report totals move with them.
public enum FeedbackUpdate {
    /// The micro-update following `snapshot` that reports `fingerprints` with `mass`.
    public static func update(after snapshot: CartridgeSnapshot, reports: [(fingerprints: [Fingerprint], mass: ReportMass)]) -> MicroUpdate {
        let serial = snapshot.version.serial
        var update = MicroUpdate(serial: serial + 1, predecessor: serial)
        var added: [Fingerprint: Int] = [:]
        var reweighted: [Fingerprint: Int] = [:]
        var totals = snapshot.config.reportTotals
        for report in reports {
            let mass = report.mass
            totals[0] += Double(mass.spam); totals[1] += Double(mass.ham)
            totals[2] += Double(mass.phishing); totals[3] += Double(mass.virus)
            var seen = Set<Fingerprint>()
            for fingerprint in report.fingerprints where seen.insert(fingerprint).inserted {
                if let position = added[fingerprint] {
                    var entry = update.adds[position]
                    entry.reputation.spam += mass.spam; entry.reputation.ham += mass.ham
                    entry.reputation.phishing += mass.phishing; entry.reputation.virus += mass.virus
                    let sum = ReportMass(spam: entry.reputation.spam, ham: entry.reputation.ham,
                                         phishing: entry.reputation.phishing, virus: entry.reputation.virus)
                    entry.category = sum.category
                    update.adds[position] = entry
                } else if snapshot.lookup(fingerprint) != nil {
                    if let position = reweighted[fingerprint] {
                        update.reweights[position].spam += mass.spam; update.reweights[position].ham += mass.ham
                        update.reweights[position].phishing += mass.phishing; update.reweights[position].virus += mass.virus
                    } else {
                        reweighted[fingerprint] = update.reweights.count
                        update.reweights.append(.init(fingerprint: fingerprint, spam: mass.spam, ham: mass.ham,
                                                      phishing: mass.phishing, virus: mass.virus))
                    }
                } else {
                    added[fingerprint] = update.adds.count
                    update.adds.append(CartridgeEntry(
                        fingerprint: fingerprint, category: mass.category,
                        reputation: Reputation(spam: mass.spam, ham: mass.ham, phishing: mass.phishing, virus: mass.virus,
                                               firstSeen: serial + 1, lastSeen: serial + 1)))
                }
            }
        }
        update.configLines.append("report totals = " + totals.map { "\($0)" }.joined(separator: " "))
        return update
    }
}
