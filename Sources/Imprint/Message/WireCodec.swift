/// Streaming conversion from the rendered form to the SMTP wire form (RFC 5321 §4.5.2):
/// line breaks made CRLF, a `.` doubled at the start of each line, and `CRLF.CRLF` at the end.
///
/// `init()` / `update(_:)` / `finalize()`; `MessageRendering.wire(rendered:)` is the one-shot
/// (it also drops a leading mbox `From ` line).
public struct WireEncoder: Sendable {
    private var output: [UInt8] = []
    private var atLineStart = true
    private var lastWasCR = false

    public init(expectedInputCount: Int = 0) {
        output.reserveCapacity(expectedInputCount + expectedInputCount / 32 + 8)
    }

    /// Encodes the next chunk of rendered bytes.
    public mutating func update(_ chunk: some Collection<UInt8>) {
        for byte in chunk {
            if byte == 0x0A {
                if !lastWasCR { output.append(0x0D) }
                output.append(0x0A)
                atLineStart = true
                lastWasCR = false
                continue
            }
            if atLineStart, byte == UInt8(ascii: ".") { output.append(byte) }
            output.append(byte)
            atLineStart = false
            lastWasCR = byte == 0x0D
        }
    }

    /// Ends the message: a final line break if missing, then the terminator `.` CRLF.
    public mutating func finalize() -> [UInt8] {
        if !atLineStart {
            if !lastWasCR { output.append(0x0D) }
            output.append(0x0A)
        }
        output += [UInt8(ascii: "."), 0x0D, 0x0A]
        atLineStart = true
        lastWasCR = false
        return output
    }
}

/// Streaming un-stuffing of the SMTP wire form (RFC 5321 §4.5.2): the stuffing dot at the start
/// of a line is dropped, and the data ends at a line holding only `.` (CRLF, LF or the end of
/// input); bytes after it are counted, not kept. Agrees byte for byte with `MessageBytes`'s lazy
/// reader over a `Message(wire:)`.
public struct WireDecoder: Sendable {
    private enum State: Sendable { case lineStart, middle, dot, dotCR, done }
    private var state = State.lineStart
    private var output: [UInt8] = []
    /// Whether the terminator line was seen.
    public var isTerminated: Bool { state == .done }
    /// Bytes seen after the terminator line.
    public private(set) var trailingByteCount = 0

    public init(expectedInputCount: Int = 0) { output.reserveCapacity(expectedInputCount) }

    /// Un-stuffs the next chunk of wire bytes.
    public mutating func update(_ chunk: some Collection<UInt8>) {
        for byte in chunk { consume(byte) }
    }

    /// Ends the input and returns the message bytes (rendered form, CRLF lines).
    public mutating func finalize() -> [UInt8] {
        switch state {
        case .dot: state = .done
        case .dotCR: output.append(0x0D); state = .middle
        default: break
        }
        return output
    }

    private mutating func consume(_ byte: UInt8) {
        switch state {
        case .done:
            trailingByteCount += 1
        case .lineStart:
            if byte == UInt8(ascii: ".") { state = .dot } else { plain(byte) }
        case .middle:
            plain(byte)
        case .dot:
            if byte == 0x0D { state = .dotCR } else if byte == 0x0A { state = .done } else { plain(byte) }
        case .dotCR:
            if byte == 0x0A {
                state = .done
            } else {
                output.append(0x0D)
                state = .middle
                consume(byte)
            }
        }
    }

    @inline(__always)
    private mutating func plain(_ byte: UInt8) {
        output.append(byte)
        state = byte == 0x0A ? .lineStart : .middle
    }
}
