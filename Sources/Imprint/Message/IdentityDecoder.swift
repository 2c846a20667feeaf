import Glibc

/// The "decoder" for 7bit, 8bit and binary parts (RFC 2045 §6.2): bytes pass through, with line
/// breaks made canonical CRLF (a bare LF becomes CRLF, CRLF and bare CR stay), so a part reads the
/// same from an LF-only file and from the SMTP wire.
///
/// `init()` / `update(_:)` / `finalize()`; the output stops at `limit` bytes (`isTruncated` is set).
/// Line feeds are found with `memchr`; the runs between them are appended in bulk.
public struct IdentityDecoder: Sendable {
    private var lastWasCR = false
    private var output: [UInt8] = []
    /// The most bytes kept.
    public let limit: Int
    /// Whether output past `limit` was dropped.
    public private(set) var isTruncated = false

    public init(limit: Int = .max, expectedInputCount: Int = 0) {
        self.limit = limit
        output.reserveCapacity(min(limit, expectedInputCount))
    }

    /// Like `init(limit:expectedInputCount:)`, decoding into `buffer`'s storage (taken, emptied,
    /// its capacity kept; `finalize()` returns it): a caller that decodes part after part
    /// reuses one buffer.
    public init(limit: Int = .max, expectedInputCount: Int = 0, reusing buffer: inout [UInt8]) {
        self.limit = limit
        swap(&output, &buffer)
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(min(limit, expectedInputCount))
    }

    /// Passes the next chunk through; runs between line feeds are appended in bulk.
    public mutating func update(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard !isTruncated, let base = chunk.baseAddress else { return }
        var runStart = 0
        var position = 0
        while position < chunk.count, let found = memchr(base + position, 0x0A, chunk.count - position) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let precededByCR = index > 0 ? base[index - 1] == 0x0D : lastWasCR
            if !precededByCR {
                append(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
                append(0x0D)
                runStart = index
            }
            position = index + 1
        }
        append(UnsafeBufferPointer(start: base + runStart, count: chunk.count - runStart))
        if chunk.count > 0 { lastWasCR = base[chunk.count - 1] == 0x0D }
    }

    /// Convenience for arrays and slices.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update($0) }) { return done }
        let copy = Array(bytes)
        copy.withUnsafeBufferPointer { update($0) }
    }

    /// Ends the input and returns the bytes.
    public mutating func finalize() -> [UInt8] { output }

    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        let room = limit - output.count
        if run.count <= room {
            output.append(contentsOf: run)
        } else {
            output.append(contentsOf: run.prefix(max(0, room)))
            isTruncated = true
        }
    }

    private mutating func append(_ byte: UInt8) {
        if output.count < limit { output.append(byte) } else { isTruncated = true }
    }
}
