#!/usr/bin/env python3
"""Makes the small PNG, GIF and BMP fixtures of Tests/Fixtures/images and their expected pixels.

PNGs are written by the small encoder below so that every colour type, bit depth, filter type
(rows cycle through filters 0-4) and Adam7 interlacing is covered; each file is then decoded
with Pillow and checked against the source pixels before it is kept. Expected pixels are the
decoder's documented output: 8-bit gray (PGM, P5) or RGB (PPM, P6), 16-bit samples reduced to
their high byte, alpha composited on white as round((c * a + 255 * (255 - a)) / 255), colour-key
(tRNS) pixels white. GIF (animated, transparent, interlaced) and BMP are written by Pillow, plus
hand-made 4-bit, 16-bit and top-down BMPs, each checked against Pillow's own decoding.

Usage: python3 scripts/make_image_fixtures.py   (needs numpy and Pillow; run from the repo root)
"""
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

OUT = Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "images"
RNG = np.random.default_rng(20261121)
W, H = 13, 11
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_row(samples, depth):
    """samples: 1-D array of ints (all samples of a row in order) -> bytes."""
    if depth == 16:
        return b"".join(struct.pack(">H", int(v)) for v in samples)
    if depth == 8:
        return bytes(int(v) for v in samples)
    out, acc, bits = bytearray(), 0, 0
    for v in samples:
        acc = (acc << depth) | int(v)
        bits += depth
        if bits == 8:
            out.append(acc)
            acc, bits = 0, 0
    if bits:
        out.append(acc << (8 - bits))
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def filter_rows(rows, bpp):
    out, prior = bytearray(), bytes(len(rows[0])) if rows else b""
    for index, row in enumerate(rows):
        kind = index % 5
        line = bytearray()
        for i, x in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b = prior[i]
            c = prior[i - bpp] if i >= bpp else 0
            predictor = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
            line.append((x - predictor) & 0xFF)
        out += bytes([kind]) + line
        prior = row
    return bytes(out)


def write_png(path, samples, color_type, depth, interlace, plte=None, trns=None):
    """samples: H x W x channels array of raw sample values."""
    h, w, ch = samples.shape
    bpp = max(1, ch * depth // 8)
    raw = b""
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        sub = samples[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        raw += filter_rows([pack_row(r.reshape(-1), depth) for r in sub], bpp)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, color_type, 0, 0, interlace))
    if plte is not None:
        data += chunk(b"PLTE", bytes(plte.reshape(-1).astype(np.uint8)))
    if trns is not None:
        data += chunk(b"tRNS", trns)
    compressed = zlib.compress(raw, 9)
    half = len(compressed) // 2  # two IDAT chunks: the stream spans chunks
    data += chunk(b"IDAT", compressed[:half]) + chunk(b"IDAT", compressed[half:]) + chunk(b"IEND", b"")
    path.write_bytes(data)


