/// The body digest of Pyzor (`pyzor.digest.DataDigester`, Pyzor 1.x), bit-exact: SHA-1 over a
/// selection of normalized lines of the message's text parts.
///
/// The input is what Pyzor's `digest_payloads` yields: one decoded text per MIME part (HTML
/// parts already reduced to their text), never raw MIME. Each part is split into lines as
/// Python's `str.splitlines` does, each line normalized (see `PyzorDigest+Normalize.swift`), and lines
/// of at least ``minimumLineLength`` code points kept. A message of at most
/// ``atomicLineCount`` kept lines digests them all; a longer one digests three lines from 20%
/// and three from 60% of the way through (``samples``). Feeding the parts joined by a newline
/// gives the same digest as feeding them one by one.
///
/// Memory: the kept lines are held until ``finalize()`` (the selection needs their count), at
/// most the size of the text fed.
public struct PyzorDigest: Sendable {
    /// Lines shorter than this many code points after normalization are ignored (Pyzor's
    /// `min_line_length`).
    public static let minimumLineLength = 8
    /// A message with at most this many kept lines is digested whole (`atomic_num_lines`).
    public static let atomicLineCount = 4
    /// For longer messages: (percent offset, line count) pairs (`digest_spec`).
    public static let samples: [(offsetPercent: Int, length: Int)] = [(20, 3), (60, 3)]

    /// The kept normalized lines, UTF-8, back to back; `keptEnds[i]` is where line i ends.
    var keptBytes: [UInt8] = []
    var keptEnds: [Int] = []

    /// Starts a digest.
    public init() {}

    /// The number of lines kept so far.
    public var keptLineCount: Int { keptEnds.count }

    /// Feeds one decoded text part.
    /// - Complexity: O(n) in the part's UTF-8 bytes.
    public mutating func update(part: String) {
        var text = part
        text.withUTF8 { scan($0) }
    }

    /// Feeds one decoded text part.
    public mutating func update(part: some StringProtocol) { update(part: String(part)) }

    /// Feeds one text part given as UTF-8 bytes; invalid sequences become U+FFFD.
    public mutating func update(partUTF8 bytes: some Collection<UInt8>) {
        update(part: String(decoding: bytes, as: UTF8.self))
    }

    /// The 20-byte SHA-1 of the selected lines.
    public func finalize() -> [UInt8] {
        var hasher = SHA1()
        keptBytes.withUnsafeBytes { raw in
            forEachSelectedLine { index in
                let start = index == 0 ? 0 : keptEnds[index - 1]
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[start..<keptEnds[index]]))
            }
        }
        return hasher.finalize()
    }

    /// The indices of the kept lines that are digested, in order (with repeats, as Pyzor).
    public func selectedLines() -> [Int] {
        var selected: [Int] = []
        forEachSelectedLine { selected.append($0) }
        return selected
    }

    /// Calls `body` with each index of ``selectedLines()``, in order, without collecting them.
    func forEachSelectedLine(_ body: (Int) -> Void) {
        let count = keptEnds.count
        guard count > Self.atomicLineCount else {
            for index in 0..<count { body(index) }
            return
        }
        for sample in Self.samples {
            let first = sample.offsetPercent * count / 100
            for index in first..<(first + sample.length) where index < count { body(index) }
        }
    }

    /// The Pyzor digest of a message's decoded text parts.
    public static func hash(parts: some Sequence<some StringProtocol>) -> [UInt8] {
        var keptBytes: [UInt8] = [], keptEnds: [Int] = []
        return digest(parts, keptBytes: &keptBytes, keptEnds: &keptEnds)
    }

    /// ``hash(parts:)`` with the kept lines held in `keptBytes` and `keptEnds` (emptied first,
    /// their capacity reused and handed back grown): a caller's scratch, so that only the
    /// digest is allocated. Concrete over `[String]`, so a caller in another module runs
    /// specialized code (a generic call across modules runs unspecialized and boxes its iterator).
    package static func hash(parts: [String], keptBytes: inout [UInt8], keptEnds: inout [Int]) -> [UInt8] {
        digest(parts, keptBytes: &keptBytes, keptEnds: &keptEnds)
    }

    /// The digest of `parts`, its kept lines held in the given buffers.
    static func digest(_ parts: some Sequence<some StringProtocol>,
                       keptBytes: inout [UInt8], keptEnds: inout [Int]) -> [UInt8] {
        var digest = PyzorDigest()
        keptBytes.removeAll(keepingCapacity: true)
        keptEnds.removeAll(keepingCapacity: true)
        swap(&digest.keptBytes, &keptBytes)
        swap(&digest.keptEnds, &keptEnds)
        defer {
            swap(&digest.keptBytes, &keptBytes)
            swap(&digest.keptEnds, &keptEnds)
        }
        for part in parts { digest.update(part: part) }
        return digest.finalize()
    }

    /// The 40-digit hex form, as `pyzor digest` prints it.
    public static func hexDigest(parts: some Sequence<some StringProtocol>) -> String {
        HexEncoding.string(hash(parts: parts))
    }
}
