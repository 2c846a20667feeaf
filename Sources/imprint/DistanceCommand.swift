import ArgumentParser

struct DistanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distance",
        abstract: "Print the distance or similarity of two digests, in the reference tool's convention.",
        discussion: "ALGO: \(Algorithm.distanceNames)."
    )

    @Argument(help: "The algorithm.")
    var algorithm: String

    @Argument(help: "The first digest, as `imprint hash` prints it.")
    var first: String

    @Argument(help: "The second digest.")
    var second: String

    func run() throws {
        guard let found = Algorithm.named(algorithm) else {
            throw CommandFailure("unknown algorithm '\(algorithm)' (known: \(Algorithm.names))")
        }
        guard let distance = found.distance else {
            throw CommandFailure("'\(algorithm)' is an exact digest with no distance (known: \(Algorithm.distanceNames))")
        }
        print(try distance(first, second))
    }
}
