import ArgumentParser
import Foundation
import Imprint
import ImprintHashing

struct FingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "Print every fingerprint of each message, one JSON object per message.",
        discussion: "Values are hex, except TLSH (its T1 text form is not kept: the 35 raw bytes), CTPH, URLs, hosts and domains (text). Skipped families say why."
    )

    @Flag(help: "The files are in SMTP wire form.") var wire = false
    @Option(help: "image processing depth: high, medium, low or off.") var imageDepth: String = "medium"
    @Flag(help: "Add sender-domain and client-IP fingerprints (signature type comprehensive_sender_rep.4).") var sender = false
    @Argument(help: "Message files.") var messages: [String] = []
    @OptionGroup var fileList: FileListOptions

    func run() throws {
        let messages = try fileList.paths(after: messages)
        guard !messages.isEmpty else { throw CommandFailure("no MSG given (as arguments or in --files-from)") }
        guard let depth = CartridgeConfig.ImageDepth(rawValue: imageDepth) else {
            throw CommandFailure("--image-depth is high, medium, low or off")
        }
        let fingerprinter = MessageFingerprinter(options: FingerprintOptions(imageDepth: depth, includesSender: sender))
        var failures = 0
        for path in messages {
            do {
                let bytes = try FileBytes.read(path)
                let message = wire ? try Message(wire: bytes) : try Message(rendered: bytes)
                let result = fingerprinter.fingerprints(of: MessageFeatures(message: message))
                print(Self.json(path: path, result))
            } catch {
                printError("imprint fingerprint: \(path): \(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    static let textKinds: Set<FingerprintKind> = [.ctph, .url, .host, .registeredDomain, .senderDomain]

    static func json(path: String, _ result: MessageFingerprints) -> String {
        var byKind: [String: [String]] = [:]
        for fingerprint in result.fingerprints {
            let value = textKinds.contains(fingerprint.kind)
                ? String(decoding: fingerprint.value, as: UTF8.self) : HexEncoding.string(fingerprint.value)
            byKind[fingerprint.kind.name, default: []].append(value)
        }
        let object: [String: Any] = [
            "path": path, "fingerprints": byKind, "text_bytes": result.textBytes,
            "skipped": result.skipped.map { ["family": $0.family, "reason": $0.reason] },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
