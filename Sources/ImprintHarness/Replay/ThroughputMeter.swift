import Foundation
import Histogram

/// Throughput of a replay's scoring: per-message latency in an HdrHistogram (Gil Tene's High
/// Dynamic Range Histogram, 3 significant digits), bytes, wall time, peak RSS.
struct ThroughputMeter {
    private var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    private(set) var messages = 0
    private(set) var bytes = 0

    mutating func record(_ message: ScoredMessage) {
        _ = histogram.record(max(1, message.latencyNanoseconds / 1000))
        messages += 1
        bytes += message.byteCount
    }

    /// The report's throughput section for `seconds` of wall time on `threads` threads.
    func throughput(seconds: Double, threads: Int) -> Report.Throughput {
        let latency: [String: Double] = messages == 0 ? ["p50": 0, "p90": 0, "p99": 0, "max": 0] : [
            "p50": Double(histogram.valueAtPercentile(50)), "p90": Double(histogram.valueAtPercentile(90)),
            "p99": Double(histogram.valueAtPercentile(99)), "max": Double(histogram.max),
        ]
        let wall = max(seconds, 1e-9)
        return Report.Throughput(messagesPerSecond: Double(messages) / wall,
                                 megabytesPerSecond: Double(bytes) / 1_000_000 / wall,
                                 latencyUs: latency, peakRssBytes: Self.peakResidentBytes(), threads: threads, seconds: seconds)
    }

    /// VmHWM of /proc/self/status (the peak resident set), 0 where there is no /proc.
    static func peakResidentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.dropFirst(6).filter(\.isNumber)
            return (Int(String(digits)) ?? 0) * 1024
        }
        return 0
    }
}
