/// A growable byte buffer with manually managed storage, for the per-byte output loops of the
/// normalizer: appending is one capacity compare and a store, without `Array`'s uniqueness
/// check. Not copyable in spirit: the owner calls `release()` exactly once (a per-thread
/// scratch owns one across messages and calls `removeAll(retainingAtMost:)` between them).
struct ByteScratch {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: capacity * 2) }
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeRawBufferPointer) {
        append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > capacity { grow(to: max(capacity * 2, count + bytes.count)) }
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count &+= bytes.count
    }

    mutating func append(contentsOf text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func grow(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    var isEmpty: Bool { count == 0 }
    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    @inline(__always)
    subscript(index: Int) -> UInt8 { base[index] }

    mutating func removeLast() { count -= 1 }
    /// Keeps the first `newCount` bytes (at most `count`).
    mutating func truncate(to newCount: Int) { count = min(count, max(0, newCount)) }
    mutating func removeAll() { count = 0 }

    /// Empties the buffer, and replaces its storage with a small one when it grew beyond
    /// `limit` bytes (so one huge message does not pin its memory).
    mutating func removeAll(retainingAtMost limit: Int) {
        count = 0
        guard capacity > limit else { return }
        base.deallocate()
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    /// The bytes in `range`.
    func buffer(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    func release() { base.deallocate() }
}
