import ArgumentParser
import Imprint

struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print the digest of each file, like sha256sum: \"<digest>  <file>\".",
        discussion: """
            ALGO: \(Algorithm.names).
            Text algorithms hash the raw bytes of FILE; image algorithms decode FILE.
            A file that cannot be read or hashed is reported on standard error and the exit
            status is 1; the other files are still hashed.
            """
    )

    @Argument(help: "The algorithm: \(Algorithm.names).")
    var algorithm: String

    @Argument(help: "Files to hash.")
    var files: [String] = []

    @OptionGroup var fileList: FileListOptions

    func run() throws {
        guard let algorithm = Algorithm.named(algorithm) else {
            throw CommandFailure("unknown algorithm '\(algorithm)' (known: \(Algorithm.names))")
        }
        let files = try fileList.paths(after: files)
        guard !files.isEmpty else { throw CommandFailure("no FILE given (as arguments or in --files-from)") }
        var failures = 0
        for path in files {
            do {
                let bytes = try FileBytes.read(path)
                print("\(try algorithm.digest(bytes))  \(path)")
            } catch let error as FileReadError {
                printError("imprint hash: \(error)")
                failures += 1
            } catch {
                printError("imprint hash: \(path): \(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
