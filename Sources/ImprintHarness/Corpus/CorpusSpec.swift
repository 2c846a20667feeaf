/// Where a corpus comes from, as given on the command line (`--corpus SPEC`).
///
/// - a directory holding `labels.tsv` (`relative/path<TAB>label`, `#` comments);
/// - a TREC index file (`spam ../data/inmail.1` lines, paths relative to the index file);
/// - `LABEL:dir:PATH`, `LABEL:mbox:PATH` (also `.mbox.gz`), `LABEL:maildir:PATH`, as
///   SpamAssassin's mass-check takes them.
public enum CorpusSpec: Hashable, Sendable, CustomStringConvertible {
    case labelledDirectory(path: String)
    case trecIndex(path: String)
    case directory(label: CorpusLabel, path: String)
    case mbox(label: CorpusLabel, path: String)
    case maildir(label: CorpusLabel, path: String)

    /// Parses one spec. A path that exists decides between a labelled directory and a TREC index.
    /// - Throws: `CorpusError.badSpec` when the text is none of the forms.
    public static func parse(_ text: String, fileSystem: FileSystemProbe = .live) throws(CorpusError) -> CorpusSpec {
        let pieces = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if pieces.count == 3, ["dir", "mbox", "maildir"].contains(pieces[1]) {
            let label = String(pieces[0]), path = String(pieces[2])
            guard !label.isEmpty, label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw .make(.badSpec, spec: text, "label '\(label)' must be letters, digits, '_' or '-'")
            }
            guard !path.isEmpty else { throw .make(.badSpec, spec: text, "no path after '\(pieces[1]):'") }
            switch pieces[1] {
            case "dir": return .directory(label: CorpusLabel(rawValue: label), path: path)
            case "mbox": return .mbox(label: CorpusLabel(rawValue: label), path: path)
            default: return .maildir(label: CorpusLabel(rawValue: label), path: path)
            }
        }
        switch fileSystem.kind(text) {
        case .directory:
            guard fileSystem.kind(text + "/labels.tsv") == .file else {
                throw .make(.badSpec, spec: text, "a corpus directory needs a labels.tsv")
            }
            return .labelledDirectory(path: text)
        case .file:
            return .trecIndex(path: text)
        case .missing:
            throw .make(.badSpec, spec: text,
                        "no such file or directory (a spec is a directory with labels.tsv, a TREC index, or LABEL:dir|mbox|maildir:PATH)")
        }
    }

    public var description: String {
        switch self {
        case .labelledDirectory(let path), .trecIndex(let path): return path
        case .directory(let label, let path): return "\(label):dir:\(path)"
        case .mbox(let label, let path): return "\(label):mbox:\(path)"
        case .maildir(let label, let path): return "\(label):maildir:\(path)"
        }
    }
}
