import Dispatch
import Foundation
@testable import Imprint
import ImprintTestSupport
import Synchronization
import Testing

/// Scoring from several threads while micro-updates are applied gives, message by message,
/// the verdict a serial run gives against the same cartridge version.
@Suite struct EngineConcurrencyTests {
    @Test func concurrentScoringMatchesSerialScoringPerVersion() throws {
        let (built, held) = try EngineTests.cartridge.get()
        let directory = NSTemporaryDirectory() + "imprint-concurrency-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.copyItem(atPath: built.layout.directory, toPath: directory)
        let cartridge = try Cartridge(directory: directory)
        let engine = Engine(cartridge: cartridge)
        let messages = try held.prefix(24).map { try Fixtures.read($0.path) }
        let fingerprinter = MessageFingerprinter()
        let reports = try held.prefix(24).map { item in
            (fingerprints: fingerprinter.fingerprints(of: MessageFeatures(message: try Message(rendered: try Fixtures.read(item.path)))).fingerprints,
             mass: ReportMass(label: item.label == "ham" ? "spam" : "ham", weight: 1, categories: CategoryTable())!)
        }
        let snapshots = Mutex<[String: CartridgeSnapshot]>([cartridge.snapshot.version.description: cartridge.snapshot])
        let records = Mutex<[(message: Int, verdict: Verdict)]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { worker in
            if worker == 0 {
                // The writer: six updates, each re-labelling four messages the other way.
                for round in 0..<6 {
                    let update = FeedbackUpdate.update(after: cartridge.snapshot, reports: Array(reports[(4 * round)..<(4 * round + 4)]))
                    do {
                        try cartridge.apply(update)
                        let snapshot = cartridge.snapshot
                        snapshots.withLock { $0[snapshot.version.description] = snapshot }
                    } catch {
                        failures.withLock { $0.append("apply: \(error)") }
                    }
                }
            } else {
                for pass in 0..<3 {
                    for index in stride(from: (worker + pass) % 2, to: messages.count, by: 2) {
                        do {
                            let verdict = try engine.score(messages[index], form: .rendered)
                            records.withLock { $0.append((index, verdict)) }
                        } catch {
                            failures.withLock { $0.append("score: \(error)") }
                        }
                    }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let all = records.withLock { $0 }
        let versions = snapshots.withLock { $0 }
        #expect(all.count == 3 * messages.count)
        #expect(versions.count == 7)
        var seenVersions = Set<String>()
        for record in all {
            let header = try AnalysisHeader(parsing: record.verdict.analysis)
            seenVersions.insert(header.cartridgeVersion)
            let snapshot = try #require(versions[header.cartridgeVersion], "version \(header.cartridgeVersion)")
            let serial = try engine.evaluate(messages[record.message], form: .rendered, snapshot: snapshot).verdict
            #expect(serial == record.verdict, "message \(record.message) at \(header.cartridgeVersion)")
        }
        #expect(!seenVersions.isEmpty)
    }
}
