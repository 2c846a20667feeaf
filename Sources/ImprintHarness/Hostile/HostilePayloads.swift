import Imprint

/// The large pieces of the structural hostile mutations, built per mutant from its generator
/// (so a mutant is reproducible from the seed and its number alone, and nothing large stays
/// resident between mutants).
enum HostilePayloads {
    /// Levels of MIME nesting in a `deepNesting` mutant.
    static let nestingDepth = 10_000
    /// Bytes of the field in a `hugeHeader` mutant.
    static let hugeHeaderBytes = 50_000_000
    /// Decoded bytes of the base64 body in a `hugeBase64` mutant: 80 MiB, past the 64 MiB
    /// `MessageLimits.maxDecodedPartSize`. A real 2 GiB decode needs 2.7 GiB of base64 held
    /// in memory before the engine sees it, which no per-message memory bound can allow; the
    /// part therefore *declares* 2 GiB and carries the largest body the bound leaves room for.
    static let hugeBase64DecodedBytes = 80 << 20
    /// The size a `hugeBase64` part declares.
    static let declaredHugeSize = 2_147_483_648
    /// The dimensions a `giantPNG` image declares.
    static let giantPNGSide: UInt32 = 100_000

    /// The original at the bottom of `nestingDepth` levels, in one of four shapes.
    static func deepNesting(_ original: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        let depth = nestingDepth
        var out = Array("From: nest@hostile.test\r\nSubject: deep\r\nMIME-Version: 1.0\r\n".utf8)
        out.reserveCapacity(original.count + depth * 80)
        switch random.next() % 4 {
        case 0, 1:  // multiparts, distinct (0) or one shared (1) boundary, closed or not
            let shared = random.next() % 2 == 0
            let closed = random.next() % 2 == 0
            for level in 0..<depth {
                let boundary = shared ? "b" : "b\(level)"
                out += Array("Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n--\(boundary)\r\n".utf8)
            }
            out += Array("Content-Type: message/rfc822\r\n\r\n".utf8)
            out += original
            if closed {
                for level in stride(from: depth - 1, through: 0, by: -1) {
                    out += Array("\r\n--\(shared ? "b" : "b\(level)")--\r\n".utf8)
                }
            }
        case 2:  // message/rfc822 wrappers
            for _ in 0..<depth { out += Array("Content-Type: message/rfc822\r\n\r\n".utf8) }
            out += original
        default:  // alternating multipart and message/rfc822
            for level in 0..<depth {
                if level % 2 == 0 {
                    out += Array("Content-Type: multipart/alternative; boundary=\"a\(level)\"\r\n\r\n--a\(level)\r\n".utf8)
                } else {
                    out += Array("Content-Type: message/rfc822\r\n\r\n".utf8)
                }
            }
            out += original
        }
        return out
    }

    /// A `hugeHeaderBytes` header field put first: one line of letters, or folded encoded words.
    static func hugeHeader(_ original: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(hugeHeaderBytes + original.count + 64)
        let chunk: [UInt8]
        if random.next() % 2 == 0 {
            out += Array("X-Hostile: ".utf8)
            chunk = (0..<4096).map { _ in UInt8(0x61 + random.next() % 26) }
        } else {
            out += Array("Subject:".utf8)
            chunk = Array(" =?utf-8?B?w6lsw6hwaGFudCDwn5CY?=\r\n".utf8)
        }
        while out.count + chunk.count < hugeHeaderBytes { out += chunk }
        out += Array("\r\n".utf8)
        out += original
        return out
    }

    /// The original wrapped with an application/octet-stream base64 part declaring
    /// `declaredHugeSize` bytes and holding `hugeBase64DecodedBytes` (76-column lines, a
    /// random 57-byte line pattern; sometimes a cut last quantum).
    static func hugeBase64(_ original: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        let pattern = (0..<57).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let line = Base64Line.encode(pattern) + [0x0D, 0x0A]
        var part = Array("""
            Content-Type: application/octet-stream; name="huge.bin"; size=\(declaredHugeSize)\r
            Content-Disposition: attachment; filename="huge.bin"; size=\(declaredHugeSize)\r
            Content-Length: \(declaredHugeSize / 3 * 4)\r
            Content-Transfer-Encoding: base64\r
            \r

            """.utf8)
        let lines = hugeBase64DecodedBytes / 57 + 1
        part.reserveCapacity(part.count + lines * line.count)
        for _ in 0..<lines { part += line }
        if random.next() % 2 == 0 { part.removeLast(5) }
        return MessageShape.wrap(original, adding: part)
    }

    /// The original wrapped with an image/png part (base64, inline or attached) whose IHDR
    /// declares `giantPNGSide` squared RGBA pixels, followed by a small valid IDAT and IEND.
    static func giantPNG(_ original: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + data
            return bigEndian(UInt32(data.count)) + typed + bigEndian(CRC32.checksum(typed))
        }
        let side = bigEndian(giantPNGSide)
        let colour: UInt8 = [0, 2, 3, 4, 6][Int(random.next() % 5)]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", side + side + [8, colour, 0, 0, random.next() % 4 == 0 ? 1 : 0])
        if colour == 3 { png += chunk("PLTE", [0, 0, 0, 255, 255, 255]) }
        png += chunk("IDAT", Deflater.compress([UInt8](repeating: 0, count: 1 + Int(random.next() % 65_536)), format: .zlib))
        png += chunk("IEND", [])
        let disposition = random.next() % 2 == 0 ? "inline" : "attachment"
        var part = Array("""
            Content-Type: image/png; name="giant.png"\r
            Content-Disposition: \(disposition); filename="giant.png"\r
            Content-ID: <giant@hostile.test>\r
            Content-Transfer-Encoding: base64\r
            \r

            """.utf8)
        var offset = 0
        while offset < png.count {
            part += Base64Line.encode(Array(png[offset..<min(png.count, offset + 57)])) + [0x0D, 0x0A]
            offset += 57
        }
        return MessageShape.wrap(original, adding: part)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}

/// RFC 4648 base64 of one line's bytes (the mutations' own encoder: the engine's decoder is
/// what is under test, so the corpus does not use it).
enum Base64Line {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var word = UInt32(bytes[index]) << 16
            if count > 1 { word |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { word |= UInt32(bytes[index + 2]) }
            for position in 0..<4 {
                out.append(position <= count ? alphabet[Int((word >> UInt32(18 - 6 * position)) & 63)] : 0x3D)
            }
            index += 3
        }
        return out
    }
}
