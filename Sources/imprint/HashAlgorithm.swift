import Imprint
import ImprintHashing

/// The algorithms `imprint hash` knows, by the names of the command-line contract.
enum HashAlgorithm: String, CaseIterable {
    case xxh64
    case xxh3

    /// The digest of a file's raw bytes in the reference tool's text form.
    func digest(of bytes: [UInt8]) -> String {
        switch self {
        case .xxh64: return HexEncoding.string(XXH64.hash(bytes))
        case .xxh3: return HexEncoding.string(XXH3.hash64(bytes))
        }
    }

    static var names: String { allCases.map(\.rawValue).joined(separator: " ") }
}
