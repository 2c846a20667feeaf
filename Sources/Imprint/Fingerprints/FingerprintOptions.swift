import ImprintHashing

/// What the fingerprinter computes, from the cartridge's configuration.
public struct FingerprintOptions: Sendable, Hashable {
    /// Which image work runs: `off` none, `low` dHash only, `medium` PDQ and dHash, `high` PDQ,
    /// dHash, pHash and aHash.
    public var imageDepth: CartridgeConfig.ImageDepth
    /// Whether sender-domain and client-IP fingerprints are computed
    /// (`micro-update signature type = comprehensive_sender_rep.4`).
    public var includesSender: Bool
    /// Text under this many UTF-8 bytes gets no fuzzy digest (TLSH and CTPH need 50).
    public var minimumFuzzyText: Int
    /// Distinct word tokens kept per message, in order of first appearance, header words first (default 6,000).
    public var maximumTokens: Int
    /// MinHash permutations and shingle size.
    public var minhash: MinHash.Parameters
    /// Image bounds (pixels, scans, frames).
    public var imageLimits: ImageLimits
    /// Images counted per message at most (default 16); the rest are skipped with a reason.
    public var maximumImages: Int
    /// Families whose fingerprints are left out (default none; see `FingerprintFamily`).
    public var disabledFamilies: Set<FingerprintFamily> = []

    public init(imageDepth: CartridgeConfig.ImageDepth = .medium, includesSender: Bool = false,
                minimumFuzzyText: Int = 50, maximumTokens: Int = 6_000,
                minhash: MinHash.Parameters = MinHash.Parameters(), imageLimits: ImageLimits = .default,
                maximumImages: Int = 16) {
        self.imageDepth = imageDepth
        self.includesSender = includesSender
        self.minimumFuzzyText = minimumFuzzyText
        self.maximumTokens = maximumTokens
        self.minhash = minhash
        self.imageLimits = imageLimits
        self.maximumImages = maximumImages
    }

    /// The options a cartridge's configuration asks for.
    public init(config: CartridgeConfig) {
        self.init(imageDepth: config.imageProcessingDepth, includesSender: config.signatureType == .comprehensiveSenderReputation)
    }
}

/// The fingerprints of one message, and why any family was skipped.
public struct MessageFingerprints: Sendable {
    /// A fingerprint family that produced nothing, and why.
    public struct Skip: Sendable, Hashable, CustomStringConvertible {
        public var family: String
        public var reason: String
        public var description: String { "\(family): \(reason)" }
    }

    public var fingerprints: [Fingerprint]
    public var skipped: [Skip]
    /// An image part could not be processed (a reason to rescan later).
    public var imageFailed: Bool
    /// Text bytes the fuzzy digests saw.
    public var textBytes: Int
}
