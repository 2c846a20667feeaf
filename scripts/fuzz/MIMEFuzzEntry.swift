import Imprint

/// libFuzzer entry point of the `mime` target: `FuzzTarget.mime` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.mime.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
