import Imprint

/// libFuzzer entry point of the `jpeg` target: `FuzzTarget.jpeg` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJPEG(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.jpeg.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
