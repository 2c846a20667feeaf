import Imprint

/// When a tunable key acts, which decides what a sweep can reuse across its values.
public enum TuningStage: String, Sendable, Codable {
    /// Acts after fingerprinting (radii, token combination, thresholds, score model, family
    /// switches): a sweep reuses the parsed messages and their fingerprints and rebuilds only
    /// the cartridge (database, indexes, fitted model) and the verdicts.
    case score
    /// Changes what is parsed or fingerprinted (image depth, signature type, client-IP
    /// source, body length, text limits): a sweep parses and fingerprints again.
    case fingerprint
}

/// A key `--set` and `--param` accept: a `cartridge.cfg` key (its file spelling, or any
/// spelling that matches it ignoring case, spaces, `-` and `_`: `MinimumScore`,
/// `token_prior_strength`) or an engine parameter.
public struct TuningKey: Sendable, Hashable {
    enum Target: Hashable, Sendable {
        case config
        case maxBodyLength, minimumFuzzyText, maximumTokens
        case family(FingerprintFamily)
    }

    /// The canonical spelling (the `cartridge.cfg` key, or the engine parameter's name).
    public let name: String
    public let stage: TuningStage
    let target: Target

    /// The `cartridge.cfg` keys that change what is parsed or fingerprinted.
    static let fingerprintConfigKeys: Set<String> = ["micro-update signature type", "use ip information",
                                                     "use envelope for ip information", "image processing depth"]

    /// Every key: the cartridge.cfg keys, then `max body length` (the gateway's
    /// `Max_Body_Length`: scoring only, the cartridge's training reads whole bodies),
    /// `minimum fuzzy text`, `maximum tokens`, and `family <name>` (`on`/`off`) per family.
    public static let all: [TuningKey] =
        CartridgeConfig.keys.map { TuningKey(name: $0, stage: fingerprintConfigKeys.contains($0) ? .fingerprint : .score, target: .config) }
        + [TuningKey(name: "max body length", stage: .fingerprint, target: .maxBodyLength),
           TuningKey(name: "minimum fuzzy text", stage: .fingerprint, target: .minimumFuzzyText),
           TuningKey(name: "maximum tokens", stage: .fingerprint, target: .maximumTokens)]
        + FingerprintFamily.allCases.map { TuningKey(name: "family \($0.rawValue)", stage: .score, target: .family($0)) }

    /// The key a spelling names, or nil.
    public static func named(_ spelling: String) -> TuningKey? {
        let wanted = normalized(spelling)
        return all.first { normalized($0.name) == wanted }
    }

    static func normalized(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
