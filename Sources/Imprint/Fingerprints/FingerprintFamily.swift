/// A fingerprint family: the kinds one algorithm (or one group of features) produces, switched
/// on or off together by `FingerprintOptions.disabledFamilies` (for ablation studies: what
/// detection loses when one family alone is off).
public enum FingerprintFamily: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Word, word-pair, Subject, header and markup tokens (the Robinson/Fisher combination).
    case tokens
    /// Exact digests: SHA-256 of the normalized body, of MIME parts and of attachments, and Pyzor.
    case exact
    /// TLSH (Oliver, Cheng & Chen 2013).
    case tlsh
    /// Context-triggered piecewise hashing, ssdeep (Kornblum 2006), of text and large attachments.
    case ctph
    /// Nilsimsa (Damiani et al. 2004).
    case nilsimsa
    /// MinHash signatures and their LSH band keys (Broder 1997).
    case minhash
    /// SimHash (Charikar 2002).
    case simhash
    /// URLs, host names and registered domains.
    case links
    /// Image hashes: PDQ, dHash, pHash, aHash.
    case images
    /// Sender domain and client IP /24 (computed only with `comprehensive_sender_rep.4`).
    case sender
    /// The MIME structure.
    case structure

    /// The fingerprint kinds of the family.
    public var kinds: Set<FingerprintKind> {
        switch self {
        case .tokens: [.token]
        case .exact: [.exactBodySHA256, .partSHA256, .attachmentSHA256, .pyzor]
        case .tlsh: [.tlsh]
        case .ctph: [.ctph]
        case .nilsimsa: [.nilsimsa]
        case .minhash: [.minhash, .minhashBandKey]
        case .simhash: [.simhash]
        case .links: [.url, .host, .registeredDomain]
        case .images: [.pdq, .dhash, .phash, .ahash]
        case .sender: [.senderDomain, .clientIP24]
        case .structure: [.mimeStructure]
        }
    }

    /// The family a kind belongs to (nil for a kind no family names, e.g. a newer cartridge's).
    public init?(kind: FingerprintKind) {
        guard let family = Self.allCases.first(where: { $0.kinds.contains(kind) }) else { return nil }
        self = family
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension MessageFingerprints {
    /// These fingerprints without the families in `families`, each one named in `skipped`
    /// ("switched off"). Filtering computed fingerprints gives exactly what the fingerprinter
    /// gives with the families disabled (it filters the same way), which is what lets a tuning
    /// sweep reuse one fingerprinting pass across ablation settings.
    public func removing(_ families: Set<FingerprintFamily>) -> MessageFingerprints {
        guard !families.isEmpty else { return self }
        let kinds = families.reduce(into: Set<FingerprintKind>()) { $0.formUnion($1.kinds) }
        var copy = self
        copy.fingerprints.removeAll { kinds.contains($0.kind) }
        copy.skipped += families.sorted().map { Skip(family: $0.rawValue, reason: "switched off") }
        return copy
    }
}

/// Engine-side adjustments of the fingerprinter for one run (tuning: `imprint replay --set`):
/// nil or empty means the default behaviour.
public struct FingerprintTuning: Sendable, Hashable {
    /// Families whose fingerprints are dropped (default none).
    public var disabledFamilies: Set<FingerprintFamily>
    /// Overrides `FingerprintOptions.minimumFuzzyText`.
    public var minimumFuzzyText: Int?
    /// Overrides `FingerprintOptions.maximumTokens`.
    public var maximumTokens: Int?

    public init(disabledFamilies: Set<FingerprintFamily> = [], minimumFuzzyText: Int? = nil, maximumTokens: Int? = nil) {
        self.disabledFamilies = disabledFamilies
        self.minimumFuzzyText = minimumFuzzyText
        self.maximumTokens = maximumTokens
    }

    /// `options` with these adjustments.
    public func applied(to options: FingerprintOptions) -> FingerprintOptions {
        var options = options
        options.disabledFamilies.formUnion(disabledFamilies)
        if let minimumFuzzyText { options.minimumFuzzyText = minimumFuzzyText }
        if let maximumTokens { options.maximumTokens = maximumTokens }
        return options
    }
}
