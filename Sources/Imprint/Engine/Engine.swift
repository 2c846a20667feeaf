#if canImport(Glibc)
import Glibc
#endif

/// The scoring engine: one message and its envelope in, a verdict out. Sendable and shared by
/// all threads; each call scores against one cartridge snapshot from start to end, so a
/// micro-update applied meanwhile is seen whole or not at all.
public final class Engine: Sendable {
    public let cartridge: Cartridge
    public let options: EngineOptions

    public init(cartridge: Cartridge, options: EngineOptions = EngineOptions()) {
        self.cartridge = cartridge
        self.options = options
    }

    /// Scores one message.
    /// - Parameters:
    ///   - bytes: the message in wire form (dot-stuffed, CRLF, `.` terminated) or rendered form.
    ///   - form: which of the two `bytes` is.
    ///   - envelope: MAIL FROM, RCPT TO, HELO and client IP as the SMTP server saw them.
    /// - Throws: `MessageParseError` when the message is beyond the parser's limits.
    public func score(_ bytes: [UInt8], form: MessageForm, envelope: Envelope = Envelope()) throws(MessageParseError) -> Verdict {
        try evaluate(bytes, form: form, envelope: envelope).verdict
    }

    /// Scores one message and returns the evidence behind the verdict too.
    public func evaluate(_ bytes: [UInt8], form: MessageForm, envelope: Envelope = Envelope(),
                         snapshot: CartridgeSnapshot? = nil) throws(MessageParseError) -> Evaluation {
        let message: Message
        switch form {
        case .wire:
            message = try Message(wire: bytes, limits: options.messageLimits, maxBodyLength: options.maxBodyLength, envelope: envelope)
        case .rendered:
            message = try Message(rendered: bytes, limits: options.messageLimits, maxBodyLength: options.maxBodyLength, envelope: envelope)
        }
        return evaluate(message, snapshot: snapshot ?? cartridge.snapshot)
    }

    /// Scores a parsed message against `snapshot`.
    public func evaluate(_ message: Message, snapshot: CartridgeSnapshot) -> Evaluation {
        let clientIP = Self.clientIP(of: message, config: snapshot.config)
        // No rules, no subject to build (it decodes the headers and the first text part).
        if !snapshot.whitelist.rules.isEmpty,
           let rule = snapshot.whitelist.evaluate(Self.whitelistSubject(message, clientIP: clientIP, parts: snapshot.whitelist.subjectParts)).rule {
            return whitelisted(rule, snapshot: snapshot)
        }
        let (features, fingerprints) = fingerprint(message, clientIP: clientIP, config: snapshot.config)
        return evaluate(features: features, fingerprints: fingerprints, snapshot: snapshot)
    }

    /// The features and fingerprints of a message under `config` and this engine's tuning.
    func fingerprint(_ message: Message, clientIP: IPAddress?, config: CartridgeConfig) -> (MessageFeatures, MessageFingerprints) {
        var features = MessageFeatures(message: message)
        features.clientIP = clientIP
        let fingerprintOptions = options.fingerprintTuning.applied(to: FingerprintOptions(config: config))
        return (features, MessageFingerprinter(options: fingerprintOptions).fingerprints(of: features))
    }

    /// Evidence, score features and verdict of fingerprints already computed.
    func evaluate(features: MessageFeatures, fingerprints: MessageFingerprints, snapshot: CartridgeSnapshot) -> Evaluation {
        let config = snapshot.config
        let minimumScore = options.minimumScore ?? config.minimumScore
        let favorAnalysis = options.favorAnalysisOverSpeed ?? config.favorAnalysisOverSpeed
        let evidence = EvidenceCollector(snapshot: snapshot).collect(fingerprints.fingerprints, stopWhenDecisive: !favorAnalysis)
        let scoreFeatures = ScoreFeatures(evidence: evidence, fingerprints: fingerprints, features: features,
                                          totals: config.reportTotals, combiner: TokenEvidence(config: config))
        let verdict = VerdictBuilder(snapshot: snapshot, minimumScore: minimumScore)
            .verdict(evidence: evidence, scoreFeatures: scoreFeatures, fingerprints: fingerprints, features: features)
        return Evaluation(verdict: verdict, features: features, fingerprints: fingerprints, evidence: evidence,
                          scoreFeatures: scoreFeatures)
    }

    /// The client IP the configuration says to trust: none without `use ip information`; the
    /// SMTP envelope's with `use envelope for ip information`; otherwise the first external
    /// Received hop, falling back to the envelope's.
    static func clientIP(of message: Message, config: CartridgeConfig) -> IPAddress? {
        guard config.useIPInformation else { return nil }
        if config.useEnvelopeForIPInformation { return message.givenEnvelope.clientIP }
        return message.inferredEnvelope.clientIP ?? message.givenEnvelope.clientIP
    }

    /// What the whitelist reads of `message`: only `parts` are filled (the others stay empty),
    /// so that rules on the sender or IP alone do not pay for decoding headers and body.
    static func whitelistSubject(_ message: Message, clientIP: IPAddress?, parts: WhitelistSubject.Parts = .all) -> WhitelistSubject {
        var subject = WhitelistSubject(envelopeFrom: message.envelope.mailFrom, clientIP: clientIP)
        if parts.contains(.from) {
            let from = message.headers.all(named: "From").map(\.decodedValue) + message.headers.all(named: "Sender").map(\.decodedValue)
            subject.fromAddresses = from.flatMap(Self.addresses)
        }
        if parts.contains(.headers) { subject.headers = message.headers.map { (name: $0.name, value: $0.decodedValue) } }
        if parts.contains(.body) {
            subject.body = message.parts.first { $0.isLeaf && $0.isText }.map { message.decodedBody(of: $0, limit: 1 << 20).bytes } ?? []
        }
        return subject
    }

    /// The addresses in a From-style header value: the `<…>` parts, or the bare value.
    static func addresses(_ value: String) -> [String] {
        var found: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            found.append(String(rest[rest.index(after: open)..<close]).lowercased())
            rest = rest[rest.index(after: close)...]
        }
        if found.isEmpty { found = value.split(separator: ",").map { String(String($0).trimmed(of: " \t\"")).lowercased() } }
        return found.filter { $0.contains("@") }
    }

    func whitelisted(_ rule: WhitelistRule, snapshot: CartridgeSnapshot) -> Evaluation {
        Evaluation(verdict: whitelistedVerdict(rule, snapshot: snapshot), features: nil, fingerprints: nil,
                   evidence: EvidenceSet(), scoreFeatures: nil)
    }

    private func whitelistedVerdict(_ rule: WhitelistRule, snapshot: CartridgeSnapshot) -> Verdict {
        let names = snapshot.categories.describeCategory(.legitimate)
        var header = AnalysisHeader(cartridgeVersion: snapshot.version.description, score: 0, category: 0, subcategory: 0, rescan: false)
        let file = rule.path.split(separator: "/").last.map(String.init) ?? rule.path
        header.extras.append((key: "wl", value: "\(file):\(rule.lineNumber)"))
        return Verdict(score: 0, isSpam: false, category: 0, subcategory: 0,
                       categoryDescription: names.category?.description ?? "legitimate",
                       subcategoryDescription: names.subcategory?.description ?? "undefined",
                       rescan: false, rescanReasons: [], analysis: header.text, whitelistRule: rule.description,
                       probability: 0)
    }
}
