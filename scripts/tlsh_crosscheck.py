#!/usr/bin/env python3
"""Cross-checks `imprint hash tlsh` and `imprint distance tlsh` against py-tlsh on seeded inputs.

Inputs: random bytes, English-like text, low-variety and repetitive data, at lengths around the
50-byte minimum and up to 1 MB, so that TNULL cases, quartile ties and the length scale are all
exercised. Every digest (or TNULL) must equal tlsh.hash(), and the distance of random pairs
must equal tlsh.diff() (the CLI prints the distance with the length term; the tests check the
variant without it against the reference's xlen files).

Usage: pip install py-tlsh; swift build -c release
       python3 scripts/tlsh_crosscheck.py [--imprint PATH] [--count N] [--seed S]
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

import tlsh

WORDS = ("the of and to in is you that it he was for on are as with his they at be this have from "
         "or one had by word but not what all were we when your can said there use an each which she "
         "free offer click money viagra unsubscribe http www com").split()


def make_input(rng):
    kind = rng.choice(["random", "text", "low", "repeat", "skewed"])
    length = rng.choice([rng.randint(0, 120), rng.randint(120, 5000), rng.randint(5000, 200_000),
                         rng.randint(200_000, 1_000_000)])
    if kind == "random":
        return kind, rng.randbytes(length)
    if kind == "text":
        text = " ".join(rng.choice(WORDS) for _ in range(length // 4 + 1)).encode()
        return kind, text[:length]
    if kind == "low":
        alphabet = rng.randbytes(rng.randint(1, 4))
        return kind, bytes(rng.choice(alphabet) for _ in range(length))
    if kind == "repeat":
        unit = rng.randbytes(rng.randint(1, 40))
        return kind, (unit * (length // max(1, len(unit)) + 1))[:length]
    weights = [rng.random() ** 8 for _ in range(256)]
    return kind, bytes(rng.choices(range(256), weights=weights, k=length))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--imprint", default=os.path.join(here, "..", ".build", "release", "imprint"))
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2013)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        paths, expected = [], {}
        for index in range(args.count):
            kind, data = make_input(rng)
            path = os.path.join(folder, f"{index:04d}-{kind}-{len(data)}")
            with open(path, "wb") as handle:
                handle.write(data)
            paths.append(path)
            expected[path] = tlsh.hash(data)
        out = subprocess.run([args.imprint, "hash", "tlsh", *paths], capture_output=True, check=True).stdout
        digests = {}
        for line in out.decode().splitlines():
            digest, path = line.split("  ", 1)
            digests[path] = digest
            if digest != expected[path]:
                failures += 1
                print(f"DIGEST {os.path.basename(path)}: imprint {digest} py-tlsh {expected[path]}")
        nulls = sum(1 for d in digests.values() if d == "TNULL")
        print(f"digests: {len(paths) - failures}/{len(paths)} identical ({nulls} TNULL)")
        valid = [d for d in digests.values() if d != "TNULL"]
        checked = 0
        for _ in range(args.pairs):
            a, b = rng.choice(valid), rng.choice(valid)
            got = subprocess.run([args.imprint, "distance", "tlsh", a, b], capture_output=True, check=True)
            if int(got.stdout) != tlsh.diff(a, b):
                failures += 1
                print(f"DISTANCE {a} {b}: imprint {got.stdout.strip()} py-tlsh {tlsh.diff(a, b)}")
            checked += 1
        print(f"distances: {checked} pairs checked against tlsh.diff")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
