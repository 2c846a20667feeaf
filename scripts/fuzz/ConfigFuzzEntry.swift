import Imprint

/// libFuzzer entry point of the `config` target: `FuzzTarget.config` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.config.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
