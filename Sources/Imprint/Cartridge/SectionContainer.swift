/// The container every cartridge binary file uses (base database, micro-update, state):
/// a fixed header, a section table, then the zlib-compressed sections back to back.
///
/// ```
/// offset 0   magic        8 bytes  ("IMPRCDB1" database, "IMPRCMU1" micro-update)
///        8   version      UInt16   (1)
///       10   flags        UInt16   (0; others are refused)
///       12   sections     UInt32   (<= CartridgeLimits.maxSections)
///       16   file length  UInt64   (the exact size of the file)
///       24   table CRC    UInt32   CRC-32 of bytes 0..<24 and of the whole section table
///       28   reserved     UInt32   (0)
///       32   table: per section 32 bytes
///              type UInt16, kind UInt16, items UInt32, offset UInt64,
///              compressed length UInt32, uncompressed length UInt32,
///              CRC-32 of the compressed bytes UInt32, CRC-32 of the uncompressed bytes UInt32
///       then the sections, each at the offset the table gives, contiguous, in table order,
///       the last one ending at the file length.
/// ```
/// All integers little-endian. Every byte is covered: the magic is compared, the header and
/// table by the table CRC, each section by its compressed CRC before it is inflated and by
/// its uncompressed CRC after; no gap or trailing byte is allowed. So a flipped byte
/// anywhere is detected before any payload is interpreted.
struct SectionContainer {
    /// One section: its type, the fingerprint kind it holds (0 otherwise), its item count
    /// and its uncompressed payload.
    struct Section {
        var type: UInt16
        var kind: UInt16
        var items: UInt32
        var payload: [UInt8]
    }

    static let headerSize = 32
    static let tableEntrySize = 32
    static let formatVersion: UInt16 = 1

    /// Encodes `sections` into a file image with `magic` (8 ASCII bytes).
    static func encode(magic: [UInt8], sections: [Section], level: Int32 = 6) -> [UInt8] {
        precondition(magic.count == 8)
        let compressed = sections.map { Deflater.compress($0.payload, format: .zlib, level: level) }
        var table = ByteWriter()
        var offset = headerSize + tableEntrySize * sections.count
        for (section, body) in zip(sections, compressed) {
            table.write(section.type)
            table.write(section.kind)
            table.write(section.items)
            table.write(UInt64(offset))
            table.write(UInt32(body.count))
            table.write(UInt32(section.payload.count))
            table.write(CRC32.checksum(body))
            table.write(CRC32.checksum(section.payload))
            offset += body.count
        }
        var header = ByteWriter()
        header.write(magic)
        header.write(formatVersion)
        header.write(UInt16(0))
        header.write(UInt32(sections.count))
        header.write(UInt64(offset))
        let crc = CRC32.checksum(table.bytes, continuing: CRC32.checksum(header.bytes))
        header.write(crc)
        header.write(UInt32(0))
        var file = header.bytes
        file.reserveCapacity(offset)
        file.append(contentsOf: table.bytes)
        for body in compressed { file.append(contentsOf: body) }
        return file
    }

