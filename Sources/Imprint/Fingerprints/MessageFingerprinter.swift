import Crypto
import ImprintHashing

/// Computes every fingerprint of a message from its features (the Fingerprints stage):
/// exact digests, fuzzy text digests, shingles, word tokens, URL and host, attachment,
/// image, structure and (when asked) sender fingerprints.
public struct MessageFingerprinter: Sendable {
    public var options: FingerprintOptions

    public init(options: FingerprintOptions = FingerprintOptions()) { self.options = options }

    /// The fingerprints of a message's features.
    public func fingerprints(of features: MessageFeatures) -> MessageFingerprints {
        FingerprintScratch.withThreadScratch { scratch in fingerprints(of: features, scratch: scratch) }
    }

    /// The fingerprints, with the temporaries in this thread's `scratch`: only the result allocates.
    private func fingerprints(of features: MessageFeatures, scratch: FingerprintScratch) -> MessageFingerprints {
        var out = MessageFingerprints(fingerprints: [], skipped: [], imageFailed: false, textBytes: 0)
        // The normalized text's UTF-8 read in place (a native String is contiguous: no copy).
        var normalized = features.normalizedText
        normalized.withUTF8 { utf8 in
            let text = UnsafeRawBufferPointer(utf8)
            out.textBytes = text.count
            // The tokens first, so that the list is allocated once at its final size; they
            // still follow the text fingerprints.
            let tokens = collectTokens(features, text: text, scratch: scratch)
            out.fingerprints.reserveCapacity(Self.fingerprintCount(features, tokens: tokens.tokens.count))
            addText(text, features: features, scratch: scratch, to: &out)
            for token in tokens.tokens { out.fingerprints.append(Fingerprint(kind: .token, word: token)) }
            scratch.tokens = consume tokens
        }
        addLinks(features, scratch: scratch, to: &out)
        addAttachments(features, scratch: scratch, to: &out)
        out.fingerprints.append(Fingerprint(kind: .mimeStructure, word: XXH3.hash64(features.structure.utf8)))
        if options.includesSender { addSender(features, to: &out) }
        return out.removing(options.disabledFamilies)
    }

    /// The most fingerprints a message with `tokens` word tokens can have: 7 of the text,
    /// the tokens, 3 a link, 6 an attachment (SHA-256, CTPH, 4 image hashes), the structure
    /// and 2 of the sender.
    static func fingerprintCount(_ features: MessageFeatures, tokens: Int) -> Int {
        7 + tokens + 3 * features.urls.count + 6 * features.attachments.count + 1 + 2
    }

    // MARK: Text

    private func addText(_ text: UnsafeRawBufferPointer, features: MessageFeatures, scratch: FingerprintScratch,
                         to out: inout MessageFingerprints) {
        if !text.isEmpty {
            out.fingerprints.append(Fingerprint(kind: .exactBodySHA256, value: Self.sha256(text)))
        }
        if features.textParts.contains(where: { !$0.isEmpty }) {
            // Empty parts have no lines, so they leave the digest as it is.
            let digest = PyzorDigest.hash(parts: features.textParts, keptBytes: &scratch.pyzorBytes, keptEnds: &scratch.pyzorEnds)
            out.fingerprints.append(Fingerprint(kind: .pyzor, value: digest))
        } else {
            out.skipped.append(.init(family: "pyzor", reason: "no text part"))
        }
        guard text.count >= options.minimumFuzzyText else {
            let reason = "text of \(text.count) bytes is under \(options.minimumFuzzyText)"
            for family in ["tlsh", "ctph", "nilsimsa", "simhash", "minhash"] {
                out.skipped.append(.init(family: family, reason: reason))
            }
            return
        }
        if let digest = TLSH.hash(text) {
            out.fingerprints.append(Fingerprint(kind: .tlsh, value: Self.rawTLSH(digest)))
        } else {
            out.skipped.append(.init(family: "tlsh", reason: "too little variety (TNULL)"))
        }
        out.fingerprints.append(Fingerprint(kind: .ctph, value: Self.ctphText(text)))
        out.fingerprints.append(Fingerprint(kind: .nilsimsa, value: Self.littleEndianBytes(Nilsimsa.hash(text).bits)))
        // One tokenization for SimHash and MinHash (the same words `hash(words:)` and `update(words:)` take).
        WordTokenizer.appendTokenHashes(text, to: &scratch.wordHashes)
        scratch.wordHashes.withUnsafeBufferPointer { wordHashes in
            var simhash = SimHash64()
            simhash.update(featureHashes: wordHashes)
            out.fingerprints.append(Fingerprint(kind: .simhash, word: simhash.finalize()))
            addMinHash(wordHashes, scratch: scratch, to: &out)
        }
    }

    private func addMinHash(_ wordHashes: UnsafeBufferPointer<UInt64>, scratch: FingerprintScratch,
                            to out: inout MessageFingerprints) {
        guard var minhash = try? MinHash(options.minhash, reusing: &scratch.minhashState) else { return }
        minhash.update(tokenHashes: wordHashes)
        if minhash.tokenCount >= options.minhash.shingleSize {
            out.fingerprints.append(Fingerprint(kind: .minhash, value: minhash.finishMinima { Self.minhashRows($0) }))
        } else {
            out.skipped.append(.init(family: "minhash", reason: "fewer words than one shingle"))
        }
        minhash.moveStorage(to: &scratch.minhashState)
    }

