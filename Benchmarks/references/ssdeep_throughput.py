#!/usr/bin/env python3
"""CTPH (ssdeep) throughput: `imprint hash ssdeep` (release build, end to end) against the
ssdeep PyPI package (the C libfuzzy) over the same SpamAssassin public corpus files.

Both sides read every file and hash it; ours also starts processes and prints. Each side
runs --rounds times and the best round counts. The digests are compared as a side effect.
A second figure hashes the whole corpus concatenated into one file (one process, one read),
which shows the kernel with the per-file and per-process costs out of the way.

Setup: apt-get install -y libfuzzy-dev; pip install wheel cffi; pip install --no-build-isolation ssdeep
Usage: swift build -c release && python3 Benchmarks/references/ssdeep_throughput.py
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
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


def run_ours(binary, files, batch, algorithm="ssdeep"):
    # ArgumentParser's array arguments cost O(n^2) in the count, so feed moderate batches.
    digests = {}
    for start in range(0, len(files), batch):
        chunk = files[start:start + batch]
        out = subprocess.run([binary, "hash", algorithm, *chunk], check=True, capture_output=True).stdout
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


def cpu_seconds():
    """CPU time (user + system) of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_time(function, rounds):
    """The best wall time and the best CPU time over `rounds` runs (CPU time is the steadier
    figure on a shared machine), and the result."""
    best, best_cpu, result = None, None, None
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        result = function()
        elapsed, cpu = time.perf_counter() - start, cpu_seconds() - start_cpu
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    return (best, best_cpu), result


def report(label, total, ours, ref):
    (wall, cpu), (ref_wall, ref_cpu) = ours, ref
    print(f"{label}: imprint {total / wall / 1e6:7.1f} MB/s wall {total / cpu / 1e6:7.1f} MB/s cpu | "
          f"libfuzzy {total / ref_wall / 1e6:7.1f} MB/s wall {total / ref_cpu / 1e6:7.1f} MB/s cpu | "
          f"ratio {ref_wall / wall:.2f}x wall {ref_cpu / cpu:.2f}x cpu")


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
    agree = sum(1 for path in files if ours.get(path) == ref[path])
    report(f"per file ({args.batch} files/process)", total, ours_time, ref_time)
    print(f"identical digests: {agree}/{len(files)}")
    # The command's own cost (process start, argument parsing, reading, printing), measured
    # with the cheapest digest over the same batches; the rest is the CTPH kernel.
    (_, cli_cpu), _ = best_time(lambda: run_ours(args.binary, files, args.batch, "xxh64"), args.rounds)
    kernel_cpu = max(ours_time[1] - cli_cpu, 1e-9)
    print(f"of which the command itself (imprint hash xxh64, same batches): {cli_cpu:.3f} s cpu; "
          f"CTPH alone ~{total / kernel_cpu / 1e6:.0f} MB/s cpu")

    with tempfile.NamedTemporaryFile(suffix=".corpus") as joined:
        for path in files:
            with open(path, "rb") as handle:
                joined.write(handle.read())
        joined.flush()

        def ours_joined():
            out = subprocess.run([args.binary, "hash", "ssdeep", joined.name], check=True, capture_output=True)
            return out.stdout.decode().split("  ", 1)[0]

        def ref_joined():
            with open(joined.name, "rb") as handle:
                return ssdeep.hash(handle.read())

        joined_ours_time, joined_ours = best_time(ours_joined, args.rounds)
        joined_ref_time, joined_ref = best_time(ref_joined, args.rounds)
    report("one file (corpus concatenated)", total, joined_ours_time, joined_ref_time)
    print(f"identical digest: {joined_ours == joined_ref}")
    return 0 if agree == len(files) and joined_ours == joined_ref else 1


if __name__ == "__main__":
    sys.exit(main())
