import Imprint

/// libFuzzer entry point of the `cartridge` target: `FuzzTarget.cartridge` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCartridge(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.cartridge.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
