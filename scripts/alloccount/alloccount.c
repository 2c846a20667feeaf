// An LD_PRELOAD library that counts heap allocations for `imprint replay`'s wire-versus-rendered
// comparison: every malloc, calloc, realloc, memalign, aligned_alloc and posix_memalign call adds
// one to a counter and goes on to glibc's own (__libc_malloc and friends, exported for this use),
// so the allocator is unchanged. `imprint` finds imprint_allocation_count with dlsym at start-up;
// without this library loaded the report says the allocations were not measured.
//   scripts/alloccount/replay.sh [imprint replay arguments]
#include <stdint.h>

static uint64_t count;

static void tick(void) { __atomic_fetch_add(&count, 1, __ATOMIC_RELAXED); }

uint64_t imprint_allocation_count(void) { return __atomic_load_n(&count, __ATOMIC_RELAXED); }

#include "hooks.h"
