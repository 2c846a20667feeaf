#!/usr/bin/env python3
"""CTPH (ssdeep) throughput: `imprint hash ssdeep` (release build, end to end) against the
ssdeep PyPI package (the C libfuzzy) over the same SpamAssassin public corpus files.

Both sides read every file and hash it; ours also starts processes and prints. Each side
runs --rounds times and the best round counts. The digests are compared as a side effect.

Setup: apt-get install -y libfuzzy-dev; pip install wheel cffi; pip install --no-build-isolation ssdeep
Usage: swift build -c release && python3 Benchmarks/references/ssdeep_throughput.py
"""
import argparse
import os
import subprocess
import sys
import time

import ssdeep

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def corpus_files(root):
    files = []
    for directory, _, names in os.walk(root):
        for name in names:
            if name == "labels.tsv":
                continue
            files.append(os.path.join(directory, name))
    return sorted(files)


def run_ours(binary, files, batch):
    # ArgumentParser's array arguments cost O(n^2) in the count, so feed moderate batches.
    digests = {}
    for start in range(0, len(files), batch):
        chunk = files[start:start + batch]
        out = subprocess.run([binary, "hash", "ssdeep", *chunk], check=True, capture_output=True).stdout
        for line in out.decode().splitlines():
            digest, path = line.split("  ", 1)
            digests[path] = digest
    return digests


def run_reference(files):
    digests = {}
    for path in files:
        with open(path, "rb") as handle:
            digests[path] = ssdeep.hash(handle.read())
    return digests


def best_time(function, rounds):
    best, result = None, None
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpora", "spamassassin_public"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "imprint"))
    parser.add_argument("--batch", type=int, default=500, help="files per imprint process")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    files = corpus_files(args.corpus)
    total = sum(os.path.getsize(path) for path in files)
    print(f"corpus: {len(files)} files, {total / 1e6:.1f} MB")

    ours_time, ours = best_time(lambda: run_ours(args.binary, files, args.batch), args.rounds)
    ref_time, ref = best_time(lambda: run_reference(files), args.rounds)
    ours_rate, ref_rate = total / ours_time / 1e6, total / ref_time / 1e6
    agree = sum(1 for path in files if ours.get(path) == ref[path])
    print(f"imprint hash ssdeep (end to end, {args.batch} files/process): {ours_rate:8.1f} MB/s")
    print(f"ssdeep PyPI / libfuzzy (read + hash in Python):         {ref_rate:8.1f} MB/s")
    print(f"ratio: {ours_rate / ref_rate:.2f}x; identical digests: {agree}/{len(files)}")
    return 0 if agree == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
