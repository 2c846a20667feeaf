import Foundation
import Imprint
import ImprintHashing
import ImprintTestSupport
import Testing

/// A regression guard for speed work on the Features stage: every field of `MessageFeatures`
/// for every message of the shared SpamAssassin and CSDMC2010 corpora, digested field by field
/// (XXH3-64 of a canonical dump), must equal the digests recorded with the code before the change
/// (`Fixtures/FeatureDigests/digests.tsv`). Fingerprints are left out: their kernels change on
/// their own schedule. (About 3 minutes in a debug build; skipped without `../shared`.)
///
/// `IMPRINT_WRITE_FEATURE_DIGESTS=1` rewrites the table (only when features change on purpose).
/// `IMPRINT_FEATURE_DIGEST_CORPORA` narrows the corpora (comma-separated folder names).
@Suite("Feature digests")
struct FeatureDigestTests {
    static let corpora = ["spamassassin_public", "csdmc2010"]
    static let table = "FeatureDigests/digests.tsv"

    @Test("MessageFeatures of the shared corpora are unchanged")
    func digestsMatch() throws {
        guard let root = MessageCorpus.sharedRoot else { return }
        let environment = ProcessInfo.processInfo.environment
        let chosen = environment["IMPRINT_FEATURE_DIGEST_CORPORA"].map { $0.split(separator: ",").map(String.init) } ?? Self.corpora
        var lines: [String] = []
        for corpus in chosen {
            let digests = FeatureDigest.digests(ofCorpusAt: root.appendingPathComponent(corpus))
            for (field, digest) in digests { lines.append("\(corpus)\t\(field)\t\(digest)") }
        }
        if environment["IMPRINT_WRITE_FEATURE_DIGESTS"] != nil {
            let text = "# corpus\tfield\tXXH3-64 over messages in path order (FeatureDigestTests)\n" + lines.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: Fixtures.url(Self.table))
            return
        }
        let expected = try Fixtures.table(Self.table).map { $0.joined(separator: "\t") }
        let relevant = expected.filter { line in chosen.contains { line.hasPrefix($0 + "\t") } }
        #expect(lines == relevant)
    }
}

/// Canonical per-field dumps of `MessageFeatures`, hashed.
enum FeatureDigest {
    static let fields = ["messages", "visibleText", "normalizedText", "textParts", "subject", "urls", "hiddenText",
                         "attachments", "structure", "senderDomain", "clientIP", "headerWords", "markupWords",
                         "isTruncated"]

    /// (field, hex digest) for each field, over the corpus's message files in path order.
    static func digests(ofCorpusAt root: URL) -> [(String, String)] {
        var perField = [[UInt8]](repeating: [], count: fields.count)
        for path in MessageCorpus.filePaths(under: root) {
            guard let bytes = try? FileBytes.read(root.appendingPathComponent(path).path) else { continue }
            var dumps = [Dump](repeating: Dump(), count: fields.count)
            dumps[0].string(path)
            if let message = try? Message(rendered: bytes) {
                dump(MessageFeatures(message: message), into: &dumps)
            } else {
                dumps[0].string("unparsed")
            }
            for index in fields.indices {
                withUnsafeBytes(of: XXH3.hash64(dumps[index].bytes).littleEndian) { perField[index] += $0 }
            }
        }
        return fields.indices.map { (fields[$0], String(XXH3.hash64(perField[$0]), radix: 16)) }
    }

    static func dump(_ features: MessageFeatures, into dumps: inout [Dump]) {
        dumps[1].string(features.visibleText)
        dumps[2].string(features.normalizedText)
        for part in features.textParts { dumps[3].string(part) }
        dumps[4].string(features.subject)
        for extracted in features.urls {
            let url = extracted.url
            dumps[5].string(url.scheme)
            dumps[5].string(url.userinfo ?? "<nil>")
            dumps[5].string(url.host.name)
            dumps[5].string(url.host.kind.rawValue)
            dumps[5].integer(Int(url.host.spelling.rawValue))
            dumps[5].string(url.host.registeredDomain ?? "<nil>")
            dumps[5].integer(url.port ?? -1)
            dumps[5].string(url.path)
            dumps[5].string(url.query ?? "<nil>")
            dumps[5].string(extracted.raw)
            dumps[5].string(extracted.origin.rawValue)
            dumps[5].integer(Int(extracted.disguise.rawValue))
            dumps[5].integer(extracted.redirectDepth)
        }
        let hidden = features.hiddenText
        for count in [hidden.zeroFontElements, hidden.tinyFontElements, hidden.displayNoneElements,
                      hidden.visibilityHiddenElements, hidden.lowContrastElements, hidden.hiddenCharacters,
                      hidden.tinyCharacters, hidden.invisibleCharacters] {
            dumps[6].integer(count)
        }
        dumps[6].string(hidden.text)
        for attachment in features.attachments {
            dumps[7].string(attachment.filename ?? "<nil>")
            dumps[7].string(attachment.mediaType)
            dumps[7].bytes(attachment.bytes)
            dumps[7].integer(attachment.isTruncated ? 1 : 0)
        }
        dumps[8].string(features.structure)
        dumps[9].string(features.senderDomain ?? "<nil>")
        dumps[10].bytes(features.clientIP?.bytes ?? [])
        for hash in features.headerWords { dumps[11].integer(Int(truncatingIfNeeded: hash)) }
        for hash in features.markupWords { dumps[12].integer(Int(truncatingIfNeeded: hash)) }
        dumps[13].integer(features.isTruncated ? 1 : 0)
    }

    /// A length-prefixed byte dump.
    struct Dump {
        var bytes: [UInt8] = []
        mutating func integer(_ value: Int) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        mutating func bytes(_ value: [UInt8]) { integer(value.count); bytes += value }
        mutating func string(_ value: String) { bytes(Array(value.utf8)) }
    }
}
