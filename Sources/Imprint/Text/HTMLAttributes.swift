/// Iterates over the attributes in a start tag's raw bytes: `name`, `name=value`,
/// `name="value"`, `name='value'`, in any mix and spacing (HTML Living Standard 13.2.5.32-39).
/// Names and values are raw byte ranges (names cut to at most 15 bytes, values with entities
/// not yet decoded): `HTMLAttributeName` recognizes the names that matter without a String.
struct HTMLAttributes: IteratorProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        self.bytes = bytes
        self.index = range.lowerBound
        self.end = range.upperBound
    }

    mutating func next() -> (name: Range<Int>, value: Range<Int>?)? {
        while index < end, HTMLTokenizer.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < end else { return nil }
        let nameStart = index
        index += 1  // a name may start with '=' (a parse error browsers accept)
        while index < end, !HTMLTokenizer.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        let attributeName = nameStart..<min(index, nameStart + 15)
        var look = index
        while look < end, HTMLTokenizer.isSpace(bytes[look]) { look += 1 }
        guard look < end, bytes[look] == UInt8(ascii: "=") else {
            index = look
            return (attributeName, nil)
        }
        look += 1
        while look < end, HTMLTokenizer.isSpace(bytes[look]) { look += 1 }
        guard look < end else {
            index = end
            return (attributeName, end..<end)
        }
        let quote = bytes[look]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            var close = look + 1
            while close < end, bytes[close] != quote { close += 1 }
            index = min(close + 1, end)
            return (attributeName, (look + 1)..<close)
        }
        var close = look
        while close < end, !HTMLTokenizer.isSpace(bytes[close]) { close += 1 }
        index = close
        return (attributeName, look..<close)
    }
}
