/// One labelled message of a corpus, located but not yet read.
public struct CorpusEntry: Sendable, Hashable {
    /// Where its bytes are.
    public enum Source: Sendable, Hashable {
        /// A file holding one message.
        case file(path: String)
        /// A byte range of a mailbox the corpus holds in memory (`Corpus.mailboxes`).
        case mailboxMessage(mailbox: Int, range: Range<Int>)
    }

    /// A stable name: the file path, or `MBOX#N` for the N-th (1-based) message of a mailbox.
    public let id: String
    public let label: CorpusLabel
    public let source: Source
    /// Which of the corpus's specs it came from.
    public let specIndex: Int
}

/// A mailbox split into messages. Each message begins at a `From ` line at the start of a line
/// (mboxo/mboxrd); the `From ` line stays with its message, as the message parser tolerates it.
enum MailboxSplitter {
    /// The byte ranges of the messages of `bytes`, in order. Bytes before the first `From `
    /// line, if any, form a message of their own when they are not just white space.
    static func messageRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var starts: [Int] = []
        let from: [UInt8] = Array("From ".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            let count = buffer.count
            while lineStart < count {
                if count - lineStart >= 5, buffer[lineStart] == from[0], buffer[lineStart + 1] == from[1],
                   buffer[lineStart + 2] == from[2], buffer[lineStart + 3] == from[3], buffer[lineStart + 4] == from[4] {
                    starts.append(lineStart)
                }
                var next = lineStart
                while next < count, buffer[next] != UInt8(ascii: "\n") { next += 1 }
                lineStart = next + 1
            }
        }
        var ranges: [Range<Int>] = []
        if let first = starts.first, first > 0,
           bytes[0..<first].contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
            ranges.append(0..<first)
        } else if starts.isEmpty, bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
            ranges.append(0..<bytes.count)
        }
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : bytes.count
            ranges.append(start..<end)
        }
        return ranges
    }
}
