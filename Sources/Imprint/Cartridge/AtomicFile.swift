import Glibc

/// Whole-file reads and crash-safe replacing writes.
///
/// `write` follows the classic protocol: write `path.tmp`, `fsync` it, `rename` it over
/// `path`, then `fsync` the directory so the rename itself is durable. A crash at any point
/// leaves either the old file or the new one at `path`, never a torn one.
enum AtomicFile {
    static func read(_ path: String) throws(CartridgeError) -> [UInt8] {
        do {
            return try FileBytes.read(path)
        } catch {
            throw .make(.io, error.reason, path: path)
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws(CartridgeError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("open", temporary) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let error = failure("write", temporary)
                close(descriptor)
                throw error
            }
            written += count
        }
        guard fsync(descriptor) == 0 else {
            let error = failure("fsync", temporary)
            close(descriptor)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else { throw failure("rename", path) }
        try syncDirectory(of: path)
    }

    /// `fsync` of the directory holding `path`, so that a rename or unlink in it is durable.
    static func syncDirectory(of path: String) throws(CartridgeError) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", directory) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("fsync", directory) }
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func makeDirectory(_ path: String) throws(CartridgeError) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure("mkdir", path) }
    }

    static func remove(_ path: String) { unlink(path) }

    /// The names in a directory (without `.` and `..`), or nil when it cannot be listed.
    static func list(_ path: String) -> [String]? {
        guard let handle = opendir(path) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// The size of the file at `path`, or nil.
    static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    @inline(never)
    static func failure(_ operation: String, _ path: String) -> CartridgeError {
        .make(.io, "\(operation): \(String(cString: strerror(errno)))", path: path)
    }
}
