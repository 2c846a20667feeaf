import Foundation
import Imprint
@testable import ImprintHarness
import ImprintTestSupport
import Testing

/// The hostile corpus (issue 10) at a small seed count: every kind of mutation of the bundled
/// corpus, and seeded mixes of them, through the whole engine on a cartridge built with the
/// default builder from the corpus; each message must get a verdict or a typed error within
/// the bound (`HostileBounds`, time scaled for this unoptimized build). `scripts/hostile_corpus.sh`
/// runs 100,000 mutants with a release build.
///
/// In a debug build the `hugeBase64` mutant (110 MB decoding to 80 MiB) is built and checked
/// for its shape but not scored: unoptimized, its decode and hashing take about a minute,
/// past the suite's time budget. The release run scores it (about 1 in 500 mutants).
@Suite(.serialized) struct HostileCorpusTests {
    static let setup: Result<HostileRunner, Error> = Result {
        let corpus = try Corpus.load([.labelledDirectory(path: ReplayTestCorpus.bundled)])
        let cartridge = try ReplayTestCorpus.cartridge(from: try ReplayTestCorpus.subset(perLabel: 40, seed: 2), name: "hostile")
        let engine = Engine(cartridge: try Cartridge(directory: cartridge))
        return HostileRunner(engine: engine, mutator: HostileMutator(seed: 10), messages: HostileRunner.messages(of: corpus),
                             bounds: HostileBounds.default.scaledForDebug)
    }

