import Imprint

/// One hostile message: which corpus message it came from, what was done to it, its bytes.
public struct HostileMutant: Sendable {
    /// The mutant's number in its run (with the seed, all that is needed to rebuild it).
    public var number: Int
    /// The index of the original in the messages the mutator was given.
    public var source: Int
    public var mutations: [HostileMutation]
    /// Wire form (dot-stuffed, CRLF, `.` terminated) for about one mutant in four.
    public var form: MessageForm
    public var bytes: [UInt8]

    /// `truncation+nul-bytes` style name of the mutations.
    public var kind: String { mutations.map(\.rawValue).joined(separator: "+") }
}

/// Seeded hostile mutations of real messages (issue 10). Mutant `n` depends only on the seed
/// and `n` (its own SplitMix64 stream), so a run can resume after a crash, be split, or
/// rebuild one mutant to reproduce a finding (`imprint hostile --seed S --only N`).
///
/// Mix: a structural mutation (`HostileMutation.isStructural`) on about one mutant in 12
/// (10,000-level nesting 1/40, a giant PNG 1/20, a 50 MB header and a 2 GiB-declared base64
/// part 1/500 each: they are the slow ones); otherwise one to three stacked cheap mutations.
/// The originals cycle in order, so every corpus message is mutated once per pass.
public struct HostileMutator: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// The generator of mutant `number`.
    public func generator(for number: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: number) &* 0xD6E8_FEB8_6659_FD93))
        return SplitMix64(seed: mixer.next())
    }

    /// Mutant `number` of `messages` (cycled in order).
    public func mutant(_ number: Int, of messages: [[UInt8]]) -> HostileMutant {
        precondition(!messages.isEmpty, "no messages to mutate")
        var random = generator(for: number)
        let source = number % messages.count
        let roll = random.next() % 1000
        let mutations: [HostileMutation]
        switch roll {
        case 0..<2: mutations = [.hugeHeader]
        case 2..<4: mutations = [.hugeBase64]
        case 4..<29: mutations = [.deepNesting]
        case 29..<79: mutations = [.giantPNG]
        default:
            let count = 1 + Int(random.next() % 3)
            mutations = (0..<count).map { _ in HostileMutation.stackable[Int(random.next() % UInt64(HostileMutation.stackable.count))] }
        }
        return mutant(number, source: source, original: messages[source], applying: mutations, using: &random)
    }

    /// The original with `mutations` applied in order, drawing from `random`.
    public func mutant(_ number: Int, source: Int, original: [UInt8], applying mutations: [HostileMutation],
                       using random: inout SplitMix64) -> HostileMutant {
        var bytes = original
        for mutation in mutations { bytes = Self.apply(mutation, to: bytes, using: &random) }
        let wire = random.next() % 4 == 0
        return HostileMutant(number: number, source: source, mutations: mutations, form: wire ? .wire : .rendered,
                             bytes: wire ? MessageRendering.wire(rendered: bytes) : bytes)
    }

    /// One mutation of `bytes`.
    public static func apply(_ mutation: HostileMutation, to bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        switch mutation {
        case .truncation: return bytes.isEmpty ? bytes : Array(bytes[..<Int(random.next() % UInt64(bytes.count))])
        case .byteFlips: return CheapMutations.flip(bytes, using: &random)
        case .boundaryDeletion: return CheapMutations.deleteBoundary(bytes, using: &random)
        case .nulBytes: return CheapMutations.insertNULs(bytes, using: &random)
        case .invalidUTF8: return CheapMutations.insertInvalidUTF8(bytes, using: &random)
        case .overlongLines: return CheapMutations.overlongLine(bytes, using: &random)
        case .deepNesting: return HostilePayloads.deepNesting(bytes, using: &random)
        case .hugeHeader: return HostilePayloads.hugeHeader(bytes, using: &random)
        case .hugeBase64: return HostilePayloads.hugeBase64(bytes, using: &random)
        case .giantPNG: return HostilePayloads.giantPNG(bytes, using: &random)
        }
    }
}
