import ArgumentParser
import ImprintHarness

/// `--set KEY=VALUE` (repeatable) as settings, or a one-line error naming the key.
func tuningSettings(_ assignments: [String]) throws -> TuningSettings {
    do {
        return try TuningSettings(parsing: assignments)
    } catch let error as TuningError {
        throw CommandFailure("--set \(error)")
    }
}

/// The help of `--set`.
let setOptionHelp: ArgumentHelp = """
    Override a cartridge.cfg key or an engine parameter for this run, KEY=VALUE (repeatable), e.g. \
    MinimumScore=70, 'token prior strength=0.3', tlsh_radius=50, 'family tlsh=off', 'max body length=65536'.
    """
