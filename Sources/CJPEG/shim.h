#ifndef IMPRINT_CJPEG_SHIM_H
#define IMPRINT_CJPEG_SHIM_H

/* libjpeg decoding that survives corrupt input.
 *
 * libjpeg's default error handler calls exit(); the only safe recovery is
 * setjmp/longjmp, and a longjmp must never cross a Swift frame. So the whole
 * decode, from header to last scanline, happens inside imprint_jpeg_decode,
 * whose stack frame owns every libjpeg struct for the duration of the call. */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <jpeglib.h>

enum {
    IMPRINT_JPEG_OK = 0,
    IMPRINT_JPEG_CORRUPT = 1,        /* libjpeg raised an error */
    IMPRINT_JPEG_TOO_LARGE = 2,      /* declared pixels over the caller's limit */
    IMPRINT_JPEG_NO_MEMORY = 3,      /* the output buffer could not be allocated */
    IMPRINT_JPEG_TOO_MANY_SCANS = 4  /* progressive scans over the caller's limit */
};

typedef struct imprint_jpeg_image {
    unsigned char *pixels;    /* malloc'd rows of width * components bytes; release with free() */
    int width;                /* decoded (after DCT scaling) */
    int height;
    int components;           /* 1 grayscale, 3 RGB, 4 CMYK */
    int source_width;         /* as declared in the frame header */
    int source_height;
    int scale_denom;          /* 1, 2, 4 or 8 */
    int adobe_inverted_cmyk;  /* CMYK written by Adobe: channel values are inverted */
    int progressive;
    int warnings;             /* recoverable corruption libjpeg worked around */
} imprint_jpeg_image;

struct imprint_jpeg_error_mgr {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    int code;
};

struct imprint_jpeg_progress_mgr {
    struct jpeg_progress_mgr pub;
    int max_scans;
};

static void imprint_jpeg_error_exit(j_common_ptr cinfo) {
    struct imprint_jpeg_error_mgr *err = (struct imprint_jpeg_error_mgr *)cinfo->err;
    longjmp(err->jump, 1);
}

static void imprint_jpeg_output_message(j_common_ptr cinfo) {
    (void)cinfo; /* never print: the caller gets the message */
}

static void imprint_jpeg_progress_monitor(j_common_ptr cinfo) {
    if (!cinfo->is_decompressor) return;
    j_decompress_ptr dinfo = (j_decompress_ptr)cinfo;
    struct imprint_jpeg_progress_mgr *progress = (struct imprint_jpeg_progress_mgr *)cinfo->progress;
    if (dinfo->input_scan_number > progress->max_scans) {
        struct imprint_jpeg_error_mgr *err = (struct imprint_jpeg_error_mgr *)cinfo->err;
        err->code = IMPRINT_JPEG_TOO_MANY_SCANS;
        longjmp(err->jump, 1);
    }
}

/* Decodes a whole JPEG held in memory.
 * min_side: when > 0, the largest DCT scale-down (1/2, 1/4, 1/8) is used that keeps
 *           both sides at least min_side pixels.
 * max_pixels: the declared width * height above which nothing is allocated.
 * max_scans: the progressive scan count above which decoding stops.
 * On failure, message holds libjpeg's text (NUL-terminated, truncated to message_length). */
