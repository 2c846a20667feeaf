#ifndef IMPRINT_CZLIB_SHIM_H
#define IMPRINT_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 and deflateInit2 are macros that pass ZLIB_VERSION and
 * sizeof(z_stream): Swift cannot call them, so they are wrapped here.
 * The z_stream must live at a stable heap address for its whole life. */
static inline int imprint_inflate_init2(z_streamp stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

static inline int imprint_deflate_init2(z_streamp stream, int level, int window_bits) {
    return deflateInit2(stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
}

#endif
