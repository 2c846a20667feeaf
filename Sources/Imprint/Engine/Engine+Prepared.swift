/// A message parsed and fingerprinted once, to be scored against several snapshots: the
/// tuning harness reuses it across settings that change only score-time keys (radii, token
/// combination, thresholds, the score model, the entries of the cartridge).
///
/// What it holds depends on the configuration it was prepared under (`image processing
/// depth`, `micro-update signature type`, `use ip information`, `use envelope for ip
/// information`) and on the engine's `maxBodyLength`, `messageLimits` and `fingerprintTuning`;
/// scoring it against a snapshot whose configuration differs in those keys gives what that
/// snapshot would give for a message fingerprinted the first way, not the second.
public struct PreparedMessage: Sendable {
    public var features: MessageFeatures
    public var fingerprints: MessageFingerprints
    let whitelistSubject: WhitelistSubject

    /// The same message with the fingerprints of `families` dropped, exactly as an engine with
    /// those families disabled would have prepared it.
    public func removing(_ families: Set<FingerprintFamily>) -> PreparedMessage {
        var copy = self
        copy.fingerprints = fingerprints.removing(families)
        return copy
    }
}

extension Engine {
    /// Parses and fingerprints a message under `config` (see `PreparedMessage`).
    /// - Throws: `MessageParseError` when the message is beyond the parser's limits.
    public func prepare(_ bytes: [UInt8], form: MessageForm, envelope: Envelope = Envelope(),
                        config: CartridgeConfig) throws(MessageParseError) -> PreparedMessage {
        let message: Message
        switch form {
        case .wire:
            message = try Message(wire: bytes, limits: options.messageLimits, maxBodyLength: options.maxBodyLength, envelope: envelope)
        case .rendered:
            message = try Message(rendered: bytes, limits: options.messageLimits, maxBodyLength: options.maxBodyLength, envelope: envelope)
        }
        let clientIP = Self.clientIP(of: message, config: config)
        let (features, fingerprints) = fingerprint(message, clientIP: clientIP, config: config)
        return PreparedMessage(features: features, fingerprints: fingerprints,
                               whitelistSubject: Self.whitelistSubject(message, clientIP: clientIP))
    }

    /// Scores a prepared message against `snapshot`: the whitelist, then the evidence and the
    /// verdict, as `evaluate(_:snapshot:)` does for a freshly parsed message.
    public func evaluate(_ prepared: PreparedMessage, snapshot: CartridgeSnapshot) -> Evaluation {
        if let rule = snapshot.whitelist.evaluate(prepared.whitelistSubject).rule { return whitelisted(rule, snapshot: snapshot) }
        return evaluate(features: prepared.features, fingerprints: prepared.fingerprints, snapshot: snapshot)
    }
}
