import ArgumentParser
import Imprint

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the engine version (and a cartridge's, when one is named)."
    )

    @Option(help: "A cartridge directory whose version to print too.")
    var cartridge: String?

    func run() throws {
        print("ImprintVersion = \"\(ImprintVersion.string)\"")
        if let cartridge {
            let version = try cartridgeFailure { try Cartridge(directory: cartridge).snapshot.version }
            print("CartridgeVersion = \"\(version)\"")
        }
    }
}
