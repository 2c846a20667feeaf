import Imprint

/// libFuzzer entry point of the `png` target: `FuzzTarget.png` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.png.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
