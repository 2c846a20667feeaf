import CPCRE2

/// A compiled PCRE2 regular expression over bytes, JIT-compiled when the platform allows,
/// matched under explicit limits so that a catastrophic pattern returns in bounded time.
///
/// The compiled code and match context are immutable after `init` and shared by all
/// threads; matches on one thread reuse that thread's match data (`PCRE2MatchScratch`).
public final class PCRE2Pattern: @unchecked Sendable {
    /// Compile options, the `/flags` of a whitelist rule.
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// `i`: case-insensitive.
        public static let caseInsensitive = Options(rawValue: UInt32(PCRE2_CASELESS))
        /// `m`: `^` and `$` match at line breaks.
        public static let multiline = Options(rawValue: UInt32(PCRE2_MULTILINE))
        /// `s`: `.` matches a newline.
        public static let dotAll = Options(rawValue: UInt32(PCRE2_DOTALL))
        /// `x`: white space and `#` comments in the pattern are ignored.
        public static let extended = Options(rawValue: UInt32(PCRE2_EXTENDED))
        /// `u`: the pattern and subject are UTF-8; invalid subject bytes never match a character.
        public static let utf = Options(rawValue: UInt32(PCRE2_UTF) | UInt32(PCRE2_MATCH_INVALID_UTF))
    }

    /// Bounds on one match. A match that hits one throws instead of running on.
    public struct Limits: Sendable, Hashable {
        /// Backtracking steps (`pcre2_set_match_limit`); the JIT honours it too.
        public var matchLimit: UInt32
        /// Nested backtracking depth (`pcre2_set_depth_limit`; interpreter only).
        public var depthLimit: UInt32
        /// Heap the interpreter may use for backtracking, in KiB.
        public var heapLimitKiB: UInt32

        public init(matchLimit: UInt32 = 100_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000) {
            self.matchLimit = matchLimit
            self.depthLimit = depthLimit
            self.heapLimitKiB = heapLimitKiB
        }

        /// The defaults, documented in the README's limits table.
        public static let `default` = Limits()
    }

    /// The pattern text as given.
    public let pattern: String
    /// Whether PCRE2's JIT compiled the pattern (the interpreter runs otherwise).
    public let isJITCompiled: Bool

    private let code: OpaquePointer
    private let context: OpaquePointer

    /// Compiles `pattern`.
    /// - Throws: `PatternError` with code `compileFailed`, naming the offset PCRE2 reports.
    public init(_ pattern: String, options: Options = [], limits: Limits = .default) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = pattern.utf8CString.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { bytes in
                pcre2_compile_8(bytes.baseAddress, bytes.count - 1, options.rawValue, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw .make(.compileFailed, "\(Self.message(for: errorCode)) at offset \(errorOffset) of \(pattern)")
        }
        guard let context = pcre2_match_context_create_8(nil) else {
            pcre2_code_free_8(compiled)
            throw .make(.compileFailed, "no memory for a match context")
        }
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        self.pattern = pattern
        self.code = compiled
        self.context = context
        self.isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    /// The byte range of the first match in `subject`, or nil when there is none.
    /// - Throws: `PatternError` when a limit stops the match (`matchLimitExceeded`,
    ///   `depthLimitExceeded`, `heapLimitExceeded`) or PCRE2 fails otherwise.
    public func firstMatch(in subject: UnsafeRawBufferPointer) throws(PatternError) -> Range<Int>? {
        try PCRE2MatchScratch.withThreadScratch { (scratch) throws(PatternError) -> Range<Int>? in
            guard let matchData = scratch.block else { throw .make(.matchFailed, "no memory for match data") }
            let empty: UInt8 = 0
            let status = withUnsafePointer(to: empty) { fallback in
                let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? fallback
                return pcre2_match_8(code, base, subject.count, 0, 0, matchData, context)
            }
            if status == PCRE2_ERROR_NOMATCH { return nil }
            guard status >= 0 else {
                scratch.isSpoiled = true
                throw Self.matchError(status)
            }
            // 0 means the one offset pair could not hold the captures too; it holds the whole match.
            let vector = pcre2_get_ovector_pointer_8(matchData)!
            return vector[0]..<vector[1]
        }
    }

    /// Whether `subject` matches anywhere.
    public func matches(_ subject: some StringProtocol) throws(PatternError) -> Bool {
        var text = String(subject)
        let result = text.withUTF8 { bytes in
            Result { () throws(PatternError) -> Bool in try firstMatch(in: UnsafeRawBufferPointer(bytes)) != nil }
        }
        return try result.get()
    }

    private static func matchError(_ status: Int32) -> PatternError {
        switch status {
        case PCRE2_ERROR_MATCHLIMIT: return .make(.matchLimitExceeded, message(for: status))
        case PCRE2_ERROR_DEPTHLIMIT: return .make(.depthLimitExceeded, message(for: status))
        case PCRE2_ERROR_HEAPLIMIT: return .make(.heapLimitExceeded, message(for: status))
        default: return .make(.matchFailed, message(for: status))
        }
    }

    private static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}
