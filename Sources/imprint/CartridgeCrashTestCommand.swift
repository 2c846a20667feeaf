import ArgumentParser
import Imprint
#if canImport(Glibc)
import Glibc
#endif

/// Hidden helper of the crash test (`scripts/crash_test.sh`, `CartridgeCrashTests`): applies
/// `UPDATES/<serial>.mu` one after the other from the viable serial up to `--through`,
/// printing `ready <serial>` once the cartridge is open and `applied <serial>` (unbuffered)
/// after each update is durable, so that the parent
/// that SIGKILLs it knows which updates must survive.
struct CartridgeCrashTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-test-apply", abstract: "Apply pending updates in a loop (crash-test helper).",
        shouldDisplay: false)

    @Argument(help: "The cartridge directory.") var directory: String
    @Argument(help: "The directory holding <serial>.mu files to apply.") var updates: String
    @Option(help: "The last serial to apply.") var through: UInt32

    func run() throws {
        try cartridgeFailure {
            let cartridge = try Cartridge(directory: directory)
            var serial = cartridge.snapshot.version.serial
            var ready = "ready \(serial)\n"
            ready.withUTF8 { _ = write(1, $0.baseAddress, $0.count) }
            while serial < through {
                try cartridge.apply(contentsOf: "\(updates)/\(serial + 1).mu")
                serial = cartridge.snapshot.version.serial
                var line = "applied \(serial)\n"
                line.withUTF8 { _ = write(1, $0.baseAddress, $0.count) }
            }
        }
    }
}
