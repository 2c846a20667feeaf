#!/usr/bin/env python3
"""Reference throughput for `imprint hash pdq`: the `pdqhash` PyPI package (the ThreatExchange C++
PDQ behind a Python binding) with Pillow decoding, over the same files, in one process.

Usage: python3 Benchmarks/references/pdq_pillow_bench.py DIR [--repeat N] [--out hashes.tsv]
Prints images/s for decode+hash (files are read into memory first, as `imprint` reads each file
before decoding, so disk time is out of both). Needs `pip install pdqhash pillow numpy`.
"""
import argparse
import io
import sys
import time
from pathlib import Path

import numpy as np
import pdqhash
from PIL import Image


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out")
    args = parser.parse_args()
    paths = sorted(p for p in Path(args.dir).rglob("*") if p.is_file() and p.suffix.lower() in (".jpg", ".jpeg", ".png", ".gif", ".bmp"))
    blobs = [(p, p.read_bytes()) for p in paths]
    best, rows = None, []
    for _ in range(args.repeat):
        rows = []
        start = time.perf_counter()
        for path, blob in blobs:
            try:
                image = np.asarray(Image.open(io.BytesIO(blob)).convert("RGB"))
                vector, quality = pdqhash.compute(image)
                rows.append((path, "".join("%x" % int("".join(map(str, vector[i:i + 4])), 2) for i in range(0, 256, 4)), quality))
            except Exception as error:  # noqa: BLE001 - count, do not stop
                rows.append((path, "error", str(error)))
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"pdqhash+Pillow: {len(blobs)} images in {best:.3f} s = {len(blobs) / best:.1f} images/s (best of {args.repeat})")
    if args.out:
        with open(args.out, "w") as out:
            for path, digest, quality in rows:
                out.write(f"{path}\t{digest}\t{quality}\n")


if __name__ == "__main__":
    sys.exit(main())
