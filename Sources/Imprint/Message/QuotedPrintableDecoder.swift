/// A streaming quoted-printable decoder (RFC 2045 §6.7), tolerant as RFC 2045 asks:
/// `=XX` (either case) decodes, `=` at the end of a line (trailing whitespace allowed) is a soft
/// line break, a bad escape such as `=G1` or a lone `=` is kept literally, whitespace at the end of
/// a line is dropped, and hard line breaks (LF or CRLF) come out as CRLF.
///
/// `init()` / `update(_:)` / `finalize()`; the output stops at `limit` bytes (`isTruncated` is set).
public struct QuotedPrintableDecoder: Sendable {
    private enum State: Sendable { case text, equals, escape(UInt8), softBreak, carriageReturn }
    private var state = State.text
    /// Whitespace (after the `=` in `softBreak`) not yet known to be line-final.
    private var pending = PendingWhitespace()
    private var output: [UInt8] = []
    /// The most bytes kept.
    public let limit: Int
    /// Whether output past `limit` was dropped.
    public private(set) var isTruncated = false

    public init(limit: Int = .max, expectedInputCount: Int = 0) {
        self.limit = limit
        output.reserveCapacity(Self.expectedOutputCount(limit: limit, input: expectedInputCount))
    }

    /// Like `init(limit:expectedInputCount:)`, decoding into `buffer`'s storage (taken, emptied,
    /// its capacity kept; `finalize()` returns it): a caller that decodes part after part
    /// reuses one buffer.
    public init(limit: Int = .max, expectedInputCount: Int = 0, reusing buffer: inout [UInt8]) {
        self.limit = limit
        swap(&output, &buffer)
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(Self.expectedOutputCount(limit: limit, input: expectedInputCount))
    }

    /// Room for the input and one CR for every 16 bytes: a bare LF line break comes out as
    /// CRLF, so decoded text with LF endings outgrows its input (lines of QP are short).
    private static func expectedOutputCount(limit: Int, input: Int) -> Int {
        min(limit, input + input / 16 + 16)
    }

    /// Decodes the next chunk.
    public mutating func update(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard let base = chunk.baseAddress else { return }
        var index = 0
        while index < chunk.count, !isTruncated {
            // Fast path: a run of bytes that need no decision is appended in bulk.
            if case .text = state, pending.isEmpty {
                var end = index
                while end < chunk.count {
                    let byte = base[end]
                    if Self.isPlain(byte) { end += 1; continue }
                    // A space or tab followed by a plain byte is not line-final: pass it too.
                    if byte == 0x20 || byte == 0x09, end + 1 < chunk.count, Self.isPlain(base[end + 1]) { end += 2; continue }
                    break
                }
                if end > index {
                    let room = limit - output.count
                    output.append(contentsOf: UnsafeBufferPointer(start: base + index, count: min(room, end - index)))
                    if end - index > room { isTruncated = true; return }
                    index = end
                    continue
                }
            }
            consume(base[index])
            index += 1
        }
    }

    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: "=") && byte != 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0A
    }

    /// Convenience for arrays and slices.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        for byte in bytes {
            guard !isTruncated else { return }
            consume(byte)
        }
    }

    /// Ends the input; a dangling `=` or partial escape is kept literally.
    public mutating func finalize() -> [UInt8] {
        switch state {
        case .text: break
        case .equals: emit(UInt8(ascii: "="))
        case .escape(let high): emit(UInt8(ascii: "=")); emit(high)
        case .softBreak: break
        case .carriageReturn: emit(0x0D)
        }
        state = .text
        pending.removeAll()
        if output.count > limit { output.removeLast(output.count - limit); isTruncated = true }
        return output
    }

    /// One-shot decoding.
    public static func decode(_ bytes: some Collection<UInt8>, limit: Int = .max) -> [UInt8] {
        var decoder = QuotedPrintableDecoder(limit: limit, expectedInputCount: bytes.count)
        decoder.update(bytes)
        return decoder.finalize()
    }

    @inline(__always)
    private mutating func consume(_ byte: UInt8) {
        switch state {
        case .text:
            switch byte {
            case UInt8(ascii: "="): flushPending(); state = .equals
            case 0x20, 0x09: pending.append(isTab: byte == 0x09)
            case 0x0D: state = .carriageReturn
            case 0x0A: hardBreak()
            default: flushPending(); emit(byte)
            }
        case .equals:
            if Self.hexValue(byte) != nil {
                state = .escape(byte)
            } else if byte == 0x0A {
                pending.removeAll(); state = .text
            } else if byte == 0x0D || byte == 0x20 || byte == 0x09 {
                state = .softBreak
                if byte != 0x0D { pending.append(isTab: byte == 0x09) }
            } else {
                flushPending(); emit(UInt8(ascii: "=")); state = .text; consume(byte)
            }
        case .escape(let high):
            state = .text
            if let low = Self.hexValue(byte), let value = Self.hexValue(high) {
                flushPending(); emit(value << 4 | low)
            } else {
                flushPending(); emit(UInt8(ascii: "=")); emit(high); consume(byte)
            }
        case .softBreak:
            // After `=` then whitespace or CR: a soft break if only whitespace/CR precede the LF.
            if byte == 0x0A {
                pending.removeAll(); state = .text
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                if byte != 0x0D { pending.append(isTab: byte == 0x09) }
            } else {
                // Not a line end after all: keep `=` and the whitespace literally.
                state = .text
                emit(UInt8(ascii: "="))
                let run = pending
                run.forEach { emit($0) }
                pending.removeAll()
                consume(byte)
            }
        case .carriageReturn:
            if byte == 0x0A {
                state = .text; hardBreak()
            } else {
                flushPending(); emit(0x0D); state = .text; consume(byte)
            }
        }
    }

    private mutating func hardBreak() {
        pending.removeAll()
        emit(0x0D)
        emit(0x0A)
    }

    private mutating func flushPending() {
        guard !pending.isEmpty else { return }
        let run = pending
        run.forEach { emit($0) }
        pending.removeAll()
    }

    @inline(__always)
    private mutating func emit(_ byte: UInt8) {
        if output.count < limit { output.append(byte) } else { isTruncated = true }
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

/// A run of spaces and tabs: the first 64 as bits of one word (set for a tab), any further ones
/// in an array, so a line's trailing whitespace costs no allocation.
private struct PendingWhitespace: Sendable {
    private var tabs: UInt64 = 0
    private var inline = 0
    private var spilled: [UInt8] = []

    var isEmpty: Bool { inline == 0 }

    mutating func append(isTab: Bool) {
        guard inline < 64 else { return spilled.append(isTab ? 0x09 : 0x20) }
        if isTab { tabs |= 1 << UInt64(inline) }
        inline += 1
    }

    /// Calls `body` with each byte, in order.
    func forEach(_ body: (UInt8) -> Void) {
        for index in 0..<inline { body(tabs >> UInt64(index) & 1 == 1 ? 0x09 : 0x20) }
        for byte in spilled { body(byte) }
    }

    mutating func removeAll() {
        tabs = 0
        inline = 0
        if !spilled.isEmpty { spilled.removeAll(keepingCapacity: true) }
    }
}
