#if canImport(Glibc)
import Glibc
#endif

/// Something a cartridge refused, and what it serves instead: a file that failed
/// verification (truncated, bit-flipped, foreign, of a future format version) or an update
/// that could not be applied.
public struct CartridgeEvent: Sendable, CustomStringConvertible {
    /// The file refused (the directory's `states/viable`, a state, an update, a `.mu` given to
    /// `apply(contentsOf:)`).
    public var path: String
    /// Why: the error's description (`CartridgeError` or `ConfigurationError`).
    public var reason: String
    /// What the cartridge serves now, e.g. `still serving 2.1.3.7`.
    public var outcome: String

    public init(path: String, reason: String, outcome: String) {
        self.path = path
        self.reason = reason
        self.outcome = outcome
    }

    /// `cartridge: refused <path>: <reason>; <outcome>`.
    public var description: String { "cartridge: refused \(path): \(reason); \(outcome)" }
}

/// Where a `Cartridge` reports its `CartridgeEvent`s: one line each on standard error by
/// default (`standardError`), or any sink (a logger, a test's collector).
public struct CartridgeEventLog: Sendable {
    private let sink: @Sendable (CartridgeEvent) -> Void

    public init(_ sink: @escaping @Sendable (CartridgeEvent) -> Void) { self.sink = sink }

    /// Reports one event.
    public func record(_ event: CartridgeEvent) { sink(event) }

    /// One line per event on standard error, written with a single `write(2)`.
    public static let standardError = CartridgeEventLog { event in
        var line = "imprint: " + event.description + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    /// Discards events (for callers that report the error themselves, as `verify` does).
    public static let silent = CartridgeEventLog { _ in }
}
