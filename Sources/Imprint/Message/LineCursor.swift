import Glibc

/// One line of a message: `start..<contentEnd` is its content (after any stuffing dot, before
/// CR LF or LF), `rawStart` where it begins in the buffer, `next` where the next line begins.
struct Line {
    var rawStart: Int
    var start: Int
    var contentEnd: Int
    var next: Int

    var isEmpty: Bool { start == contentEnd }
}

/// Walks the lines of a buffer, LF or CRLF, in linear time (one `memchr` a line). In wire form
/// it skips stuffing dots and stops at the terminating `.` line.
struct LineCursor {
    let base: UnsafePointer<UInt8>
    /// Where reading stops (the end of the buffer, the terminator, or the body-length bound).
    var end: Int
    var position: Int
    let isStuffed: Bool
    let maxLineLength: Int
    /// Set when a wire-form terminator line was met; the offset of its first byte.
    private(set) var terminator: Int?
    private(set) var sawOverlongLine = false

    init(buffer: UnsafeBufferPointer<UInt8>, isStuffed: Bool, maxLineLength: Int) {
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = buffer.count
        position = 0
        self.isStuffed = isStuffed
        self.maxLineLength = maxLineLength
    }

    /// The line at the current position, without consuming it; nil at the end.
    mutating func peek() -> Line? {
        guard position < end else { return nil }
        var start = position
        let newline: Int
        if let found = memchr(base + position, 0x0A, end - position) {
            newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        } else {
            newline = end
        }
        let next = newline < end ? newline + 1 : end
        var contentEnd = newline
        if contentEnd > start, contentEnd < end, base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        if isStuffed, base[start] == UInt8(ascii: ".") {
            if contentEnd == start + 1 {
                // The terminator: the data ends before this line.
                terminator = start
                end = start
                return nil
            }
            start += 1
        }
        if contentEnd - start > maxLineLength { sawOverlongLine = true }
        return Line(rawStart: position, start: start, contentEnd: contentEnd, next: next)
    }

    /// Consumes and returns the current line.
    mutating func next() -> Line? {
        guard let line = peek() else { return nil }
        position = line.next
        return line
    }

    /// Whether the bytes at `offset..<offset+count` equal `literal` exactly.
    func hasPrefix(_ literal: StaticString, at offset: Int, before limit: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard limit - offset >= count else { return false }
        let text = literal.utf8Start
        for index in 0..<count where base[offset + index] != text[index] {
            return false
        }
        return true
    }
}
