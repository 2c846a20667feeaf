import Imprint

/// Rescan accuracy: after the replay, the messages whose verdict had `rescan` set are scored
/// again with the final cartridge; how many `is_spam` verdicts changed, in which direction,
/// and whether the change was right.
enum RescanPass {
    static func run(_ scored: [ScoredMessage], messages: [ReplayMessage], engine: Engine, snapshot: CartridgeSnapshot,
                    threads: Int) -> Report.Rescan {
        let flagged = scored.filter(\.rescan)
        let byIndex = Dictionary(uniqueKeysWithValues: messages.map { ($0.index, $0) })
        let again: [Bool?] = parallelMap(flagged.count, threads: threads) { position in
            guard let message = byIndex[flagged[position].index],
                  let verdict = try? engine.evaluate(message.bytes, form: .rendered, snapshot: snapshot).verdict else { return nil }
            return verdict.isSpam
        }
        var rescan = Report.Rescan(flagged: flagged.count, changedOnRescan: 0)
        var toSpam = 0, toHam = 0, corrected = 0
        for (message, now) in zip(flagged, again) {
            guard let now, now != message.isSpam else { continue }
            rescan.changedOnRescan += 1
            if now { toSpam += 1 } else { toHam += 1 }
            if now == message.label.isAbusive { corrected += 1 }
        }
        rescan.becameSpam = toSpam
        rescan.becameHam = toHam
        rescan.corrected = corrected
        return rescan
    }
}
