import Imprint

/// Synthetic wire-form messages of a chosen size: a multipart message whose base64 part holds
/// dot-leading lines (so the wire form is dot-stuffed throughout). Parsing one in wire form
/// allocates the same count whatever its size when the parser copies no body bytes.
public enum SyntheticMessages {
    public static func wire(approximateBytes size: Int) -> [UInt8] {
        let line = String(repeating: "QUJD", count: 19) + "\n"
        let body = String(repeating: ".dot line\n" + line, count: max(1, size / 87))
        let text = "Subject: big\nContent-Type: multipart/mixed; boundary=z\n\n--z\nContent-Transfer-Encoding: base64\n\n"
            + body + "--z--\n"
        return MessageRendering.wire(rendered: Array(text.utf8))
    }
}
