@testable import Imprint
import ImprintTestSupport
import Testing

/// The persistent containers under snapshot overlays: a changed copy never disturbs the
/// original, and each answers as a plain dictionary or array would.
@Suite struct CartridgeOverlayStorageTests {
    @Test func persistentTableMatchesADictionaryAndCopiesStayUnchanged() {
        var generator = SeededGenerator(seed: 71)
        var table = PersistentTable<Int>()
        var model: [UInt64: [Int]] = [:]
        var saved: [(PersistentTable<Int>, [UInt64: [Int]])] = []
        for step in 0..<40_000 {
            // Few distinct keys in a narrow range, so that leaves hold many items and keys repeat.
            let key = Bool.random(using: &generator) ? UInt64.random(in: 0..<3000, using: &generator) : generator.next()
            if Bool.random(using: &generator) {
                table.set(key, step)
                if model[key] == nil { model[key] = [step] } else { model[key]![0] = step }
            } else {
                table.insert(key, step)
                model[key, default: []].append(step)
            }
            if step % 5000 == 0 { saved.append((table, model)) }
        }
        saved.append((table, model))
        for (copy, expected) in saved {
            #expect(copy.count == expected.values.reduce(0) { $0 + $1.count })
            for (key, values) in expected {
                #expect(copy.value(for: key) == values.first)
                var seen: [Int] = []
                _ = copy.first(key) { value -> Int? in
                    seen.append(value)
                    return nil
                }
                #expect(seen == values)
            }
            var all = 0
            copy.forEach { key, value in
                all += 1
                #expect(expected[key]?.contains(value) == true)
            }
            #expect(all == copy.count)
            #expect(copy.value(for: 1 << 63 | 12345) == nil)
        }
    }

    @Test func overlayEntriesAndColumnsKeepEveryValue() {
        var generator = SeededGenerator(seed: 72)
        var entries = OverlayEntries()
        var column = OverlayColumn(width: 8)
        var model: [Fingerprint] = []
        var saved: [(OverlayEntries, OverlayColumn, Int)] = []
        for index in 0..<5000 {
            let kind: FingerprintKind = Bool.random(using: &generator) ? .simhash : .url
            let fingerprint = Fingerprint(kind: kind, value: generator.bytes(kind == .simhash ? 8 : Int.random(in: 0...30, using: &generator)))
            entries.append(fingerprint, key: fingerprint.key)
            if kind == .simhash { column.append(entry: index, value: fingerprint.value) }
            model.append(fingerprint)
            if index % 1500 == 0 { saved.append((entries, column, index + 1)) }
        }
        saved.append((entries, column, model.count))
        for (entries, column, count) in saved {
            #expect(entries.count == count)
            for index in 0..<count {
                #expect(entries.fingerprint(at: index) == model[index])
                #expect(entries.key(at: index) == model[index].key)
                model[index].value.withUnsafeBytes { #expect(entries.matches(index, kind: model[index].kind, value: $0)) }
            }
            let rows = column.chunks.flatMap { chunk in chunk.entries.indices.map { (Int(chunk.entries[$0]), Array(chunk.bytes[$0 * 8..<$0 * 8 + 8])) } }
            let expected = (0..<count).filter { model[$0].kind == .simhash }
            #expect(rows.map(\.0) == expected)
            #expect(rows.allSatisfy { model[$0.0].value == $0.1 })
        }
    }
}
