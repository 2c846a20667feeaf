import Imprint

/// libFuzzer entry point of the `bmp` target: `FuzzTarget.bmp` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBMP(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.bmp.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