    static func check(_ outcome: HostileOutcome, _ bounds: HostileBounds, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!outcome.violates(bounds), "\(outcome.line)", sourceLocation: sourceLocation)
        if case .error(let kind) = outcome.result {
            #expect(kind.hasPrefix("MessageParseError.") || kind.hasPrefix("CorpusError."), "untyped: \(outcome.line)",
                    sourceLocation: sourceLocation)
        }
    }

    #if DEBUG
    static let scored = HostileMutation.allCases.filter { $0 != .hugeBase64 }
    #else
    static let scored = HostileMutation.allCases
    #endif

    @Test(arguments: Self.scored)
    func eachMutationGetsAVerdictOrATypedErrorWithinTheBound(_ mutation: HostileMutation) throws {
        let runner = try Self.setup.get()
        runner.warmUp()
        var random = SplitMix64(seed: 0x5EED ^ UInt64(HostileMutation.allCases.firstIndex(of: mutation)!))
        let sources = mutation.isStructural ? 1 : 4
        for index in 0..<sources {
            let source = Int(random.next() % UInt64(runner.messages.count))
            let mutant = runner.mutator.mutant(index, source: source, original: runner.messages[source], applying: [mutation], using: &random)
            #expect(mutant.bytes != runner.messages[source] || mutant.form == .wire, "\(mutation) changed nothing")
            Self.check(runner.score(mutant), runner.bounds)
        }
    }

    @Test func structuralMutantsAreAsLargeAsStated() throws {
        let original = Array("From: a@example.test\r\nContent-Type: text/plain\r\n\r\nhello\r\n".utf8)
        var random = SplitMix64(seed: 3)
        let header = HostileMutator.apply(.hugeHeader, to: original, using: &random)
        #expect(header.count >= HostilePayloads.hugeHeaderBytes - 4096)
        let base64 = HostileMutator.apply(.hugeBase64, to: original, using: &random)
        #expect(base64.count > HostilePayloads.hugeBase64DecodedBytes * 4 / 3)
        #expect(String(decoding: base64.prefix(4096), as: UTF8.self).contains("size=2147483648"))
        #if !DEBUG
        let message = try Message(rendered: base64)
        let part = try #require(message.leaves.first { $0.contentType.mediaType == "application/octet-stream" })
        let decoded = message.decodedBody(of: part, limit: MessageLimits.default.maxDecodedPartSize)
        #expect(decoded.isTruncated && decoded.bytes.count == MessageLimits.default.maxDecodedPartSize)
        #endif
        let nested = HostileMutator.apply(.deepNesting, to: original, using: &random)
        let opens = String(decoding: nested, as: UTF8.self).components(separatedBy: "Content-Type:").count - 1
        #expect(opens >= HostilePayloads.nestingDepth)
        let png = HostileMutator.apply(.giantPNG, to: original, using: &random)
        let image = try #require(try Message(rendered: png).leaves.first { $0.contentType.mediaType == "image/png" })
        let pngBytes = try Message(rendered: png).decodedBody(of: image, limit: 1 << 20).bytes
        #expect(Array(pngBytes[16..<24]) == HostilePayloads.bigEndian(100_000) + HostilePayloads.bigEndian(100_000))
        #expect { try ImageDecoder.decode(pngBytes) } throws: { ($0 as? ImageDecodingError)?.code == .tooLarge }
    }

    @Test func seededMutantsOfTheCorpusStayWithinTheBound() throws {
        let runner = try Self.setup.get()
        let summary = runner.run(0..<60)
        #expect(summary.mutants == 60)
        #expect(summary.verdicts + summary.errorCount == 60)
        #expect(summary.violationCount == 0, "\(summary.lines.joined(separator: "\n"))")
        #expect(summary.byMutation.count >= 6, "\(summary.byMutation)")
        // The same seed and numbers give the same mutants.
        #expect(runner.mutator.mutant(77, of: runner.messages).bytes == HostileMutator(seed: 10).mutant(77, of: runner.messages).bytes)
    }

    @Test func gzipBombAndDamagedMailboxesAreRefusedWithinTheBound() throws {
        let runner = try Self.setup.get()
        let directory = NSTemporaryDirectory() + "imprint-hostile-mailbox-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var outcomes: [String: HostileOutcome] = [:]
        let summary = try HostileMailbox(runner: runner).run(in: directory) { outcomes[$0.kind] = $0 }
        #expect(outcomes["gzip-bomb"]?.result == .error(kind: "CorpusError.badCompression"))
        #expect(outcomes["gzip-truncated"]?.result == .error(kind: "CorpusError.badCompression"))
        #expect(outcomes["gzip-flipped"].map { if case .error = $0.result { true } else { false } } == true)
        #expect(outcomes["gzip-valid"]?.result == .verdict(score: 20), "the 20 mutants of the valid mailbox are read")
        #expect(outcomes["gzip-valid#20"] != nil)
        for outcome in outcomes.values { Self.check(outcome, runner.bounds) }
        #expect(summary.violationCount == 0)
        // The bomb is refused after inflating at most the ratio limit, not the 2 GiB it holds.
        #expect((outcomes["gzip-bomb"]?.memoryGrowth ?? .max) < 256 << 20)
    }

    @Test func theGzipBombInflatesToWhatItClaims() throws {
        let prefix = Array("From x\nSubject: y\n\nbody\n".utf8)
        let bomb = GzipBomb.make(prefix: prefix, bombBytes: 8 << 20)
        #expect(bomb.count < (8 << 20) / 1000 + prefix.count + 64, "about 1,032:1")
        let inflated = try Inflater(format: .raw).inflate(Array(bomb[10...]), maxOutput: 9 << 20)
        let zeros = 1 + ((8 << 20) - 1) / 258 * 258
        #expect(inflated.count == prefix.count + zeros)
        #expect(Array(inflated.prefix(prefix.count)) == prefix && inflated.dropFirst(prefix.count).allSatisfy { $0 == 0 })
        let limits = CorpusLimits()
        #expect(limits.maxInflatedBytes(compressed: 2 << 20) == 100 << 20)
        #expect(limits.maxInflatedBytes(compressed: 10) == 16 << 20)
        #expect(limits.maxInflatedBytes(compressed: 1 << 30) == 2 << 30)
    }

    @Test func theProbeSeesMemoryGrowth() {
        guard ResourceProbe.canResetPeak else { return }
        let (_, _, growth) = HostileRunner.measure { () -> Int in
            var big = [UInt8](repeating: 1, count: 64 << 20)
            big[12345] = 2
            return big.reduce(0) { $0 &+ Int($1) }
        }
        #expect(growth >= 60 << 20 && growth < 200 << 20, "\(growth)")
    }
}
