/// Pointer access to an `InlineArray`, the fixed-size state of the kernels (TLSH's histograms,
/// Nilsimsa's counter banks, SimHash's counters, CTPH's levels): stored in the state value
/// itself, so starting a digest allocates nothing, and read by the per-byte loops through a
/// raw pointer as an array's storage would be.
extension InlineArray where Element: BitwiseCopyable {
    /// Calls `body` with the elements, mutable.
    @inlinable @inline(__always)
    mutating func withUnsafeMutableBufferPointer<Result>(_ body: (UnsafeMutableBufferPointer<Element>) -> Result) -> Result {
        var elements = mutableSpan
        return elements.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Calls `body` with the elements.
    @inlinable @inline(__always)
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        span.withUnsafeBufferPointer { body($0) }
    }

    /// The elements as an array (for tests that compare two states).
    var elements: [Element] { withUnsafeBufferPointer { Array($0) } }
}
