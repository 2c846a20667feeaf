/// The words of header fields, as tokens for the reputation evidence: `name:word`.
///
/// Mail filters learn as much from headers (relays, mailers, list headers, sender names) as from
/// bodies. Fields that name one message only (dates, ids, sizes, client states) are skipped;
/// so are fields added by other filters downstream, whose verdicts must not leak into ours.
public enum HeaderWords {
    /// Fields never tokenized (lower case), and prefixes of such fields.
    public static let skipped: Set<String> = ["date", "message-id", "content-length", "lines", "status", "x-status",
                                              "x-keywords", "x-uid", "delivery-date", "resent-date", "resent-message-id"]
    public static let skippedPrefixes = ["x-spam", "x-virus", "x-bogosity", "x-dspam", "x-imprint", "x-envelope-"]
    /// Words kept per field and per message, at most.
    public static let maximumPerField = 64
    public static let maximumPerMessage = 1_500

    public static func words(of headers: HeaderList) -> [String] {
        var out: [String] = []
        for field in headers {
            let name = field.name.lowercased()
            if skipped.contains(name) || skippedPrefixes.contains(where: name.hasPrefix) { continue }
            var count = 0
            runs.forEachWord(in: field.decodedValue.lowercased()) { word in
                guard count < maximumPerField, out.count < maximumPerMessage else { return }
                out.append(name + ":" + String(decoding: word, as: UTF8.self))
                count += 1
            }
            if out.count >= maximumPerMessage { return out }
        }
        return out
    }

    /// Letters, digits and `. - _ @ $ ! %` make header words (addresses, hosts, prices stay whole).
    static let runs = WordRuns(extras: ".-_@$!%")
}
