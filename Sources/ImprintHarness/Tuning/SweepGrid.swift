import Imprint

/// The settings a sweep runs: the cartesian product of its parameters' values (`--param
/// KEY=v1,v2,…`, the first parameter varying slowest), each over the common `--set` base; or,
/// for an ablation, the base alone then the base with one fingerprint family switched off.
public struct SweepGrid: Sendable {
    /// One parameter and its values, keys in canonical spelling.
    public struct Axis: Sendable, Hashable {
        public var key: String
        public var values: [String]
    }

    public private(set) var axes: [Axis] = []
    /// The settings in run order, each with a short label for charts (the values, in axis
    /// order, separated by " / ").
    public private(set) var settings: [(label: String, settings: TuningSettings)] = []
    /// Most settings one sweep runs (default 256).
    public static let maxSettings = 256

    /// Parses `KEY=v1,v2,…` parameters; every value is checked as `--set` would check it.
    /// - Throws: `TuningError` naming the key (syntax, unknown key, bad value, a key given
    ///   twice, or more than `maxSettings` settings).
    public init(parameters: [String], base: TuningSettings = TuningSettings()) throws(TuningError) {
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "=") else { throw .make(.syntax, key: parameter, "expected KEY=v1,v2,…") }
            let spelled = String(parameter[..<equals])
            guard let key = TuningKey.named(spelled) else {
                throw .make(.unknownKey, key: spelled, "unknown key (known: \(TuningKey.all.map(\.name).joined(separator: ", ")))")
            }
            guard !axes.contains(where: { $0.key == key.name }) else { throw .make(.syntax, key: spelled, "parameter given twice") }
            let values = parameter[parameter.index(after: equals)...].split(separator: ",").map(String.init)
            guard !values.isEmpty else { throw .make(.syntax, key: spelled, "no values") }
            for value in values {
                var probe = TuningSettings()
                try probe.set(key.name, value)
            }
            axes.append(Axis(key: key.name, values: values))
        }
        let total = axes.reduce(1) { $0 * $1.values.count }
        guard total <= Self.maxSettings else { throw .make(.unsupported, key: "", "\(total) settings (at most \(Self.maxSettings))") }
        var combinations: [[(String, String)]] = [[]]
        for axis in axes {
            combinations = combinations.flatMap { prefix in axis.values.map { prefix + [(axis.key, $0)] } }
        }
        settings = try combinations.map { (combination: [(String, String)]) throws(TuningError) in
            var setting = base
            for (key, value) in combination { try setting.set(key, value) }
            let label = combination.isEmpty ? "defaults" : combination.map(\.1).joined(separator: " / ")
            return (label, setting)
        }
    }

    /// The ablation grid: `base` ("all families"), then `base` with each family of `families`
    /// switched off ("-<family>").
    public static func ablation(base: TuningSettings = TuningSettings(),
                                families: [FingerprintFamily] = FingerprintFamily.allCases) -> SweepGrid {
        var grid = SweepGrid()
        grid.axes = [Axis(key: "family", values: families.map(\.rawValue))]
        grid.settings = [("all families", base)] + families.map { family in
            var setting = base
            try? setting.set("family \(family.rawValue)", "off")
            return ("-\(family.rawValue)", setting)
        }
        return grid
    }

    private init() {}
}
