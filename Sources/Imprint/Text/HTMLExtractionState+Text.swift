extension HTMLExtractionState {
    /// Appends a text run: entities decoded, white space collapsed, invisible characters
    /// counted and dropped, and the result routed to the visible or hidden text.
    mutating func appendText(_ range: Range<Int>) {
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
        let frame = stack[stack.count - 1]
        let hides = frame.hides
        let tiny = frame.fontSize == .tiny
        scratch.withUnsafeBufferPointer { run in
            var index = 0
            let count = run.count
            while index < count {
                let byte = run[index]
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
                        hidden.append(contentsOf: run[index..<(index + length)])
                    }
                    hiddenPendingSpace = false
                } else {
                    if tiny { features.tinyCharacters += 1 }
                    let spaced = pendingSpace
                    if pendingSpace, let last = text.last, last != 0x0A { text.append(0x20) }
                    pendingSpace = false
                    text.append(contentsOf: run[index..<(index + length)])
                    if openLink != nil, openLink!.text.count + length < limits.anchorTextBytes {
                        if spaced, let last = openLink!.text.last, last != 0x20 { openLink!.text.append(0x20) }
                        openLink!.text.append(contentsOf: run[index..<(index + length)])
                    }
                }
                index += length
            }
        }
    }
}
