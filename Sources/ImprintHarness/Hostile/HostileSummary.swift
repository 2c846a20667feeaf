/// The figures of a hostile run: counts, typed errors by kind, the slowest message, memory.
public struct HostileSummary: Sendable {
    public var bounds: HostileBounds
    public var mutants = 0
    public var verdicts = 0
    /// Typed errors by `HostileOutcome.Result.error` kind.
    public var errors: [String: Int] = [:]
    /// Mutants by mutation (a stacked mutant counts once for each of its mutations).
    public var byMutation: [String: Int] = [:]
    /// The slowest message by wall time, and by CPU time.
    public var slowest: HostileOutcome?
    public var slowestCPU: HostileOutcome?
    /// The largest per-message memory growth and its message.
    public var hungriest: HostileOutcome?
    /// The first 20 outcomes over the bounds.
    public var violations: [HostileOutcome] = []
    public var violationCount = 0
    /// The process's peak resident set over the run (`VmHWM` high-water, kept across resets).
    public var peakResident = 0
    /// Whether per-message memory was measured (the peak could be reset) or is the run's peak.
    public var perMessageMemory = ResourceProbe.canResetPeak
    public var seconds = 0.0

    public init(bounds: HostileBounds) { self.bounds = bounds }

    public var errorCount: Int { errors.values.reduce(0, +) }

    /// Counts one outcome.
    public mutating func record(_ outcome: HostileOutcome, mutations: [String]) {
        mutants += 1
        switch outcome.result {
        case .verdict: verdicts += 1
        case .error(let kind): errors[kind, default: 0] += 1
        }
        for mutation in Set(mutations) { byMutation[mutation, default: 0] += 1 }
        if outcome.seconds > slowest?.seconds ?? -1 { slowest = outcome }
        if outcome.cpuSeconds > slowestCPU?.cpuSeconds ?? -1 { slowestCPU = outcome }
        if outcome.memoryGrowth > hungriest?.memoryGrowth ?? -1 { hungriest = outcome }
        if outcome.violates(bounds) {
            violationCount += 1
            if violations.count < 20 { violations.append(outcome) }
        }
    }

    /// Adds another run's figures (a resumed or split run).
    public mutating func merge(_ other: HostileSummary) {
        mutants += other.mutants
        verdicts += other.verdicts
        errors.merge(other.errors, uniquingKeysWith: +)
        byMutation.merge(other.byMutation, uniquingKeysWith: +)
        if let slow = other.slowest, slow.seconds > slowest?.seconds ?? -1 { slowest = slow }
        if let slow = other.slowestCPU, slow.cpuSeconds > slowestCPU?.cpuSeconds ?? -1 { slowestCPU = slow }
        if let hungry = other.hungriest, hungry.memoryGrowth > hungriest?.memoryGrowth ?? -1 { hungriest = hungry }
        violationCount += other.violationCount
        violations += other.violations.prefix(max(0, 20 - violations.count))
        peakResident = max(peakResident, other.peakResident)
        seconds += other.seconds
    }

    /// `key: value` lines, as `scripts/hostile_corpus.sh` prints them.
    public var lines: [String] {
        var lines = [
            "mutants: \(mutants)",
            "verdicts: \(verdicts)",
            "typed errors: \(errorCount)",
        ]
        lines += errors.sorted { $0.key < $1.key }.map { "  error \($0.key): \($0.value)" }
        lines += byMutation.sorted { $0.key < $1.key }.map { "  mutation \($0.key): \($0.value)" }
        lines.append("bound: \(bounds.maxSeconds) s (\(bounds.clock.rawValue) time) and \(bounds.maxMemoryGrowth >> 20) MiB growth per message"
                     + (perMessageMemory ? "" : " (memory: whole-run peak only, /proc/self/clear_refs refused)"))
        if let slowest { lines.append("max wall time per message: \(format3(slowest.seconds * 1000)) ms (\(slowest.line))") }
        if let slowestCPU { lines.append("max CPU time per message: \(format3(slowestCPU.cpuSeconds * 1000)) ms (\(slowestCPU.line))") }
        if let hungriest { lines.append("max memory growth per message: \(hungriest.memoryGrowth >> 20) MiB (\(hungriest.line))") }
        lines.append("peak RSS: \(peakResident >> 20) MiB")
        lines.append("wall time: \(format3(seconds)) s")
        lines.append("bound violations: \(violationCount)")
        lines += violations.map { "  violation: \($0.line)" }
        return lines
    }

    private func format3(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return "\(scaled)"
    }
}
