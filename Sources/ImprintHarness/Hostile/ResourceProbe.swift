import Foundation

/// The process's resident memory as Linux reports it in `/proc/self/status`, and a way to
/// measure the peak of one piece of work: `resetPeak()` writes `5` to `/proc/self/clear_refs`
/// (Linux 4.0+, proc(5)), which sets the peak (`VmHWM`) back to the current resident set, so
/// `peak() - resident()` measured around one message is that message's peak growth.
///
/// Where there is no `/proc` (or the reset is refused) the figures are 0 and
/// `canResetPeak` is false: per-message peaks then fall back to the whole run's peak.
public enum ResourceProbe {
    /// `VmRSS` in bytes: what is resident now.
    public static func resident() -> Int { field("VmRSS:") }

    /// `VmHWM` in bytes: the peak resident set since the process started or the last reset.
    public static func peak() -> Int { field("VmHWM:") }

    /// Sets the peak back to the current resident set. Returns whether the kernel accepted it.
    @discardableResult
    public static func resetPeak() -> Bool {
        let descriptor = open("/proc/self/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var five: UInt8 = 0x35
        return write(descriptor, &five, 1) == 1
    }

    /// Whether `resetPeak()` works here (checked once).
    public static let canResetPeak: Bool = resetPeak()

    /// A `kB` field of /proc/self/status, in bytes; 0 when absent. Reads with `read(2)` into a
    /// stack-sized buffer so that probing allocates next to nothing.
    static func field(_ name: StaticString) -> Int {
        let descriptor = open("/proc/self/status", O_RDONLY)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        let key = name.withUTF8Buffer { Array($0) }
        var index = 0
        while index < count {
            var end = index
            while end < count && buffer[end] != 0x0A { end += 1 }
            if end - index > key.count && buffer[index..<index + key.count].elementsEqual(key) {
                var value = 0
                for byte in buffer[(index + key.count)..<end] where (0x30...0x39).contains(byte) {
                    value = value * 10 + Int(byte - 0x30)
                }
                return value * 1024
            }
            index = end + 1
        }
        return 0
    }
}
