import Imprint

/// A gzip stream (RFC 1952 around RFC 1951 deflate) that starts with real bytes and then
/// inflates to `bombBytes` more zeros from about `bombBytes / 1032` compressed bytes: the
/// highest ratio deflate allows.
///
/// The bomb is one dynamic-Huffman block whose literal/length code has three symbols
/// (literal 0: `10`, end of block: `11`, length 258: `0`) and whose distance code has one
/// (distance 1: `0`), so after one literal zero every further 258 bytes cost two zero bits.
/// The prefix goes first in stored blocks. The trailer's CRC-32 is left 0 and its size is
/// mod 2^32 (computing the CRC of gigabytes for a stream that must be refused before its end
/// would cost the run more than it tests): a reader without an output bound finds the
/// mismatch only after inflating it all.
enum GzipBomb {
    static func make(prefix: [UInt8], bombBytes: Int) -> [UInt8] {
        var writer = BitWriter()
        writer.bytes = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var offset = 0
        while offset < prefix.count {  // stored blocks of at most 65,535 bytes
            let count = min(65_535, prefix.count - offset)
            writer.write(0, bits: 1)
            writer.write(0, bits: 2)
            writer.alignToByte()
            writer.bytes += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            writer.bytes += prefix[offset..<(offset + count)]
            offset += count
        }
        writer.write(1, bits: 1)  // BFINAL
        writer.write(2, bits: 2)  // dynamic Huffman
        writer.write(29, bits: 5)  // HLIT: 286 codes
        writer.write(0, bits: 5)  // HDIST: 1 code
        writer.write(14, bits: 4)  // HCLEN: 18 code-length codes
        // Code-length code lengths in the RFC 1951 order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1:
        // symbol 18 gets 1 bit (`0`), symbols 1 and 2 get 2 bits (`10`, `11`).
        for symbol in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1] {
            writer.write(symbol == 18 ? 1 : (symbol == 1 || symbol == 2) ? 2 : 0, bits: 3)
        }
        // Lengths: literal 0 -> 2, 1...255 -> 0, 256 -> 2, 257...284 -> 0, 285 -> 1, distance 0 -> 1.
        writer.huffman(0b11, length: 2)  // "2"
        writer.huffman(0, length: 1); writer.write(138 - 11, bits: 7)  // 138 zeros
        writer.huffman(0, length: 1); writer.write(117 - 11, bits: 7)  // 117 zeros
        writer.huffman(0b11, length: 2)  // "2" for 256
        writer.huffman(0, length: 1); writer.write(28 - 11, bits: 7)  // 28 zeros
        writer.huffman(0b10, length: 2)  // "1" for 285
        writer.huffman(0b10, length: 2)  // "1" for distance 0
        writer.huffman(0b10, length: 2)  // literal 0
        let matches = max(0, bombBytes - 1) / 258
        // Each match is two zero bits: after a few to reach a byte boundary, whole zero bytes.
        let bits = 2 * matches
        let lead = min(bits, (8 - writer.pending) % 8)
        writer.write(0, bits: lead)
        writer.bytes += [UInt8](repeating: 0, count: (bits - lead) / 8)
        writer.write(0, bits: (bits - lead) % 8)
        writer.huffman(0b11, length: 2)  // end of block
        writer.alignToByte()
        let size = UInt32(truncatingIfNeeded: prefix.count + 1 + matches * 258)
        writer.bytes += [0, 0, 0, 0]
        writer.bytes += (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
        return writer.bytes
    }

    /// LSB-first bit packing as deflate writes it.
    struct BitWriter {
        var bytes: [UInt8] = []
        var accumulator: UInt32 = 0
        var pending = 0

        mutating func write(_ value: Int, bits: Int) {
            accumulator |= UInt32(value & ((1 << bits) - 1)) << UInt32(pending)
            pending += bits
            while pending >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                pending -= 8
            }
        }

        /// A Huffman code: most significant bit first.
        mutating func huffman(_ code: Int, length: Int) {
            for shift in stride(from: length - 1, through: 0, by: -1) { write((code >> shift) & 1, bits: 1) }
        }

        mutating func alignToByte() {
            if pending > 0 { write(0, bits: 8 - pending) }
        }
    }
}
