#!/usr/bin/env python3
"""Imprint's kernels beside the reference C libraries, measured in one run on the same bytes.

Needs the reference packages: pip install xxhash  (more kernels join as they land).
Run from Benchmarks/ after `swift build -c release --product KernelThroughput`.
Prints a table: kernel, Imprint MB/s, reference MB/s, ratio.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.path.join(HERE, ".build", "release", "KernelThroughput")
SECONDS = float(os.environ.get("SECONDS_PER_KERNEL", "1"))


def reference_rate(function, buffer, seconds):
    rounds, start = 0, time.perf_counter()
    while True:
        for _ in range(64):
            function(buffer)
        rounds += 64
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return len(buffer) * rounds / elapsed / 1e6


def main():
    import xxhash

    rng = random.Random(0x1234)
    buffer = bytes(rng.getrandbits(8) for _ in range(65536))
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(buffer)
        path = f.name
    try:
        out = subprocess.run([BINARY, path, str(SECONDS)], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    ours = {row["kernel"]: row["mb_per_s"] for row in map(json.loads, out.splitlines())}
    references = {
        "xxh64": ("xxhash.xxh64_intdigest (libxxhash)", xxhash.xxh64_intdigest),
        "xxh3": ("xxhash.xxh3_64_intdigest (libxxhash)", xxhash.xxh3_64_intdigest),
    }
    print(f"{'kernel':<14} {'Imprint MB/s':>13} {'reference MB/s':>15} {'ratio':>6}  reference (64 KiB buffer)")
    for kernel, (name, function) in references.items():
        theirs = reference_rate(function, buffer, SECONDS)
        print(f"{kernel:<14} {ours[kernel]:>13.0f} {theirs:>15.0f} {ours[kernel] / theirs:>6.2f}  {name}")
    for kernel in sorted(ours):
        if kernel not in references:
            print(f"{kernel:<14} {ours[kernel]:>13.0f} {'':>15} {'':>6}  (path variant)")


if __name__ == "__main__":
    sys.exit(main())
