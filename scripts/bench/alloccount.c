#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
static uint64_t counter = 0, bytes_total = 0;
static void *(*real_malloc)(size_t);
static void *(*real_realloc)(void *, size_t);
static void *(*real_calloc)(size_t, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);
static char boot[65536]; static size_t boot_used = 0;
uint64_t alloc_count(void) { return counter; }
uint64_t alloc_bytes(void) { return bytes_total; }
void *malloc(size_t n) { if (!real_malloc) real_malloc = dlsym(RTLD_NEXT, "malloc"); counter++; bytes_total += n; return real_malloc(n); }
void *calloc(size_t a, size_t b) {
  if (!real_calloc) { if (boot_used + a*b < sizeof boot) { void *p = boot + boot_used; boot_used += (a*b + 15) & ~15; return p; } }
  if (!real_calloc) real_calloc = dlsym(RTLD_NEXT, "calloc");
  counter++; bytes_total += a*b; return real_calloc(a, b); }
void *realloc(void *p, size_t n) { if (!real_realloc) real_realloc = dlsym(RTLD_NEXT, "realloc"); counter++; bytes_total += n; return real_realloc(p, n); }
int posix_memalign(void **p, size_t a, size_t n) { if (!real_posix_memalign) real_posix_memalign = dlsym(RTLD_NEXT, "posix_memalign"); counter++; bytes_total += n; return real_posix_memalign(p, a, n); }
static void (*real_free)(void *);
void free(void *p) { if ((char *)p >= boot && (char *)p < boot + sizeof boot) return; if (!real_free) real_free = dlsym(RTLD_NEXT, "free"); real_free(p); }
