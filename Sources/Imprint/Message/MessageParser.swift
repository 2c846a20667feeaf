import Glibc

/// The single-pass MIME parser behind `Message`: one walk over the lines of the buffer, a stack
/// of the open multiparts' boundaries, no copy of any body.
///
/// RFC 5322 §2.2 (header fields), RFC 2046 §5.1.1 (a delimiter line is `--boundary`, optionally
/// `--`, then only whitespace; the line break before it belongs to it), with the tolerance of
/// Python's `email.feedparser`: a missing close delimiter ends the part at the enclosing boundary
/// or the end; a line that is not a header field ends the header block.
///
/// - Complexity: O(n · d) for n bytes and d open multiparts (d ≤ `MessageLimits.maxDepth`); only
///   lines starting with `--` are compared with boundaries.
struct MessageParser {
    let storage: [UInt8]
    var cursor: LineCursor
    let limits: MessageLimits
    let isStuffed: Bool
    /// The parts so far; a working buffer of `MessageParsingScratch` (see `finish(returningBuffersTo:)`).
    var parts: [MIMEPart] = []
    var boundaries: [[UInt8]] = []
    /// Working buffers of `readHeaderBlock` and the MIME parameter parser.
    var headerFields: [HeaderField] = []
    var parameterPieces: [MIMEParameterParser.Piece] = []
    var anomalies: MessageAnomalies = []

    /// A parser working in `scratch`'s buffers, which it holds until `finish(returningBuffersTo:)`.
    init(storage: [UInt8], buffer: UnsafeBufferPointer<UInt8>, isStuffed: Bool, limits: MessageLimits,
         scratch: MessageParsingScratch) {
        self.storage = storage
        self.limits = limits
        self.isStuffed = isStuffed
        cursor = LineCursor(buffer: buffer, isStuffed: isStuffed, maxLineLength: limits.maxLineLength)
        swap(&parts, &scratch.parts)
        swap(&boundaries, &scratch.boundaries)
        swap(&headerFields, &scratch.headerFields)
        swap(&parameterPieces, &scratch.parameterPieces)
    }

    /// The parts parsed, copied out at their exact size; the working buffers go back to `scratch`.
    mutating func finish(returningBuffersTo scratch: MessageParsingScratch) -> [MIMEPart] {
        let kept = parts.exactSizedCopy()
        swap(&parts, &scratch.parts)
        swap(&boundaries, &scratch.boundaries)
        swap(&headerFields, &scratch.headerFields)
        swap(&parameterPieces, &scratch.parameterPieces)
        return kept
    }

    var base: UnsafePointer<UInt8> { cursor.base }

    /// Parses one entity (headers, then body) starting at the cursor; returns its index.
    mutating func parseEntity(parent: Int?, depth: Int, fallback: ContentType, maxBodyLength: Int? = nil) throws(MessageParseError) -> Int {
        let headers = HeaderList(try readHeaderBlock())
        let fields = headers.fields
        let bodyStart = cursor.position
        if let maxBodyLength, maxBodyLength >= 0, cursor.end - bodyStart > maxBodyLength {
            cursor.end = bodyStart + maxBodyLength
            anomalies.insert(.truncatedBody)
        }
        // One pass picks the MIME fields (the first of each counts).
        var typeField: HeaderField?, encodingField: HeaderField?, dispositionField: HeaderField?
        for field in fields where field.nameRange.count >= 12 && ASCIIBytes.lower(storage[field.nameRange.lowerBound]) == UInt8(ascii: "c") {
            if typeField == nil, field.hasName("Content-Type") { typeField = field }
            if encodingField == nil, field.hasName("Content-Transfer-Encoding") { encodingField = field }
            if dispositionField == nil, field.hasName("Content-Disposition") { dispositionField = field }
        }
        let contentType = typeField.map { field in
            field.withUnfoldedBytes { ContentType.parse($0, fallback: fallback, pieces: &parameterPieces) }
        } ?? fallback
        let encoding = encodingField.map { field in
            field.withUnfoldedBytes { TransferEncoding.parse($0, pieces: &parameterPieces) }
        } ?? .sevenBit
        let disposition = dispositionField.map { field in
            field.withUnfoldedBytes { ContentDisposition.parse($0, pieces: &parameterPieces) }
        }
        let index = parts.count
        parts.append(MIMEPart(
            index: index, parent: parent, depth: depth, headers: headers, contentType: contentType,
            transferEncoding: encoding, disposition: disposition, body: view(bodyStart..<bodyStart)))

        var bodyEnd: Int
        if contentType.isMultipart, let boundary = contentType.boundary {
            if boundary.isEmpty || boundary.count > limits.maxBoundaryLength {
                anomalies.insert(.badBoundary)
                bodyEnd = scanLeaf(from: bodyStart)
            } else if depth >= limits.maxDepth {
                anomalies.insert(.depthLimit)
                bodyEnd = scanLeaf(from: bodyStart)
            } else {
                bodyEnd = try parseMultipart(index: index, depth: depth, boundary: boundary, bodyStart: bodyStart)
            }
        } else if contentType.type == "message", contentType.subtype == "rfc822" || contentType.subtype == "global",
                  encoding.isIdentity, cursor.peek() != nil, matchBoundary() == nil {
            if depth >= limits.maxDepth || parts.count >= limits.maxParts {
                anomalies.insert(depth >= limits.maxDepth ? .depthLimit : .partLimit)
                bodyEnd = scanLeaf(from: bodyStart)
            } else {
                let child = try parseEntity(parent: index, depth: depth + 1, fallback: .textPlain)
                parts[index].children.append(child)
                bodyEnd = parts[child].body.range.upperBound
            }
        } else {
            if contentType.isMultipart { anomalies.insert(.badBoundary) }
            bodyEnd = scanLeaf(from: bodyStart)
        }
        parts[index].body = view(bodyStart..<max(bodyStart, bodyEnd))
        return index
    }

