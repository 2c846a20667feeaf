#!/usr/bin/env python3
"""Writes the small images the system-library bridge tests decode (Tests/Fixtures/bridges/).

Each image is a 4-colour checkerboard: the pixel at (x, y) has colour
PALETTE[(x // 4 + y // 4) % 4]. The tests rebuild that pattern and compare it with what
libjpeg / giflib decode. Needs Pillow (pip install pillow); run from the repository root.
"""
import os
from PIL import Image

PALETTE = [(255, 0, 0), (0, 160, 0), (0, 0, 255), (255, 255, 255)]
W, H = 24, 16
out = os.path.join("Tests", "Fixtures", "bridges")
os.makedirs(out, exist_ok=True)

rgb = Image.new("RGB", (W, H))
for y in range(H):
    for x in range(W):
        rgb.putpixel((x, y), PALETTE[(x // 4 + y // 4) % 4])

# GIF: palette image, exact colours.
pal = Image.new("P", (W, H))
pal.putpalette([c for rgb_ in PALETTE for c in rgb_])
for y in range(H):
    for x in range(W):
        pal.putpixel((x, y), (x // 4 + y // 4) % 4)
pal.save(os.path.join(out, "checker.gif"), interlace=False)
pal.save(os.path.join(out, "checker-interlaced.gif"), interlace=True)

# JPEG: lossy, so the test compares with a tolerance; quality 95, no subsampling.
rgb.save(os.path.join(out, "checker.jpg"), quality=95, subsampling=0)
rgb.convert("L").save(os.path.join(out, "checker-gray.jpg"), quality=95)
rgb.save(os.path.join(out, "checker-progressive.jpg"), quality=95, subsampling=0, progressive=True)
