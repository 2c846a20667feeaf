/// The stackable hostile mutations (`HostileMutation.stackable`): small edits at random places.
enum CheapMutations {
    static func position(in bytes: [UInt8], using random: inout SplitMix64) -> Int {
        Int(random.next() % UInt64(bytes.count + 1))
    }

    /// 1 to 32 bytes XORed with a random non-zero byte.
    static func flip(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        var out = bytes
        for _ in 0..<(1 + random.next() % 32) {
            out[Int(random.next() % UInt64(out.count))] ^= UInt8(1 + random.next() % 255)
        }
        return out
    }

    /// A boundary removed: all its delimiter lines, its closing line, one delimiter line, or
    /// the `boundary=` parameter itself. With no boundary, a random line goes.
    static func deleteBoundary(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        let lines = MessageShape.lines(bytes)
        let boundaries = MessageShape.boundaries(in: bytes)
        guard !boundaries.isEmpty else {
            guard !lines.isEmpty else { return bytes }
            var out = bytes
            out.removeSubrange(lines[Int(random.next() % UInt64(lines.count))])
            return out
        }
        let boundary = boundaries[Int(random.next() % UInt64(boundaries.count))]
        let delimiter = [0x2D, 0x2D] + boundary
        let matching = lines.filter { bytes[$0].starts(with: delimiter) }
        let doomed: [Range<Int>]
        switch random.next() % 4 {
        case 0: doomed = matching
        case 1: doomed = matching.filter { bytes[$0].starts(with: delimiter + [0x2D, 0x2D]) }
        case 2: doomed = matching.isEmpty ? [] : [matching[Int(random.next() % UInt64(matching.count))]]
        default:
            var out = bytes
            var index = 0
            while index + 9 <= out.count {
                if MessageShape.startsCaseInsensitive(out[index...], with: "boundary=") { out[index + 7] = 0x78 }  // boundarx=
                index += 1
            }
            return out
        }
        var out = bytes
        for range in doomed.reversed() { out.removeSubrange(range) }
        return out
    }

    /// 1 to 8 runs of 1 to 64 NULs, inserted or overwriting.
    static func insertNULs(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + random.next() % 8) {
            let run = [UInt8](repeating: 0, count: 1 + Int(random.next() % 64))
            let at = position(in: out, using: &random)
            if random.next() % 2 == 0 || at + run.count > out.count {
                out.insert(contentsOf: run, at: at)
            } else {
                out.replaceSubrange(at..<(at + run.count), with: run)
            }
        }
        return out
    }

    /// Sequences no UTF-8 decoder may accept.
    static let invalidSequences: [[UInt8]] = [
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xF0, 0x82, 0x82, 0xAC],  // overlong
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],  // surrogates
        [0x80], [0xBF, 0x80, 0xBF],  // lone continuation bytes
        [0xE2, 0x82], [0xF0, 0x9F, 0x98],  // cut sequences
        [0xFF], [0xFE, 0xFF], [0xF5, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],  // never valid, past U+10FFFF
    ]

    /// 1 to 16 invalid sequences at random places, and sometimes a header with an encoded word
    /// that decodes to them.
    static func insertInvalidUTF8(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + random.next() % 16) {
            let sequence = invalidSequences[Int(random.next() % UInt64(invalidSequences.count))]
            out.insert(contentsOf: sequence, at: position(in: out, using: &random))
        }
        if random.next() % 2 == 0 {
            var raw: [UInt8] = []
            for _ in 0..<(1 + random.next() % 8) { raw += invalidSequences[Int(random.next() % UInt64(invalidSequences.count))] }
            let field = Array("Subject: =?utf-8?B?".utf8) + Base64Line.encode(raw) + Array("?= =?utf-8?Q?=C3=28=A0=A1?=\r\n".utf8)
            out.insert(contentsOf: field, at: 0)
        }
        return out
    }

    /// A long line (1 KB to 3 MiB, a third of the time past the 1 MiB `maxLineLength`) inserted
    /// at a random place, or the line breaks of a region (up to 256 KB) removed.
    static func overlongLine(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        if random.next() % 3 == 0 && !out.isEmpty {
            let start = Int(random.next() % UInt64(out.count))
            let end = min(out.count, start + 1 + Int(random.next() % 262_144))
            out.replaceSubrange(start..<end, with: out[start..<end].filter { $0 != 0x0A && $0 != 0x0D })
            return out
        }
        let lengths = [1_000, 10_000, 100_000, 999_999, (1 << 20) + 17, 3 << 20]
        let length = lengths[Int(random.next() % UInt64(lengths.count))]
        let letters = Array("abcdefghijklmnopqrstuvwxyz <>=/:.".utf8)
        let unit = (0..<1024).map { _ in letters[Int(random.next() % UInt64(letters.count))] }
        var line: [UInt8] = []
        line.reserveCapacity(length + 2)
        while line.count + unit.count <= length { line += unit }
        line += unit[0..<(length - line.count)]
        out.insert(contentsOf: line + [0x0D, 0x0A], at: position(in: out, using: &random))
        return out
    }
}
