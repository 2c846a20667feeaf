import ArgumentParser
import Imprint

struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print the digest of each file, like sha256sum: \"<digest>  <file>\".",
        discussion: "ALGO: \(HashAlgorithm.names). Text algorithms hash the raw bytes of FILE."
    )

    @Argument(help: "The algorithm: \(HashAlgorithm.names).")
    var algorithm: String

    @Argument(help: "Files to hash.")
    var files: [String] = []

    func run() throws {
        guard let algorithm = HashAlgorithm(rawValue: algorithm) else {
            throw CommandFailure("unknown algorithm '\(algorithm)' (known: \(HashAlgorithm.names))")
        }
        guard !files.isEmpty else { throw CommandFailure("no FILE given") }
        var failures = 0
        for path in files {
            do {
                let bytes = try FileBytes.read(path)
                print("\(algorithm.digest(of: bytes))  \(path)")
            } catch {
                printError("imprint hash: \(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
