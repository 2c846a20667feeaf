extension Array {
    /// Empties a scratch buffer for the next message: keeps its storage while that is at most
    /// `ThreadScratchSlot.retainedBytesLimit` bytes, drops it when one big message grew it beyond.
    @inlinable
    package mutating func resetScratch() {
        if capacity * MemoryLayout<Element>.stride > ThreadScratchSlot.retainedBytesLimit {
            self = []
        } else {
            removeAll(keepingCapacity: true)
        }
    }
}

extension Set {
    /// Empties a scratch set for the next message, as `Array.resetScratch()` does; a set's
    /// storage is counted as two element strides a slot of capacity (elements and hash slots).
    @inlinable
    package mutating func resetScratch() {
        if capacity * 2 * MemoryLayout<Element>.stride > ThreadScratchSlot.retainedBytesLimit {
            self = []
        } else {
            removeAll(keepingCapacity: true)
        }
    }
}
