import Dispatch

/// Maps `0..<count` on up to `threads` threads; the result is in index order, the same
/// whatever the thread count (each slot is written by exactly one iteration).
public func parallelMap<T: Sendable>(_ count: Int, threads: Int = ParallelMap.defaultThreads,
                                     _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let slots = ParallelMap.Slots<T>(count: count)
    let workers = max(1, min(threads, count))
    let chunk = (count + workers - 1) / workers
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let start = worker * chunk
        let end = min(count, start + chunk)
        guard start < end else { return }
        for index in start..<end { slots.set(index, body(index)) }
    }
    return slots.values()
}

public enum ParallelMap {
    /// The machine's active processor count.
    public static let defaultThreads = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// Result slots, each written once by one worker, read after all workers joined.
    final class Slots<T: Sendable>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<T?>
        private let count: Int
        init(count: Int) {
            self.count = count
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }
        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }
        func set(_ index: Int, _ value: T) { storage[index] = value }
        func values() -> [T] { (0..<count).map { storage[$0]! } }
    }
}

#if canImport(Glibc)
import Glibc
#endif
