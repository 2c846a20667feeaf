import Foundation
import Imprint

/// The evasion table: for each fingerprint family, the fraction of mutated spam still within its
/// match threshold of the original, and the fraction of unrelated message pairs within it.
public struct EvasionTable: Sendable {
    public struct Row: Sendable {
        public var kind: FingerprintKind
        /// Per mutation: matched / compared (mutants where the family produced a value both times).
        public var kept: [Mutation: (matched: Int, compared: Int)]
        /// Unrelated pairs: matched / compared.
        public var falseMatches: (matched: Int, compared: Int)
    }

    public static let kinds: [FingerprintKind] = [.exactBodySHA256, .pyzor, .tlsh, .ctph, .nilsimsa, .simhash, .minhash]

    public var rows: [Row]
    public var originals: Int

    /// Measures the table.
    /// - Parameters:
    ///   - spam: candidate messages to mutate (single-part, not base64 or quoted-printable ones are used).
    ///   - unrelated: messages to pair with each other for the false-match column.
    ///   - vocabulary: words for insertions (from ham).
    public init(spam: [[UInt8]], unrelated: [[UInt8]], vocabulary: [Substring], seed: UInt64, pairs: Int = 2_000,
                config: CartridgeConfig = CartridgeConfig()) {
        var random = SplitMix(seed: seed)
        let fingerprinter = MessageFingerprinter()
        func fingerprints(_ bytes: [UInt8]) -> [FingerprintKind: Fingerprint] {
            guard let message = try? Message(rendered: bytes) else { return [:] }
            let all = fingerprinter.fingerprints(of: MessageFeatures(message: message)).fingerprints
            var first: [FingerprintKind: Fingerprint] = [:]
            for fingerprint in all where Self.kinds.contains(fingerprint.kind) && first[fingerprint.kind] == nil {
                first[fingerprint.kind] = fingerprint
            }
            return first
        }
        var kept: [FingerprintKind: [Mutation: (Int, Int)]] = [:]
        var originals = 0
        for bytes in spam {
            guard let split = Self.bodyStart(bytes), Self.isSimple(bytes[..<split]) else { continue }
            let head = Array(bytes[..<split]), body = String(decoding: bytes[split...], as: UTF8.self)
            let original = fingerprints(bytes)
            guard original[.tlsh] != nil else { continue }
            originals += 1
            for mutation in Mutation.allCases {
                let mutant = fingerprints(head + Array(mutation.apply(to: body, vocabulary: vocabulary, using: &random).utf8))
                for kind in Self.kinds {
                    guard let a = original[kind], let b = mutant[kind] else { continue }
                    let matched = FingerprintMatch.matches(a, b, config: config)
                    let old = kept[kind, default: [:]][mutation, default: (0, 0)]
                    kept[kind, default: [:]][mutation] = (old.0 + (matched ? 1 : 0), old.1 + 1)
                }
            }
        }
        let prints = unrelated.map(fingerprints)
        var false_: [FingerprintKind: (Int, Int)] = [:]
        if prints.count > 1 {
            for _ in 0..<pairs {
                let i = Int.random(in: 0..<prints.count, using: &random), j = Int.random(in: 0..<prints.count, using: &random)
                guard i != j else { continue }
                for kind in Self.kinds {
                    guard let a = prints[i][kind], let b = prints[j][kind] else { continue }
                    let old = false_[kind, default: (0, 0)]
                    false_[kind] = (old.0 + (FingerprintMatch.matches(a, b, config: config) ? 1 : 0), old.1 + 1)
                }
            }
        }
        self.originals = originals
        rows = Self.kinds.map { kind in
            Row(kind: kind, kept: (kept[kind] ?? [:]).mapValues { (matched: $0.0, compared: $0.1) },
                falseMatches: (false_[kind]?.0 ?? 0, false_[kind]?.1 ?? 0))
        }
    }

    /// The Markdown table.
    public var markdown: String {
        var lines = ["| family | " + Mutation.allCases.map(\.rawValue).joined(separator: " | ") + " | unrelated pairs matched |",
                     "|---|" + String(repeating: "---|", count: Mutation.allCases.count + 1)]
        for row in rows {
            let cells = Mutation.allCases.map { mutation -> String in
                guard let cell = row.kept[mutation], cell.compared > 0 else { return "n/a" }
                return String(format: "%.2f", Double(cell.matched) / Double(cell.compared))
            }
            let falseCell = row.falseMatches.compared > 0
                ? String(format: "%.4f", Double(row.falseMatches.matched) / Double(row.falseMatches.compared)) : "n/a"
            lines.append("| \(row.kind.name) | " + cells.joined(separator: " | ") + " | \(falseCell) |")
        }
        return lines.joined(separator: "\n")
    }

    /// Where the body starts (after the first empty line).
    static func bodyStart(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A, bytes[index + 1] == 0x0A { return index + 2 }
            if bytes[index] == 0x0A, bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A { return index + 3 }
            index += 1
        }
        return nil
    }

    /// A single-part text message whose body is not transfer-encoded.
    static func isSimple(_ head: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        return !text.contains("multipart/") && !text.contains("base64") && !text.contains("quoted-printable")
    }
}

/// SplitMix64, seeded.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
