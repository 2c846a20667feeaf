import Imprint
@testable import ImprintHarness
import Testing

@Suite struct ReplayCampaignTests {
    static func pyzor(_ byte: UInt8) -> Fingerprint { Fingerprint(kind: .pyzor, value: [UInt8](repeating: byte, count: 20)) }
    static func band(_ byte: UInt8) -> Fingerprint { Fingerprint(kind: .minhashBandKey, value: [byte, 0, 0, 0, 0, 0, 0, 0]) }

    @Test func countsCopiesPassedBeforeTheFirstCatch() {
        var tracker = CampaignTracker()
        // Campaign 1 (same Pyzor digest): two pass, the third is caught, the fourth too.
        tracker.add([Self.pyzor(1)], caught: false)
        tracker.add([Self.pyzor(1), Self.band(9)], caught: false)
        // Campaign 2 (two shared band keys each): never caught.
        tracker.add([Self.band(1), Self.band(2)], caught: false)
        tracker.add([Self.pyzor(1)], caught: true)
        tracker.add([Self.band(1), Self.band(2), Self.band(3)], caught: false)
        tracker.add([Self.band(2), Self.band(3)], caught: false)
        tracker.add([Self.pyzor(1)], caught: true)
        // One shared band key is not enough: a singleton, and a pair is no campaign.
        tracker.add([Self.band(1), Self.band(7)], caught: false)
        tracker.add([Self.pyzor(5)], caught: false)
        tracker.add([Self.pyzor(5)], caught: true)
        let summary = tracker.summary()
        #expect(summary.campaigns == 2)
        #expect(summary.copies == 7)
        #expect(summary.neverCaught == 1)
        #expect(summary.meanPassedBeforeBlock == 2)
        #expect(summary.maxPassedBeforeBlock == 2)
    }
}
