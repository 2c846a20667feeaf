/// Falling back to the last viable state a damaged cartridge directory still holds.
extension CartridgeLog {
    /// What `recover` found: the state to start from, the updates to replay over it, and
    /// the viable state they make.
    struct Recovery {
        var state: FingerprintDatabase
        var log: [MicroUpdate]
        var viable: CartridgeLayout.Viable
    }

    /// The last viable state that still verifies, when `read` refused the directory.
    ///
    /// The start is the first of these that verifies: the compacted state `states/viable`
    /// names, the other `states/<serial>.db` files newest first, the base database. Then the
    /// log is followed forward from it through the `micro_updates/<serial>.mu` files that
    /// verify, up to the last serial `states/viable` records (none past the start when
    /// `states/viable` itself is damaged: an update copied in but never applied must not be
    /// replayed), stopping at the first missing or refused link. Every file refused on the
    /// way is reported to `events`.
    /// - Throws: the first error when not even a start state verifies.
    static func recover(_ layout: CartridgeLayout, limits: CartridgeLimits, events: (String, any Error) -> Void)
        throws(CartridgeError) -> Recovery {
        var recorded: CartridgeLayout.Viable?
        do { recorded = try layout.readViable() } catch { events(layout.viable, error) }
        var candidates: [String] = []
        if let recorded, AtomicFile.exists(layout.state(recorded.compacted)) { candidates.append(layout.state(recorded.compacted)) }
        let states = (AtomicFile.list(layout.states) ?? []).compactMap { name -> UInt32? in
            name.hasSuffix(".db") ? UInt32(name.dropLast(3)) : nil
        }
        candidates += states.sorted(by: >).map(layout.state).filter { !candidates.contains($0) }
        candidates.append(layout.database)
        var firstError: CartridgeError?
        for path in candidates {
            let state: FingerprintDatabase
            do throws(CartridgeError) {
                state = try FingerprintDatabase(contentsOf: path, limits: limits)
                if path != layout.database, layout.state(state.version.serial) != path {
                    throw CartridgeError.make(.malformed, "holds serial \(state.version.serial)", path: path)
                }
            } catch {
                firstError = firstError ?? error
                events(path, error)
                continue
            }
            let limit = max(state.version.serial, recorded?.last ?? state.version.serial)
            let log = forwardLog(layout, from: state.version.serial, through: limit, limits: limits, events: events)
            let last = log.last?.serial ?? state.version.serial
            return Recovery(state: state, log: log, viable: CartridgeLayout.Viable(compacted: state.version.serial, last: last))
        }
        throw firstError ?? .make(.io, "no database to open", path: layout.database)
    }

    /// The chain of verified updates from `start` (exclusive) towards `limit` (inclusive).
    static func forwardLog(_ layout: CartridgeLayout, from start: UInt32, through limit: UInt32, limits: CartridgeLimits,
                           events: (String, any Error) -> Void) -> [MicroUpdate] {
        guard limit > start else { return [] }
        let serials = (AtomicFile.list(layout.updates) ?? []).compactMap { name -> UInt32? in
            name.hasSuffix(".mu") ? UInt32(name.dropLast(3)) : nil
        }.filter { $0 > start && $0 <= limit }.sorted()
        var byPredecessor: [UInt32: MicroUpdate] = [:]
        for serial in serials {
            let path = layout.update(serial)
            do {
                let update = try MicroUpdate(contentsOf: path, limits: limits)
                guard update.serial == serial else { throw CartridgeError.make(.malformed, "holds serial \(update.serial)", path: path) }
                if byPredecessor[update.predecessor] == nil { byPredecessor[update.predecessor] = update }
            } catch {
                events(path, error)
            }
        }
        var log: [MicroUpdate] = []
        var serial = start
        while let next = byPredecessor[serial], next.serial > serial {
            log.append(next)
            serial = next.serial
        }
        return log
    }
}
