#if canImport(Glibc)
import Glibc
#endif
import ImprintHashing

/// Turns evidence into a verdict: score from the logistic model, category from the strongest
/// evidence, rescan flag, analysis header.
struct VerdictBuilder {
    let snapshot: CartridgeSnapshot
    let minimumScore: Int

    /// Distance from `minimumScore` within which a verdict counts as borderline for rescan.
    static let borderlineBand = 15
    /// Below this fraction of known reputation features, evidence counts as new (for rescan).
    static let freshKnownFraction = 0.5

    func verdict(evidence: EvidenceSet, scoreFeatures: ScoreFeatures, fingerprints: MessageFingerprints,
                 features: MessageFeatures) -> Verdict {
        let model = snapshot.scoreModel
        var probability = scoreFeatures.probability(under: model)
        // An attachment whose exact digest the cartridge holds as a virus is a signature match:
        // a definitive identification, not a statistic.
        let signature = evidence.exact.first { $0.kind == .attachmentSHA256 && $0.category.category == CategoryCode.virus.category }
        if signature != nil { probability = 1 }
        let score = Int((100 * probability).rounded())
        let isSpam = score >= minimumScore
        let code = signature?.category ?? category(evidence: evidence, isSpam: isSpam)
        var reasons: [String] = []
        if features.isTruncated { reasons.append("truncated") }
        if fingerprints.imageFailed { reasons.append("image") }
        let known = evidence.featuresLookedUp == 0 ? 1 : Double(evidence.features.count) / Double(evidence.featuresLookedUp)
        if abs(score - minimumScore) < Self.borderlineBand, known < Self.freshKnownFraction, signature == nil {
            reasons.append("borderline")
        }
        let names = snapshot.categories.describeCategory(code)
        var header = AnalysisHeader(cartridgeVersion: snapshot.version.description, score: score,
                                    category: Int(code.category), subcategory: Int(code.subcategory), rescan: !reasons.isEmpty)
        // The header's lists are working storage until its text is written: this thread's buffers.
        let analysis = AnalysisHeaderScratch.withThreadScratch { scratch in
            swap(&header.extras, &scratch.extras)
            swap(&header.contributions, &scratch.contributions)
            defer {
                swap(&header.extras, &scratch.extras)
                swap(&header.contributions, &scratch.contributions)
            }
            if let signature { header.extras.append((key: "sig", value: entryID(signature))) }
            if !reasons.isEmpty { header.extras.append((key: "rs", value: reasons.joined(separator: ","))) }
            // Everything the feature tokens add: the combination, its mean, the strong counts, the links.
            let tokenWeight = ScoreFeatures.tokenFeatureIndices.reduce(0.0) { $0 + scoreFeatures[feature: $1] * weight($1, model) }
            header.extras.append((key: "tk", value: String(scoreFeatures.tokensUsed) + ":" + AnalysisHeader.format(tokenWeight, 1)))
            evidence.forEachDigestMatch { item in
                let share = log((item.abusiveMass + 0.5) / (item.hamMass + 0.5)) * item.similarity
                header.contributions.append(AnalysisHeader.Contribution(kind: item.kind.name, entryID: entryID(item), similarity: item.similarity,
                                                                        weight: share * weight(item.match == .exact ? 2 : 3, model)))
            }
            return header.text
        }
        return Verdict(score: score, isSpam: isSpam, category: Int(code.category), subcategory: Int(code.subcategory),
                       categoryDescription: names.category?.description ?? "category \(code.category)",
                       subcategoryDescription: names.subcategory?.description ?? "undefined",
                       rescan: !reasons.isEmpty, rescanReasons: reasons, analysis: analysis, whitelistRule: nil,
                       probability: probability)
    }

    private func weight(_ index: Int, _ model: LogisticModel) -> Double {
        index < model.weights.count ? model.weights[index] : 1
    }

    /// The first 8 hex digits of the entry's key.
    func entryID(_ evidence: Evidence) -> String {
        Self.shortID(snapshot.key(at: evidence.entry))
    }

    /// The first 8 of the 16 lower-case hex digits of `key` (big-endian): a small string, no allocation.
    static func shortID(_ key: UInt64) -> String {
        let digits = String(UInt32(truncatingIfNeeded: key >> 32), radix: 16)
        return String(repeating: "0", count: 8 - digits.utf8.count) + digits
    }

    /// Legitimate below the threshold; above it, the abusive class with the most evidence,
    /// each class's mass a rate over that class's report total so a small class (phishing,
    /// virus) is not drowned by a large one (spam). Digest matches outrank token evidence.
    func category(evidence: EvidenceSet, isSpam: Bool) -> CategoryCode {
        guard isSpam else { return .legitimate }
        let totals = snapshot.config.reportTotals
        func rates(_ each: ((Evidence) -> Void) -> Void) -> (spam: Double, phishing: Double, virus: Double) {
            var spam = 0.0, phishing = 0.0, virus = 0.0
            each { item in
                spam += item.similarity * Double(item.reputation.spam) / max(1, totals[0])
                phishing += item.similarity * Double(item.reputation.phishing) / max(1, totals[2])
                virus += item.similarity * Double(item.reputation.virus) / max(1, totals[3])
            }
            return (spam, phishing, virus)
        }
        let digest = rates(evidence.forEachDigestMatch)
        let chosen = digest.spam + digest.phishing + digest.virus > 0 ? digest : rates { body in evidence.features.forEach(body) }
        let winner: CategoryCode
        if chosen.virus > chosen.spam, chosen.virus >= chosen.phishing {
            winner = .virus
        } else if chosen.phishing > chosen.spam {
            winner = .phishing
        } else {
            winner = .spam
        }
        // The sub-category of the strongest matching entry of that category, 0 when none.
        var strongest: Evidence?
        evidence.forEachDigestMatch { item in
            guard item.category.category == winner.category else { return }
            if let best = strongest, !(best.similarity * best.abusiveMass < item.similarity * item.abusiveMass) { return }
            strongest = item
        }
        return CategoryCode(winner.category, strongest?.category.subcategory ?? 0)
    }
}

/// `VerdictBuilder`'s analysis-header lists, one pair a thread (see `ThreadScratch`).
private final class AnalysisHeaderScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()
    var extras: [(key: String, value: String)] = []
    var contributions: [AnalysisHeader.Contribution] = []

    func reset() {
        extras.resetScratch()
        contributions.resetScratch()
    }
}
