#if canImport(Glibc)
import Glibc
#endif
import ImprintHarness

/// Hands the harness the allocation counter of `scripts/alloccount/alloccount.c` when that
/// library is preloaded (`scripts/alloccount/replay.sh`), found by name with `dlsym`. The
/// executable itself never replaces the allocator: without the library the wire-versus-rendered
/// table says the allocations were not measured.
enum AllocationCounter {
    private typealias Count = @convention(c) () -> UInt64

    /// Installs the counter when the library is loaded; whether it is.
    @discardableResult
    static func install() -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "imprint_allocation_count") else { return false }
        let count = unsafeBitCast(symbol, to: Count.self)
        AllocationCounting.install { Int(count()) }
        return true
    }
}
