import Benchmark
import BenchmarkSupport
import Imprint

/// The text-feature layer over the corpus's raw message bytes (headers included; the MIME
/// parser is measured in MessageBenchmarks): charset decoding, HTML to text, URL extraction,
/// normalization and tokenization, each over the previous stage's output, then all together.
/// MB/s is over the raw message bytes, as the former TextFeatures package reported it.
let benchmarks: @Sendable () -> Void = {
    let configuration = BenchMetrics.configuration([BenchMetrics.megabytesPerSecond], warmup: 1, maxSeconds: 3, maxIterations: 100, pipeline: true)
    func stage(_ name: String, _ body: @escaping @Sendable (TextStages) -> Int) {
        Benchmark(name, configuration: configuration) { benchmark in
            let stages = TextStages.shared
            blackHole(benchmark.timed(bytes: stages.bytes) { body(stages) })
        }
    }
    stage("Charset guess (UTF-8 or windows-1252)") { $0.messages.reduce(0) { $0 &+ CharsetDecoder.decode($1, charset: nil).utf8.count } }
    stage("Charset windows-1252") { $0.messages.reduce(0) { $0 &+ CharsetDecoder.decode($1, charset: "windows-1252").utf8.count } }
    stage("Charset koi8-r") { $0.messages.reduce(0) { $0 &+ CharsetDecoder.decode($1, charset: "koi8-r").utf8.count } }
    stage("HTML to text") { stages in stages.texts.reduce(0) { $0 &+ stages.extractor.extract($1).text.utf8.count } }
    stage("URLs from text") { stages in stages.texts.reduce(0) { $0 &+ stages.urls.urls(inText: $1).count } }
    stage("Normalization") { stages in stages.texts.reduce(0) { $0 &+ stages.normalizer.normalize($1).utf8.count } }
    stage("Tokenizer (HTML-stripped text)") { stages in
        var count = 0
        for text in stages.plain { TextTokenizer.forEachWord(in: text) { count &+= $0.count } }
        return count
    }
    stage("All text stages") { stages in
        var sum = 0
        for message in stages.messages {
            let html = stages.extractor.extract(CharsetDecoder.decode(message, charset: nil))
            sum &+= stages.urls.urls(in: html).count
            TextTokenizer.forEachWord(in: stages.normalizer.normalize(html.text)) { sum &+= $0.count }
        }
        return sum
    }
}

/// Each stage's input, made once per process.
struct TextStages: Sendable {
    static let shared = TextStages()
    let messages = BenchCorpus.shared.items.map(\.rendered)
    let bytes = BenchCorpus.shared.renderedBytes
    let texts: [String]
    let plain: [String]
    let extractor = HTMLTextExtractor()
    let urls = URLExtractor()
    let normalizer = TextNormalizer()

    init() {
        texts = messages.map { CharsetDecoder.decode($0, charset: nil) }
        plain = texts.map { HTMLTextExtractor().extract($0).text }
    }
}
