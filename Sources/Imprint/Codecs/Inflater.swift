import CZlib

/// Inflates zlib, gzip or raw-deflate data through the system zlib, with a hard bound on output.
///
/// The `z_stream` lives at a stable heap address owned by this class for its whole life,
/// as zlib requires. One inflater handles one stream; make a new one per stream.
public final class Inflater {
    /// The container around the deflate data.
    public enum Format: Sendable {
        /// RFC 1950 zlib header and Adler-32 trailer (PNG `IDAT`).
        case zlib
        /// RFC 1952 gzip member (`.mbox.gz`).
        case gzip
        /// RFC 1951 deflate with no header.
        case raw

        var windowBits: Int32 {
            switch self {
            case .zlib: return 15
            case .gzip: return 16 + 15
            case .raw: return -15
            }
        }
    }

    private let stream: UnsafeMutablePointer<z_stream>

    /// Sets up a stream.
    /// - Throws: `InflateError` with code `initializationFailed` when zlib refuses.
    public init(format: Format) throws(InflateError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = imprint_inflate_init2(stream, format.windowBits)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .initializationFailed(status)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates one whole stream.
    /// - Parameters:
    ///   - input: the compressed bytes; bytes after the end of the stream are ignored.
    ///   - maxOutput: the most bytes the result may hold; more is an error, detected before
    ///     more than `maxOutput` + 64 KiB is ever allocated.
    /// - Returns: the inflated bytes.
    /// - Throws: `InflateError` (`corrupt`, `truncated`, `outputLimitExceeded`).
    public func inflate(_ input: UnsafeRawBufferPointer, maxOutput: Int) throws(InflateError) -> [UInt8] {
        var output: [UInt8] = []
        let chunk = 64 * 1024
        var scratch = [UInt8](repeating: 0, count: chunk)
        guard let inputCount = UInt32(exactly: input.count) else {
            throw .corrupt("input of \(input.count) bytes is over zlib's 4 GiB window")
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = inputCount
        while true {
            let status: Int32 = scratch.withUnsafeMutableBufferPointer { buffer in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = UInt32(chunk)
                return CZlib.inflate(stream, Z_NO_FLUSH)
            }
            let produced = chunk - Int(stream.pointee.avail_out)
            guard output.count + produced <= maxOutput else { throw .outputLimitExceeded(limit: maxOutput) }
            output.append(contentsOf: scratch[0..<produced])
            switch status {
            case Z_STREAM_END:
                return output
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress is possible: the input ended before the stream did.
                throw .truncated()
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
                throw .corrupt(message)
            }
        }
    }

    /// Inflates one whole stream straight into a caller-owned buffer, with no copy.
    ///
    /// The stream must fit: output past `output.count` is `outputLimitExceeded` (the stream is
    /// probed with a few scratch bytes after the buffer fills, to tell "ends exactly here" from
    /// "would go on"). PNG uses this with the exact size the header declares.
    /// - Returns: the bytes written; fewer than `output.count` when the stream ends early.
    /// - Throws: `InflateError` (`corrupt`, `truncated`, `outputLimitExceeded`).
    public func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(InflateError) -> Int {
        guard let inputCount = UInt32(exactly: input.count), let outputCount = UInt32(exactly: output.count) else {
            throw .corrupt("buffers over zlib's 4 GiB window")
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = inputCount
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = outputCount
        var probe: (UInt64, UInt64) = (0, 0)
        var probing = false
        while true {
            if !probing && stream.pointee.avail_out == 0 { probing = true }
            let status: Int32
            if probing {
                var produced = false
                status = withUnsafeMutableBytes(of: &probe) { scratch in
                    stream.pointee.next_out = scratch.baseAddress?.assumingMemoryBound(to: UInt8.self)
                    stream.pointee.avail_out = UInt32(scratch.count)
                    let status = CZlib.inflate(stream, Z_NO_FLUSH)
                    produced = stream.pointee.avail_out != UInt32(scratch.count)
                    return status
                }
                if produced { throw .outputLimitExceeded(limit: output.count) }
            } else {
                status = CZlib.inflate(stream, Z_NO_FLUSH)
            }
            switch status {
            case Z_STREAM_END:
                return probing ? output.count : output.count - Int(stream.pointee.avail_out)
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                throw .truncated()
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
                throw .corrupt(message)
            }
        }
    }

    /// Inflates one whole stream held in an array.
    public func inflate(_ input: [UInt8], maxOutput: Int) throws(InflateError) -> [UInt8] {
        let result = input.withUnsafeBytes { raw in
            Result { () throws(InflateError) -> [UInt8] in try inflate(raw, maxOutput: maxOutput) }
        }
        return try result.get()
    }
}

/// CRC-32 (ISO 3309, the one PNG, gzip and the cartridge files use), from zlib.
public enum CRC32 {
    /// The CRC-32 of `bytes`, continuing from `initial` (0 to start).
    public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing initial: UInt32 = 0) -> UInt32 {
        var crc = UInt(initial)
        var rest = bytes
        while let base = rest.baseAddress, rest.count > 0 {
            let take = min(rest.count, Int(UInt32.max))
            crc = CZlib.crc32(crc, base.assumingMemoryBound(to: UInt8.self), UInt32(take))
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// The CRC-32 of an array.
    public static func checksum(_ bytes: [UInt8], continuing initial: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, continuing: initial) }
    }
}
