import Glibc
import Foundation

typealias CountFn = @convention(c) () -> UInt64
let handle = dlopen(nil, RTLD_NOW)
let countPtr = dlsym(handle, "alloc_count")
let bytesPtr = dlsym(handle, "alloc_bytes")
let allocCount: CountFn? = countPtr.map { unsafeBitCast($0, to: CountFn.self) }
let allocBytes: CountFn? = bytesPtr.map { unsafeBitCast($0, to: CountFn.self) }

func now() -> Double { var t = timespec(); clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }

/// Parses every message of a corpus directory in both forms; see message_throughput.sh.
@main struct Bench {
    static func main() throws {
        let root = CommandLine.arguments[1]
        var files: [[UInt8]] = []
        let en = FileManager.default.enumerator(atPath: root)!
        while let p = en.nextObject() as? String {
            var dir: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &dir)
            if dir.boolValue || p.hasSuffix(".tsv") { continue }
            files.append(try FileBytes.read(root + "/" + p))
        }
        let wires = files.map { MessageRendering.wire(rendered: $0) }
        let total = Double(files.reduce(0) { $0 + $1.count })
        print("messages \(files.count), \(Int(total)) bytes")
        if let allocCount, let allocBytes {
            for size in [10_000, 10_000_000] {
                let line = String(repeating: "QUJD", count: 19) + "\n"
                let body = String(repeating: ".dot line\n" + line, count: size / 87)
                let text = "Subject: big\nContent-Type: multipart/mixed; boundary=z\n\n--z\nContent-Transfer-Encoding: base64\n\n" + body + "--z--\n"
                let wire = MessageRendering.wire(rendered: Array(text.utf8))
                let c0 = allocCount(), b0 = allocBytes()
                let m = try Message(wire: wire)
                let c1 = allocCount(), b1 = allocBytes()
                print("wire message of \(wire.count) bytes (\(m.parts.count) parts): parse made \(c1 - c0) allocations, \(b1 - b0) bytes")
            }
        }
        for (label, inputs, form) in [("rendered", files, MessageForm.rendered), ("wire", wires, .wire)] {
            var best = 1e9, bestDecode = 1e9
            var parts = 0
            for _ in 0..<5 {
                let t0 = now()
                for b in inputs { let m = try Message(bytes: b, form: form); parts &+= m.parts.count }
                best = min(best, now() - t0)
                let t1 = now()
                for b in inputs { let m = try Message(bytes: b, form: form); for (_, d) in m.decodedParts() { parts &+= d.bytes.count } }
                bestDecode = min(bestDecode, now() - t1)
            }
            print("\(label): parse \(String(format: "%.0f", total / best / 1e6)) MB/s (\(String(format: "%.0f", Double(inputs.count) / best)) msg/s); parse+decode all parts \(String(format: "%.0f", total / bestDecode / 1e6)) MB/s  [\(parts % 7)]")
            if let allocCount, let allocBytes {
                let c0 = allocCount(), b0 = allocBytes()
                var size = 0
                for b in inputs { let m = try Message(bytes: b, form: form); size &+= m.parts.count }
                let c1 = allocCount(), b1 = allocBytes()
                print("  \(label) parse: \(String(format: "%.1f", Double(c1 - c0) / Double(inputs.count))) allocations/message, \(String(format: "%.0f", Double(b1 - b0) / Double(inputs.count))) bytes allocated/message vs \(Int(total) / inputs.count) message bytes")
            }
        }
    }
}
