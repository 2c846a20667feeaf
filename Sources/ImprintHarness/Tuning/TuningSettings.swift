import Imprint

/// One `KEY=VALUE` override, the key in its canonical spelling.
public struct TuningOverride: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
}

/// The overrides of one run (`--set`, or one setting of a sweep): `cartridge.cfg` keys over
/// the cartridge's configuration, engine parameters over the engine's defaults. Each value is
/// checked when it is set, by the same parser that reads `cartridge.cfg`.
public struct TuningSettings: Sendable, Hashable {
    /// In the order given; setting a key again replaces its value.
    public private(set) var overrides: [TuningOverride] = []
    /// `max body length` (nil: whole bodies).
    public private(set) var maxBodyLength: Int?
    /// `minimum fuzzy text`, `maximum tokens` and the `family` switches.
    public private(set) var fingerprintTuning = FingerprintTuning()

    /// Most bytes `max body length` accepts (default 1 GiB).
    public static let maxBodyLengthLimit = 1 << 30
    /// Most `minimum fuzzy text` and `maximum tokens` accept (default 1,000,000).
    public static let countLimit = 1_000_000

    public init() {}

    /// Parses `KEY=VALUE` assignments (`--set`), later ones replacing earlier ones.
    /// - Throws: `TuningError` naming the key: syntax, unknown key or bad value.
    public init(parsing assignments: [String]) throws(TuningError) {
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw .make(.syntax, key: assignment, "expected KEY=VALUE")
            }
            try set(String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
        }
    }

    public var isEmpty: Bool { overrides.isEmpty }

    /// Sets `key` (any accepted spelling) to `value`.
    /// - Throws: `TuningError` (`unknownKey` listing the keys, `badValue` with the reason).
    public mutating func set(_ key: String, _ value: String) throws(TuningError) {
        let spelled = key.strippingBlanks(), value = value.strippingBlanks()
        guard let tuning = TuningKey.named(spelled) else {
            throw .make(.unknownKey, key: spelled, "unknown key (known: \(TuningKey.all.map(\.name).joined(separator: ", ")))")
        }
        switch tuning.target {
        case .config:
            var probe = CartridgeConfig()
            do throws(ConfigurationError) {
                try probe.apply("\(tuning.name) = \(value)", path: "--set")
            } catch {
                throw .make(.badValue, key: spelled, error.reason)
            }
        case .maxBodyLength: maxBodyLength = try Self.integer(value, key: spelled, in: 0...Self.maxBodyLengthLimit)
        case .minimumFuzzyText: fingerprintTuning.minimumFuzzyText = try Self.integer(value, key: spelled, in: 0...Self.countLimit)
        case .maximumTokens: fingerprintTuning.maximumTokens = try Self.integer(value, key: spelled, in: 0...Self.countLimit)
        case .family(let family):
            switch value.lowercased() {
            case "on", "yes", "true", "1": fingerprintTuning.disabledFamilies.remove(family)
            case "off", "no", "false", "0": fingerprintTuning.disabledFamilies.insert(family)
            default: throw .make(.badValue, key: spelled, "'\(value)' is not on or off")
            }
        }
        overrides.removeAll { $0.key == tuning.name }
        overrides.append(TuningOverride(key: tuning.name, value: value))
    }

    private static func integer(_ value: String, key: String, in range: ClosedRange<Int>) throws(TuningError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw .make(.badValue, key: key, "'\(value)' is not an integer in \(range)")
        }
        return number
    }

    /// Applies the `cartridge.cfg` overrides to `config`.
    public func apply(to config: inout CartridgeConfig) throws(TuningError) {
        let lines = overrides.filter { TuningKey.named($0.key)?.target == .config }.map { "\($0.key) = \($0.value)" }
        guard !lines.isEmpty else { return }
        do throws(ConfigurationError) {
            try config.apply(lines.joined(separator: "\n"), path: "--set", allowRepeats: true)
        } catch {
            throw .make(.badValue, key: error.key ?? "", error.reason)
        }
    }

    /// `config` with the overrides applied.
    public func applied(to config: CartridgeConfig) throws(TuningError) -> CartridgeConfig {
        var copy = config
        try apply(to: &copy)
        return copy
    }

    /// The engine options of a run with these overrides.
    public func engineOptions(minimumScore: Int?) -> EngineOptions {
        EngineOptions(minimumScore: minimumScore, maxBodyLength: maxBodyLength, fingerprintTuning: fingerprintTuning)
    }

    /// Only the overrides of `stage` (a sweep groups its settings by their fingerprint-stage part).
    public func only(_ stage: TuningStage) -> TuningSettings {
        var result = TuningSettings()
        for item in overrides where TuningKey.named(item.key)?.stage == stage { try? result.set(item.key, item.value) }
        return result
    }

    /// These overrides, then `other`'s (which win on a shared key).
    public func merging(_ other: TuningSettings) -> TuningSettings {
        var result = self
        for item in other.overrides { try? result.set(item.key, item.value) }
        return result
    }

    /// `key=value, …` in the order given ("defaults" when empty).
    public var summary: String {
        overrides.isEmpty ? "defaults" : overrides.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    /// The overrides as a dictionary (the report's `overrides`).
    public var dictionary: [String: String] {
        Dictionary(overrides.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate func strippingBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
