import CZlib

/// Compresses bytes into one zlib, gzip or raw-deflate stream through the system zlib
/// (cartridge sections, test data). The `z_stream` lives at a stable heap address.
public enum Deflater {
    /// The compressed form of `input`.
    /// - Parameters:
    ///   - format: the container, as for `Inflater`.
    ///   - level: 0 (store) to 9 (smallest); 6 is zlib's default.
    public static func compress(_ input: [UInt8], format: Inflater.Format = .zlib, level: Int32 = 6) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        guard imprint_deflate_init2(stream, level, format.windowBits) == Z_OK else {
            preconditionFailure("deflateInit2 refused valid parameters")
        }
        let bound = Int(deflateBound(stream, UInt(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let written: Int = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = UInt32(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = UInt32(target.count)
                let status = deflate(stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflateBound leaves room for the whole stream")
                return target.count - Int(stream.pointee.avail_out)
            }
        }
        output.removeLast(bound - written)
        return output
    }
}
