#!/usr/bin/env python3
"""Throughput of the PyPI reference implementations over the same corpus bytes as
scripts/bench_text_kernels.sh, for the MB/s comparison: nilsimsa (pure Python), Pyzor's
DataDigester normalization and digest over the messages' text, hashlib SHA-1 (OpenSSL).

Usage: pip install nilsimsa pyzor; scripts/bench_text_references.py [CORPUS_DIR] [--limit N]
"""
import argparse
import email
import hashlib
import os
import time

import nilsimsa
import pyzor.digest


class PartsDigester(pyzor.digest.DataDigester):
    __slots__ = []

    @classmethod
    def digest_payloads(cls, msg):
        return iter(msg)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=os.path.join(here, "..", "..", "shared", "corpora", "spamassassin_public"))
    parser.add_argument("--limit", type=int, default=600, help="messages (pure-Python nilsimsa is slow)")
    args = parser.parse_args()
    paths = []
    with open(os.path.join(args.corpus, "labels.tsv"), encoding="utf-8") as index:
        for line in index:
            if not line.startswith("#") and line.strip():
                paths.append(os.path.join(args.corpus, line.split("\t")[0]))
    messages = [open(p, "rb").read() for p in paths[:args.limit]]
    texts = [m.decode("utf-8", "replace") for m in messages]
    total = sum(len(m) for m in messages)
    print("corpus: %d messages, %d bytes" % (len(messages), total))

    def measure(name, body, items):
        start = time.perf_counter()
        for item in items:
            body(item)
        elapsed = time.perf_counter() - start
        print("%-34s %8.2f MB/s  (%.3f s)" % (name, total / elapsed / 1e6, elapsed))

    measure("nilsimsa (PyPI nilsimsa)", lambda m: nilsimsa.Nilsimsa(m).hexdigest(), messages)
    measure("sha1 (hashlib/OpenSSL)", lambda m: hashlib.sha1(m).digest(), messages)
    measure("pyzor (DataDigester, text as one part)", lambda t: PartsDigester([t]).value, texts)


if __name__ == "__main__":
    main()
