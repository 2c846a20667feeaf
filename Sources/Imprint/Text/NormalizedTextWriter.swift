/// The output side of `TextNormalizer`: folds each code point, keeps the current word in a
/// reusable buffer until it ends, masks it, and collapses white space.
struct NormalizedTextWriter {
    let options: TextNormalizer.Options
    var output: [UInt8] = []
    /// The word being read: ASCII letters and digits, `-`/`_` inside it, and non-ASCII letters.
    var word: [UInt8] = []
    /// True while the word is all ASCII (only such words can be tracking tokens).
    var wordIsASCII = true
    var pendingSpace = false

    init(options: TextNormalizer.Options) {
        self.options = options
        word.reserveCapacity(64)
    }

    @inline(__always)
    mutating func append(ascii byte: UInt8) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            word.append(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            word.append(options.foldCase ? byte | 0x20 : byte)
        case UInt8(ascii: "-"), UInt8(ascii: "_") where !word.isEmpty:
            word.append(byte)
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
            flushWord()
            pendingSpace = true
        default:
            flushWord()
            emitSpaceIfPending()
            output.append(byte)
        }
    }

    /// Removes the last byte appended to the current word if it came from `original` (an ASCII
    /// letter or digit), so that it can be normalized again together with what follows.
    mutating func takeBack(_ original: UInt8) -> Bool {
        let folded = options.foldCase && original >= 0x41 && original <= 0x5A ? original | 0x20 : original
        guard let last = word.last, last == folded, HTMLEntities.isAlphanumeric(original) else { return false }
        word.removeLast()
        if word.isEmpty { wordIsASCII = true }
        return true
    }

    mutating func append(scalar: UInt32) {
        if InvisibleCharacters.contains(scalar) { return }
        if options.foldCase, FoldMap.fold(scalar, { appendFolded($0) }) { return }
        appendFolded(scalar)
    }

    /// Appends a code point that is already folded.
    mutating func appendFolded(_ scalar: UInt32) {
        if scalar < 0x80 {
            append(ascii: UInt8(scalar))
            return
        }
        guard let value = Unicode.Scalar(scalar) else { return }
        let properties = value.properties
        if properties.isWhitespace {
            flushWord()
            pendingSpace = true
            return
        }
        if properties.numericType == .decimal, let digit = properties.numericValue, digit >= 0, digit <= 9 {
            word.append(UInt8(ascii: "0") + UInt8(digit))
            return
        }
        let isWordPart = properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark || properties.generalCategory == .enclosingMark
        if !isWordPart {
            flushWord()
            emitSpaceIfPending()
        } else {
            wordIsASCII = false
        }
        if isWordPart { appendUTF8(scalar, to: &word) } else { appendUTF8(scalar, to: &output) }
    }

    @inline(__always)
    mutating func emitSpaceIfPending() {
        if pendingSpace, !output.isEmpty { output.append(0x20) }
        pendingSpace = false
    }

    mutating func flushWord() {
        guard !word.isEmpty else { return }
        emitSpaceIfPending()
        var trailing = 0
        while trailing < word.count, word[word.count - 1 - trailing] == UInt8(ascii: "-") || word[word.count - 1 - trailing] == UInt8(ascii: "_") {
            trailing += 1
        }
        let body = word.count - trailing
        if options.maskTrackingTokens, wordIsASCII, TrackingTokens.isTrackingToken(word[..<body]) {
            output.append(contentsOf: TextNormalizer.trackingMask.utf8)
        } else if options.maskNumbers {
            var inDigits = false
            for byte in word[..<body] {
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                if isDigit {
                    if !inDigits { output.append(contentsOf: TextNormalizer.numberMask.utf8) }
                } else {
                    output.append(byte)
                }
                inDigits = isDigit
            }
        } else {
            output.append(contentsOf: word[..<body])
        }
        output.append(contentsOf: word[body...])
        word.removeAll(keepingCapacity: true)
        wordIsASCII = true
    }

    mutating func finish() -> String {
        flushWord()
        return String(decoding: output, as: UTF8.self)
    }
}

@inline(__always)
func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
    HTMLEntities.appendScalar(scalar, to: &output)
}