static inline int imprint_jpeg_decode(const unsigned char *data, unsigned long size,
                                      int min_side, unsigned long long max_pixels, int max_scans,
                                      imprint_jpeg_image *out, char *message, size_t message_length) {
    struct jpeg_decompress_struct cinfo;
    struct imprint_jpeg_error_mgr jerr;
    struct imprint_jpeg_progress_mgr progress;
    unsigned char *volatile pixels = NULL;

    memset(out, 0, sizeof *out);
    if (message && message_length) message[0] = 0;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = jpeg_std_error(&jerr.pub);
    jerr.pub.error_exit = imprint_jpeg_error_exit;
    jerr.pub.output_message = imprint_jpeg_output_message;
    jerr.code = IMPRINT_JPEG_CORRUPT;

    if (setjmp(jerr.jump)) {
        if (message && message_length) {
            if (jerr.code == IMPRINT_JPEG_TOO_MANY_SCANS) {
                snprintf(message, message_length, "more than %d progressive scans", max_scans);
            } else {
                char text[JMSG_LENGTH_MAX];
                (*cinfo.err->format_message)((j_common_ptr)&cinfo, text);
                snprintf(message, message_length, "%s", text);
            }
        }
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        return jerr.code;
    }

    jpeg_create_decompress(&cinfo);
    progress.pub.progress_monitor = imprint_jpeg_progress_monitor;
    progress.max_scans = max_scans;
    cinfo.progress = &progress.pub;
    jpeg_mem_src(&cinfo, data, size);
    jpeg_read_header(&cinfo, TRUE);

    out->source_width = (int)cinfo.image_width;
    out->source_height = (int)cinfo.image_height;
    out->progressive = cinfo.progressive_mode ? 1 : 0;
    if ((unsigned long long)cinfo.image_width * (unsigned long long)cinfo.image_height > max_pixels) {
        if (message && message_length) {
            snprintf(message, message_length, "%ux%u pixels over the limit of %llu",
                     cinfo.image_width, cinfo.image_height, max_pixels);
        }
        jpeg_destroy_decompress(&cinfo);
        return IMPRINT_JPEG_TOO_LARGE;
    }

    switch (cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE:
        cinfo.out_color_space = JCS_GRAYSCALE;
        break;
    case JCS_CMYK:
    case JCS_YCCK:
        cinfo.out_color_space = JCS_CMYK;
        out->adobe_inverted_cmyk = cinfo.saw_Adobe_marker ? 1 : 0;
        break;
    default:
        cinfo.out_color_space = JCS_RGB;
        break;
    }

    cinfo.scale_num = 1;
    cinfo.scale_denom = 1;
    if (min_side > 0) {
        static const unsigned int denominators[3] = {8, 4, 2};
        for (int i = 0; i < 3; i++) {
            unsigned int d = denominators[i];
            if ((cinfo.image_width + d - 1) / d >= (unsigned int)min_side &&
                (cinfo.image_height + d - 1) / d >= (unsigned int)min_side) {
                cinfo.scale_denom = d;
                break;
            }
        }
    }
    cinfo.dct_method = JDCT_ISLOW;

    jpeg_start_decompress(&cinfo);
    size_t stride = (size_t)cinfo.output_width * (size_t)cinfo.output_components;
    size_t total = stride * (size_t)cinfo.output_height;
    pixels = (unsigned char *)malloc(total ? total : 1);
    if (!pixels) {
        jpeg_destroy_decompress(&cinfo);
        return IMPRINT_JPEG_NO_MEMORY;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels + (size_t)cinfo.output_scanline * stride;
        if (jpeg_read_scanlines(&cinfo, &row, 1) != 1) break;
    }
    jpeg_finish_decompress(&cinfo);

    out->pixels = pixels;
    out->width = (int)cinfo.output_width;
    out->height = (int)cinfo.output_height;
    out->components = cinfo.output_components;
    out->scale_denom = (int)cinfo.scale_denom;
    out->warnings = (int)jerr.pub.num_warnings;
    jpeg_destroy_decompress(&cinfo);
    return IMPRINT_JPEG_OK;
}

/* Encodes 8-bit gray (components 1) or RGB (components 3) rows to a baseline JPEG at the
 * given quality (1...100). On success *out holds a malloc'd buffer (release with free()) of
 * *out_size bytes. Same error discipline as decoding: libjpeg's errors longjmp back here. */
static inline int imprint_jpeg_encode(const unsigned char *pixels, int width, int height, int components,
                                      int quality, unsigned char **out, unsigned long *out_size,
                                      char *message, size_t message_length) {
    struct jpeg_compress_struct cinfo;
    struct imprint_jpeg_error_mgr jerr;
    unsigned char *volatile buffer = NULL;
    unsigned long size = 0;

    *out = NULL;
    *out_size = 0;
    if (message && message_length) message[0] = 0;
    if (width <= 0 || height <= 0 || (components != 1 && components != 3)) return IMPRINT_JPEG_CORRUPT;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = jpeg_std_error(&jerr.pub);
    jerr.pub.error_exit = imprint_jpeg_error_exit;
    jerr.pub.output_message = imprint_jpeg_output_message;
    jerr.code = IMPRINT_JPEG_CORRUPT;
    if (setjmp(jerr.jump)) {
        if (message && message_length) {
            char text[JMSG_LENGTH_MAX];
            (*cinfo.err->format_message)((j_common_ptr)&cinfo, text);
            snprintf(message, message_length, "%s", text);
        }
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return jerr.code;
    }
    jpeg_create_compress(&cinfo);
    {
        unsigned char *mem = NULL;
        jpeg_mem_dest(&cinfo, &mem, &size);
        cinfo.image_width = (JDIMENSION)width;
        cinfo.image_height = (JDIMENSION)height;
        cinfo.input_components = components;
        cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
        jpeg_set_defaults(&cinfo);
        jpeg_set_quality(&cinfo, quality, TRUE);
        jpeg_start_compress(&cinfo, TRUE);
        size_t stride = (size_t)width * (size_t)components;
        while (cinfo.next_scanline < cinfo.image_height) {
            JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * stride);
            jpeg_write_scanlines(&cinfo, &row, 1);
        }
        jpeg_finish_compress(&cinfo);
        buffer = mem;
    }
    jpeg_destroy_compress(&cinfo);
    *out = buffer;
    *out_size = size;
    return IMPRINT_JPEG_OK;
}

#endif
