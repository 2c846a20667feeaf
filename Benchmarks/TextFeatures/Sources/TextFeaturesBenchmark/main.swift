import Foundation
import Imprint

/// Reads every file under a corpus directory (default: the SpamAssassin public corpus beside
/// the checkout) and reports MB/s for each text-feature stage over the raw message bytes
/// (headers included: the MIME parser is a separate stage), best of three runs each.
let root = CommandLine.arguments.dropFirst().first
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../../shared/corpora/spamassassin_public").standardized.path

var messages: [[UInt8]] = []
if let walker = FileManager.default.enumerator(atPath: root) {
    for case let path as String in walker where !path.hasSuffix(".tsv") && !path.hasSuffix(".md") {
        var isDirectory: ObjCBool = false
        let full = root + "/" + path
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
           let data = FileManager.default.contents(atPath: full) {
            messages.append([UInt8](data))
        }
    }
}
let totalBytes = messages.reduce(0) { $0 + $1.count }
print("corpus: \(root)\nmessages: \(messages.count), bytes: \(totalBytes)")

/// Set STAGE to a substring of a stage name to run only the matching stages (for profiling).
let stageFilter = ProcessInfo.processInfo.environment["STAGE"]

/// CPU time of this thread, in seconds: on a shared machine, wall-clock time counts the time
/// other processes hold the core; thread CPU time does not.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func measure(_ name: String, bytes: Int, _ body: () -> Int) {
    if let stageFilter, !name.contains(stageFilter) { return }
    var best = Double.infinity
    var bestWall = Double.infinity
    var checksum = 0
    for _ in 0..<3 {
        let start = cpuSeconds()
        let wallStart = DispatchTime.now().uptimeNanoseconds
        checksum = body()
        best = min(best, cpuSeconds() - start)
        bestWall = min(bestWall, Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9)
    }
    let megabytes = Double(bytes) / 1_048_576
    print(String(format: "%-30@ %8.1f MB/s CPU  %8.1f MB/s wall  (checksum %d)", name as NSString,
                 megabytes / best, megabytes / bestWall, checksum))
}

// Stage inputs, decoded once.
let texts = messages.map { CharsetDecoder.decode($0, charset: nil) }
let extractor = HTMLTextExtractor()
let plain = texts.map { extractor.extract($0).text }
let urls = URLExtractor()
let normalizer = TextNormalizer()

measure("charset guess (utf-8/1252)", bytes: totalBytes) { messages.reduce(0) { $0 + CharsetDecoder.decode($1, charset: nil).utf8.count } }
measure("charset windows-1252", bytes: totalBytes) { messages.reduce(0) { $0 + CharsetDecoder.decode($1, charset: "windows-1252").utf8.count } }
measure("charset koi8-r", bytes: totalBytes) { messages.reduce(0) { $0 + CharsetDecoder.decode($1, charset: "koi8-r").utf8.count } }
measure("HTML to text", bytes: totalBytes) { texts.reduce(0) { $0 + extractor.extract($1).text.utf8.count } }
measure("URLs from text", bytes: totalBytes) { texts.reduce(0) { $0 + urls.urls(inText: $1).count } }
measure("normalization", bytes: totalBytes) { texts.reduce(0) { $0 + normalizer.normalize($1).utf8.count } }
measure("tokenizer (normalized text)", bytes: totalBytes) {
    var count = 0
    for text in plain { TextTokenizer.forEachWord(in: text) { count &+= $0.count } }
    return count
}
measure("all stages", bytes: totalBytes) {
    var sum = 0
    for message in messages {
        let text = CharsetDecoder.decode(message, charset: nil)
        let html = extractor.extract(text)
        sum &+= urls.urls(in: html).count
        let normalized = normalizer.normalize(html.text)
        TextTokenizer.forEachWord(in: normalized) { sum &+= $0.count }
    }
    return sum
}
