import ImprintHarness
import Synchronization

/// Counts the process's heap allocations for the wire-versus-rendered comparison of
/// `imprint replay`, by interposing the C allocation entry points.
///
/// The executable defines `malloc`, `calloc`, `realloc`, `posix_memalign`, `aligned_alloc` and
/// `memalign`; the dynamic linker binds every shared library's calls to them (the Swift
/// runtime's `swift_slowAlloc`, Foundation, zlib, libjpeg…) because an executable's symbols come
/// first in the lookup order and the static linker exports those that shared libraries
/// reference. Each one adds 1 to an atomic counter (relaxed, no allocation, no lock) and
/// forwards to glibc's own implementation, `__libc_malloc` and friends (exported by glibc for
/// exactly this use), so the allocator itself is unchanged; `free` is not interposed. glibc's
/// internal calls (inside `fopen`, `strdup`…) bind within libc and are not counted.
///
/// The glibc functions are called through `@_silgen_name` declarations: on x86-64 and arm64
/// Swift's calling convention passes and returns these integer and pointer arguments in the
/// same registers as C, and a C callee preserves every register Swift expects preserved.
enum AllocationInterposer {
    static let count = Atomic<Int>(0)

    /// Makes the count readable by the harness, when the interposer is live: the executable
    /// must export the six symbols (`-Xlinker --export-dynamic-symbol=malloc` and so on, in
    /// Package.swift's `linkerSettings` for this target) for the Swift runtime's and the C
    /// libraries' calls to reach it; without them only this module's own calls would, so the
    /// count would be wrong and is not offered (the report says "not measured").
    /// - Returns: whether the count is live.
    @discardableResult
    static func install() -> Bool {
        let before = count.load(ordering: .relaxed)
        // An array buffer: allocated by the Swift runtime (libswiftCore's call to malloc).
        let probe = [UInt8](repeating: 1, count: 64 + Int(before & 63))
        let live = withExtendedLifetime(probe) { count.load(ordering: .relaxed) > before }
        if live { AllocationCounting.install { AllocationInterposer.count.load(ordering: .relaxed) } }
        return live
    }

    @inline(__always)
    static func tick() { count.add(1, ordering: .relaxed) }
}

@_silgen_name("__libc_malloc") private func libcMalloc(_ size: Int) -> UnsafeMutableRawPointer?
@_silgen_name("__libc_calloc") private func libcCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer?
@_silgen_name("__libc_realloc") private func libcRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer?
@_silgen_name("__libc_memalign") private func libcMemalign(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer?

@_cdecl("malloc")
public func interposedMalloc(_ size: Int) -> UnsafeMutableRawPointer? {
    AllocationInterposer.tick()
    return libcMalloc(size)
}

@_cdecl("calloc")
public func interposedCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    AllocationInterposer.tick()
    return libcCalloc(count, size)
}

@_cdecl("realloc")
public func interposedRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    AllocationInterposer.tick()
    return libcRealloc(pointer, size)
}

@_cdecl("memalign")
public func interposedMemalign(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    AllocationInterposer.tick()
    return libcMemalign(alignment, size)
}

@_cdecl("aligned_alloc")
public func interposedAlignedAlloc(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    AllocationInterposer.tick()
    return libcMemalign(alignment, size)
}

/// POSIX: `alignment` a power of two multiple of the pointer size, else EINVAL (22); ENOMEM (12)
/// when the memory is not there.
@_cdecl("posix_memalign")
public func interposedPosixMemalign(_ result: UnsafeMutablePointer<UnsafeMutableRawPointer?>, _ alignment: Int, _ size: Int) -> Int32 {
    guard alignment >= MemoryLayout<Int>.size, alignment & (alignment - 1) == 0 else { return 22 }
    AllocationInterposer.tick()
    guard let pointer = libcMemalign(alignment, size) else { return 12 }
    result.pointee = pointer
    return 0
}
