import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// A one-line error: printed to standard error as `imprint: <message>`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    var text = line
    text.append("\n")
    text.withUTF8 { bytes in
        _ = write(2, bytes.baseAddress, bytes.count)
    }
}
