import ArgumentParser

@main
struct ImprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imprint",
        abstract: "Message fingerprinting engine and corpus harness.",
        subcommands: [
            VersionCommand.self, HashCommand.self, DistanceCommand.self, ScoreCommand.self, CartridgeCommand.self, GateCommand.self, ReplayCommand.self, CompareCommand.self,
        ]
    )
}
