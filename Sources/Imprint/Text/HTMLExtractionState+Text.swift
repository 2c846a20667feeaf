import Foundation

extension HTMLExtractionState {
    /// Appends a text run: entities decoded, white space collapsed, invisible characters
    /// counted and dropped, and the result routed to the visible or hidden text.
    mutating func appendText(_ range: Range<Int>) {
        if inHead { return }
        let base = bytes.baseAddress! + range.lowerBound
        if memchr(base, Int32(UInt8(ascii: "&")), range.count) == nil {
            appendDecoded(UnsafeBufferPointer(start: base, count: range.count))
            return
        }
        scratch.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        let slice = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let next = HTMLEntities.decode(slice, at: index, into: &scratch, inAttribute: false) {
                index = next
            } else {
                scratch.append(byte)
                index += 1
            }
        }
        let decoded = scratch
        decoded.withUnsafeBufferPointer { appendDecoded($0) }
    }

    /// Appends decoded text, character by character (ASCII byte by byte).
    mutating func appendDecoded(_ run: UnsafeBufferPointer<UInt8>) {
        let frame = stack[stack.count - 1]
        let hides = frame.hides
        let tiny = frame.fontSize == .tiny
        let collectingAnchor = openLink != nil
        var index = 0
        let count = run.count
        while index < count {
            let byte = run[index]
            if byte > 0x20, byte < 0x7F {
                // Fast path: a run of visible ASCII, copied at once.
                var end = index + 1
                while end < count, run[end] > 0x20, run[end] < 0x7F { end += 1 }
                let piece = UnsafeBufferPointer(rebasing: run[index..<end])
                if hides {
                    features.hiddenCharacters += piece.count
                    if hidden.count + piece.count < limits.hiddenTextBytes {
                        if hiddenPendingSpace, !hidden.isEmpty { hidden.append(0x20) }
                        hidden.append(contentsOf: piece)
                    }
                    hiddenPendingSpace = false
                } else {
                    if tiny { features.tinyCharacters += piece.count }
                    let spaced = pendingSpace
                    if pendingSpace {
                        if let last = text.last, last != 0x0A { text.append(0x20) }
                        pendingSpace = false
                    }
                    text.append(contentsOf: piece)
                    if collectingAnchor {
                        if spaced, let last = openLink!.text.last, last != 0x20 { openLink!.text.append(0x20) }
                        let room = limits.anchorTextBytes - 1 - openLink!.text.count
                        if room > 0 { openLink!.text.append(contentsOf: piece.prefix(room)) }
                    }
                }
                index = end
                continue
            }
            var length = 1
            var scalar = UInt32(byte)
            if byte >= 0xC0 {
                length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if index + length > count { length = count - index }
                scalar = UInt32(byte) & (0xFF >> (length + 1))
                for offset in 1..<max(length, 1) { scalar = scalar << 6 | UInt32(run[index + offset] & 0x3F) }
            }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || scalar == 0xA0 {
                if hides { hiddenPendingSpace = true } else { pendingSpace = true }
                index += length
                continue
            }
            if scalar >= 0xAD, InvisibleCharacters.contains(scalar) {
                features.invisibleCharacters += 1
                index += length
                continue
            }
            if hides {
                features.hiddenCharacters += 1
                if hidden.count + length < limits.hiddenTextBytes {
                    if hiddenPendingSpace, !hidden.isEmpty { hidden.append(0x20) }
                    for offset in 0..<length { hidden.append(run[index + offset]) }
                }
                hiddenPendingSpace = false
                index += length
                continue
            }
            if tiny { features.tinyCharacters += 1 }
            let spaced = pendingSpace
            if pendingSpace {
                if let last = text.last, last != 0x0A { text.append(0x20) }
                pendingSpace = false
            }
            if length == 1 {
                text.append(byte)
            } else {
                for offset in 0..<length { text.append(run[index + offset]) }
            }
            if collectingAnchor, openLink!.text.count + length < limits.anchorTextBytes {
                if spaced, let last = openLink!.text.last, last != 0x20 { openLink!.text.append(0x20) }
                for offset in 0..<length { openLink!.text.append(run[index + offset]) }
            }
            index += length
        }
    }
}
