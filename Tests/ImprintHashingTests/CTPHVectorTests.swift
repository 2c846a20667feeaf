import ImprintHashing
import ImprintTestSupport
import Testing

/// CTPH digests against ffuzzy's generator test suite (`Fixtures/ssdeep_ffuzzy`, GPL-2.0
/// notice beside it): every row of `generate-small.ssdeep.txt`, with the digest form its flags
/// select (see `generate-small.md`).
@Suite struct CTPHVectorTests {
    struct Row: Sendable, CustomStringConvertible {
        let file: String
        let flags: Int
        let expected: String
        var description: String { "\(file) flags \(flags)" }

        /// Flag 1: truncated second part (ssdeep's default); flag 2: untruncated ("long").
        var forms: [CTPH.Options] {
            let normalized: CTPH.Options = flags & 4 != 0 ? .eliminateSequences : []
            var forms: [CTPH.Options] = []
            if flags & 1 != 0 { forms.append(normalized) }
            if flags & 2 != 0 { forms.append(normalized.union(.untruncated)) }
            return forms
        }
    }

    static let directory = "ssdeep_ffuzzy/testsuite/"

    static func rows() throws -> [Row] {
        let text = String(decoding: try Fixtures.bytes(directory + "generate-small.ssdeep.txt"), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).compactMap { line -> Row? in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 3 else { return nil }
            let path = fields[0].replacingOccurrences(of: "data/testsuite/", with: "")
            return Row(file: path, flags: Int(fields[1])!, expected: String(fields[2]))
        }
    }

    @Test func tableHasEveryRow() throws {
        let rows = try Self.rows()
        #expect(rows.count == 542)
        #expect(rows.allSatisfy { !$0.forms.isEmpty })
    }

    @Test(arguments: KernelPath.allCases)
    func digestsMatchReference(path: KernelPath) throws {
        var cache: [String: CTPH] = [:]
        for row in try Self.rows() {
            let state: CTPH
            if let cached = cache[row.file] {
                state = cached
            } else {
                var fresh = CTPH(path: path)
                fresh.update(try Fixtures.bytes(Self.directory + row.file))
                cache[row.file] = fresh
                state = fresh
            }
            for options in row.forms {
                #expect(state.finalize(options: options).description == row.expected, "\(row) \(options.rawValue)")
            }
            if row.flags & 8 != 0 {
                // Before normalization the long second part did not fit a short (32) one.
                #expect(state.finalize(options: .untruncated).second.count > 32, "\(row)")
            }
        }
    }

    @Test func oneShotMatchesReference() throws {
        for row in try Self.rows() where row.flags & 1 != 0 && row.flags & 4 == 0 {
            let bytes = try Fixtures.bytes(Self.directory + row.file)
            #expect(CTPH.hash(bytes).description == row.expected, "\(row)")
            let parsed = try CTPHDigest(parsing: row.expected)
            #expect(parsed == CTPH.hash(bytes), "\(row)")
        }
    }
}
