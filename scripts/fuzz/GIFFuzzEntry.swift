import Imprint

/// libFuzzer entry point of the `gif` target: `FuzzTarget.gif` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGIF(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.gif.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
