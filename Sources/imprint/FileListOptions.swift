import ArgumentParser
import Foundation

/// `--files-from PATH`: more files to process, one path a line (`-` reads standard input).
///
/// Long lists belong there rather than on the command line: swift-argument-parser takes time
/// quadratic in the number of arguments (about 6% of `imprint score` on 2,000 paths).
struct FileListOptions: ParsableArguments {
    @Option(name: .customLong("files-from"), help: ArgumentHelp(
        "Read more paths from PATH, one a line ('-': standard input).", valueName: "PATH"))
    var filesFrom: String?

    /// `arguments`, then the paths listed in `--files-from` (blank lines skipped).
    func paths(after arguments: [String]) throws -> [String] {
        guard let filesFrom else { return arguments }
        let data: Data
        if filesFrom == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: filesFrom) else {
                throw CommandFailure("--files-from \(filesFrom): cannot read the file")
            }
            data = contents
        }
        let listed = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        return arguments + listed.filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
