/// The body of the libFuzzer target for the message parser (`LLVMFuzzerTestOneInput`): parses
/// `data` in both forms, decodes every part, reads every header, filename, charset and the
/// envelope, and converts between the forms. It must never crash, hang or allocate without
/// bound, whatever `data` holds. Small limits keep each run fast while still reaching them.
/// - Returns: the error of the first parse (rendered form, whole body), nil when it parsed.
@discardableResult
public func fuzzParseMessage(_ data: UnsafeRawBufferPointer) -> MessageParseError? {
    let bytes = [UInt8](data)
    var limits = MessageLimits()
    limits.maxDepth = 12
    limits.maxParts = 200
    limits.maxDecodedPartSize = 1 << 20
    limits.maxDecodedTotalSize = 4 << 20
    let wire = MessageRendering.wire(rendered: bytes)
    var firstError: MessageParseError?
    for (run, (input, form)) in [(bytes, MessageForm.rendered), (bytes, .wire), (wire, .wire)].enumerated() {
        for maxBodyLength in [nil, bytes.count / 2] {
            do throws(MessageParseError) {
                exercise(try Message(bytes: input, form: form, limits: limits, maxBodyLength: maxBodyLength))
            } catch {
                if run == 0, maxBodyLength == nil { firstError = error }
            }
        }
    }
    if let rendered = try? MessageRendering.render(wire: wire, modifications: [
        .add(name: "X-Imprint", value: "fuzz"), .replace(name: "Subject", value: "s"), .remove(name: "Received"),
    ]) {
        _ = try? Message(rendered: rendered, limits: limits)
    }
    var decoder = WireDecoder()
    decoder.update(wire)
    _ = decoder.finalize()
    _ = Mbox.messageRanges(in: bytes)
    return firstError
}

private func exercise(_ message: Message) {
    var sink = 0
    for part in message.parts {
        for field in part.headers {
            sink &+= field.name.utf8.count &+ field.decodedValue.utf8.count &+ field.rawField.count
        }
        sink &+= part.filename?.utf8.count ?? 0
        sink &+= part.charset?.utf8.count ?? 0
        sink &+= part.isAttachment ? 1 : 0
        sink &+= part.body.count &+ (part.preamble?.count ?? 0) &+ (part.epilogue?.count ?? 0)
        if let text = message.text(of: part) { sink &+= text.utf8.count }
    }
    for (_, body) in message.decodedParts() { sink &+= body.bytes.count }
    message.forEachDecodedPart { _, body in sink &+= body.bytes.count }
    let envelope = message.envelope
    sink &+= envelope.recipients.count &+ (envelope.clientIP?.bytes.count ?? 0)
    if let rendered = try? message.rendered(with: [.add(name: "X-Test", value: "1")]) { sink &+= rendered.count }
    precondition(sink >= 0 || sink < 0)
}
