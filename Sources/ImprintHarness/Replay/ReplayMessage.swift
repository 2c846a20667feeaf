import Imprint

/// One corpus message, read into memory for a replay.
public struct ReplayMessage: Sendable {
    /// Position in the corpus (order is kept).
    public var index: Int
    public var id: String
    public var label: CorpusLabel
    /// The message as stored (rendered form, maybe with an mbox `From ` line).
    public var bytes: [UInt8]
}

/// Reading a corpus for a replay: every entry read (in parallel, order kept); the ones that
/// cannot be read are counted by reason (`unreadable`, `too_large`), never dropped silently.
public enum ReplayInput {
    /// - Returns: the readable messages in corpus order and the error counts by reason.
    public static func load(_ corpus: Corpus, threads: Int, limit: Int? = nil) -> (messages: [ReplayMessage], errors: [String: Int]) {
        let entries = corpus.entries
        let results: [Result<[UInt8], CorpusError>] = parallelMap(entries.count, threads: threads) { index in
            do throws(CorpusError) { return .success(Array(try corpus.bytes(of: entries[index]))) } catch { return .failure(error) }
        }
        var messages: [ReplayMessage] = []
        var errors: [String: Int] = [:]
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let bytes):
                if let limit, messages.count >= limit { continue }
                messages.append(ReplayMessage(index: index, id: entries[index].id, label: entries[index].label, bytes: bytes))
            case .failure(let error):
                errors[error.code == .tooLarge ? "too_large" : "unreadable", default: 0] += 1
            }
        }
        return (messages, errors)
    }
}
