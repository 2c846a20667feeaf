// An LD_PRELOAD library that counts heap allocations by call stack, to rank the sites that
// allocate: like alloccount.c, every malloc, calloc, realloc, memalign, aligned_alloc and
// posix_memalign goes on to glibc's own, and besides the total it records the caller's stack
// (glibc `backtrace()`, up to DEPTH frames) in a table of distinct stacks with a count each. At
// exit the table goes to $ALLOCSITES_OUT (default allocsites.txt), one stack a line:
//   COUNT<TAB>module+0xoffset<TAB>module+0xoffset...
// which allocsites.py symbolizes and ranks (see there). Slow (an unwind per allocation): for
// attribution only, never for timing.
//   scripts/alloccount/allocsites.sh COMMAND...
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEPTH = 64, SLOTS = 1 << 17 };

struct stack {
    uint64_t hash;
    uint64_t count;
    int depth;
    void *frames[DEPTH];
};

static uint64_t count;
static uint64_t dropped;  // stacks that found the table full
static struct stack table[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static __thread int inside;  // backtrace() and this library's own work allocate no stacks
static int ready;

uint64_t imprint_allocation_count(void) { return __atomic_load_n(&count, __ATOMIC_RELAXED); }

static void record(void) {
    void *frames[DEPTH];
    int depth = backtrace(frames, DEPTH);
    // Frame 0 is record, 1 the hook: the stack starts at the hook's caller.
    int skip = depth > 2 ? 2 : depth;
    uint64_t hash = 1469598103934665603ull;
    for (int i = skip; i < depth; i++) hash = (hash ^ (uint64_t)(uintptr_t)frames[i]) * 1099511628211ull;
    if (hash == 0) hash = 1;
    pthread_mutex_lock(&lock);
    for (uint64_t probe = 0; probe < SLOTS; probe++) {
        struct stack *slot = &table[(hash + probe) & (SLOTS - 1)];
        if (slot->hash == 0) {
            slot->hash = hash;
            slot->depth = depth - skip;
            memcpy(slot->frames, frames + skip, sizeof(void *) * (size_t)(depth - skip));
        }
        if (slot->hash == hash) {
            slot->count++;
            pthread_mutex_unlock(&lock);
            return;
        }
    }
    dropped++;
    pthread_mutex_unlock(&lock);
}

static void tick(void) {
    __atomic_fetch_add(&count, 1, __ATOMIC_RELAXED);
    if (!ready || inside) return;
    inside = 1;
    record();
    inside = 0;
}

#include "hooks.h"

__attribute__((constructor)) static void start(void) {
    // The first backtrace() loads libgcc_s (and allocates): do it before recording.
    void *frames[4];
    inside = 1;
    backtrace(frames, 4);
    inside = 0;
    ready = 1;
}

__attribute__((destructor)) static void finish(void) {
    inside = 1;
    const char *path = getenv("ALLOCSITES_OUT");
    FILE *out = fopen(path ? path : "allocsites.txt", "w");
    if (out == NULL) return;
    fprintf(out, "# total %llu dropped %llu\n", (unsigned long long)count, (unsigned long long)dropped);
    for (size_t i = 0; i < SLOTS; i++) {
        struct stack *slot = &table[i];
        if (slot->hash == 0) continue;
        fprintf(out, "%llu", (unsigned long long)slot->count);
        for (int f = 0; f < slot->depth; f++) {
            Dl_info info;
            if (dladdr(slot->frames[f], &info) && info.dli_fname != NULL) {
                // Return addresses point after the call: step back one byte into it.
                fprintf(out, "\t%s+0x%lx", info.dli_fname,
                        (unsigned long)((uintptr_t)slot->frames[f] - 1 - (uintptr_t)info.dli_fbase));
            } else {
                fprintf(out, "\t?+0x%lx", (unsigned long)(uintptr_t)slot->frames[f]);
            }
        }
        fputc('\n', out);
    }
    fclose(out);
}
