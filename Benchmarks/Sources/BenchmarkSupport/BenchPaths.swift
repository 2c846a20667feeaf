import Foundation

/// Where the benchmarks find their inputs: the repository (this package's parent), the shared
/// corpora beside it (`../shared`, or `IMPRINT_SHARED`), and the corpus to measure.
public enum BenchPaths {
    /// The repository root: `Benchmarks/Sources/BenchmarkSupport/` is three folders below it.
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.standardized.path
    }()

    /// The shared folder (corpora, test vectors) when present.
    public static var shared: String? {
        let path = ProcessInfo.processInfo.environment["IMPRINT_SHARED"] ?? repository + "/../shared"
        return FileManager.default.fileExists(atPath: path + "/corpora") ? URL(fileURLWithPath: path).standardized.path : nil
    }

    /// The message corpus: `IMPRINT_BENCH_CORPUS` (a directory with labels.tsv), else the
    /// SpamAssassin public corpus in the shared folder, else the bundled corpus (`corpora/`).
    public static var messageCorpus: String {
        if let given = ProcessInfo.processInfo.environment["IMPRINT_BENCH_CORPUS"] { return given }
        if let shared, FileManager.default.fileExists(atPath: shared + "/corpora/spamassassin_public/labels.tsv") {
            return shared + "/corpora/spamassassin_public"
        }
        return repository + "/corpora"
    }

    /// The image corpus: `IMPRINT_BENCH_IMAGES`, else image_spam_hunter in the shared folder,
    /// else the image fixtures of the tests.
    public static var imageCorpus: String {
        if let given = ProcessInfo.processInfo.environment["IMPRINT_BENCH_IMAGES"] { return given }
        if let shared, FileManager.default.fileExists(atPath: shared + "/corpora/image_spam_hunter") {
            return shared + "/corpora/image_spam_hunter"
        }
        return repository + "/Tests/Fixtures"
    }
}