def on_white(c, a):
    c, a = c.astype(np.int64), a.astype(np.int64)
    return ((2 * (c * a + 255 * (255 - a)) + 255) // 510).astype(np.uint8)


def save_expected(path, pixels):
    pixels = np.ascontiguousarray(pixels.astype(np.uint8))
    if pixels.ndim == 2:
        path.write_bytes(b"P5\n%d %d\n255\n" % (pixels.shape[1], pixels.shape[0]) + pixels.tobytes())
    else:
        path.write_bytes(b"P6\n%d %d\n255\n" % (pixels.shape[1], pixels.shape[0]) + pixels.tobytes())


def pillow_matches(path, samples, color_type, depth, plte):
    """Pillow's decoding of the file agrees with the source samples."""
    im = Image.open(path)
    im.load()
    got = np.asarray(im)
    if color_type == 3:
        return np.array_equal(got, samples[..., 0])
    want = samples[..., 0] if samples.shape[2] == 1 else samples
    if depth < 8:
        want = want * (255 // ((1 << depth) - 1)) if im.mode == "L" else want
        if im.mode == "1":
            return np.array_equal(got.astype(np.uint8), want.astype(np.uint8))
    if depth == 16 and im.mode in ("RGB", "RGBA", "LA"):
        want = want >> 8
    if im.mode == "RGBA" and samples.shape[2] == 2:  # Pillow widens 16-bit gray-alpha to RGBA
        got = got[..., [0, 3]]
    return np.array_equal(got.astype(np.int64), want.astype(np.int64))


def make_pngs():
    for interlace in (0, 1):
        suffix = "-i" if interlace else ""
        for depth in (1, 2, 4, 8, 16):  # gray
            s = RNG.integers(0, 1 << depth, size=(H, W, 1))
            name = f"gray{depth}{suffix}"
            write_png(OUT / f"{name}.png", s, 0, depth, interlace)
            assert pillow_matches(OUT / f"{name}.png", s, 0, depth, None), name
            scale = 255 // ((1 << depth) - 1) if depth < 8 else 1
            save_expected(OUT / f"{name}.pgm", (s[..., 0] >> 8) if depth == 16 else s[..., 0] * scale)
        for depth in (1, 2, 4, 8):  # palette, with tRNS alpha on the first entries
            n = 1 << depth
            plte = RNG.integers(0, 256, size=(n, 3))
            alpha = RNG.integers(0, 256, size=(max(1, n // 2),))
            s = RNG.integers(0, n, size=(H, W, 1))
            name = f"palette{depth}{suffix}"
            write_png(OUT / f"{name}.png", s, 3, depth, interlace, plte=plte, trns=bytes(alpha.astype(np.uint8)))
            assert pillow_matches(OUT / f"{name}.png", s, 3, depth, plte), name
            a = np.full(n, 255)
            a[: len(alpha)] = alpha
            idx = s[..., 0]
            save_expected(OUT / f"{name}.ppm", np.stack([on_white(plte[idx, k], a[idx]) for k in range(3)], axis=-1))
        for depth in (8, 16):
            top = (1 << depth) - 1
            rgb = RNG.integers(0, top + 1, size=(H, W, 3))
            write_png(OUT / f"rgb{depth}{suffix}.png", rgb, 2, depth, interlace)
            assert pillow_matches(OUT / f"rgb{depth}{suffix}.png", rgb, 2, depth, None)
            save_expected(OUT / f"rgb{depth}{suffix}.ppm", rgb >> (depth - 8))
            ga = RNG.integers(0, top + 1, size=(H, W, 2))
            write_png(OUT / f"grayalpha{depth}{suffix}.png", ga, 4, depth, interlace)
            assert pillow_matches(OUT / f"grayalpha{depth}{suffix}.png", ga, 4, depth, None)
            g8 = ga >> (depth - 8)
            save_expected(OUT / f"grayalpha{depth}{suffix}.pgm", on_white(g8[..., 0], g8[..., 1]))
            rgba = RNG.integers(0, top + 1, size=(H, W, 4))
            write_png(OUT / f"rgba{depth}{suffix}.png", rgba, 6, depth, interlace)
            assert pillow_matches(OUT / f"rgba{depth}{suffix}.png", rgba, 6, depth, None)
            c8 = rgba >> (depth - 8)
            save_expected(OUT / f"rgba{depth}{suffix}.ppm", np.stack([on_white(c8[..., k], c8[..., 3]) for k in range(3)], -1))
        # Colour keys: one gray value and one RGB triple are transparent.
        g = RNG.integers(0, 4, size=(H, W, 1)) * 60
        write_png(OUT / f"graykey8{suffix}.png", g, 0, 8, interlace, trns=struct.pack(">H", 60))
        save_expected(OUT / f"graykey8{suffix}.pgm", np.where(g[..., 0] == 60, 255, g[..., 0]))
        c = RNG.integers(0, 2, size=(H, W, 3)) * 200
        write_png(OUT / f"rgbkey8{suffix}.png", c, 2, 8, interlace, trns=struct.pack(">HHH", 200, 0, 200))
        key = (c[..., 0] == 200) & (c[..., 1] == 0) & (c[..., 2] == 200)
        save_expected(OUT / f"rgbkey8{suffix}.ppm", np.where(key[..., None], 255, c))


def make_gif():
    palette = RNG.integers(0, 256, size=(16, 3)).astype(np.uint8)
    frames, expected = [], []
    for index in range(3):
        idx = RNG.integers(0, 15, size=(H + 4, W + 6)).astype(np.uint8)
        if index == 0:
            idx[2:5, 3:9] = 15  # transparent: white on the first frame
        im = Image.fromarray(idx, "P")
        im.putpalette(palette.reshape(-1).tolist())
        frames.append(im)
        rgb = palette[idx]
        if index == 0:
            rgb = np.where((idx == 15)[..., None], 255, rgb)
        expected.append(rgb)
    path = OUT / "animated.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], transparency=15, disposal=1, loop=0,
                   duration=100, interlace=True, optimize=False)
    with Image.open(path) as im:
        assert im.n_frames == 3
    for index, rgb in enumerate(expected):
        save_expected(OUT / f"animated-{index}.ppm", rgb)


def bmp_header(w, h, bits, compression=0, colors=0, masks=None):
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, bits, compression, 0, 2835, 2835, colors, 0)
    extra = b"".join(struct.pack("<I", m) for m in masks) if masks else b""
    return info + extra


def write_bmp(path, w, h, bits, rows, palette=None, compression=0, masks=None, top_down=False):
    stride = (bits * w + 31) // 32 * 4
    body = b"".join(r + bytes(stride - len(r)) for r in (rows if top_down else rows[::-1]))
    pal = b"".join(bytes([b, g, r, 0]) for r, g, b in palette) if palette is not None else b""
    dib = bmp_header(w, -h if top_down else h, bits, compression, len(palette) if palette is not None else 0, masks)
    offset = 14 + len(dib) + len(pal)
    path.write_bytes(b"BM" + struct.pack("<IHHI", offset + len(body), 0, 0, offset) + dib + pal + body)


def make_bmps():
    rgb = RNG.integers(0, 256, size=(H, W, 3)).astype(np.uint8)
    Image.fromarray(rgb, "RGB").save(OUT / "bmp-rgb24.bmp")
    save_expected(OUT / "bmp-rgb24.ppm", rgb)
    idx = RNG.integers(0, 256, size=(H, W)).astype(np.uint8)
    pal = RNG.integers(0, 256, size=(256, 3)).astype(np.uint8)
    p = Image.fromarray(idx, "P")
    p.putpalette(pal.reshape(-1).tolist())
    p.save(OUT / "bmp-palette8.bmp")
    save_expected(OUT / "bmp-palette8.ppm", pal[idx])
    bw = RNG.integers(0, 2, size=(H, W)).astype(bool)
    Image.fromarray(bw).save(OUT / "bmp-mono1.bmp")
    save_expected(OUT / "bmp-mono1.ppm", np.repeat((bw * 255).astype(np.uint8)[..., None], 3, -1))
    # 4-bit palette, top-down: Pillow cannot write these, so they are made here and read back.
    pal16 = RNG.integers(0, 256, size=(16, 3)).astype(np.uint8)
    nib = RNG.integers(0, 16, size=(H, W)).astype(np.uint8)
    write_bmp(OUT / "bmp-palette4-topdown.bmp", W, H, 4, [pack_row(r, 4) for r in nib], palette=pal16, top_down=True)
    save_expected(OUT / "bmp-palette4-topdown.ppm", pal16[nib])
    # 16-bit RGB565 with bit fields, and 32-bit BGRX.
    r5, g6, b5 = (RNG.integers(0, 32, size=(H, W)), RNG.integers(0, 64, size=(H, W)), RNG.integers(0, 32, size=(H, W)))
    words = (r5 << 11) | (g6 << 5) | b5
    write_bmp(OUT / "bmp-rgb565.bmp", W, H, 16, [b"".join(struct.pack("<H", int(v)) for v in r) for r in words],
              compression=3, masks=(0xF800, 0x07E0, 0x001F))
    save_expected(OUT / "bmp-rgb565.ppm", np.stack([r5 * 255 // 31, g6 * 255 // 63, b5 * 255 // 31], -1))
    write_bmp(OUT / "bmp-bgrx32.bmp", W, H, 32, [b"".join(bytes([b, g, r, 0]) for r, g, b in row) for row in rgb])
    save_expected(OUT / "bmp-bgrx32.ppm", rgb)
    for name in ("bmp-palette4-topdown", "bmp-rgb565", "bmp-bgrx32"):
        with Image.open(OUT / f"{name}.bmp") as im:
            got = np.asarray(im.convert("RGB")).astype(int)
        want = np.asarray(Image.open(OUT / f"{name}.ppm")).astype(int)
        assert np.abs(got - want).max() <= 4, name  # Pillow scales 5/6-bit fields its own way


def make_bombs():
    """Decompression bombs: tiny files that declare or inflate to far more than they hold."""
    bombs = OUT / "bombs"
    bombs.mkdir(exist_ok=True)
    tiny = zlib.compress(b"\0" * 64)
    header = b"\x89PNG\r\n\x1a\n"
    (bombs / "png-100000x100000.png").write_bytes(
        header + chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", tiny) + chunk(b"IEND", b""))
    # 16x16 gray declared, but the zlib stream inflates to 64 MiB of zeros.
    (bombs / "png-idat-64mib.png").write_bytes(
        header + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\0" * (64 << 20), 9)) + chunk(b"IEND", b""))
    # A 65535x65535 logical screen (GIF sides are 16-bit) holding one 1x1 frame.
    frame = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    (bombs / "gif-screen-65535.gif").write_bytes(
        b"GIF89a" + struct.pack("<HHBBB", 65535, 65535, 0x80, 0, 0) + b"\0\0\0\xff\xff\xff" + frame + b"\x3b")
    # A 16x16 screen whose frame declares 65535x65535.
    frame = b"\x2c" + struct.pack("<HHHHB", 0, 0, 65535, 65535, 0) + b"\x02\x02\x44\x01\x00"
    (bombs / "gif-frame-65535.gif").write_bytes(
        b"GIF89a" + struct.pack("<HHBBB", 16, 16, 0x80, 0, 0) + b"\0\0\0\xff\xff\xff" + frame + b"\x3b")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    make_pngs()
    make_gif()
    make_bmps()
    make_bombs()
    print(f"wrote {len(list(OUT.iterdir()))} files to {OUT}")
