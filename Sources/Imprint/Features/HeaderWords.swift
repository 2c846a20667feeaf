import ImprintHashing

/// The words of header fields, as tokens for the reputation evidence: `name:word`, each given
/// as its XXH3-64 hash (seed `hashSeed`), the form the token fingerprints consume.
///
/// Mail filters learn as much from headers (relays, mailers, list headers, sender names) as from
/// bodies. Fields that name one message only (dates, ids, sizes, client states) are skipped;
/// so are fields added by other filters downstream, whose verdicts must not leak into ours.
public enum HeaderWords {
    /// Fields never tokenized (lower case), and prefixes of such fields.
    public static let skipped: Set<String> = ["date", "message-id", "content-length", "lines", "status", "x-status",
                                              "x-keywords", "x-uid", "delivery-date", "resent-date", "resent-message-id"]
    public static let skippedPrefixes = ["x-spam", "x-virus", "x-bogosity", "x-dspam", "x-imprint", "x-envelope-"]
    /// Words kept per field and per message, at most.
    public static let maximumPerField = 64
    public static let maximumPerMessage = 1_500
    /// The XXH3-64 seed of the `name:word` hashes.
    public static let hashSeed: UInt64 = 4

    /// The hashes of the `name:word` tokens of `headers` (name and word lower case), in order.
    ///
    /// A value that is ASCII without an RFC 2047 marker (`=?`) is its own decoded form, so it is
    /// unfolded, lower-cased and split in one reused buffer; other values go through
    /// `HeaderField.decodedValue` and `String.lowercased()`.
    /// - Complexity: O(n) in the header bytes, no allocation per word.
    public static func hashes(of headers: HeaderList) -> [UInt64] {
        FeatureExtractionScratch.withThreadScratch { scratch in
            hashes(of: headers, token: &scratch.headerToken, value: &scratch.headerValue)
        }
    }

    /// `hashes(of:)` with the token and value built in the given buffers.
    static func hashes(of headers: HeaderList, token: inout ByteScratch, value: inout ByteScratch) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(256)
        for field in headers {
            token.removeAll()
            if !lowerASCIIName(field, into: &token) {
                // Not the parser's ASCII name (RFC 5322 ftext): the same test on the Unicode lower case.
                let name = field.name.lowercased()
                if skipped.contains(name) || skippedPrefixes.contains(where: name.hasPrefix) { continue }
                token.removeAll()
                var utf8Name = name
                utf8Name.withUTF8 { token.append(contentsOf: $0) }
            } else if isSkipped(UnsafeRawBufferPointer(token.buffer(0..<token.count))) {
                continue
            }
            token.append(UInt8(ascii: ":"))
            if unfoldedLowerASCII(field, into: &value) {
                appendHashes(of: UnsafeRawBufferPointer(value.buffer(0..<value.count)), token: &token, to: &out)
            } else {
                var decoded = field.decodedValue.lowercased()
                decoded.withUTF8 { appendHashes(of: UnsafeRawBufferPointer($0), token: &token, to: &out) }
            }
            if out.count >= maximumPerMessage { return out }
        }
        return out
    }

    /// Appends the hashes of `token` (a field's `name:`) followed by each word of `value`, at
    /// most `maximumPerField` and up to `maximumPerMessage` in all.
    static func appendHashes(of value: UnsafeRawBufferPointer, token: inout ByteScratch, to out: inout [UInt64]) {
        let prefix = token.count
        var count = 0, index = 0
        while count < maximumPerField, out.count < maximumPerMessage, let word = runs.nextWord(in: value, from: &index) {
            token.truncate(to: prefix)
            token.append(contentsOf: UnsafeRawBufferPointer(rebasing: value[word]))
            out.append(XXH3.hash64(UnsafeRawBufferPointer(token.buffer(0..<token.count)), seed: hashSeed))
            count += 1
        }
    }

    /// Appends the field's name lower-cased to `token` and returns true when it is ASCII (then it
    /// equals `name.lowercased()`); false, with `token` partly written, otherwise.
    static func lowerASCIIName(_ field: HeaderField, into token: inout ByteScratch) -> Bool {
        field.storage.withUnsafeBufferPointer { storage in
            for index in field.nameRange {
                let byte = storage[index]
                if byte >= 0x80 { return false }
                token.append(ASCIIBytes.lower(byte))
            }
            return true
        }
    }

    /// `skipped` and `skippedPrefixes` as UTF-8, for testing a lower-case name without a String.
    private static let skippedUTF8 = skipped.map { Array($0.utf8) }, skippedPrefixesUTF8 = skippedPrefixes.map { Array($0.utf8) }

    /// Whether lower-case `name` is in `skipped` or starts with one of `skippedPrefixes`.
    static func isSkipped(_ name: UnsafeRawBufferPointer) -> Bool {
        for candidate in skippedUTF8 where candidate.count == name.count && candidate.elementsEqual(name) { return true }
        for prefix in skippedPrefixesUTF8 where prefix.count <= name.count && prefix.elementsEqual(name.prefix(prefix.count)) { return true }
        return false
    }

    /// Writes `field.unfoldedBytes` lower-cased into `value` and returns true when they are
    /// ASCII without `=?` (then they equal `decodedValue.lowercased()`); false otherwise.
    static func unfoldedLowerASCII(_ field: HeaderField, into value: inout ByteScratch) -> Bool {
        value.removeAll()
        let isASCII = field.storage.withUnsafeBufferPointer { storage in
            var previous: UInt8 = 0
            for index in field.valueRange {
                let byte = storage[index]
                if byte >= 0x80 { return false }
                if byte == 0x0D || byte == 0x0A { continue }
                if value.isEmpty, byte == 0x20 || byte == 0x09 { continue }
                // The marker is looked for in the unfolded bytes, as `EncodedWords.decode` does.
                if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return false }
                previous = byte
                value.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            return true
        }
        while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
        return isASCII
    }

    /// Letters, digits and `. - _ @ $ ! %` make header words (addresses, hosts, prices stay whole).
    static let runs = WordRuns(extras: ".-_@$!%")
}
