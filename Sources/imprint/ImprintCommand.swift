import ArgumentParser

@main
struct ImprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imprint",
        abstract: "Message fingerprinting engine and corpus harness.",
        subcommands: [
            VersionCommand.self, HashCommand.self, DistanceCommand.self, FingerprintCommand.self, ScoreCommand.self,
            ExplainCommand.self, FeedbackCommand.self, CartridgeCommand.self, ReplayCommand.self, CompareCommand.self,
            GateCommand.self, EvasionCommand.self, SweepCommand.self, HostileCommand.self,
        ]
    )
}
