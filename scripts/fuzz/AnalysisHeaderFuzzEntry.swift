import Imprint

/// libFuzzer entry point of the `analysis-header` target: `FuzzTarget.analysisHeader` (Sources/Imprint/Fuzz/FuzzTarget.swift).
/// Built and run by `scripts/fuzz.sh`; its crashers are replayed by `CrasherReplayTests`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalysisHeader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.analysisHeader.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
