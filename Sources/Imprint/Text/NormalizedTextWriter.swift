/// The output side of `TextNormalizer`: folds each code point, writes the current word straight
/// into the output, masks it in place when it ends, and collapses white space.
///
/// A word's bytes go to the output as they come (after the one space that separates it from
/// the text before); when the word ends, a word without digits and too short to be a tracking
/// token is already final, any other is rewritten in place (a mask is never longer than what
/// it replaces).
struct NormalizedTextWriter {
    let options: TextNormalizer.Options
    var output: ByteScratch
    /// Where the word being read starts in `output`, -1 between words. A word: ASCII letters
    /// and digits, `-`/`_` inside it, and non-ASCII letters.
    var wordStart = -1
    /// Whether a space was written before the current word, and whether one was pending when
    /// it started (so that taking back all of a word restores the state before it).
    var wordSpaced = false
    var pendingBeforeWord = false
    /// True while the word is all ASCII (only such words can be tracking tokens).
    var wordIsASCII = true
    /// Digits in the current word (words without digits are copied without masking work).
    var wordDigits = 0
    var pendingSpace = false

    /// A writer into `output` (empty); the caller takes `output` back after `finish()`.
    init(options: TextNormalizer.Options, output: ByteScratch) {
        self.options = options
        self.output = output
    }

    @inline(__always)
    mutating func append(ascii byte: UInt8) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            appendToWord(byte)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            appendToWord(byte)
            wordDigits &+= 1
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            appendToWord(options.foldCase ? byte | 0x20 : byte)
        case UInt8(ascii: "-") where wordStart >= 0, UInt8(ascii: "_") where wordStart >= 0:
            output.append(byte)
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
            flushWord()
            pendingSpace = true
        default:
            flushWord()
            emitSpaceIfPending()
            output.append(byte)
        }
    }

    /// Appends a byte of the current word, starting one (after its space) if none is open.
    @inline(__always)
    mutating func appendToWord(_ byte: UInt8) {
        if wordStart < 0 { startWord() }
        output.append(byte)
    }

    mutating func startWord() {
        pendingBeforeWord = pendingSpace
        let before = output.count
        emitSpaceIfPending()
        wordSpaced = output.count != before
        wordStart = output.count
    }

    /// Removes the last byte appended to the current word if it came from `original` (an ASCII
    /// letter or digit), so that it can be normalized again together with what follows.
    mutating func takeBack(_ original: UInt8) -> Bool {
        let folded = options.foldCase && original >= 0x41 && original <= 0x5A ? original | 0x20 : original
        guard wordStart >= 0, let last = output.last, last == folded, HTMLEntities.isAlphanumeric(original) else { return false }
        output.removeLast()
        if original >= UInt8(ascii: "0"), original <= UInt8(ascii: "9") { wordDigits -= 1 }
        if output.count == wordStart {
            // The word is gone, and with it the space written before it.
            if wordSpaced { output.removeLast() }
            pendingSpace = pendingBeforeWord
            wordStart = -1
            wordIsASCII = true
        }
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
            appendToWord(UInt8(ascii: "0") + UInt8(digit))
            wordDigits &+= 1
            return
        }
        let isWordPart = properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark || properties.generalCategory == .enclosingMark
        if !isWordPart {
            flushWord()
            emitSpaceIfPending()
        } else {
            if wordStart < 0 { startWord() }
            wordIsASCII = false
        }
        Self.appendUTF8(scalar, to: &output)
    }

    @inline(__always)
    mutating func emitSpaceIfPending() {
        if pendingSpace, !output.isEmpty { output.append(0x20) }
        pendingSpace = false
    }

    /// Ends the current word.
    @inline(__always)
    mutating func flushWord() {
        guard wordStart >= 0 else { return }
        guard wordDigits != 0 || output.count - wordStart >= 24 else {
            // No digits and too short for a letter-only tracking token: already final.
            wordStart = -1
            wordIsASCII = true
            return
        }
        maskWord()
    }

    /// Ends a word with digits or of 24 bytes or more: masks a tracking token or the digit runs
    /// in place.
    mutating func maskWord() {
        let start = wordStart, count = output.count - start, isASCII = wordIsASCII
        wordStart = -1
        wordIsASCII = true
        wordDigits = 0
        let word = output.base + start
        var body = count
        while body > 0, word[body - 1] == UInt8(ascii: "-") || word[body - 1] == UInt8(ascii: "_") { body -= 1 }
        // Each mask is one byte, never longer than what it replaces.
        assert(TextNormalizer.trackingMask.utf8CodeUnitCount == 1 && TextNormalizer.numberMask.utf8CodeUnitCount == 1)
        var write = body
        if options.maskTrackingTokens, isASCII,
           body >= 10, TrackingTokens.isTrackingToken(UnsafeBufferPointer(start: word, count: body)) {
            word[0] = TextNormalizer.trackingMask.utf8Start.pointee
            write = 1
        } else if options.maskNumbers {
            var inDigits = false
            write = 0
            for index in 0..<body {
                let byte = word[index]
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                if !isDigit {
                    word[write] = byte
                    write &+= 1
                } else if !inDigits {
                    word[write] = TextNormalizer.numberMask.utf8Start.pointee
                    write &+= 1
                }
                inDigits = isDigit
            }
        }
        // The trailing `-`/`_` follow what the body became.
        for index in body..<count {
            word[write] = word[index]
            write &+= 1
        }
        output.truncate(to: start + write)
    }

    /// Completes the text in `output` (the writer is not used afterwards; `output` stays the
    /// caller's).
    mutating func finish() {
        flushWord()
    }
}

extension NormalizedTextWriter {
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to output: inout ByteScratch) {
        UTF8Scalar.forEachByte(scalar) { output.append($0) }
    }
}
