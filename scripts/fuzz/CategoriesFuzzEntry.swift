import Imprint

/// libFuzzer entry point of the `categories` target: `FuzzTarget.categories` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCategories(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.categories.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
