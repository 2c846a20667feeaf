import Imprint

/// The wire-versus-rendered comparison: each message scored from its SMTP wire form
/// (dot-stuffed CRLF, made once before timing; the parser reads it in place and un-stuffs
/// lazily) and from its rendered form with a policy-added header (`X-Imprint-Policy: checked`
/// prepended to a copy: the one body copy a gateway's policy step makes).
///
/// `seconds` is the sum of per-message times (so it does not depend on the thread count),
/// averaged over two passes of each form in the order wire, rendered, rendered, wire;
/// `bytes_copied` counts the bytes the harness copies per path (the parser's own decoding
/// buffers are not counted on either side); `allocations` counts the heap allocations of each
/// pass (parse, fingerprint, score: everything the engine does for the form), read from
/// `AllocationCounting` around the pass, so the two forms run as two passes one after the
/// other with nothing else running; -1 when no counter is installed (a library host).
enum WireRenderedProbe {
    static let policyHeader = Array("X-Imprint-Policy: checked\r\n".utf8)

    private struct Sample: Sendable { var nanos: UInt64, copied: Int, isSpam: Bool? }

    static func run(_ messages: [ReplayMessage], engine: Engine, snapshot: CartridgeSnapshot, threads: Int) -> Report.WireVsRendered {
        let wires: [[UInt8]] = parallelMap(messages.count, threads: threads) { MessageRendering.wire(rendered: messages[$0].bytes) }
        func pass(wireForm: Bool) -> [Sample] {
            parallelMap(messages.count, threads: threads) { index in
                let start = Clock.nanoseconds()
                if wireForm {
                    let verdict = try? engine.evaluate(wires[index], form: .wire, snapshot: snapshot).verdict
                    return Sample(nanos: Clock.nanoseconds() - start, copied: 0, isSpam: verdict?.isSpam)
                }
                let source = messages[index].bytes
                var copy: [UInt8] = []
                copy.reserveCapacity(policyHeader.count + source.count)
                copy.append(contentsOf: policyHeader)
                copy.append(contentsOf: Self.droppingMboxLine(source))
                let verdict = try? engine.evaluate(copy, form: .rendered, snapshot: snapshot).verdict
                return Sample(nanos: Clock.nanoseconds() - start, copied: copy.count, isSpam: verdict?.isSpam)
            }
        }
        // Four passes, wire, rendered, rendered, wire, so that neither form alone pays for the
        // first touch of the cartridge's pages or gains from the second: times are the sums of
        // both passes of a form; verdicts and allocations are the first pass's.
        let (wire, wireAllocations) = AllocationCounting.counting { pass(wireForm: true) }
        let (rendered, renderedAllocations) = AllocationCounting.counting { pass(wireForm: false) }
        let renderedAgain = pass(wireForm: false), wireAgain = pass(wireForm: true)
        let compared = zip(wire, rendered).compactMap { pair in pair.0.isSpam.flatMap { w in pair.1.isSpam.map { $0 == w } } }
        func cost(_ samples: [Sample], _ again: [Sample], _ allocations: Int) -> Report.FormCost {
            let nanos = samples.reduce(0) { $0 + $1.nanos } + again.reduce(0) { $0 + $1.nanos }
            return Report.FormCost(seconds: Double(nanos) / 2e9, bytesCopied: samples.reduce(0) { $0 + $1.copied }, allocations: allocations)
        }
        return Report.WireVsRendered(
            wire: cost(wire, wireAgain, wireAllocations), rendered: cost(rendered, renderedAgain, renderedAllocations),
            verdictAgreement: compared.isEmpty ? 1 : Double(compared.filter { $0 }.count) / Double(compared.count))
    }

    /// The message without a leading mbox `From ` line (the header goes before the first field).
    static func droppingMboxLine(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        guard bytes.starts(with: Array("From ".utf8)), let newline = bytes.firstIndex(of: 0x0A) else { return bytes[...] }
        return bytes[(newline + 1)...]
    }
}
