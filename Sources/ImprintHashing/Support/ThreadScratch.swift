#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reusable working buffers of one pipeline stage, one instance a thread: a stage borrows its
/// thread's instance for one message (`withThreadScratch`), so its temporary arrays keep their
/// capacity from message to message instead of being allocated and freed each time.
///
/// A borrowed instance is taken out of its slot while in use, so a nested or re-entrant call
/// of the same stage gets a fresh one and never shares buffers; a synchronous call cannot
/// suspend, so the instance never crosses threads while borrowed.
package protocol ThreadScratch: AnyObject {
    init()
    /// The thread-local slot of this scratch type (one `static let` in each conforming class).
    static var threadSlot: ThreadScratchSlot { get }
    /// Empties the buffers for the next message and drops any grown beyond
    /// `ThreadScratchSlot.retainedBytesLimit`, so one huge message does not pin its memory for
    /// the life of the thread.
    func reset()
}

extension ThreadScratch {
    /// Runs `body` with this thread's instance (created on first use), reset afterwards.
    @inline(__always)
    package static func withThreadScratch<Result, Failure: Error>(_ body: (Self) throws(Failure) -> Result) throws(Failure) -> Result {
        let slot = threadSlot
        let scratch = slot.take(Self.self) ?? Self()
        defer {
            scratch.reset()
            slot.put(scratch)
        }
        return try body(scratch)
    }
}

/// A pthread key that holds one retained scratch instance a thread, released when the thread
/// exits.
@usableFromInline
package final class ThreadScratchSlot: Sendable {
    /// The most bytes a buffer may keep between messages; larger ones are dropped by `reset()`.
    @usableFromInline
    package static let retainedBytesLimit = 1 << 20

    private let key: pthread_key_t

    package init() {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, releaseThreadScratch)
        precondition(status == 0, "pthread_key_create failed (\(status)): too many thread-local keys")
        self.key = key
    }

    @inline(__always)
    func take<Scratch: AnyObject>(_ type: Scratch.Type) -> Scratch? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        pthread_setspecific(key, nil)
        return Unmanaged<Scratch>.fromOpaque(pointer).takeRetainedValue()
    }

    @inline(__always)
    func put<Scratch: AnyObject>(_ scratch: Scratch) {
        pthread_setspecific(key, Unmanaged.passRetained(scratch).toOpaque())
    }
}

#if canImport(Darwin)
private func releaseThreadScratch(_ pointer: UnsafeMutableRawPointer) {
    Unmanaged<AnyObject>.fromOpaque(pointer).release()
}
#else
private func releaseThreadScratch(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    Unmanaged<AnyObject>.fromOpaque(pointer).release()
}
#endif
