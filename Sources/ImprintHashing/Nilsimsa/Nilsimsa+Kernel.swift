/// The hot loop: eight trigrams a byte once the window holds four bytes.
extension Nilsimsa {
    /// Adds the eight trigrams of each of `count` bytes (window already full) to the banks.
    /// With c the new byte and w0...w3 the previous four (w0 most recent), the slots are the
    /// reference's: (c,w0,w1) (c,w0,w2) (c,w1,w2) (c,w0,w3) (c,w1,w3) (c,w2,w3) (w3,w0,c) (w3,w2,c).
    /// - Returns: the new window.
    @inline(__always)
    static func accumulate(_ input: UnsafeRawPointer, count: Int, window: UInt32,
                           counters: UnsafeMutablePointer<UInt32>, tables: UnsafePointer<UInt8>) -> UInt32 {
        var w0 = Int(window & 0xFF), w1 = Int((window >> 8) & 0xFF)
        var w2 = Int((window >> 16) & 0xFF), w3 = Int(window >> 24)
        @inline(__always)
        func bucket(_ slot: Int, _ a: Int, _ b: Int, _ c: Int) -> Int {
            let base = tables + slot &* 768
            return slot &* 256 &+ Int((base[a] ^ base[256 &+ b]) &+ base[512 &+ c])
        }
        for index in 0..<count {
            let c = Int(input.load(fromByteOffset: index, as: UInt8.self))
            counters[bucket(0, c, w0, w1)] &+= 1
            counters[bucket(1, c, w0, w2)] &+= 1
            counters[bucket(2, c, w1, w2)] &+= 1
            counters[bucket(3, c, w0, w3)] &+= 1
            counters[bucket(4, c, w1, w3)] &+= 1
            counters[bucket(5, c, w2, w3)] &+= 1
            counters[bucket(6, w3, w0, c)] &+= 1
            counters[bucket(7, w3, w2, c)] &+= 1
            w3 = w2
            w2 = w1
            w1 = w0
            w0 = c
        }
        return UInt32(w0) | UInt32(w1) << 8 | UInt32(w2) << 16 | UInt32(w3) << 24
    }
}
