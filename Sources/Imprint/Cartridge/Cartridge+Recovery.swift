extension Cartridge {
    /// Opens the last viable state that verifies (`CartridgeLog.recover`), replaying its log
    /// until an update does not apply, and reports every refused file and the fallback.
    static func recover(_ layout: CartridgeLayout, limits: CartridgeLimits, events: CartridgeEventLog,
                        baseConfig: CartridgeConfig, baseCategories: CategoryTable, whitelist: Whitelist) throws
        -> (snapshot: CartridgeSnapshot, viable: CartridgeLayout.Viable, log: [MicroUpdate]) {
        var refused: [(path: String, reason: String)] = []
        let recovery = try CartridgeLog.recover(layout, limits: limits) { path, error in
            refused.append((path, String(describing: error)))
        }
        var snapshot = try CartridgeSnapshot(database: recovery.state, baseConfig: baseConfig, baseCategories: baseCategories,
                                             whitelist: whitelist, overlayPath: layout.viable)
        var applied: [MicroUpdate] = []
        for update in recovery.log {
            do {
                snapshot = try snapshot.applying(update, limits: limits, path: layout.update(update.serial)).0
                applied.append(update)
            } catch {
                refused.append((layout.update(update.serial), String(describing: error)))
                break
            }
        }
        let viable = CartridgeLayout.Viable(compacted: recovery.viable.compacted, last: snapshot.version.serial)
        let outcome = "serving the last viable state, serial \(viable.last) (\(snapshot.version))"
        for (path, reason) in refused { events.record(CartridgeEvent(path: path, reason: reason, outcome: outcome)) }
        if refused.isEmpty {
            events.record(CartridgeEvent(path: layout.viable, reason: "the recorded state does not replay", outcome: outcome))
        }
        return (snapshot, viable, applied)
    }
}
