import Foundation
import ImprintHashing
import Testing

private final class CountingScratch: ThreadScratch {
    static let threadSlot = ThreadScratchSlot()
    var buffer: [UInt8] = []
    var resets = 0

    func reset() {
        resets += 1
        if buffer.capacity > ThreadScratchSlot.retainedBytesLimit { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
    }
}

/// The per-thread scratch slot: reuse on one thread, a fresh instance when nested or on another
/// thread, reset after every use.
@Suite struct ThreadScratchTests {
    @Test func reusesTheSameInstanceOnOneThreadAndResetsIt() {
        let first = CountingScratch.withThreadScratch { scratch in
            scratch.buffer.append(contentsOf: [1, 2, 3])
            return ObjectIdentifier(scratch)
        }
        let (second, count, resets) = CountingScratch.withThreadScratch { scratch in
            (ObjectIdentifier(scratch), scratch.buffer.count, scratch.resets)
        }
        #expect(first == second)
        #expect(count == 0)
        #expect(resets >= 1)
    }

    @Test func nestedUseGetsItsOwnInstance() {
        CountingScratch.withThreadScratch { outer in
            outer.buffer = [7]
            CountingScratch.withThreadScratch { inner in
                #expect(inner !== outer)
                inner.buffer = [9]
            }
            #expect(outer.buffer == [7])
        }
    }

    @Test func otherThreadsGetOtherInstances() {
        let here = CountingScratch.withThreadScratch { ObjectIdentifier($0) }
        let box = ResultBox()
        let thread = Thread {
            box.identifier = CountingScratch.withThreadScratch { ObjectIdentifier($0) }
            box.done.signal()
        }
        thread.start()
        box.done.wait()
        #expect(box.identifier != nil)
        #expect(box.identifier != here)
    }

    @Test func dropsBuffersGrownBeyondTheLimit() {
        CountingScratch.withThreadScratch { scratch in
            scratch.buffer = [UInt8](repeating: 0, count: ThreadScratchSlot.retainedBytesLimit + 1)
        }
        CountingScratch.withThreadScratch { scratch in
            #expect(scratch.buffer.capacity <= ThreadScratchSlot.retainedBytesLimit)
        }
    }

    @Test func errorsPassThroughAndTheInstanceIsKept() {
        struct Failure: Error {}
        let before = CountingScratch.withThreadScratch { ObjectIdentifier($0) }
        #expect(throws: Failure.self) {
            try CountingScratch.withThreadScratch { (_: CountingScratch) throws(Failure) in throw Failure() }
        }
        let after = CountingScratch.withThreadScratch { ObjectIdentifier($0) }
        #expect(before == after)
    }
}

private final class ResultBox: @unchecked Sendable {
    var identifier: ObjectIdentifier?
    let done = DispatchSemaphore(value: 0)
}
