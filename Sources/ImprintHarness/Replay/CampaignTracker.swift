import Imprint

/// Campaign time-to-block: for clusters of near-duplicate abusive messages, how many copies
/// passed (`is_spam` false) before the first one was caught.
///
/// Two abusive messages belong to one campaign when they share their Pyzor digest (SHA-1 of the
/// normalized body) or at least `minimumSharedBands` MinHash band keys (LSH candidates at the
/// cartridge's `minhash threshold`, Broder 1997 and Leskovec et al., "Mining of Massive
/// Datasets" §3.4); clusters are the connected components (union-find). Only clusters of at
/// least `minimumCopies` messages count as campaigns. Copies are counted in replay order.
struct CampaignTracker {
    /// Shared MinHash band keys that make two messages near duplicates (default 2).
    static let minimumSharedBands = 2
    /// Messages a cluster needs to count as a campaign (default 3).
    static let minimumCopies = 3
    /// Messages remembered per band key (default 256): a key shared more widely still links
    /// every later holder to the first 256, which keeps the cost linear.
    static let maxOwnersPerBand = 256

    private var parent: [Int] = []
    private var caught: [Bool] = []
    private var pyzorOwner: [Fingerprint: Int] = [:]
    private var bandOwners: [Fingerprint: [Int]] = [:]

    /// Adds an abusive message (in replay order) with its fingerprints and verdict.
    mutating func add(_ fingerprints: [Fingerprint], caught isSpam: Bool) {
        let id = parent.count
        parent.append(id)
        caught.append(isSpam)
        var shared: [Int: Int] = [:]
        for fingerprint in Set(fingerprints) {
            if fingerprint.kind == .pyzor {
                if let owner = pyzorOwner[fingerprint] { union(owner, id) } else { pyzorOwner[fingerprint] = id }
            } else if fingerprint.kind == .minhashBandKey {
                for other in bandOwners[fingerprint, default: []] { shared[other, default: 0] += 1 }
                if bandOwners[fingerprint, default: []].count < Self.maxOwnersPerBand { bandOwners[fingerprint, default: []].append(id) }
            }
        }
        for (other, count) in shared where count >= Self.minimumSharedBands { union(other, id) }
    }

    private mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root { (parent[node], node) = (root, parent[node]) }
        return root
    }

    private mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// The summary over campaigns.
    mutating func summary() -> CampaignSummary {
        var members: [Int: [Int]] = [:]
        for id in parent.indices { members[find(id), default: []].append(id) }
        var passed: [Int] = []
        var neverCaught = 0, copies = 0
        for (_, ids) in members where ids.count >= Self.minimumCopies {
            copies += ids.count
            if let first = ids.firstIndex(where: { caught[$0] }) { passed.append(first) } else { neverCaught += 1 }
        }
        passed.sort()
        return CampaignSummary(campaigns: passed.count + neverCaught, copies: copies, neverCaught: neverCaught,
                               meanPassedBeforeBlock: passed.isEmpty ? 0 : Double(passed.reduce(0, +)) / Double(passed.count),
                               medianPassedBeforeBlock: passed.isEmpty ? 0 : passed[passed.count / 2],
                               maxPassedBeforeBlock: passed.last ?? 0)
    }
}

/// Campaign time-to-block over a replay (see `CampaignTracker`).
public struct CampaignSummary: Sendable, Hashable, Codable {
    /// Clusters of at least `CampaignTracker.minimumCopies` near-duplicate abusive messages.
    public var campaigns: Int
    /// Messages in those clusters.
    public var copies: Int
    /// Campaigns of which no copy was caught.
    public var neverCaught: Int
    /// Over the campaigns that were caught: copies that passed before the first was caught.
    public var meanPassedBeforeBlock: Double
    public var medianPassedBeforeBlock: Int
    public var maxPassedBeforeBlock: Int

    enum CodingKeys: String, CodingKey {
        case campaigns, copies, neverCaught = "never_caught", meanPassedBeforeBlock = "mean_passed_before_block"
        case medianPassedBeforeBlock = "median_passed_before_block", maxPassedBeforeBlock = "max_passed_before_block"
    }
}
