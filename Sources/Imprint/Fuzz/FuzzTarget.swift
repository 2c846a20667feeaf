/// The libFuzzer targets of `scripts/fuzz.sh` and what each feeds its input to. The entry files
/// (`scripts/fuzz/<Name>FuzzEntry.swift`, `@_cdecl("LLVMFuzzerTestOneInput")`) call `run(_:)`,
/// and `CrasherReplayTests` replays `Tests/Fixtures/crashers/<rawValue>/` through the same call,
/// so a fixture reproduces exactly what the fuzzer saw.
///
/// Every target goes through the reader the engine itself uses on that kind of file, from bytes
/// in memory, with the library's typed error as the only acceptable failure: a crash, a hang
/// past libFuzzer's `-timeout`, or memory past `-rss_limit_mb` is a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The message parser in both forms (`fuzzParseMessage`).
    case mime
    /// JPEG through `ImageDecoder` (libjpeg, DCT scaling, EXIF orientation), then the image hashes.
    case jpeg
    /// GIF through `ImageDecoder`: the first frame and every frame.
    case gif
    /// PNG through `ImageDecoder`.
    case png
    /// BMP through `ImageDecoder`.
    case bmp
    /// The base fingerprint database reader (`FingerprintDatabase(decoding:)`), then a snapshot.
    case cartridge
    /// The micro-update reader (`MicroUpdate(decoding:)`), then applying it to a snapshot.
    case microupdate
    /// `cartridge.cfg` (`CartridgeConfig`).
    case config
    /// `whitelist.cfg` (`Whitelist`), then evaluating its rules on a subject made of the input.
    case whitelist
    /// `categories.cats` (`CategoryTable`).
    case categories
    /// The analysis header decoder (`AnalysisHeader(parsing:)`).
    case analysisHeader = "analysis-header"

    /// What one input came to: a value, or the typed error the reader threw (its description).
    public enum Outcome: Hashable, Sendable {
        case accepted
        case rejected(String)
    }

    /// Feeds `data` to this target's reader. Never crashes, whatever `data` holds (that is what
    /// the fuzzer checks).
    @discardableResult
    public func run(_ data: UnsafeRawBufferPointer) -> Outcome {
        switch self {
        case .mime: return fuzzParseMessage(data).map { .rejected($0.description) } ?? .accepted
        case .jpeg: return ImageFuzzing.run(data, format: .jpeg)
        case .gif: return ImageFuzzing.run(data, format: .gif)
        case .png: return ImageFuzzing.run(data, format: .png)
        case .bmp: return ImageFuzzing.run(data, format: .bmp)
        case .cartridge: return CartridgeFuzzing.database(data)
        case .microupdate: return CartridgeFuzzing.microUpdate(data)
        case .config: return TextFileFuzzing.config(data)
        case .whitelist: return TextFileFuzzing.whitelist(data)
        case .categories: return TextFileFuzzing.categories(data)
        case .analysisHeader: return TextFileFuzzing.analysisHeader(data)
        }
    }

    /// A seed in this target's records form (see `CartridgeFuzzing`) made from a sealed
    /// database (`cartridge`) or `.mu` file (`microupdate`); nil for other targets or a file
    /// that does not verify.
    public func recordsSeed(ofFile file: [UInt8]) -> [UInt8]? {
        switch self {
        case .cartridge: try? CartridgeFuzzing.records(ofFile: file, magic: FingerprintDatabase.magic)
        case .microupdate: try? CartridgeFuzzing.records(ofFile: file, magic: MicroUpdate.magic)
        default: nil
        }
    }

    /// `run(_:)` on an array.
    @discardableResult
    public func run(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBytes { run($0) }
    }
}