    /// Verifies and decodes a file image, inflating every section.
    /// - Throws: `CartridgeError` naming the section and offset of the first fault.
    static func decode(_ file: [UInt8], magic: [UInt8], limits: CartridgeLimits) throws(CartridgeError) -> [Section] {
        guard file.count >= headerSize else {
            throw .make(.truncated, "\(file.count) bytes is shorter than the \(headerSize)-byte header", offset: file.count)
        }
        guard Array(file[0..<8]) == magic else {
            throw .make(.badMagic, "expected \(String(decoding: magic, as: UTF8.self))", offset: 0)
        }
        var header = ByteReader(Array(file[8..<headerSize]), section: -1)
        let version = try header.readUInt16()
        let flags = try header.readUInt16()
        let count = Int(try header.readUInt32())
        let declaredLength = try header.readUInt64()
        let tableCRC = try header.readUInt32()
        let reserved = try header.readUInt32()
        guard count <= limits.maxSections else {
            throw .make(.limitExceeded, "\(count) sections is over maxSections \(limits.maxSections)", offset: 12)
        }
        let tableEnd = headerSize + tableEntrySize * count
        guard tableEnd <= file.count else {
            throw .make(.truncated, "the section table of \(count) entries runs past the end", offset: file.count)
        }
        let computed = file.withUnsafeBytes { raw in
            CRC32.checksum(UnsafeRawBufferPointer(rebasing: raw[headerSize..<tableEnd]),
                           continuing: CRC32.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<24])))
        }
        guard computed == tableCRC else {
            throw .make(.checksumMismatch, "header and section table CRC-32 mismatch", offset: 24)
        }
        guard version == formatVersion else {
            throw .make(.unsupportedVersion, "format version \(version); this reader knows \(formatVersion)", offset: 8)
        }
        guard flags == 0, reserved == 0 else { throw .make(.malformed, "nonzero flags or reserved field", offset: 10) }
        guard declaredLength == UInt64(file.count) else {
            throw .make(.truncated, "header declares \(declaredLength) bytes, the file has \(file.count)", offset: 16)
        }
        var table = ByteReader(Array(file[headerSize..<tableEnd]), section: -1)
        var sections: [Section] = []
        sections.reserveCapacity(count)
        var expectedOffset = tableEnd
        for index in 0..<count {
            let entryOffset = headerSize + index * tableEntrySize
            let type = try table.readUInt16()
            let kind = try table.readUInt16()
            let items = try table.readUInt32()
            let offset = try table.readUInt64()
            let compressedLength = Int(try table.readUInt32())
            let uncompressedLength = Int(try table.readUInt32())
            let compressedCRC = try table.readUInt32()
            let uncompressedCRC = try table.readUInt32()
            guard offset == UInt64(expectedOffset) else {
                throw .make(.malformed, "section starts at \(offset), expected \(expectedOffset)", section: index, offset: entryOffset + 8)
            }
            guard compressedLength <= file.count - expectedOffset else {
                throw .make(.truncated, "section of \(compressedLength) bytes runs past the end", section: index, offset: expectedOffset)
            }
            guard uncompressedLength <= limits.maxSectionBytes else {
                throw .make(.limitExceeded, "\(uncompressedLength) bytes is over maxSectionBytes", section: index, offset: entryOffset + 20)
            }
            let body = file.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[expectedOffset..<expectedOffset + compressedLength]) }
            guard CRC32.checksum(body) == compressedCRC else {
                throw .make(.checksumMismatch, "compressed CRC-32 mismatch", section: index, offset: expectedOffset)
            }
            let start = expectedOffset
            let inflated = file.withUnsafeBytes { raw in
                Result { () throws(InflateError) -> [UInt8] in
                    let slice = UnsafeRawBufferPointer(rebasing: raw[start..<start + compressedLength])
                    return try Inflater(format: .zlib).inflate(slice, maxOutput: uncompressedLength)
                }
            }
            let payload: [UInt8]
            switch inflated {
            case .success(let bytes): payload = bytes
            case .failure(let error): throw .make(.malformed, "inflate: \(error.reason)", section: index, offset: start)
            }
            guard payload.count == uncompressedLength else {
                throw .make(.truncated, "inflated to \(payload.count) bytes, declared \(uncompressedLength)", section: index, offset: expectedOffset)
            }
            guard CRC32.checksum(payload) == uncompressedCRC else {
                throw .make(.checksumMismatch, "uncompressed CRC-32 mismatch", section: index, offset: expectedOffset)
            }
            sections.append(Section(type: type, kind: kind, items: items, payload: payload))
            expectedOffset += compressedLength
        }
        guard expectedOffset == file.count else {
            throw .make(.malformed, "\(file.count - expectedOffset) bytes after the last section", offset: expectedOffset)
        }
        return sections
    }
}
