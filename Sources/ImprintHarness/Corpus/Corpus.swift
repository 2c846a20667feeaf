import Foundation
import Imprint

/// The labelled messages of one or more corpus specs, in order (a TREC index is chronological,
/// and the online protocol depends on it). Mailboxes are held in memory; message files are read
/// on demand, so a corpus of any size costs only its index until it is replayed.
public final class Corpus: Sendable {
    /// The specs, as given.
    public let specs: [CorpusSpec]
    /// Every message, in order.
    public let entries: [CorpusEntry]
    /// The contents of the mailboxes named by `.mbox` specs (gunzipped).
    let mailboxes: [[UInt8]]
    let limits: CorpusLimits

    init(specs: [CorpusSpec], entries: [CorpusEntry], mailboxes: [[UInt8]], limits: CorpusLimits) {
        self.specs = specs
        self.entries = entries
        self.mailboxes = mailboxes
        self.limits = limits
    }

    /// A short name for reports: the specs joined by `+`.
    public var name: String { specs.map(\.description).joined(separator: "+") }

    /// How many messages carry each label.
    public var countsByLabel: [CorpusLabel: Int] {
        entries.reduce(into: [:]) { $0[$1.label, default: 0] += 1 }
    }

    /// The bytes of one message.
    /// - Throws: `CorpusError` (`unreadable`, `tooLarge`) naming the spec; the caller counts it.
    public func bytes(of entry: CorpusEntry) throws(CorpusError) -> ArraySlice<UInt8> {
        switch entry.source {
        case .mailboxMessage(let mailbox, let range):
            return mailboxes[mailbox][range]
        case .file(let path):
            do {
                return try FileBytes.read(path, maxSize: limits.maxMessageBytes)[...]
            } catch {
                let code: CorpusError.Code = error.code == .tooLarge ? .tooLarge : .unreadable
                throw .make(code, spec: specs[entry.specIndex].description, error.description)
            }
        }
    }

    /// Reads the index of every spec, in order.
    /// - Throws: `CorpusError` for a bad spec, an unreadable index or mailbox, or a malformed line.
    public static func load(_ specs: [CorpusSpec], limits: CorpusLimits = .default) throws(CorpusError) -> Corpus {
        var loader = CorpusLoader(limits: limits)
        for (index, spec) in specs.enumerated() {
            try loader.add(spec, index: index)
        }
        return Corpus(specs: specs, entries: loader.entries, mailboxes: loader.mailboxes, limits: limits)
    }
}
