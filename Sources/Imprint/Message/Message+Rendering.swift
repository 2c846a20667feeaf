/// A change a gateway's policy makes to a message's header before it is stored or delivered.
public enum HeaderModification: Hashable, Sendable {
    /// A field added at the top of the header (where trace and verdict fields go).
    case add(name: String, value: String)
    /// A field added after the last field.
    case append(name: String, value: String)
    /// The first field `name` gets `value`, later ones are removed; appended when absent.
    case replace(name: String, value: String)
    /// Every field `name` is removed.
    case remove(name: String)

    var name: String {
        switch self {
        case .add(let name, _), .append(let name, _), .replace(let name, _), .remove(let name): return name
        }
    }
}

/// The conversions between the two forms (see `MessageForm`).
public enum MessageRendering {
    /// The rendered form of a wire-form message: un-stuffed, terminator dropped, header
    /// modifications applied; every other byte as received (CRLF lines).
    /// - Throws: `MessageParseError` when the message cannot be parsed or a modification is invalid.
    public static func render(wire: [UInt8], modifications: [HeaderModification] = []) throws(MessageParseError) -> [UInt8] {
        try Message(wire: wire).rendered(with: modifications)
    }

    /// The wire form of a rendered message: a leading mbox `From ` line dropped, line breaks made
    /// CRLF, leading dots doubled, `CRLF.CRLF` appended (`WireEncoder`).
    public static func wire(rendered: [UInt8]) -> [UInt8] {
        var start = 0
        if rendered.starts(with: Array("From ".utf8)) {
            start = (rendered.firstIndex(of: 0x0A) ?? rendered.count - 1) + 1
        }
        var encoder = WireEncoder(expectedInputCount: rendered.count)
        encoder.update(rendered[start...])
        return encoder.finalize()
    }
}

extension Message {
    /// The message in rendered form with `modifications` applied to its top-level header; every
    /// other byte as read (un-stuffed in wire form). New fields use the message's line break.
    /// - Throws: `invalidModification` for a name outside RFC 5322 ftext or a value with CR/LF.
    public func rendered(with modifications: [HeaderModification] = []) throws(MessageParseError) -> [UInt8] {
        for modification in modifications {
            let name = modification.name.utf8
            guard !name.isEmpty, name.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E && $0 != UInt8(ascii: ":") }) else {
                throw .make(.invalidModification, "invalid field name \"\(modification.name)\"")
            }
            if case .add(_, let value) = modification, value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
                throw .make(.invalidModification, "line break in the value of \(modification.name)")
            }
            if case .append(_, let value) = modification, value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
                throw .make(.invalidModification, "line break in the value of \(modification.name)")
            }
            if case .replace(_, let value) = modification, value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
                throw .make(.invalidModification, "line break in the value of \(modification.name)")
            }
        }
        let lineBreak: [UInt8] = storage.firstIndex(of: 0x0A).map { $0 > 0 && storage[$0 - 1] == 0x0D } ?? true ? [0x0D, 0x0A] : [0x0A]
        func field(_ name: String, _ value: String) -> [UInt8] { Array(name.utf8) + [UInt8(ascii: ":"), 0x20] + Array(value.utf8) + lineBreak }
        var output: [UInt8] = []
        output.reserveCapacity(contentRange.count + 256)
        func copy(_ range: Range<Int>) {
            MessageBytes(storage: storage, range: range, isStuffed: form == .wire).forEachChunk { output.append(contentsOf: $0) }
        }
        for case .add(let name, let value) in modifications { output += field(name, value) }
        var replaced = Set<String>()
        var position = contentRange.lowerBound
        for header in headers {
            let start = header.nameRange.lowerBound
            var end = header.valueRange.upperBound
            if end < contentRange.upperBound, storage[end] == 0x0D { end += 1 }
            if end < contentRange.upperBound, storage[end] == 0x0A { end += 1 }
            copy(position..<start)
            position = end
            var keep = true
            for modification in modifications where header.hasName(modification.name) {
                switch modification {
                case .remove: keep = false
                case .replace(let name, let value):
                    keep = false
                    if replaced.insert(name.lowercased()).inserted { output += field(name, value) }
                default: break
                }
            }
            if keep { copy(start..<end) }
        }
        for modification in modifications {
            switch modification {
            case .append(let name, let value): output += field(name, value)
            case .replace(let name, let value) where !replaced.contains(name.lowercased()): output += field(name, value)
            default: break
            }
        }
        copy(position..<contentRange.upperBound)
        return output
    }
}
