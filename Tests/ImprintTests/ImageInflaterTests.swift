import Imprint
import Testing

/// `Inflater.inflate(_:into:)`, the bounded zero-copy path PNG decoding uses.
@Suite("Inflater into a caller's buffer")
struct ImageInflaterTests {
    /// zlib.compress(b"imprint " * 40, 9): 320 bytes.
    static let stream: [UInt8] = [0x78, 0xda, 0xcb, 0xcc, 0x2d, 0x28, 0xca, 0xcc, 0x2b, 0x51, 0xc8, 0x1c,
                                  0xa5, 0xc9, 0xa2, 0x01, 0xd5, 0xea, 0x7d, 0x79]
    static let plain = Array(String(repeating: "imprint ", count: 40).utf8)

    func inflate(_ input: [UInt8], capacity: Int) -> Result<[UInt8], InflateError> {
        var output = [UInt8](repeating: 0, count: capacity)
        let result = input.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { output in
                Result { () throws(InflateError) -> Int in try Inflater(format: .zlib).inflate(input, into: output) }
            }
        }
        return result.map { Array(output[0..<$0]) }
    }

    @Test("exact, roomy and too-small buffers")
    func sizes() throws {
        #expect(try inflate(Self.stream, capacity: 320).get() == Self.plain)
        #expect(try inflate(Self.stream, capacity: 1000).get() == Self.plain)
        for capacity in [0, 1, 319] {
            guard case .failure(let error) = inflate(Self.stream, capacity: capacity) else {
                Issue.record("capacity \(capacity) accepted"); continue
            }
            #expect(error.code == .outputLimitExceeded)
        }
    }

    @Test("every truncation is an error, never a short success")
    func truncated() {
        for length in 0..<Self.stream.count {
            guard case .failure(let error) = inflate(Array(Self.stream[0..<length]), capacity: 320) else {
                Issue.record("cut at \(length) accepted"); continue
            }
            #expect(error.code == .truncated || error.code == .corrupt)
        }
    }
}
