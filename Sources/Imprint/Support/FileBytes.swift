import Glibc

/// Reads a whole regular file into memory with one bounded allocation.
public enum FileBytes {
    /// Files larger than this are refused (default 1 GiB).
    public static let maxFileSize = 1 << 30

    /// The bytes of the regular file at `path`.
    /// - Parameter maxSize: the largest size accepted.
    /// - Throws: `FileReadError` (`notFound`, `isDirectory`, `unreadable`, `tooLarge`).
    public static func read(_ path: String, maxSize: Int = FileBytes.maxFileSize) throws(FileReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw .make(code == ENOENT ? .notFound : .unreadable, path, String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .make(.unreadable, path, String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .make(.isDirectory, path, "Is a directory")
        }
        let declared = Int(info.st_size)
        guard declared <= maxSize else {
            throw .make(.tooLarge, path, "\(declared) bytes is over the limit of \(maxSize)")
        }
        var bytes = [UInt8](repeating: 0, count: declared)
        var filled = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            while filled < declared {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, declared - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { break }
                filled += count
            }
        }
        guard failure == 0 else { throw .make(.unreadable, path, String(cString: strerror(failure))) }
        if filled < declared { bytes.removeLast(declared - filled) }
        // Special files (pipes, /proc) may report size 0: read on until the end.
        if declared == 0 {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw .make(.unreadable, path, String(cString: strerror(errno))) }
                if count == 0 { break }
                guard bytes.count + count <= maxSize else {
                    throw .make(.tooLarge, path, "over the limit of \(maxSize) bytes")
                }
                bytes.append(contentsOf: chunk[0..<count])
            }
        }
        return bytes
    }
}
