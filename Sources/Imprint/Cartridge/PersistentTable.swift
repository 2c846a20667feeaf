/// A persistent hash table from 64-bit keys to values: a copy shares everything with the
/// original, and a change copies only the path to the one leaf it touches.
///
/// Two levels of 128 nodes each hold 16,384 leaves, small arrays scanned linearly; the key
/// (mixed by a multiplication with the golden ratio) picks the leaf. A mutation of a shared
/// table copies one 128-slot root, one 128-slot node and the leaf: O(128 + leaf) whatever
/// the table's size, which makes the next snapshot's overlay cheap to build (see
/// `CartridgeOverlay`). Several values may share a key (`insert(_:_:)`), or one value a key
/// (`set(_:_:)`).
///
/// - Complexity: lookup O(1 + n / 16,384); `set` and `insert` O(128 + n / 16,384).
struct PersistentTable<Value: Sendable>: Sendable {
    struct Item: Sendable {
        var key: UInt64
        var value: Value
    }

    private var nodes: [[[Item]]] = []
    /// The number of items.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The root and node slots of `key`.
    @inline(__always)
    private static func place(_ key: UInt64) -> (Int, Int) {
        let mixed = key &* 0x9E37_79B9_7F4A_7C15
        return (Int(truncatingIfNeeded: mixed >> 57), Int(truncatingIfNeeded: (mixed >> 50) & 127))
    }

    /// The value of the first item with `key`.
    func value(for key: UInt64) -> Value? {
        guard count > 0 else { return nil }
        let (node, leaf) = Self.place(key)
        return nodes[node][leaf].withUnsafeBufferPointer { items in
            for item in items where item.key == key { return item.value }
            return nil
        }
    }

    /// Calls `body` with the values of `key` (in insertion order) until it returns a result.
    func first<R>(_ key: UInt64, where body: (Value) -> R?) -> R? {
        guard count > 0 else { return nil }
        let (node, leaf) = Self.place(key)
        return nodes[node][leaf].withUnsafeBufferPointer { items in
            for item in items where item.key == key {
                if let result = body(item.value) { return result }
            }
            return nil
        }
    }

    /// Sets the value of the first item with `key`, or adds an item.
    mutating func set(_ key: UInt64, _ value: Value) {
        allocate()
        let (node, leaf) = Self.place(key)
        if let index = nodes[node][leaf].firstIndex(where: { $0.key == key }) {
            nodes[node][leaf][index].value = value
        } else {
            nodes[node][leaf].append(Item(key: key, value: value))
            count += 1
        }
    }

    /// Adds an item, even when `key` already has one.
    mutating func insert(_ key: UInt64, _ value: Value) {
        allocate()
        let (node, leaf) = Self.place(key)
        nodes[node][leaf].append(Item(key: key, value: value))
        count += 1
    }

    /// Calls `body` with every item, in no particular order.
    func forEach(_ body: (UInt64, Value) -> Void) {
        for node in nodes {
            for leaf in node {
                for item in leaf { body(item.key, item.value) }
            }
        }
    }

    private mutating func allocate() {
        if nodes.isEmpty { nodes = [[[Item]]](repeating: [[Item]](repeating: [], count: 128), count: 128) }
    }
}
