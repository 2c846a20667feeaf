import Foundation
import Imprint
import ImprintHarness

/// The labelled messages of `BenchPaths.messageCorpus`, read once per process (lazily: a
/// benchmark target that does not touch it pays nothing), in both input forms.
public struct BenchCorpus: Sendable {
    public struct Item: Sendable {
        public var label: String
        public var rendered: [UInt8]
        /// The same message as an SMTP server holds it after DATA (CRLF, dot-stuffed, `.` end).
        public var wire: [UInt8]
    }

    public let path: String
    public let items: [Item]

    /// Bytes of the rendered forms (the MB/s denominator for both forms).
    public var renderedBytes: Int { items.reduce(0) { $0 + $1.rendered.count } }
    public var wireBytes: Int { items.reduce(0) { $0 + $1.wire.count } }

    /// The corpus of this run (`BenchPaths.messageCorpus`).
    public static let shared: BenchCorpus = {
        do { return try BenchCorpus(path: BenchPaths.messageCorpus) } catch { fatalError("corpus \(BenchPaths.messageCorpus): \(error)") }
    }()

    public init(path: String) throws {
        self.path = path
        let corpus = try Corpus.load([try CorpusSpec.parse(path)])
        var items: [Item] = []
        for entry in corpus.entries {
            guard let bytes = try? corpus.bytes(of: entry) else { continue }
            let rendered = Array(bytes)
            items.append(Item(label: entry.label.rawValue, rendered: rendered, wire: MessageRendering.wire(rendered: rendered)))
        }
        self.items = items
    }

    /// Messages sorted by position: even positions train (build the cartridge), odd positions
    /// are scored, as `Benchmarks/peers/bogofilter.sh` splits.
    public var trainingHalf: [Item] { stride(from: 0, to: items.count, by: 2).map { items[$0] } }
    public var scoringHalf: [Item] { stride(from: 1, to: items.count, by: 2).map { items[$0] } }

    /// Every `step`-th message (a smaller sample for the slow per-message benchmarks).
    public func sample(every step: Int) -> [Item] { stride(from: 0, to: items.count, by: step).map { items[$0] } }
}