    /// Reads the parts of a multipart; returns where its body (epilogue included) ends.
    private mutating func parseMultipart(index: Int, depth: Int, boundary: [UInt8], bodyStart: Int) throws(MessageParseError) -> Int {
        boundaries.append(boundary)
        defer { boundaries.removeLast() }
        let level = boundaries.count - 1
        let preambleEnd = scanLeaf(from: bodyStart)
        parts[index].preamble = view(bodyStart..<preambleEnd)
        let childFallback: ContentType = parts[index].contentType.subtype == "digest" ? .messageRFC822 : .textPlain
        var sawClose = false
        while let match = matchBoundary(), match.level == level {
            let line = cursor.next()!
            if match.isClose { sawClose = true; break }
            if parts.count >= limits.maxParts {
                anomalies.insert(.partLimit)
                _ = scanLeaf(from: line.next)
                continue
            }
            let child = try parseEntity(parent: index, depth: depth + 1, fallback: childFallback)
            parts[index].children.append(child)
            if cursor.peek() != nil, matchBoundary() == nil { _ = scanLeaf(from: cursor.position) }
        }
        if parts[index].children.isEmpty { anomalies.insert(.emptyMultipart) }
        guard sawClose else {
            anomalies.insert(.missingCloseBoundary)
            parts[index].epilogue = view(cursor.position..<cursor.position)
            return preambleOrPartsEnd()
        }
        let epilogueStart = cursor.position
        let epilogueEnd = scanLeaf(from: epilogueStart)
        parts[index].epilogue = view(epilogueStart..<epilogueEnd)
        return epilogueEnd
    }

    /// Where the content before the cursor ends (the cursor is at a boundary line or the end).
    private mutating func preambleOrPartsEnd() -> Int {
        cursor.peek() == nil ? cursor.end : lineBreakStart(before: cursor.position, floor: 0)
    }

    /// Advances to the next line that is a delimiter of an open multipart (not consuming it), or
    /// to the end; returns where the content before it ends (the line break before it excluded).
    private mutating func scanLeaf(from start: Int) -> Int {
        if boundaries.isEmpty && !isStuffed {
            cursor.position = cursor.end
            return cursor.end
        }
        while let line = cursor.peek() {
            if !boundaries.isEmpty, line.contentEnd - line.start >= 2, base[line.start] == 0x2D,
               base[line.start + 1] == 0x2D, matchBoundary(line) != nil {
                return lineBreakStart(before: line.rawStart, floor: start)
            }
            cursor.position = line.next
        }
        return cursor.end
    }

    /// The offset of the line break ending the line before `lineStart` (not below `floor`).
    private func lineBreakStart(before lineStart: Int, floor: Int) -> Int {
        var end = lineStart
        if end > floor, base[end - 1] == 0x0A {
            end -= 1
            if end > floor, base[end - 1] == 0x0D { end -= 1 }
        }
        return end
    }

    /// Whether the current line is a delimiter of an open multipart: its level (innermost wins)
    /// and whether it is the close delimiter.
    private mutating func matchBoundary() -> (level: Int, isClose: Bool)? {
        guard let line = cursor.peek() else { return nil }
        return matchBoundary(line)
    }

    func matchBoundaryLine(_ line: Line) -> Bool { matchBoundary(line) != nil }

    private func matchBoundary(_ line: Line) -> (level: Int, isClose: Bool)? {
        let start = line.start, end = line.contentEnd
        guard !boundaries.isEmpty, end - start >= 2, base[start] == 0x2D, base[start + 1] == 0x2D else { return nil }
        for level in boundaries.indices.reversed() {
            let matched = boundaries[level].withUnsafeBufferPointer { boundary -> Bool? in
                guard end - start - 2 >= boundary.count,
                      memcmp(base + start + 2, boundary.baseAddress!, boundary.count) == 0 else { return nil }
                var position = start + 2 + boundary.count
                var isClose = false
                if end - position >= 2, base[position] == 0x2D, base[position + 1] == 0x2D {
                    isClose = true
                    position += 2
                }
                while position < end, base[position] == 0x20 || base[position] == 0x09 { position += 1 }
                return position == end ? isClose : nil
            }
            if let isClose = matched { return (level, isClose) }
        }
        return nil
    }

    private func view(_ range: Range<Int>) -> MessageBytes {
        MessageBytes(storage: storage, range: range, isStuffed: isStuffed)
    }
}
