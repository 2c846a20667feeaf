import ArgumentParser
import Foundation
import Imprint
import ImprintHarness

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score messages: JSON Lines of path, score, is_spam, category, rescan, analysis, …",
        discussion: """
            Without --cartridge the default cartridge is used (built from the bundled corpus and cached).
            With --format text, prints the gateway's context variables (cmae-score, …) as 'name = value' lines.
            Envelope: --mail-from, --rcpt-to, --helo and --client-ip, or X-Envelope-* header fields.
            """
    )

    @Option(help: "The cartridge directory.") var cartridge: String?
    @Flag(help: "The files are in SMTP wire form (CRLF, dot-stuffed, ending in CRLF.CRLF).") var wire = false
    @Option(help: "is_spam threshold (default: the cartridge's, 80).") var minimumScore: Int?
    @Option(help: "Body bytes read at most.") var maxBodyLength: Int?
    @Option(help: "json or text.") var format: String = "json"
    @Option(help: "SMTP MAIL FROM.") var mailFrom: String?
    @Option(help: "SMTP RCPT TO (repeatable).") var rcptTo: [String] = []
    @Option(help: "SMTP HELO name.") var helo: String?
    @Option(help: "SMTP client IP.") var clientIp: String?
    @Option(name: .customLong("set"), help: setOptionHelp) var overrides: [String] = []
    @Argument(help: "Message files.") var messages: [String] = []
    @OptionGroup var fileList: FileListOptions

    func run() throws {
        let messages = try fileList.paths(after: messages)
        guard !messages.isEmpty else { throw CommandFailure("no MSG given (as arguments or in --files-from)") }
        guard format == "json" || format == "text" else { throw CommandFailure("--format is json or text") }
        if let minimumScore, !(0...100).contains(minimumScore) { throw CommandFailure("--minimum-score must be 0...100") }
        var ip: IPAddress?
        if let clientIp {
            guard let parsed = IPAddress(clientIp) else { throw CommandFailure("--client-ip '\(clientIp)' is not an IP address") }
            ip = parsed
        }
        let envelope = Envelope(mailFrom: mailFrom, recipients: rcptTo, helo: helo, clientIP: ip)
        let settings = try tuningSettings(overrides)
        var options = settings.engineOptions(minimumScore: minimumScore)
        if let maxBodyLength { options.maxBodyLength = maxBodyLength }
        let engine = Engine(cartridge: try openCartridge(cartridge), options: options)
        let snapshot: CartridgeSnapshot
        do {
            snapshot = settings.isEmpty ? engine.cartridge.snapshot : try engine.cartridge.snapshot.reconfigured { try settings.apply(to: &$0) }
        } catch {
            throw CommandFailure("--set: \(error)")
        }
        var failures = 0
        for path in messages {
            do {
                let bytes = try FileBytes.read(path)
                let start = DispatchTime.now().uptimeNanoseconds
                let verdict = try engine.evaluate(bytes, form: wire ? .wire : .rendered, envelope: envelope, snapshot: snapshot).verdict
                let elapsed = (DispatchTime.now().uptimeNanoseconds - start) / 1000
                print(format == "json" ? Self.json(path: path, verdict: verdict, elapsedMicroseconds: elapsed)
                                       : Self.text(path: path, verdict: verdict))
            } catch {
                printError("imprint score: \(path): \(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    static func json(path: String, verdict: Verdict, elapsedMicroseconds: UInt64) -> String {
        var line = JSONLine()
        line.add("analysis", verdict.analysis)
        line.add("category", verdict.category)
        line.add("category_desc", verdict.categoryDescription)
        line.add("elapsed_us", elapsedMicroseconds)
        line.add("is_spam", verdict.isSpam)
        line.add("path", path)
        line.add("probability", (verdict.probability * 1e6).rounded() / 1e6)
        line.add("rescan", verdict.rescan)
        line.add("score", verdict.score)
        line.add("subcategory", verdict.subcategory)
        line.add("subcategory_desc", verdict.subcategoryDescription)
        line.add("whitelisted", verdict.isWhitelisted)
        return line.line
    }

    static func text(path: String, verdict: Verdict) -> String {
        (["# \(path)"] + verdict.contextVariables.map { "\($0.name) = \($0.value)" }).joined(separator: "\n")
    }
}

/// The cartridge at `path`, or the default one.
func openCartridge(_ path: String?) throws -> Cartridge {
    do {
        let directory = try path ?? DefaultCartridge.path { printError("imprint: \($0)") }
        return try Cartridge(directory: directory)
    } catch let error as CommandFailure {
        throw error
    } catch {
        throw CommandFailure("\(error)")
    }
}
