// An LD_PRELOAD library that counts heap allocations for `imprint replay`'s wire-versus-rendered
// comparison: every malloc, calloc, realloc, memalign, aligned_alloc and posix_memalign call adds
// one to a counter and goes on to glibc's own (__libc_malloc and friends, exported for this use),
// so the allocator is unchanged. `imprint` finds imprint_allocation_count with dlsym at start-up;
// without this library loaded the report says the allocations were not measured.
//   scripts/alloccount/replay.sh [imprint replay arguments]
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static uint64_t count;

static inline void tick(void) { __atomic_fetch_add(&count, 1, __ATOMIC_RELAXED); }

uint64_t imprint_allocation_count(void) { return __atomic_load_n(&count, __ATOMIC_RELAXED); }

void *malloc(size_t size) { tick(); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { tick(); return __libc_calloc(n, size); }
void *realloc(void *pointer, size_t size) { tick(); return __libc_realloc(pointer, size); }
void *memalign(size_t alignment, size_t size) { tick(); return __libc_memalign(alignment, size); }
void *aligned_alloc(size_t alignment, size_t size) { tick(); return __libc_memalign(alignment, size); }

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    tick();
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *result = pointer;
    return 0;
}