    /// The word tokens (header, markup, body words and pairs, Subject words), in the
    /// scratch's collector, which the caller puts back.
    private func collectTokens(_ features: MessageFeatures, text: UnsafeRawBufferPointer,
                               scratch: FingerprintScratch) -> TokenCollector {
        // About one word in six bytes of text, each with its pair: room for all of them at once.
        let expected = min(options.maximumTokens, features.headerWords.count + features.markupWords.count + text.count / 3 + 16)
        var collector: TokenCollector
        if var reused = scratch.tokens.take() {
            reused.restart(limit: options.maximumTokens, expectedCount: expected)
            collector = reused
        } else {
            collector = TokenCollector(limit: options.maximumTokens, expectedCount: expected)
        }
        for hash in features.headerWords { collector.add(hash) }
        for hash in features.markupWords { collector.add(hash) }
        collector.addWords(of: text, runs: Self.words, wordSeed: 1, pairSeed: 2)
        TextNormalizationScratch.withThreadScratch { normalization in
            TextNormalizer().write(features.subject, into: &normalization.output)
            let subject = normalization.output.buffer(0..<normalization.output.count)
            collector.addWords(of: UnsafeRawBufferPointer(subject), runs: Self.words, wordSeed: 3)
        }
        return collector
    }

    /// Words of normalized text: runs of letters and digits (and the masks `#`, `$` and `'`) of
    /// 2 to 40 characters.
    static let words = WordRuns(extras: "#$'")

    // MARK: Links, attachments, sender

    private func addLinks(_ features: MessageFeatures, scratch: FingerprintScratch, to out: inout MessageFingerprints) {
        // In the order the links appear, each value once, so the output never depends on hashing.
        scratch.linksSeen.reserveCapacity(3 * features.urls.count)
        func add(_ fingerprint: Fingerprint) {
            if scratch.linksSeen.insert(fingerprint).inserted { out.fingerprints.append(fingerprint) }
        }
        // Hosts whose host and domain fingerprints are in `linksSeen` already (the domain follows
        // from the name), so a repeated host builds neither again. ASCII names only: equal
        // ASCII strings have equal bytes, as equal fingerprints do.
        scratch.hostNamesSeen.reserveCapacity(features.urls.count)
        for extracted in features.urls {
            let url = extracted.url
            var bytes: [UInt8] = []
            bytes.reserveCapacity(url.scheme.utf8.count + 3 + url.host.name.utf8.count + url.path.utf8.count)
            bytes += url.scheme.utf8
            bytes += "://".utf8
            bytes += url.host.name.utf8
            bytes += url.path.utf8
            add(Fingerprint(kind: .url, value: bytes))
            let name = url.host.name
            if name.utf8.allSatisfy({ $0 < 0x80 }), !scratch.hostNamesSeen.insert(name).inserted { continue }
            add(Fingerprint(kind: .host, utf8: name))
            if let domain = url.host.registeredDomain {
                add(Fingerprint(kind: .registeredDomain, utf8: domain))
            }
        }
    }

    private func addAttachments(_ features: MessageFeatures, scratch: FingerprintScratch, to out: inout MessageFingerprints) {
        var images = 0
        for attachment in features.attachments where !attachment.bytes.isEmpty {
            let (sha256, ctph) = attachment.bytes.withUnsafeBytes { bytes in
                (Self.sha256(bytes), bytes.count >= 4096 ? Self.ctphText(bytes) : nil)
            }
            out.fingerprints.append(Fingerprint(kind: .attachmentSHA256, value: sha256))
            if let ctph { out.fingerprints.append(Fingerprint(kind: .ctph, value: ctph)) }
            guard ImageFormat.sniff(attachment.bytes) != nil else { continue }
            images += 1
            guard images <= options.maximumImages else {
                out.skipped.append(.init(family: "image", reason: "over \(options.maximumImages) images"))
                continue
            }
            addImage(attachment, scratch: scratch, to: &out)
        }
    }

    private func addSender(_ features: MessageFeatures, to out: inout MessageFingerprints) {
        if let domain = features.senderDomain {
            out.fingerprints.append(Fingerprint(kind: .senderDomain, utf8: domain))
        } else {
            out.skipped.append(.init(family: "sender-domain", reason: "no sender address"))
        }
        if let ip = features.clientIP {
            out.fingerprints.append(Fingerprint(kind: .clientIP24, value: Array(ip.bytes.prefix(ip.isIPv4 ? 3 : 6))))
        } else {
            out.skipped.append(.init(family: "client-ip24", reason: "no client IP"))
        }
    }

    // MARK: Byte forms (each built in the one array the fingerprint keeps)

    /// The SHA-256 of `bytes`, hashed in place (`hash(data:)` copies a raw buffer into an
    /// array) and copied out of the digest once (`Array(digest)` goes through an iterator array).
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize().withUnsafeBytes { Array($0) }
    }

    /// The CTPH (ssdeep) digest of `bytes` in its text form `bs:h1:h2`.
    static func ctphText(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var state = CTPH()
        state.update(bytes)
        return state.finalizeText()
    }

    static func littleEndianBytes(_ words: SIMD4<UInt64>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in 0..<4 { withUnsafeBytes(of: words[index].littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// A MinHash fingerprint's value: the low 32 bits of each minimum, little-endian.
    static func minhashRows(_ minima: UnsafeBufferPointer<UInt64>) -> [UInt8] {
        var rows: [UInt8] = []
        rows.reserveCapacity(minima.count * 4)
        for minimum in minima {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: minimum).littleEndian) { rows.append(contentsOf: $0) }
        }
        return rows
    }

    /// The 35 raw bytes the cartridge's TLSH index compares: checksum, L, Q (Q1 ratio low
    /// nibble, Q2 ratio high), then the 32 code bytes.
    static func rawTLSH(_ digest: TLSHDigest) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(35)
        bytes.append(digest.checksum)
        bytes.append(digest.lengthValue)
        bytes.append((digest.q2Ratio << 4) | (digest.q1Ratio & 0xF))
        digest.appendBody(to: &bytes)
        return bytes
    }
}
