import Imprint

/// Reports gathered between two micro-updates, and the update they become.
///
/// Each report gives every distinct fingerprint of its message the report's mass once (as
/// `ReputationTable` does for a build). The update adds the fingerprints the snapshot does not
/// hold (category: the heaviest class of the mass) and re-weights the ones it holds, carries a
/// `report totals` line with the running totals, and a `score model` line when a refit is due.
struct FeedbackBatch {
    /// Mass per fingerprint since the last update: spam, ham, phishing, virus.
    private var pending: [Fingerprint: SIMD4<Float>] = [:]
    /// Report mass of every report so far (spam, ham, phishing, virus), starting from the
    /// cartridge's own totals.
    private(set) var totals: SIMD4<Double>
    /// A fitted model waiting to ship.
    var scoreModel: String?
    private(set) var reports = 0

    init(startingTotals: [Double]) {
        totals = SIMD4(startingTotals.count == 4 ? startingTotals : [0, 0, 0, 0])
    }

    var isEmpty: Bool { reports == 0 && scoreModel == nil }

    mutating func add(_ fingerprints: [Fingerprint], mass: ReportMass) {
        let vector = SIMD4<Float>(mass.spam, mass.ham, mass.phishing, mass.virus)
        totals += SIMD4<Double>(Double(vector[0]), Double(vector[1]), Double(vector[2]), Double(vector[3]))
        reports += 1
        for fingerprint in Set(fingerprints) { pending[fingerprint, default: .zero] += vector }
    }

    /// The micro-update after `snapshot`, in a canonical order (kind, then value bytes), and
    /// an empty batch.
    mutating func takeUpdate(after snapshot: CartridgeSnapshot) -> MicroUpdate {
        let serial = snapshot.version.serial
        var update = MicroUpdate(serial: serial + 1, predecessor: serial)
        let ordered = pending.keys.sorted { a, b in a.kind != b.kind ? a.kind < b.kind : a.value.lexicographicallyPrecedes(b.value) }
        for fingerprint in ordered {
            let mass = pending[fingerprint]!
            if snapshot.lookup(fingerprint) != nil {
                update.reweights.append(MicroUpdate.Reweight(fingerprint: fingerprint, spam: mass[0], ham: mass[1],
                                                             phishing: mass[2], virus: mass[3]))
            } else {
                let report = ReportMass(spam: mass[0], ham: mass[1], phishing: mass[2], virus: mass[3])
                update.adds.append(CartridgeEntry(fingerprint: fingerprint, category: report.category,
                                                  reputation: Reputation(spam: mass[0], ham: mass[1], phishing: mass[2], virus: mass[3],
                                                                         firstSeen: serial + 1, lastSeen: serial + 1)))
            }
        }
        update.configLines = ["report totals = \(totals[0]) \(totals[1]) \(totals[2]) \(totals[3])"]
        if let scoreModel { update.configLines.append("score model = \(scoreModel)") }
        pending.removeAll(keepingCapacity: true)
        scoreModel = nil
        reports = 0
        return update
    }
}
