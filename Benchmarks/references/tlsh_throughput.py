#!/usr/bin/env python3
"""TLSH throughput and agreement: Imprint's `imprint hash tlsh` versus py-tlsh (the C++ reference).

Reads every file of the corpus (default ../shared/corpora/spamassassin_public) into memory,
then reports MB/s (10^6 bytes per second, best of --runs) for:
  py-tlsh, one tlsh.hash() call per file (the C++ library plus a Python call per file);
  py-tlsh, one call over all the bytes concatenated (the C++ per-byte loop alone);
  imprint, `.build/release/imprint hash tlsh FILE...` end to end (process start, file reads,
           printing included, so a lower bound for the Swift kernel);
and checks that both print the same digest (or TNULL) for every file.

Usage: pip install py-tlsh; swift build -c release
       python3 Benchmarks/references/tlsh_throughput.py [--corpus DIR] [--imprint PATH] [--runs N]
"""
import argparse
import os
import subprocess
import sys
import time

import tlsh


def corpus_files(root):
    paths = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name != "labels.tsv":
                paths.append(os.path.join(folder, name))
    return sorted(paths)


def best_of(runs, action):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpora", "spamassassin_public"))
    parser.add_argument("--imprint", default=os.path.join(root, ".build", "release", "imprint"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    paths = corpus_files(args.corpus)
    blobs = [open(p, "rb").read() for p in paths]
    total = sum(len(b) for b in blobs)
    joined = b"".join(blobs)
    print(f"corpus: {len(paths)} files, {total / 1e6:.2f} MB ({args.corpus})")

    reference = {}

    def python_per_file():
        for path, blob in zip(paths, blobs):
            reference[path] = tlsh.hash(blob)

    seconds = best_of(args.runs, python_per_file)
    print(f"py-tlsh {tlsh.__file__.rsplit('/', 1)[-1]} per file:   {total / seconds / 1e6:8.1f} MB/s  ({seconds * 1e3:.1f} ms)")
    seconds = best_of(args.runs, lambda: tlsh.hash(joined))
    print(f"py-tlsh one buffer (C++ loop only): {total / seconds / 1e6:8.1f} MB/s  ({seconds * 1e3:.1f} ms)")

    output = []

    def imprint_cli():
        result = subprocess.run([args.imprint, "hash", "tlsh", *paths], capture_output=True, check=True)
        output.append(result.stdout)

    seconds = best_of(args.runs, imprint_cli)
    print(f"imprint hash tlsh, end to end:      {total / seconds / 1e6:8.1f} MB/s  ({seconds * 1e3:.1f} ms)")

    mismatches = 0
    for line in output[-1].decode().splitlines():
        digest, path = line.split("  ", 1)
        if reference[path] != digest:
            mismatches += 1
            if mismatches <= 5:
                print(f"MISMATCH {path}: imprint {digest} py-tlsh {reference[path]}")
    print(f"agreement: {len(paths) - mismatches}/{len(paths)} digests identical")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
