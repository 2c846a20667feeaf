/// Punycode (RFC 3492), the ASCII form of internationalized domain labels ("xn--" + encoding,
/// RFC 5890/5891). Encoding and decoding follow the RFC's section 6 pseudocode, with its
/// overflow checks; a label is at most `maximumLabelScalars` code points.
public enum Punycode {
    static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128
    /// Longest label handled (DNS labels are at most 63 bytes; this leaves room for Unicode).
    public static let maximumLabelScalars = 256

    /// The Punycode encoding of a label (without the "xn--" prefix), or nil when too long.
    public static func encode(_ label: some Sequence<Unicode.Scalar>) -> String? {
        let input = label.map(\.value)
        guard input.count <= maximumLabelScalars else { return nil }
        var output: [UInt8] = input.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = UInt32(initialN), delta = 0, bias = initialBias
        while handled < input.count {
            guard let m = input.filter({ $0 >= n }).min() else { break }
            let (product, overflow) = Int(m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow else { return nil }
            delta += product
            n = m
            for c in input {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes a Punycode label (without "xn--"), or nil when it is malformed.
    public static func decode(_ label: Substring) -> String? {
        let input = Array(label.utf8)
        guard input.count <= maximumLabelScalars * 4 else { return nil }
        var output: [UInt32] = []
        var start = 0
        if let dash = input.lastIndex(of: UInt8(ascii: "-")) {
            for byte in input[..<dash] {
                guard byte < 0x80 else { return nil }
                output.append(UInt32(byte))
            }
            start = dash + 1
        }
        var n = initialN, i = 0, bias = initialBias, index = start
        while index < input.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard index < input.count, let d = value(input[index]) else { return nil }
                index += 1
                let (dw, o1) = d.multipliedReportingOverflow(by: w)
                let (sum, o2) = i.addingReportingOverflow(dw)
                guard !o1, !o2, sum < 0x7FFF_FFFF else { return nil }
                i = sum
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if d < t { break }
                let (nw, o3) = w.multipliedReportingOverflow(by: base - t)
                guard !o3, nw < 0x7FFF_FFFF else { return nil }
                w = nw
                k += base
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, output.count < maximumLabelScalars else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        var scalars = String.UnicodeScalarView()
        for value in output {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    static func digit(_ d: Int) -> UInt8 { d < 26 ? UInt8(97 + d) : UInt8(22 + d) }

    static func value(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte) - 97
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte) - 65
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte) - 22
        default: return nil
        }
    }
}
