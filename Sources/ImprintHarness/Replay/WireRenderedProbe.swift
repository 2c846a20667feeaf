import Imprint

/// The wire-versus-rendered comparison: each message scored from its SMTP wire form
/// (dot-stuffed CRLF, made once before timing; the parser reads it in place and un-stuffs
/// lazily) and from its rendered form with a policy-added header (`X-Imprint-Policy: checked`
/// prepended to a copy: the one body copy a gateway's policy step makes).
///
/// `seconds` is the sum of per-message times (so it does not depend on the thread count);
/// `bytes_copied` counts the bytes the harness copies per path (the parser's own decoding
/// buffers are not counted on either side); `allocations` is -1: glibc has no allocation
/// counter (mallinfo2 reports bytes in use, not calls), so it is not measured.
enum WireRenderedProbe {
    static let policyHeader = Array("X-Imprint-Policy: checked\r\n".utf8)

    static func run(_ messages: [ReplayMessage], engine: Engine, snapshot: CartridgeSnapshot, threads: Int) -> Report.WireVsRendered {
        let wires: [[UInt8]] = parallelMap(messages.count, threads: threads) { MessageRendering.wire(rendered: messages[$0].bytes) }
        struct Sample: Sendable { var wireNanos: UInt64, renderedNanos: UInt64, copied: Int, agree: Bool?, scored: Bool }
        let samples: [Sample] = parallelMap(messages.count, threads: threads) { index in
            let wireStart = Clock.nanoseconds()
            let wire = try? engine.evaluate(wires[index], form: .wire, snapshot: snapshot).verdict
            let wireEnd = Clock.nanoseconds()
            let source = messages[index].bytes
            var copy: [UInt8] = []
            copy.reserveCapacity(policyHeader.count + source.count)
            copy.append(contentsOf: policyHeader)
            copy.append(contentsOf: Self.droppingMboxLine(source))
            let rendered = try? engine.evaluate(copy, form: .rendered, snapshot: snapshot).verdict
            let renderedEnd = Clock.nanoseconds()
            let agree: Bool? = wire.flatMap { w in rendered.map { $0.isSpam == w.isSpam } }
            return Sample(wireNanos: wireEnd - wireStart, renderedNanos: renderedEnd - wireEnd, copied: copy.count,
                          agree: agree, scored: wire != nil || rendered != nil)
        }
        let compared = samples.compactMap(\.agree)
        return Report.WireVsRendered(
            wire: Report.FormCost(seconds: Double(samples.reduce(0) { $0 + $1.wireNanos }) / 1e9, bytesCopied: 0, allocations: -1),
            rendered: Report.FormCost(seconds: Double(samples.reduce(0) { $0 + $1.renderedNanos }) / 1e9,
                                      bytesCopied: samples.reduce(0) { $0 + $1.copied }, allocations: -1),
            verdictAgreement: compared.isEmpty ? 1 : Double(compared.filter { $0 }.count) / Double(compared.count))
    }

    /// The message without a leading mbox `From ` line (the header goes before the first field).
    static func droppingMboxLine(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        guard bytes.starts(with: Array("From ".utf8)), let newline = bytes.firstIndex(of: 0x0A) else { return bytes[...] }
        return bytes[(newline + 1)...]
    }
}
