import Foundation
@testable import Imprint
import ImprintTestSupport
import Testing

/// The engine on real mail: a cartridge built from part of the bundled corpus scores the rest.
@Suite(.serialized) struct EngineTests {
    static let corpus = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpora")

    /// (path, label) of the bundled corpus, in order.
    static func labelled() throws -> [(path: String, label: String)] {
        let text = try String(contentsOf: corpus.appendingPathComponent("labels.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            let fields = $0.split(separator: "\t")
            return (corpus.appendingPathComponent(String(fields[0])).path, String(fields[1]))
        }
    }

    /// A cartridge built from every 4th bundled message (and the EICAR one), shared by the tests.
    static let cartridge: Result<(Cartridge, [(path: String, label: String)]), Error> = Result {
        let all = try labelled()
        let training = all.enumerated().filter { $0.offset % 4 == 0 || $0.element.label == "virus" }.map(\.element)
        let held = all.enumerated().filter { $0.offset % 4 == 2 && $0.element.label != "virus" }.map(\.element)
        let messages = try training.map { LabelledMessage(bytes: try Fixtures.read($0.path), label: $0.label) }
        let output = try CartridgeBuilder(folds: 3).build(messages)
        let directory = NSTemporaryDirectory() + "imprint-engine-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        try Cartridge.create(at: directory, database: output.database, config: output.config.lines.joined(separator: "\n"),
                             whitelist: "from *@whitelisted.example\n")
        return (try Cartridge(directory: directory), held)
    }

    @Test func eicarAttachmentIsAVirusWithAHighScore() throws {
        let (cartridge, _) = try Self.cartridge.get()
        let bytes = try Fixtures.read(Self.corpus.appendingPathComponent("virus/eicar-attachment.eml").path)
        let verdict = try Engine(cartridge: cartridge).score(bytes, form: .rendered)
        #expect(verdict.category == 7 && verdict.subcategory == 0)
        #expect(verdict.score >= 90 && verdict.isSpam)
        #expect(verdict.analysis.contains("sig="))
        #expect(verdict.contextVariables.first { $0.name == "cmae-category" }?.value == "7")
    }

    @Test func heldOutMailIsMostlyRight() throws {
        let (cartridge, held) = try Self.cartridge.get()
        let engine = Engine(cartridge: cartridge)
        var right = 0
        for item in held {
            let verdict = try engine.score(try Fixtures.read(item.path), form: .rendered)
            if verdict.isSpam == (item.label != "ham") { right += 1 }
        }
        // A quarter of a small corpus trains the cartridge; most of another quarter must be right.
        #expect(Double(right) / Double(held.count) > 0.85, "\(right) of \(held.count)")
    }

    @Test func wireAndRenderedFormsGetTheSameVerdict() throws {
        let (cartridge, held) = try Self.cartridge.get()
        let engine = Engine(cartridge: cartridge)
        for item in held.prefix(60) {
            let rendered = try Fixtures.read(item.path)
            let wire = MessageRendering.wire(rendered: rendered)
            let a = try engine.score(rendered, form: .rendered), b = try engine.score(wire, form: .wire)
            #expect(a == b, "\(item.path)")
        }
    }

    @Test func aPolicyHeaderTouchesOnlyHeaderEvidence() throws {
        let fingerprinter = MessageFingerprinter()
        for item in try Self.labelled().prefix(40) {
            let original = try Fixtures.read(item.path)
            let modified = Array("X-Policy-Checked: gateway-7 passed\n".utf8) + original
            let a = fingerprinter.fingerprints(of: MessageFeatures(message: try Message(rendered: original)))
            let b = fingerprinter.fingerprints(of: MessageFeatures(message: try Message(rendered: modified)))
            let changed = Set(a.fingerprints).symmetricDifference(Set(b.fingerprints))
            // Only word tokens change (the new header's words, or a token the cap pushed out).
            #expect(changed.allSatisfy { $0.kind == .token }, "\(item.path): \(changed.map(\.kind))")
        }
    }

    @Test func whitelistDecidesFirstAndNamesItsRule() throws {
        let (cartridge, _) = try Self.cartridge.get()
        var bytes = try Fixtures.read(Self.corpus.appendingPathComponent("virus/eicar-attachment.eml").path)
        bytes = Array(String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "av-test@example.org", with: "av-test@whitelisted.example").utf8)
        let verdict = try Engine(cartridge: cartridge).score(bytes, form: .rendered)
        #expect(verdict.score == 0 && verdict.category == 0 && !verdict.isSpam)
        #expect(verdict.isWhitelisted && verdict.analysis.contains("wl=whitelist.cfg:1"))
    }

    @Test func analysisHeaderIsShortAndDecodes() throws {
        let (cartridge, held) = try Self.cartridge.get()
        let engine = Engine(cartridge: cartridge)
        for item in held.prefix(30) {
            let verdict = try engine.score(try Fixtures.read(item.path), form: .rendered)
            #expect(verdict.analysis.utf8.count < 998)
            let header = try AnalysisHeader(parsing: verdict.analysis)
            #expect(header.score == verdict.score && header.category == verdict.category && header.rescan == verdict.rescan)
        }
        let bad: [(String, AnalysisHeaderError.Code)] = [
            ("v=2 cv=1 s=5 c=1.0 r=0", .unsupportedVersion), ("v=1 cv=1 s=101 c=1.0 r=0", .missingField),
            ("v=1 cv=1 s=5 c=1 r=0", .missingField), ("v=1 cv=1 s=5 c=1.0 r=2", .missingField),
            ("v=1 cv=1 =5", .malformedToken), ("v=1 cv=1 s=5 c=1.0 r=0 tlsh=ab12:1.5:2", .outOfRange),
            (String(repeating: "x", count: AnalysisHeader.maximumParsedLength + 1), .tooLong),
        ]
        for (text, code) in bad {
            #expect { try AnalysisHeader(parsing: text) } throws: { ($0 as? AnalysisHeaderError)?.code == code }
        }
    }

    @Test func truncatedBodiesAskForARescan() throws {
        let (cartridge, held) = try Self.cartridge.get()
        let engine = Engine(cartridge: cartridge, options: EngineOptions(maxBodyLength: 64))
        let long = try held.map { try Fixtures.read($0.path) }.first { $0.count > 4096 }!
        let verdict = try engine.score(long, form: .rendered)
        #expect(verdict.rescan && verdict.rescanReasons.contains("truncated"))
    }
}

extension Fixtures {
    /// The bytes of any file.
    static func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
}
