/// Finding the token runs of a buffer, byte by byte or eight bytes a step.
extension WordTokenizer {
    /// One token: bytes `start..<end`, and whether any is an ASCII capital.
    struct Run {
        var start: Int
        var end: Int
        var hasUpper: Bool
    }

    /// A cursor over the runs of `count` bytes at `base`.
    struct Runs {
        let base: UnsafeRawPointer
        let count: Int
        let classes: UnsafePointer<UInt8>
        var index = 0

        init(base: UnsafeRawPointer, count: Int, classes: UnsafePointer<UInt8>) {
            self.base = base
            self.count = count
            self.classes = classes
        }

        /// The scalar reference: one class-table load a byte.
        @inline(__always)
        mutating func nextScalar() -> Run? {
            while index < count && classes[Int(base.byte(index))] == 0 { index &+= 1 }
            guard index < count else { return nil }
            let start = index
            var kinds: UInt8 = 0
            while index < count {
                let kind = classes[Int(base.byte(index))]
                guard kind != 0 else { break }
                kinds |= kind
                index &+= 1
            }
            return Run(start: start, end: index, hasUpper: kinds & 2 != 0)
        }

        /// Eight bytes a step while eight remain (``flags(_:)``), then byte by byte.
        @inline(__always)
        mutating func nextWide() -> Run? {
            // The start: the first token byte.
            while index &+ 8 <= count {
                let word = flags(base.readLE64(index)).word
                if word != 0 {
                    index &+= word.trailingZeroBitCount &>> 3
                    break
                }
                index &+= 8
            }
            while index < count && classes[Int(base.byte(index))] == 0 { index &+= 1 }
            guard index < count else { return nil }
            let start = index
            var upper = false
            // The end: the first byte that is not a token byte.
            while index &+ 8 <= count {
                let (word, capitals) = flags(base.readLE64(index))
                let stops = ~word & 0x8080_8080_8080_8080
                if stops == 0 {
                    upper = upper || capitals != 0
                    index &+= 8
                    continue
                }
                let length = stops.trailingZeroBitCount &>> 3
                upper = upper || capitals & ((1 &<< UInt64(length &* 8)) &- 1) != 0
                index &+= length
                return Run(start: start, end: index, hasUpper: upper)
            }
            while index < count {
                let kind = classes[Int(base.byte(index))]
                guard kind != 0 else { break }
                upper = upper || kind == 2
                index &+= 1
            }
            return Run(start: start, end: index, hasUpper: upper)
        }

        /// For eight bytes (little-endian), bit 7 of byte j set in `word` when byte j is a token
        /// byte (a digit, a letter or >= 0x80) and in `capitals` when it is `A`...`Z`. Each
        /// range test adds a bias to the low seven bits so that bit 7 carries the comparison
        /// (no carry crosses a byte: 0x7F plus any bias here stays under 0x100).
        @inline(__always)
        func flags(_ bytes: UInt64) -> (word: UInt64, capitals: UInt64) {
            let top: UInt64 = 0x8080_8080_8080_8080
            let low = bytes & 0x7F7F_7F7F_7F7F_7F7F
            let digit = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646)  // 0x30...0x39
            let folded = low | 0x2020_2020_2020_2020
            let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505)  // a...z either case
            let capital = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~bytes  // 0x41...0x5A
            return ((bytes | digit | letter) & top, capital & top)
        }
    }
}
