import Foundation
import Imprint
import ImprintHashing

/// The default cartridge: built from the bundled corpus (`corpora/`), cached under
/// `$XDG_CACHE_HOME/imprint` (or `~/.cache/imprint`), and rebuilt when the corpus or the
/// fingerprint format changes (both are in the cache key).
public enum DefaultCartridge {
    /// Changes whenever fingerprints or the cartridge format change, so old caches are not reused.
    public static let formatVersion = "imprint-fp-1"

    /// The bundled corpus: `$IMPRINT_CORPORA`, else the first `corpora/labels.tsv` found from the
    /// working directory up, else next to the executable's package (`.build/<config>/imprint`).
    public static func bundledCorpus() -> String? {
        if let given = ProcessInfo.processInfo.environment["IMPRINT_CORPORA"] { return given }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            let candidate = directory.appendingPathComponent("corpora")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("labels.tsv").path) { return candidate.path }
            directory.deleteLastPathComponent()
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let package = executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = package.appendingPathComponent("corpora")
        return FileManager.default.fileExists(atPath: candidate.appendingPathComponent("labels.tsv").path) ? candidate.path : nil
    }

    /// The cache directory.
    public static func cacheRoot() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/imprint" }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/imprint"
    }

    /// The path of the default cartridge, building it first when no cache for this corpus exists.
    /// - Parameter log: told when a build starts.
    public static func path(log: (String) -> Void = { _ in }) throws -> String {
        guard let corpusPath = bundledCorpus() else {
            throw CorpusError.make(.unreadable, spec: "corpora", "no bundled corpus found (set IMPRINT_CORPORA or run from the repository)")
        }
        let corpus = try Corpus.load([.labelledDirectory(path: corpusPath)])
        var digest = XXH64(seed: 0)
        digest.update(Array(formatVersion.utf8))
        var messages: [LabelledMessage] = []
        for entry in corpus.entries {
            guard let bytes = try? corpus.bytes(of: entry) else { continue }
            digest.update(Array(entry.label.rawValue.utf8))
            digest.update(Array(bytes))
            messages.append(LabelledMessage(bytes: Array(bytes), label: entry.label.rawValue))
        }
        let directory = cacheRoot() + "/default-" + HexEncoding.string(digest.finalize())
        if FileManager.default.fileExists(atPath: directory + "/states/viable") || FileManager.default.fileExists(atPath: directory + "/ready") {
            return directory
        }
        log("building the default cartridge from \(corpusPath) into \(directory)")
        let staging = directory + ".tmp-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        try? FileManager.default.createDirectory(atPath: cacheRoot(), withIntermediateDirectories: true)
        let builder = CartridgeBuilder()
        let output = try builder.build(messages)
        try Cartridge.create(at: staging, database: output.database,
                             config: output.config.lines.joined(separator: "\n") + "\n",
                             categories: builder.categories.lines.joined(separator: "\n") + "\n",
                             whitelist: "# whitelist rules (see README)\n")
        FileManager.default.createFile(atPath: staging + "/ready", contents: Data())
        try? FileManager.default.createDirectory(atPath: cacheRoot(), withIntermediateDirectories: true)
        if (try? FileManager.default.moveItem(atPath: staging, toPath: directory)) == nil {
            try? FileManager.default.removeItem(atPath: staging)  // another process won the race
        }
        return directory
    }
}
