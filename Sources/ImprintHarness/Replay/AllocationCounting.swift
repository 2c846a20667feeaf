import Synchronization

/// Where the harness reads a process-wide count of heap allocations, when the program that
/// runs it can count them: `imprint` installs the counter of the preloaded
/// `scripts/alloccount/alloccount.c` (every `malloc`, `calloc`, `realloc`, `posix_memalign`,
/// `aligned_alloc` and `memalign` call) when it is there; without an installed counter the
/// figures read "not measured" (-1).
///
/// glibc offers no call counter of its own: `mallinfo2()` reports bytes in use and arena
/// sizes, whose deltas are not allocation counts (a free followed by a malloc of the same size
/// leaves them unchanged).
public enum AllocationCounting {
    private static let counter = Mutex<(@Sendable () -> Int)?>(nil)

    /// Installs the function that reads the running allocation count.
    public static func install(_ read: @escaping @Sendable () -> Int) {
        counter.withLock { $0 = read }
    }

    /// The allocations so far, or nil when no counter is installed.
    static func current() -> Int? {
        counter.withLock { $0 }?()
    }

    /// The allocations `body` makes (with anything else the process does meanwhile: call it
    /// when nothing else runs), or -1 when no counter is installed.
    static func counting<T>(_ body: () -> T) -> (result: T, allocations: Int) {
        let before = current()
        let result = body()
        guard let before, let after = current() else { return (result, -1) }
        return (result, after - before)
    }
}
