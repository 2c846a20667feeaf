#!/usr/bin/env python3
"""Cross-checks `imprint hash ssdeep` and `imprint distance ssdeep` against the C ssdeep
library (libfuzzy through the ssdeep PyPI package) over the SpamAssassin public corpus:
every file's digest, and the score of sampled pairs of files (pairs that libfuzzy scores above
0, random pairs with comparable block sizes, and random pairs of any block size).

Setup: apt-get install -y libfuzzy-dev; pip install wheel cffi; pip install --no-build-isolation ssdeep
Usage: swift build -c release && python3 scripts/ssdeep_crosscheck.py [--pairs N]
"""
import argparse
import concurrent.futures
import os
import random
import subprocess
import sys

import ssdeep

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def corpus_files(root):
    return sorted(os.path.join(d, n) for d, _, names in os.walk(root) for n in names if n != "labels.tsv")


def our_digests(binary, files, batch=500):
    digests = {}
    for start in range(0, len(files), batch):
        out = subprocess.run([binary, "hash", "ssdeep", *files[start:start + batch]],
                             check=True, capture_output=True).stdout.decode()
        for line in out.splitlines():
            digest, path = line.split("  ", 1)
            digests[path] = digest
    return digests


def our_score(binary, a, b):
    out = subprocess.run([binary, "distance", "ssdeep", a, b], check=True, capture_output=True)
    return int(out.stdout.decode().strip())


def block_size(digest):
    return int(digest.split(":", 1)[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpora", "spamassassin_public"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "imprint"))
    parser.add_argument("--pairs", type=int, default=1000, help="pairs per kind (similar, comparable, any)")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    files = corpus_files(args.corpus)
    reference = {}
    for path in files:
        with open(path, "rb") as handle:
            reference[path] = ssdeep.hash(handle.read())
    ours = our_digests(args.binary, files)
    same = sum(1 for path in files if ours.get(path) == reference[path])
    print(f"digests: {same}/{len(files)} identical")
    for path in [p for p in files if ours.get(p) != reference[p]][:5]:
        print(f"  differs: {path}: ours {ours.get(path)} libfuzzy {reference[path]}")

    digests = [reference[path] for path in files]
    similar, comparable, anything = set(), set(), set()
    attempts = 0
    while (len(similar) < args.pairs or len(comparable) < args.pairs) and attempts < 3_000_000:
        attempts += 1
        a, b = rng.sample(digests, 2)
        ratio = max(block_size(a), block_size(b)) / min(block_size(a), block_size(b))
        if ratio > 2:
            continue
        if ssdeep.compare(a, b) > 0:
            if len(similar) < args.pairs:
                similar.add((a, b))
        elif len(comparable) < args.pairs:
            comparable.add((a, b))
    while len(anything) < args.pairs:
        anything.add(tuple(rng.sample(digests, 2)))
    pairs = sorted(similar) + sorted(comparable) + sorted(anything)

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        scores = list(pool.map(lambda pair: our_score(args.binary, *pair), pairs))
    agree = 0
    for (a, b), score in zip(pairs, scores):
        expected = ssdeep.compare(a, b)
        if score == expected:
            agree += 1
        elif len(pairs) - agree <= 10:
            print(f"  score differs: {a} {b}: ours {score} libfuzzy {expected}")
    nonzero = sum(1 for a, b in pairs if ssdeep.compare(a, b) > 0)
    print(f"scores: {agree}/{len(pairs)} identical ({nonzero} pairs scored above 0 by libfuzzy; "
          f"{len(similar)} similar, {len(comparable)} comparable, {len(anything)} random)")
    return 0 if same == len(files) and agree == len(pairs) else 1


if __name__ == "__main__":
    sys.exit(main())
