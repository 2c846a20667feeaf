import Imprint
import ImprintTestSupport
import Testing

@Suite("Message limits")
struct MessageLimitsTests {
    @Test("depth: deep nesting stops at maxDepth as a flagged partial parse, in linear time")
    func depth() throws {
        var text = ""
        for level in 0..<5_000 { text += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        text += "\nleaf\n"
        let message = try Message(rendered: [UInt8](text))
        #expect(message.anomalies.contains(.depthLimit))
        #expect(message.parts.count == MessageLimits.default.maxDepth + 1)
        #expect(message.parts.map(\.depth).max() == MessageLimits.default.maxDepth)
        var embedded = ""
        for _ in 0..<5_000 { embedded += "Content-Type: message/rfc822\n\n" }
        let rfc822 = try Message(rendered: [UInt8](embedded + "Subject: end\n\nx\n"))
        #expect(rfc822.anomalies.contains(.depthLimit))
        #expect(rfc822.parts.count == MessageLimits.default.maxDepth + 1)
    }

    @Test("part count: parts past maxParts are skipped and flagged")
    func partCount() throws {
        var limits = MessageLimits()
        limits.maxParts = 10
        let text = "Content-Type: multipart/mixed; boundary=z\n\n" + String(repeating: "--z\n\npart\n", count: 50) + "--z--\n"
        let message = try Message(rendered: [UInt8](text), limits: limits)
        #expect(message.parts.count == 10)
        #expect(message.anomalies.contains(.partLimit))
        #expect(message.anomalies.isDisjoint(with: .missingCloseBoundary))
    }

    @Test("header count and bytes: typed errors")
    func headerLimits() throws {
        var limits = MessageLimits()
        limits.maxHeaderCount = 100
        let many = String(repeating: "X-A: 1\n", count: 101) + "\nbody\n"
        #expect(throws: MessageParseError.self) { try Message(rendered: [UInt8](many), limits: limits) }
        let exact = try Message(rendered: [UInt8](String(repeating: "X-A: 1\n", count: 100) + "\n"), limits: limits)
        #expect(exact.headers.count == 100)
        limits.maxHeaderBytes = 1_000
        let folded = "Subject: x\n" + String(repeating: " folded line\n", count: 200) + "\n"
        do {
            _ = try Message(rendered: [UInt8](folded), limits: limits)
            Issue.record("expected headerTooLarge")
        } catch {
            #expect(error.code == .headerTooLarge)
        }
        // A long body line after a short header block is body, not header.
        let longBody = "Subject: x\n" + String(repeating: "b", count: 5_000) + "\n"
        #expect(try Message(rendered: [UInt8](longBody), limits: limits).anomalies.contains(.missingHeaderSeparator))
    }

    @Test("line length: an over-long line is flagged, not refused")
    func lineLength() throws {
        var limits = MessageLimits()
        limits.maxLineLength = 100
        let text = "Content-Type: multipart/mixed; boundary=q\n\n--q\n\n" + String(repeating: "x", count: 5_000) + "\n--q--\n"
        let message = try Message(rendered: [UInt8](text), limits: limits)
        #expect(message.anomalies.contains(.overlongLine))
        #expect(message.decodedBody(of: message.parts[1]).bytes.count == 5_000)
    }

    @Test("decoded size: per part and in total, flagged partial")
    func decodedSize() throws {
        var limits = MessageLimits()
        limits.maxDecodedPartSize = 1_000
        limits.maxDecodedTotalSize = 1_500
        let part = "--k\nContent-Transfer-Encoding: base64\n\n" + String(repeating: "QUFB", count: 600) + "\n"
        let text = "Content-Type: multipart/mixed; boundary=k\n\n" + String(repeating: part, count: 3) + "--k--\n"
        let message = try Message(rendered: [UInt8](text), limits: limits)
        let single = message.decodedBody(of: message.parts[1])
        #expect(single.bytes.count == 1_000 && single.isTruncated)
        let all = message.decodedParts().map(\.body)
        #expect(all.map(\.bytes.count) == [1_000, 500, 0])
        #expect(all.allSatisfy { $0.isTruncated })
    }

    @Test("hostile shapes stay linear: many boundaries, many dash lines, long encoded-word runs")
    func hostileShapes() throws {
        let dashes = "Content-Type: multipart/mixed; boundary=\"" + String(repeating: "-", count: 150) + "\"\n\n"
            + String(repeating: "--" + String(repeating: "-", count: 149) + "\n", count: 20_000)
        _ = try Message(rendered: [UInt8](dashes))
        let words = "Subject: " + String(repeating: "=?utf-8?q?", count: 50_000) + "\n\n"
        let message = try Message(rendered: [UInt8](words))
        #expect(message.headers["Subject"]?.isEmpty == false)
    }
}
