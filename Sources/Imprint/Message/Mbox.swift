import Glibc

/// Splits an mbox file (RFC 4155) into its messages: each begins with a `From ` line at the start
/// of the file or after an empty line. The `From ` line stays with its message (the parser
/// skips it); quoting (`>From `) is left as is.
public enum Mbox {
    /// The byte ranges of the messages in `bytes`, in order. - Complexity: O(n).
    public static func messageRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var starts: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var lineStart = 0
            var previousEmpty = true
            while lineStart < count {
                let newline: Int
                if let found = memchr(base + lineStart, 0x0A, count - lineStart) {
                    newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    newline = count
                }
                if previousEmpty, newline - lineStart >= 5, memcmp(base + lineStart, "From ", 5) == 0 {
                    starts.append(lineStart)
                }
                var contentEnd = newline
                if contentEnd > lineStart, base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                previousEmpty = contentEnd == lineStart
                lineStart = newline + 1
            }
        }
        if starts.first != 0, !bytes.isEmpty { starts.insert(0, at: 0) }
        return starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : bytes.count)
        }
    }
}
