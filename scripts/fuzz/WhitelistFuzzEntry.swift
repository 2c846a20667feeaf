import Imprint

/// libFuzzer entry point of the `whitelist` target: `FuzzTarget.whitelist` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWhitelist(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.whitelist.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
