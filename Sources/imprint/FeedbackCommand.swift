import ArgumentParser
import Foundation
import Imprint

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Re-label delivered messages: their fingerprints update local reputation through a micro-update.",
        discussion: "The update is written as a .mu file and applied like any other (atomically, crash-safe)."
    )

    @Option(help: "The cartridge directory to update.") var cartridge: String
    @Option(help: "The label: ham, spam, phishing, virus or a category name.") var label: String
    @Option(help: "Trust of this report (0...1).") var weight: Float = 1
    @Flag(help: "The files are in SMTP wire form.") var wire = false
    @Argument(help: "Message files.") var messages: [String] = []

    func run() throws {
        guard !messages.isEmpty else { throw CommandFailure("no MSG given") }
        guard weight > 0, weight <= 1 else { throw CommandFailure("--weight must be in (0, 1]") }
        let opened = try openCartridge(cartridge)
        let snapshot = opened.snapshot
        guard let mass = ReportMass(label: label, weight: weight, categories: snapshot.categories) else {
            throw CommandFailure("unknown label '\(label)'")
        }
        let fingerprinter = MessageFingerprinter(options: FingerprintOptions(config: snapshot.config))
        var reports: [(fingerprints: [Fingerprint], mass: ReportMass)] = []
        for path in messages {
            do {
                let bytes = try FileBytes.read(path)
                let message = wire ? try Message(wire: bytes) : try Message(rendered: bytes)
                reports.append((fingerprinter.fingerprints(of: MessageFeatures(message: message)).fingerprints, mass))
            } catch {
                throw CommandFailure("\(path): \(error)")
            }
        }
        let update = FeedbackUpdate.update(after: snapshot, reports: reports)
        let file = NSTemporaryDirectory() + "imprint-feedback-\(getpid())-\(update.serial).mu"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try cartridgeFailure {
            try Data(update.encoded()).write(to: URL(fileURLWithPath: file))
            let report = try opened.apply(contentsOf: file)
            print("CartridgeVersion = \"\(opened.snapshot.version)\"")
            print("added \(report.added), reweighted \(report.reweighted) from \(messages.count) message(s) labelled \(label)")
        }
    }
}
