/// The text-file targets of `FuzzTarget`: the cartridge directory's three text files, read as
/// `Cartridge(directory:)` reads them (UTF-8 validated by `TextLines.text(_:path:)`), and the
/// analysis header decoder.
enum TextFileFuzzing {
    /// `CartridgeConfig(parsing:path:)`, then the same lines applied again as a micro-update's
    /// configuration lines are (repeats allowed), and the configuration's own lines read back
    /// to the same configuration.
    static func config(_ data: UnsafeRawBufferPointer) -> FuzzTarget.Outcome {
        var config: CartridgeConfig
        do {
            let text = try TextLines.text(Array(data), path: "cartridge.cfg")
            config = try CartridgeConfig(parsing: text, path: "cartridge.cfg")
            try config.apply(text, path: "update.mu", allowRepeats: true)
        } catch {
            return .rejected("\(error)")
        }
        let again = try? CartridgeConfig(parsing: config.lines.joined(separator: "\n"), path: "cartridge.cfg")
        precondition(again == config, "a configuration does not read back from its own lines")
        return .accepted
    }

    /// `Whitelist(parsing:path:)`, then its rules evaluated (PCRE2 under its limits) on a
    /// subject made of the input: its lines as header values and as the body.
    static func whitelist(_ data: UnsafeRawBufferPointer) -> FuzzTarget.Outcome {
        let whitelist: Whitelist
        let text: String
        do {
            text = try TextLines.text(Array(data), path: "whitelist.cfg")
            whitelist = try Whitelist(parsing: text, path: "whitelist.cfg")
        } catch {
            return .rejected("\(error)")
        }
        let lines = text.split(separator: "\n").prefix(8).map(String.init)
        let subject = WhitelistSubject(fromAddresses: lines, envelopeFrom: lines.last, clientIP: IPAddress("192.0.2.1"),
                                       headers: lines.map { (name: "Subject", value: $0) }, body: Array(data))
        fuzzSink ^= UInt64(whitelist.evaluate(subject).limitHits.count)
        return .accepted
    }

    /// `CategoryTable(parsing:path:)`, every code described, then the table's own lines read back
    /// to the same table.
    static func categories(_ data: UnsafeRawBufferPointer) -> FuzzTarget.Outcome {
        let table: CategoryTable
        do {
            table = try CategoryTable(parsing: TextLines.text(Array(data), path: "categories.cats"), path: "categories.cats")
        } catch {
            return .rejected("\(error)")
        }
        for code in table.entries.keys { fuzzSink ^= UInt64(table.describeCategory(code).category?.name.utf8.count ?? 0) }
        let again = try? CategoryTable(parsing: table.lines.joined(separator: "\n"), path: "categories.cats")
        precondition(again == table, "a category table does not read back from its own lines")
        return .accepted
    }

    /// `AnalysisHeader(parsing:)` on the input as text (as `imprint explain` gets it), then the
    /// header written again.
    static func analysisHeader(_ data: UnsafeRawBufferPointer) -> FuzzTarget.Outcome {
        do {
            let header = try AnalysisHeader(parsing: String(decoding: data, as: UTF8.self))
            fuzzSink ^= UInt64(header.text.utf8.count)
            return .accepted
        } catch {
            return .rejected("\(error)")
        }
    }
}
