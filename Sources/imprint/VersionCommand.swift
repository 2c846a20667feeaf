import ArgumentParser
import Imprint

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the engine version (and a cartridge's, when one is named)."
    )

    func run() throws {
        print("ImprintVersion = \"\(ImprintVersion.string)\"")
    }
}
