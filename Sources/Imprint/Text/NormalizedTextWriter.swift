/// The output side of `TextNormalizer`: folds each code point, keeps the current word in a
/// reusable buffer until it ends, masks it, and collapses white space.
struct NormalizedTextWriter {
    let options: TextNormalizer.Options
    var output: ByteScratch
    /// The word being read: ASCII letters and digits, `-`/`_` inside it, and non-ASCII letters.
    var word = ByteScratch(capacity: 64)
    /// True while the word is all ASCII (only such words can be tracking tokens).
    var wordIsASCII = true
    /// Digits in the current word (words without digits are copied without masking work).
    var wordDigits = 0
    var pendingSpace = false

    init(options: TextNormalizer.Options, capacity: Int) {
        self.options = options
        output = ByteScratch(capacity: capacity)
    }

    @inline(__always)
    mutating func append(ascii byte: UInt8) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            word.append(byte)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            word.append(byte)
            wordDigits &+= 1
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            word.append(options.foldCase ? byte | 0x20 : byte)
        case UInt8(ascii: "-") where !word.isEmpty, UInt8(ascii: "_") where !word.isEmpty:
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
        if original >= UInt8(ascii: "0"), original <= UInt8(ascii: "9") { wordDigits -= 1 }
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
            wordDigits &+= 1
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
        if isWordPart { Self.appendUTF8(scalar, to: &word) } else { Self.appendUTF8(scalar, to: &output) }
    }

    @inline(__always)
    mutating func emitSpaceIfPending() {
        if pendingSpace, !output.isEmpty { output.append(0x20) }
        pendingSpace = false
    }

    mutating func flushWord() {
        guard !word.isEmpty else { return }
        emitSpaceIfPending()
        if wordDigits == 0, word.count < 24 {
            // No digits and too short for a letter-only tracking token: copied as is.
            output.append(contentsOf: word.buffer(0..<word.count))
            word.removeAll()
            wordIsASCII = true
            return
        }
        var body = word.count
        while body > 0, word[body - 1] == UInt8(ascii: "-") || word[body - 1] == UInt8(ascii: "_") { body -= 1 }
        if options.maskTrackingTokens, wordIsASCII, body >= 10, TrackingTokens.isTrackingToken(word.buffer(0..<body)) {
            output.append(contentsOf: TextNormalizer.trackingMask)
        } else if options.maskNumbers {
            var inDigits = false
            for index in 0..<body {
                let byte = word[index]
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                if !isDigit {
                    output.append(byte)
                } else if !inDigits {
                    output.append(contentsOf: TextNormalizer.numberMask)
                }
                inDigits = isDigit
            }
        } else {
            output.append(contentsOf: word.buffer(0..<body))
        }
        output.append(contentsOf: word.buffer(body..<word.count))
        word.removeAll()
        wordIsASCII = true
        wordDigits = 0
    }

    /// The normalized text; releases the buffers (the writer is not used afterwards).
    mutating func finish() -> String {
        flushWord()
        let text = String(decoding: output.buffer(0..<output.count), as: UTF8.self)
        output.release()
        word.release()
        return text
    }
}

extension NormalizedTextWriter {
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to output: inout ByteScratch) {
        UTF8Scalar.forEachByte(scalar) { output.append($0) }
    }
}
