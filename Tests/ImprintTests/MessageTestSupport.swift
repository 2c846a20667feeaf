import Imprint
import ImprintTestSupport

/// What a parsed message looks like to the rest of the engine, for comparing two parses.
struct MessageView: Equatable, CustomStringConvertible {
    struct Part: Equatable {
        var depth: Int
        var parent: Int?
        var children: [Int]
        var mediaType: String
        var charset: String?
        var filename: String?
        var isAttachment: Bool
        var headers: [String]
        var decoded: [UInt8]
        var text: String?
    }
    var parts: [Part]
    var envelope: Envelope
    var anomalies: MessageAnomalies

    /// Anomalies that depend on the form, not the message.
    static let formSpecific: MessageAnomalies = [.mboxFromLine, .missingTerminator, .dataAfterTerminator]

    init(_ message: Message) {
        parts = message.parts.map { part in
            Part(depth: part.depth, parent: part.parent, children: part.children, mediaType: part.contentType.mediaType,
                 charset: part.charset, filename: part.filename, isAttachment: part.isAttachment,
                 headers: part.headers.map { "\($0.name): \($0.decodedValue)" },
                 decoded: part.isLeaf ? message.decodedBody(of: part).bytes : [],
                 text: message.text(of: part))
        }
        envelope = message.envelope
        anomalies = message.anomalies.subtracting(Self.formSpecific)
    }

    var description: String { parts.map { "\($0.depth) \($0.mediaType) \($0.decoded.count)" }.joined(separator: "; ") }
}

/// Feeds `bytes` to `update` whole, byte by byte, and in seeded random pieces; returns the
/// results of `finish` for each way.
func feedAllWays<State>(
    _ bytes: [UInt8], seed: UInt64, make: () -> State,
    update: (inout State, ArraySlice<UInt8>) -> Void, finish: (inout State) -> [UInt8]
) -> [[UInt8]] {
    var results: [[UInt8]] = []
    var whole = make()
    update(&whole, bytes[...])
    results.append(finish(&whole))
    var single = make()
    for index in bytes.indices { update(&single, bytes[index..<index + 1]) }
    results.append(finish(&single))
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<3 {
        var pieces = make()
        let cuts = generator.splits(of: bytes.count, pieces: Int.random(in: 2...40, using: &generator))
        for (from, to) in zip(cuts, cuts.dropFirst()) { update(&pieces, bytes[from..<to]) }
        results.append(finish(&pieces))
    }
    return results
}

extension Array where Element == UInt8 {
    init(_ text: String) { self = Array(text.utf8) }
}
