/// Reading the viable state of a cartridge directory: the compacted state and the log of
/// micro-updates applied after it (see `CartridgeLayout`).
enum CartridgeLog {
    /// The compacted state, the log in order, and what `states/viable` says.
    ///
    /// The log is found from its end: `micro_updates/<last>.mu`, then the file its
    /// predecessor serial names, and so on back to the compacted serial, each verified as it
    /// is read (checksums, limits, name matching the serial inside). Files outside this chain
    /// (updates copied in but not applied, left by a crash before `states/viable` was
    /// replaced) are ignored.
    /// - Throws: `CartridgeError` when a file fails verification or the chain is broken.
    static func read(_ layout: CartridgeLayout, limits: CartridgeLimits) throws(CartridgeError)
        -> (state: FingerprintDatabase, log: [MicroUpdate], viable: CartridgeLayout.Viable) {
        let state: FingerprintDatabase
        let viable: CartridgeLayout.Viable
        if let recorded = try layout.readViable() {
            viable = recorded
            let path = AtomicFile.exists(layout.state(viable.compacted)) ? layout.state(viable.compacted) : layout.database
            state = try FingerprintDatabase(contentsOf: path, limits: limits)
            guard state.version.serial == viable.compacted else {
                throw .make(.malformed, "holds serial \(state.version.serial), states/viable says \(viable.compacted)", path: path)
            }
        } else {
            state = try FingerprintDatabase(contentsOf: layout.database, limits: limits)
            viable = CartridgeLayout.Viable(compacted: state.version.serial, last: state.version.serial)
        }
        var log: [MicroUpdate] = []
        var serial = viable.last
        while serial != viable.compacted {
            guard serial > viable.compacted else {
                throw .make(.malformed, "the log from \(viable.compacted) to \(viable.last) is broken: an update follows \(serial)", path: layout.viable)
            }
            let path = layout.update(serial)
            let update = try MicroUpdate(contentsOf: path, limits: limits)
            guard update.serial == serial else { throw .make(.malformed, "holds serial \(update.serial)", path: path) }
            log.append(update)
            serial = update.predecessor
        }
        return (state, log.reversed(), viable)
    }
}
