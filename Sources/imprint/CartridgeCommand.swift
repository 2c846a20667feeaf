import ArgumentParser
import Imprint

/// `imprint cartridge update|info|verify|diff` (`build` comes with the engine).
struct CartridgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cartridge",
        abstract: "Inspect, verify, compare and update cartridge directories.",
        subcommands: [CartridgeBuildCommand.self, CartridgeUpdateCommand.self, CartridgeInfoCommand.self, CartridgeVerifyCommand.self,
                      CartridgeDiffCommand.self, CartridgeCrashTestCommand.self]
    )
}

/// Runs `body`, turning cartridge and configuration errors into one-line failures.
func cartridgeFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CartridgeError {
        throw CommandFailure(error.description)
    } catch let error as ConfigurationError {
        throw CommandFailure(error.description)
    }
}

struct CartridgeUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Apply a micro-update to a cartridge, atomically.",
        discussion: "The update must follow the cartridge's viable serial. On any error nothing changes."
    )

    @Argument(help: "The cartridge directory.") var directory: String
    @Argument(help: "The .mu file.") var file: String

    func run() throws {
        try cartridgeFailure {
            let cartridge = try Cartridge(directory: directory)
            let report = try cartridge.apply(contentsOf: file)
            print("CartridgeVersion = \"\(cartridge.snapshot.version)\"")
            print("added \(report.added), replaced \(report.replaced), removed \(report.removed), reweighted \(report.reweighted), missing \(report.missing)")
        }
    }
}

struct CartridgeInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Print a cartridge's version, entry counts per kind and category, and sizes.")

    @Argument(help: "The cartridge directory.") var directory: String

    func run() throws {
        try cartridgeFailure {
            for line in try Cartridge(directory: directory).info().lines { print(line) }
        }
    }
}

struct CartridgeVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify every file of a cartridge and replay its micro-updates; exit 1 on the first fault.")

    @Argument(help: "The cartridge directory.") var directory: String

    func run() throws {
        try cartridgeFailure {
            for line in try Cartridge.verify(directory: directory) { print(line) }
        }
    }
}

struct CartridgeDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print what differs between two cartridges (nothing when they are the same).",
        discussion: "Exit status 0 when they are the same, 1 when they differ (like diff).")

    @Argument(help: "Cartridge A.") var first: String
    @Argument(help: "Cartridge B.") var second: String

    func run() throws {
        let diff = try cartridgeFailure {
            CartridgeDiff(try Cartridge(directory: first).snapshot, try Cartridge(directory: second).snapshot)
        }
        for line in diff.lines { print(line) }
        if !diff.isEmpty { throw ExitCode.failure }
    }
}
