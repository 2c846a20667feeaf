// libFuzzer entry point for the message parser: every input goes through `fuzzParseMessage`
// (Sources/Imprint/Message/FuzzEntry.swift), which parses both forms and decodes every part.
// Built by scripts/fuzz/fuzz_mime.sh with `-sanitize=fuzzer,address`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessageParser(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    fuzzParseMessage(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}
