import Glibc

extension MessageParser {
    /// Reads a header block (RFC 5322 §2.2) at the cursor: fields with their continuation lines,
    /// up to and including the blank line. It also ends, without consuming the line, at a
    /// delimiter of an open multipart or at a line that is not a field (which starts the body, as
    /// in Python's `email.feedparser`). A `From ` line (mbox envelope) is skipped.
    ///
    /// The fields are collected in the `headerFields` working buffer and copied out at their
    /// exact size (the part's `HeaderList` keeps them).
    ///
    /// - Throws: `tooManyHeaders` past `MessageLimits.maxHeaderCount`, `headerTooLarge` past
    ///   `MessageLimits.maxHeaderBytes`.
    mutating func readHeaderBlock() throws(MessageParseError) -> [HeaderField] {
        var fields: [HeaderField] = []
        swap(&fields, &headerFields)
        defer {
            fields.removeAll(keepingCapacity: true)
            swap(&fields, &headerFields)
        }
        let blockStart = cursor.position
        var name = 0..<0
        var valueStart = 0, valueEnd = 0
        var open = false
        while let line = cursor.peek() {
            // Checked when a line is taken into the block (a long body line after it is fine).
            let overLimit = line.next - blockStart > limits.maxHeaderBytes
            if line.isEmpty {
                cursor.position = line.next
                break
            }
            let first = cursor.base[line.start]
            if first == 0x20 || first == 0x09 {
                if overLimit { throw headerTooLarge() }
                if open { valueEnd = line.contentEnd }
                cursor.position = line.next
                continue
            }
            if cursor.hasPrefix("From ", at: line.start, before: line.contentEnd) {
                if overLimit { throw headerTooLarge() }
                anomalies.insert(.mboxFromLine)
                cursor.position = line.next
                continue
            }
            if first == 0x2D, matchBoundaryLine(line) { break }
            guard let colon = fieldNameEnd(line) else {
                anomalies.insert(.missingHeaderSeparator)
                break
            }
            if open {
                fields.append(HeaderField(storage: storage, nameRange: name, valueRange: valueStart..<valueEnd))
            }
            if overLimit { throw headerTooLarge() }
            guard fields.count < limits.maxHeaderCount else {
                throw .make(.tooManyHeaders, "a header block has over \(limits.maxHeaderCount) fields")
            }
            name = line.start..<colon
            valueStart = colon + 1
            valueEnd = line.contentEnd
            open = true
            cursor.position = line.next
        }
        if open { fields.append(HeaderField(storage: storage, nameRange: name, valueRange: valueStart..<valueEnd)) }
        return fields.exactSizedCopy()
    }

    private func headerTooLarge() -> MessageParseError {
        .make(.headerTooLarge, "a header block is over \(limits.maxHeaderBytes) bytes")
    }

    /// The offset of the colon ending a field name made of printable ASCII (RFC 5322 ftext).
    private func fieldNameEnd(_ line: Line) -> Int? {
        var position = line.start
        while position < line.contentEnd {
            let byte = cursor.base[position]
            if byte == UInt8(ascii: ":") { return position }
            if byte < 0x21 || byte > 0x7E { return nil }
            position += 1
        }
        return nil
    }
}
