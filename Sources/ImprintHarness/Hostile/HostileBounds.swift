/// The bound every hostile message must stay within: a verdict or a typed error in at most
/// `maxSeconds` (of the thread's CPU time, or of wall time: `clock`) and `maxMemoryGrowth`
/// bytes of resident-memory growth (the process's peak during the message over its
/// resident set before it).
///
/// CPU time is the default clock because it is what a message costs whatever else runs on
/// the machine (a hang or a quadratic blow-up shows in it just the same); wall time is
/// always measured and reported too, and `clock = .wall` bounds it instead on a quiet machine.
///
/// The bound covers the engine's work on a message already in memory (parse, features,
/// fingerprints including images, cartridge lookups, verdict), as a gateway holds it after
/// SMTP DATA; building the mutant is not timed. Defaults: 1 s and 256 MiB, stated for an
/// optimized (`-c release`) build; `scaledForDebug` multiplies the time by 30 for the
/// unoptimized build `swift test` uses.
public struct HostileBounds: Sendable, Hashable {
    /// Most wall-clock seconds per message. Default 1.
    public var maxSeconds: Double = 1
    /// Most bytes of resident-memory growth per message. Default 256 MiB.
    public var maxMemoryGrowth: Int = 256 << 20
    /// Which time `maxSeconds` bounds. Default `.cpu`.
    public var clock: Clock = .cpu

    /// The time a bound applies to.
    public enum Clock: String, Sendable, Hashable {
        /// The scoring thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`).
        case cpu
        /// Wall time (`CLOCK_MONOTONIC`).
        case wall
    }

    public init(maxSeconds: Double = 1, maxMemoryGrowth: Int = 256 << 20, clock: Clock = .cpu) {
        self.maxSeconds = maxSeconds
        self.maxMemoryGrowth = maxMemoryGrowth
        self.clock = clock
    }

    /// The defaults.
    public static let `default` = HostileBounds()

    /// The same memory bound with 30 times the time (debug builds run Swift 10-50x slower).
    public var scaledForDebug: HostileBounds { HostileBounds(maxSeconds: maxSeconds * 30, maxMemoryGrowth: maxMemoryGrowth, clock: clock) }
}

/// What became of one hostile message.
public struct HostileOutcome: Sendable {
    public enum Result: Sendable, Hashable {
        /// A verdict with this score.
        case verdict(score: Int)
        /// A typed error: its type and code, e.g. `MessageParseError.headerTooLarge`.
        case error(kind: String)
    }

    /// The mutant's number, or -1 for a mailbox case.
    public var number: Int
    /// The mutations (or the mailbox case's name).
    public var kind: String
    /// Bytes given to the engine (or of the mailbox file).
    public var bytes: Int
    public var result: Result
    /// Wall seconds.
    public var seconds: Double
    /// The scoring thread's CPU seconds.
    public var cpuSeconds: Double
    public var memoryGrowth: Int

    /// The time `clock` measures.
    public func time(_ clock: HostileBounds.Clock) -> Double { clock == .cpu ? cpuSeconds : seconds }

    /// Whether the time or the memory went over `bounds`.
    public func violates(_ bounds: HostileBounds) -> Bool {
        time(bounds.clock) > bounds.maxSeconds || memoryGrowth > bounds.maxMemoryGrowth
    }

    /// One line for logs: number, kind, size, result, time, growth.
    public var line: String {
        let what: String
        switch result {
        case .verdict(let score): what = "verdict \(score)"
        case .error(let kind): what = "error \(kind)"
        }
        return "mutant \(number) [\(kind)] \(bytes) bytes: \(what) in \(Int(seconds * 1000)) ms wall, \(Int(cpuSeconds * 1000)) ms CPU, +\(memoryGrowth >> 20) MiB"
    }
}
