#ifndef IMPRINT_CGIF_SHIM_H
#define IMPRINT_CGIF_SHIM_H

/* giflib reading from memory. giflib reports errors by return code (no
 * longjmp), so Swift may drive DGifGetRecordType / DGifGetLine itself; the
 * read callback finds its buffer through GifFileType.UserData. The source
 * must stay at a stable address until DGifCloseFile. */

#include <stddef.h>
#include <string.h>
#include <gif_lib.h>

typedef struct imprint_gif_source {
    const unsigned char *data;
    size_t size;
    size_t position;
} imprint_gif_source;

static int imprint_gif_read(GifFileType *gif, GifByteType *buffer, int length) {
    imprint_gif_source *source = (imprint_gif_source *)gif->UserData;
    if (length <= 0 || source->position >= source->size) return 0;
    size_t available = source->size - source->position;
    size_t count = (size_t)length < available ? (size_t)length : available;
    memcpy(buffer, source->data + source->position, count);
    source->position += count;
    return (int)count;
}

static inline GifFileType *imprint_gif_open(imprint_gif_source *source, int *error) {
    return DGifOpen(source, imprint_gif_read, error);
}

#endif
