#!/usr/bin/env python3
"""Writes the PNG, GIF and BMP sets of the image benchmarks (ImageBenchmarks, compare-references):
the first N JPEGs of the image corpus (sorted by path), each re-encoded by Pillow, into
Benchmarks/.build/image-formats/{png,gif,bmp}/. Needs `pip install pillow`.

Usage: python3 Benchmarks/references/make_image_formats.py [IMAGE_DIR] [--count N]
"""
import argparse
import os
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "image_spam_hunter"))
    parser.add_argument("--count", type=int, default=120)
    args = parser.parse_args()
    sources = sorted(p for p in Path(args.dir).rglob("*") if p.suffix.lower() in (".jpg", ".jpeg"))[: args.count]
    out = HERE.parent / ".build" / "image-formats"
    for name in ("png", "gif", "bmp"):
        (out / name).mkdir(parents=True, exist_ok=True)
    for index, source in enumerate(sources):
        image = Image.open(source).convert("RGB")
        stem = f"{index:04d}"
        image.save(out / "png" / f"{stem}.png")
        image.convert("P", palette=Image.Palette.ADAPTIVE).save(out / "gif" / f"{stem}.gif")
        image.save(out / "bmp" / f"{stem}.bmp")
    print(f"{len(sources)} images each as PNG, GIF and BMP in {out}")


if __name__ == "__main__":
    main()
