import ImprintHashing

/// A set of strings that also answers for UTF-8 bytes read in place: each member's XXH3-64 is
/// kept beside it, so looking up bytes that are no member (nearly every candidate the Public
/// Suffix List tries) builds no String; a hash hit is confirmed against the members.
struct UTF8StringSet: Sendable {
    private var members: Set<String> = []
    private var hashes: Set<UInt64> = []

    init() {}

    mutating func insert(_ member: String) {
        members.insert(member)
        var member = member
        hashes.insert(member.withUTF8 { XXH3.hash64(UnsafeRawBufferPointer($0)) })
    }

    func contains(_ member: String) -> Bool { members.contains(member) }

    /// Whether `String(decoding: bytes, as: UTF8.self)` is a member.
    func contains(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Only ASCII decodes to its own bytes (repaired UTF-8 would hash differently).
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return members.contains(String(decoding: bytes, as: UTF8.self)) }
        return hashes.contains(XXH3.hash64(UnsafeRawBufferPointer(bytes))) && members.contains(String(decoding: bytes, as: UTF8.self))
    }
}
