#!/usr/bin/env python3
"""Writes Tests/Fixtures/ssdeep_reference/<list>.scores.tsv: the score that the C ssdeep
library (libfuzzy, through the ssdeep PyPI package) gives every pair of digests in ffuzzy's
comparison lists (Tests/Fixtures/ssdeep_ffuzzy/testsuite/compare/*.txt).

Rows: index a, index b, score — for pairs a < b (indices count the non-empty lines,
from 0) whose score is not 0; every pair not listed scores 0.

Setup: apt-get install -y libfuzzy-dev; pip install wheel cffi; pip install --no-build-isolation ssdeep
Usage: python3 scripts/ssdeep_compare_vectors.py
"""
import itertools
import os
import subprocess

import ssdeep

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
LISTS = os.path.join(ROOT, "Tests", "Fixtures", "ssdeep_ffuzzy", "testsuite", "compare")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "ssdeep_reference")


def digests(path):
    with open(path) as handle:
        # ssdeep's own list format: "digest,"name"" — the digest is before the comma.
        return [line.strip().split(",")[0] for line in handle if line.strip()]


def libfuzzy_version():
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libfuzzy2"], capture_output=True, text=True)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def main():
    version = "PyPI ssdeep %s, libfuzzy %s" % (ssdeep.__version__, libfuzzy_version())
    for name in sorted(os.listdir(LISTS)):
        hashes = digests(os.path.join(LISTS, name))
        rows = []
        for (i, a), (j, b) in itertools.combinations(enumerate(hashes), 2):
            score = ssdeep.compare(a, b)
            if score:
                rows.append(f"{i}\t{j}\t{score}")
        out = os.path.join(OUT, name.replace(".txt", ".scores.tsv"))
        with open(out, "w") as handle:
            handle.write(f"# ssdeep.compare ({version}) over every pair of ssdeep_ffuzzy/testsuite/compare/{name}\n")
            handle.write(f"# {len(hashes)} digests, {len(rows)} pairs with a non-zero score; pairs not listed score 0.\n")
            handle.write("# index a, index b (non-empty lines from 0), score. Made by scripts/ssdeep_compare_vectors.py.\n")
            handle.write("".join(row + "\n" for row in rows))
        print(f"{name}: {len(hashes)} digests, {len(rows)} non-zero pairs -> {out}")


if __name__ == "__main__":
    main()
