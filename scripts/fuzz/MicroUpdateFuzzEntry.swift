import Imprint

/// libFuzzer entry point of the `microupdate` target: `FuzzTarget.microupdate` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMicroUpdate(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.microupdate.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
