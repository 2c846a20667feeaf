import Glibc

/// A zero-copy view of some bytes of a message: it shares the caller's array storage and, in
/// wire form, skips the stuffing dots (RFC 5321 §4.5.2) while it is read, so un-stuffing never
/// makes a copy of the body.
///
/// A view always starts at the start of a line (part bodies, preambles and header blocks do), so
/// in wire form a `.` at the start of any line inside it is a stuffing dot.
public struct MessageBytes: Sendable, Sequence {
    /// The whole buffer the message was parsed from (shared, never copied).
    public let storage: [UInt8]
    /// The bytes of `storage` this view covers, as stored (stuffed in wire form).
    public let range: Range<Int>
    /// Whether a `.` at the start of a line is a stuffing dot to skip (wire form).
    public let isStuffed: Bool

    public init(storage: [UInt8], range: Range<Int>, isStuffed: Bool) {
        self.storage = storage
        self.range = range
        self.isStuffed = isStuffed
    }

    /// The raw bytes, as stored (still stuffed in wire form): a slice, no copy.
    public var raw: ArraySlice<UInt8> { storage[range] }

    /// Whether the view holds no bytes.
    public var isEmpty: Bool { range.isEmpty }

    /// Calls `body` with each contiguous run of un-stuffed bytes, in order. In rendered form that
    /// is one call for the whole view; in wire form the runs are split at stuffing dots only.
    ///
    /// - Complexity: O(n), one `memchr` per line in wire form.
    public func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        storage.withUnsafeBufferPointer { buffer in
            let end = range.upperBound
            var start = range.lowerBound
            guard start < end, let base = buffer.baseAddress else { return }
            guard isStuffed else {
                body(UnsafeBufferPointer(start: base + start, count: end - start))
                return
            }
            if base[start] == UInt8(ascii: ".") { start += 1 }
            var position = start
            while position < end {
                guard let found = memchr(base + position, 0x0A, end - position) else { break }
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if newline + 1 < end, base[newline + 1] == UInt8(ascii: ".") {
                    body(UnsafeBufferPointer(start: base + start, count: newline + 1 - start))
                    start = newline + 2
                }
                position = newline + 1
            }
            if start < end { body(UnsafeBufferPointer(start: base + start, count: end - start)) }
        }
    }

    /// The number of un-stuffed bytes. - Complexity: O(n) in wire form, O(1) in rendered form.
    public var count: Int {
        guard isStuffed else { return range.count }
        var total = 0
        forEachChunk { total += $0.count }
        return total
    }

    /// A copy of the un-stuffed bytes (allocates: for callers that need an array).
    public func copyBytes() -> [UInt8] {
        guard isStuffed else { return Array(storage[range]) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        forEachChunk { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Whether the un-stuffed bytes equal those of `other` (no copy of either).
    public func elementsEqual(_ other: MessageBytes) -> Bool {
        var left = makeIterator()
        var right = other.makeIterator()
        while true {
            let a = left.next(), b = right.next()
            if a != b { return false }
            if a == nil { return true }
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(storage: storage, position: range.lowerBound, end: range.upperBound, isStuffed: isStuffed)
    }

    /// Reads un-stuffed bytes one at a time, skipping the stuffing dot at the start of each line.
    public struct Iterator: IteratorProtocol, Sendable {
        let storage: [UInt8]
        var position: Int
        let end: Int
        let isStuffed: Bool
        var atLineStart = true

        init(storage: [UInt8], position: Int, end: Int, isStuffed: Bool) {
            self.storage = storage
            self.position = position
            self.end = end
            self.isStuffed = isStuffed
        }

        public mutating func next() -> UInt8? {
            guard position < end else { return nil }
            if isStuffed, atLineStart, storage[position] == UInt8(ascii: ".") {
                position += 1
                guard position < end else { return nil }
            }
            let byte = storage[position]
            position += 1
            atLineStart = byte == 0x0A
            return byte
        }
    }
}
