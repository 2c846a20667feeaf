/// The string kernels of CTPH comparison, each with ssdeep's scalar loop and a faster twin
/// selected by ``KernelPath``. Parts hold at most 64 base64 characters.
enum CTPHStrings {
    // MARK: - Sequence elimination

    /// `part` without the characters that repeat the previous three (runs longer than 3 are
    /// cut to 3), as ssdeep's comparison reads digests.
    static func eliminateSequences(_ part: [UInt8], path: KernelPath) -> [UInt8] {
        switch path {
        case .scalar: return eliminateScalar(part)
        case .simd: return hasLongRun(part) ? eliminateScalar(part) : part
        }
    }

    static func eliminateScalar(_ part: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        kept.reserveCapacity(part.count)
        for (index, character) in part.enumerated() {
            if index >= 3, part[index - 1] == character, part[index - 2] == character, part[index - 3] == character {
                continue
            }
            kept.append(character)
        }
        return kept
    }

    /// Whether some character equals the three before it, sixteen positions at a time.
    static func hasLongRun(_ part: [UInt8]) -> Bool {
        let count = part.count
        guard count >= 4 else { return false }
        // Three leading zero bytes (never a base64 character), the part, zero padding.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 + 64 + 16) { buffer in
            let base = buffer.baseAddress!
            base.initialize(repeating: 0, count: buffer.count)
            part.withUnsafeBufferPointer { base.advanced(by: 3).update(from: $0.baseAddress!, count: count) }
            let raw = UnsafeRawPointer(base)
            let lane = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
            var offset = 0
            while offset < count {
                let now = raw.loadUnaligned(fromByteOffset: 3 + offset, as: SIMD16<UInt8>.self)
                let back1 = raw.loadUnaligned(fromByteOffset: 2 + offset, as: SIMD16<UInt8>.self)
                let back2 = raw.loadUnaligned(fromByteOffset: 1 + offset, as: SIMD16<UInt8>.self)
                let back3 = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                let inside = lane .< SIMD16(repeating: UInt8(count - offset > 16 ? 16 : count - offset))
                let run = (now .== back1) .& (now .== back2) .& (now .== back3) .& inside
                if any(run) { return true }
                offset += 16
            }
            return false
        }
    }

    // MARK: - Common substring

    /// Whether the parts share a 7-character substring whose rolling hash is not zero
    /// (ssdeep `has_common_substring`: rolling hashes as a filter, then a direct comparison).
    static func haveCommonSubstring(_ s1: [UInt8], _ s2: [UInt8], path: KernelPath) -> Bool {
        let window = CTPH.RollingHash.window
        guard s1.count >= window, s2.count >= window else { return false }
        return s1.withUnsafeBufferPointer { p1 in
            s2.withUnsafeBufferPointer { p2 in
                switch path {
                case .scalar: return commonSubstringScalar(p1, p2)
                case .simd: return commonSubstringSIMD(p1, p2)
                }
            }
        }
    }

    static func commonSubstringScalar(_ s1: UnsafeBufferPointer<UInt8>, _ s2: UnsafeBufferPointer<UInt8>) -> Bool {
        let window = CTPH.RollingHash.window
        let positions = s1.count - window + 1
        var hashes = [UInt32](repeating: 0, count: positions)
        var roll = CTPH.RollingHash()
        for index in 0..<s1.count {
            roll.step(s1[index])
            if index >= window - 1 { hashes[index - window + 1] = roll.sum }
        }
        roll = CTPH.RollingHash()
        for index in 0..<s2.count {
            roll.step(s2[index])
            guard index >= window - 1 else { continue }
            let sum = roll.sum
            for position in 0..<positions where hashes[position] != 0 && hashes[position] == sum {
                if equalWindows(s1.baseAddress! + position, s2.baseAddress! + index - window + 1) { return true }
            }
        }
        return false
    }

    static func commonSubstringSIMD(_ s1: UnsafeBufferPointer<UInt8>, _ s2: UnsafeBufferPointer<UInt8>) -> Bool {
        let window = CTPH.RollingHash.window
        let positions = s1.count - window + 1
        let vectors = (positions + 7) / 8
        return withUnsafeTemporaryAllocation(of: SIMD8<UInt32>.self, capacity: 8) { table in
            table.initialize(repeating: .zero)
            let hashes = UnsafeMutableRawPointer(table.baseAddress!).assumingMemoryBound(to: UInt32.self)
            var roll = CTPH.RollingHash()
            for index in 0..<s1.count {
                roll.step(s1[index])
                if index >= window - 1 { hashes[index - window + 1] = roll.sum }
            }
            roll = CTPH.RollingHash()
            for index in 0..<s2.count {
                roll.step(s2[index])
                guard index >= window - 1 else { continue }
                let sum = roll.sum
                guard sum != 0 else { continue }  // zero hashes never match, as in ssdeep
                let wanted = SIMD8<UInt32>(repeating: sum)
                for vector in 0..<vectors {
                    let hits = table[vector] .== wanted
                    guard any(hits) else { continue }
                    for lane in 0..<8 where hits[lane] {
                        let position = vector * 8 + lane
                        if equalWindows(s1.baseAddress! + position, s2.baseAddress! + index - window + 1) {
                            return true
                        }
                    }
                }
            }
            return false
        }
    }

    @inline(__always)
    static func equalWindows(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>) -> Bool {
        for offset in 0..<CTPH.RollingHash.window where a[offset] != b[offset] { return false }
        return true
    }
}
