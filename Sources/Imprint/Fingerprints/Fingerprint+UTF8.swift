extension Fingerprint {
    /// A fingerprint whose value is the UTF-8 of `text`: the same as
    /// `Fingerprint(kind:value: Array(text.utf8))`, but a value of at most 8 bytes (most host
    /// and domain names' tails, short names) is held inline without building an array first.
    init(kind: FingerprintKind, utf8 text: String) {
        let count = text.utf8.count
        guard count <= 8 else {
            self.init(kind: kind, value: Array(text.utf8))
            return
        }
        self.init(kind: kind, word: 0)
        storage = .inline(bits: Self.packed(text.utf8), count: UInt8(count))
    }
}
