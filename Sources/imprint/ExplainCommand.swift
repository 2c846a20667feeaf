import ArgumentParser
import Imprint

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Decode an analysis header into a table of its parts.",
        discussion: "With --cartridge, each contributing entry is looked up by its id and its reputation shown."
    )

    @Argument(help: "The analysis header (quote it).") var analysis: String
    @Option(help: "The cartridge the header came from.") var cartridge: String?

    func run() throws {
        let header: AnalysisHeader
        do { header = try AnalysisHeader(parsing: analysis) } catch { throw CommandFailure(error.description) }
        print("cartridge version  \(header.cartridgeVersion)")
        print("score              \(header.score)")
        print("category           \(header.category).\(header.subcategory)")
        print("rescan             \(header.rescan ? "yes" : "no")")
        for extra in header.extras {
            let meaning = ["tk": "tokens used:weight", "wl": "whitelist rule file:line", "sig": "signature entry",
                           "rs": "rescan reasons"][extra.key] ?? extra.key
            print("\(meaning.padding(toLength: 18, withPad: " ", startingAt: 0)) \(extra.value)")
        }
        var reputations: [String: String] = [:]
        if let cartridge {
            let snapshot = try openCartridge(cartridge).snapshot
            let wanted = Set(header.contributions.map(\.entryID))
            for entry in 0..<snapshot.database.count {
                let id = String(String(snapshot.key(at: entry), radix: 16).leftPadded(16).prefix(8))
                guard wanted.contains(id) else { continue }
                let r = snapshot.reputation(at: entry)
                reputations[id] = "spam \(r.spam) ham \(r.ham) phishing \(r.phishing) virus \(r.virus), category \(snapshot.category(at: entry))"
            }
        }
        if !header.contributions.isEmpty {
            print("\nkind                 entry     similarity  weight  reputation")
            for item in header.contributions {
                print("\(item.kind.padding(toLength: 20, withPad: " ", startingAt: 0)) \(item.entryID.padding(toLength: 9, withPad: " ", startingAt: 0)) "
                    + "\(String(item.similarity).padding(toLength: 11, withPad: " ", startingAt: 0)) "
                    + "\(String(item.weight).padding(toLength: 7, withPad: " ", startingAt: 0)) \(reputations[item.entryID] ?? "")")
            }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
