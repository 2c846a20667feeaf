import Foundation
import Imprint

/// Reads corpus indexes (labels files, TREC indexes, folders, maildirs, mailboxes) into entries.
struct CorpusLoader {
    let limits: CorpusLimits
    var entries: [CorpusEntry] = []
    var mailboxes: [[UInt8]] = []

    init(limits: CorpusLimits) { self.limits = limits }

    mutating func add(_ spec: CorpusSpec, index: Int) throws(CorpusError) {
        switch spec {
        case .labelledDirectory(let path):
            try addIndex(spec: spec, index: index, file: path + "/labels.tsv", base: path, labelFirst: false)
        case .trecIndex(let path):
            let base = (path as NSString).deletingLastPathComponent
            try addIndex(spec: spec, index: index, file: path, base: base.isEmpty ? "." : base, labelFirst: true)
        case .directory(let label, let path):
            for file in try listFiles(path, recursive: true, spec: spec) {
                try append(CorpusEntry(id: file, label: label, source: .file(path: file), specIndex: index), spec: spec)
            }
        case .maildir(let label, let path):
            var files: [String] = []
            for sub in ["cur", "new"] where FileSystemProbe.live.kind(path + "/" + sub) == .directory {
                files += try listFiles(path + "/" + sub, recursive: false, spec: spec)
            }
            guard FileSystemProbe.live.kind(path + "/cur") == .directory || FileSystemProbe.live.kind(path + "/new") == .directory else {
                throw .make(.unreadable, spec: spec.description, "a maildir needs cur/ or new/")
            }
            for file in files {
                try append(CorpusEntry(id: file, label: label, source: .file(path: file), specIndex: index), spec: spec)
            }
        case .mbox(let label, let path):
            let bytes = try readMailbox(path, spec: spec)
            let mailbox = mailboxes.count
            mailboxes.append(bytes)
            for (number, range) in MailboxSplitter.messageRanges(bytes).enumerated() {
                let entry = CorpusEntry(id: "\(path)#\(number + 1)", label: label,
                                        source: .mailboxMessage(mailbox: mailbox, range: range), specIndex: index)
                try append(entry, spec: spec)
            }
        }
    }

    private mutating func append(_ entry: CorpusEntry, spec: CorpusSpec) throws(CorpusError) {
        guard entries.count < limits.maxMessages else {
            throw .make(.tooManyMessages, spec: spec.description, "over \(limits.maxMessages) messages")
        }
        entries.append(entry)
    }

    /// `path<TAB>label` lines (labels.tsv) or `label path` lines (TREC index).
    private mutating func addIndex(spec: CorpusSpec, index: Int, file: String, base: String,
                                   labelFirst: Bool) throws(CorpusError) {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(file, maxSize: limits.maxMailboxBytes)
        } catch {
            throw .make(.unreadable, spec: spec.description, error.description)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            let fields: [Substring]
            if labelFirst {
                fields = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            } else {
                fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                let shape = labelFirst ? "LABEL PATH" : "PATH<TAB>LABEL"
                throw .make(.badLine, spec: spec.description, line: number + 1, "expected \(shape), got '\(line.prefix(80))'")
            }
            let label = String(labelFirst ? fields[0] : fields[1]).trimmingCharacters(in: .whitespaces)
            let relative = String(labelFirst ? fields[1] : fields[0]).trimmingCharacters(in: .whitespaces)
            let path = relative.hasPrefix("/") ? relative : base + "/" + relative
            let entry = CorpusEntry(id: path, label: CorpusLabel(rawValue: label.lowercased()),
                                    source: .file(path: path), specIndex: index)
            try append(entry, spec: spec)
        }
    }

    private func listFiles(_ path: String, recursive: Bool, spec: CorpusSpec) throws(CorpusError) -> [String] {
        guard FileSystemProbe.live.kind(path) == .directory else {
            throw .make(.unreadable, spec: spec.description, "\(path) is not a directory")
        }
        let manager = FileManager.default
        let names: [String]
        do {
            names = recursive ? (manager.subpaths(atPath: path) ?? []) : try manager.contentsOfDirectory(atPath: path)
        } catch {
            throw .make(.unreadable, spec: spec.description, "\(path): \(error.localizedDescription)")
        }
        return names
            .filter { name in !name.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
            .map { path + "/" + $0 }
            .filter { FileSystemProbe.live.kind($0) == .file }
    }

    private func readMailbox(_ path: String, spec: CorpusSpec) throws(CorpusError) -> [UInt8] {
        let raw: [UInt8]
        do {
            raw = try FileBytes.read(path, maxSize: limits.maxMailboxBytes)
        } catch {
            throw .make(error.code == .tooLarge ? .tooLarge : .unreadable, spec: spec.description, error.description)
        }
        guard path.hasSuffix(".gz") else { return raw }
        do {
            return try Inflater(format: .gzip).inflate(raw, maxOutput: limits.maxInflatedBytes(compressed: raw.count))
        } catch {
            throw .make(.badCompression, spec: spec.description, error.description)
        }
    }
}
