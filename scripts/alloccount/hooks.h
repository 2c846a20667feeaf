// The allocation entry points both LD_PRELOAD counters replace (alloccount.c, allocsites.c):
// each calls the including file's `static void tick(void)` and goes on to glibc's own
// (__libc_malloc and friends, exported for this use), so the allocator is unchanged.
#include <errno.h>
#include <stddef.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static void tick(void);

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
