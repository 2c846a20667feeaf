/// The payload of one entry section (and of a micro-update's add section): the entries of
/// one fingerprint kind, column by column so that zlib finds the repeats.
///
/// ```
/// width     UInt16          value length when fixed, 0 when variable
/// lengths   UInt16 x count  only when width is 0
/// values    bytes
/// category  UInt16 x count, then sub-category UInt16 x count
/// spam, ham, phishing, virus   Float32 x count each
/// first seen, last seen        UInt32 x count each
/// ```
/// The count is the section table's item count.
enum EntryColumns {
    static func encode(_ database: FingerprintDatabase, indexes: [Int]) -> [UInt8] {
        var writer = ByteWriter()
        encodeValues(indexes.map { database.valueRange(at: $0) }, bytes: database.valueBytes, into: &writer)
        for index in indexes { writer.write(database.categories[index].category) }
        for index in indexes { writer.write(database.categories[index].subcategory) }
        for index in indexes { writer.write(database.reputations[index].spam) }
        for index in indexes { writer.write(database.reputations[index].ham) }
        for index in indexes { writer.write(database.reputations[index].phishing) }
        for index in indexes { writer.write(database.reputations[index].virus) }
        for index in indexes { writer.write(database.reputations[index].firstSeen) }
        for index in indexes { writer.write(database.reputations[index].lastSeen) }
        return writer.bytes
    }

    /// Writes the width, lengths and values columns.
    static func encodeValues(_ ranges: [Range<Int>], bytes: [UInt8], into writer: inout ByteWriter) {
        let width = ranges.first?.count ?? 0
        let fixed = width > 0 && ranges.allSatisfy { $0.count == width }
        writer.write(UInt16(fixed ? width : 0))
        if !fixed { for range in ranges { writer.write(UInt16(range.count)) } }
        for range in ranges { writer.bytes.append(contentsOf: bytes[range]) }
    }

    /// Reads the width, lengths and values columns: the value slices, in order.
    static func decodeValues(_ reader: inout ByteReader, count: Int, kind: FingerprintKind,
                             limits: CartridgeLimits) throws(CartridgeError) -> [ArraySlice<UInt8>] {
        let width = Int(try reader.readUInt16())
        var lengths: [Int]
        if width > 0 {
            guard width <= limits.maxValueLength else { throw reader.malformed("value width \(width) is over maxValueLength") }
            guard width.multipliedReportingOverflow(by: count).partialValue <= reader.remaining else {
                throw .make(.truncated, "\(count) values of \(width) bytes run past the payload", section: reader.section, offset: reader.offset, inPayload: true)
            }
            lengths = [Int](repeating: width, count: count)
        } else {
            guard count.multipliedReportingOverflow(by: 2).partialValue <= reader.remaining else {
                throw .make(.truncated, "\(count) lengths run past the payload", section: reader.section, offset: reader.offset, inPayload: true)
            }
            lengths = []
            lengths.reserveCapacity(count)
            for _ in 0..<count {
                let length = Int(try reader.readUInt16())
                guard length <= limits.maxValueLength else { throw reader.malformed("value length \(length) is over maxValueLength") }
                lengths.append(length)
            }
        }
        if let fixed = kind.fixedWidth, let wrong = lengths.first(where: { $0 != fixed }) {
            throw reader.malformed("a \(kind) value has \(wrong) bytes, not \(fixed)")
        }
        var values: [ArraySlice<UInt8>] = []
        values.reserveCapacity(count)
        for length in lengths { values.append(try reader.readBytes(length)) }
        return values
    }

    /// Decodes one entry section into `database`.
    static func decode(_ payload: [UInt8], section: Int, kind: FingerprintKind, count: Int,
                       limits: CartridgeLimits, into database: inout FingerprintDatabase) throws(CartridgeError) {
        var reader = ByteReader(payload, section: section)
        let values = try decodeValues(&reader, count: count, kind: kind, limits: limits)
        guard count.multipliedReportingOverflow(by: 28).partialValue == reader.remaining else {
            throw reader.malformed("\(reader.remaining) bytes of columns for \(count) entries (expected \(count * 28))")
        }
        let base = reader.offset
        func u16(_ column: Int, _ row: Int) -> UInt16 {
            let at = base + column * count * 2 + row * 2
            return UInt16(payload[at]) | UInt16(payload[at + 1]) << 8
        }
        func u32(_ column: Int, _ row: Int) -> UInt32 {
            let at = base + count * 4 + column * count * 4 + row * 4
            return UInt32(payload[at]) | UInt32(payload[at + 1]) << 8 | UInt32(payload[at + 2]) << 16 | UInt32(payload[at + 3]) << 24
        }
        database.reserve(count)
        for row in 0..<count {
            let reputation = Reputation(spam: Float(bitPattern: u32(0, row)), ham: Float(bitPattern: u32(1, row)),
                                        phishing: Float(bitPattern: u32(2, row)), virus: Float(bitPattern: u32(3, row)),
                                        firstSeen: u32(4, row), lastSeen: u32(5, row))
            guard reputation.spam.isFinite, reputation.ham.isFinite, reputation.phishing.isFinite, reputation.virus.isFinite else {
                throw .make(.malformed, "entry \(row) has a non-finite report mass", section: section, offset: base + count * 4 + row * 4, inPayload: true)
            }
            database.append(kind: kind, value: values[row], category: CategoryCode(u16(0, row), u16(1, row)), reputation: reputation)
        }
    }
}
