#!/usr/bin/env python3
"""Cross-check `imprint hash pyzor` against the real Pyzor digester (PyPI `pyzor`).

For each message of a corpus (default: the SpamAssassin public corpus in ../shared), Pyzor's own
`DataDigester.digest_payloads` yields the decoded text of each part (HTML reduced to text, as
Pyzor does); the parts are written, joined by newlines, to a temporary UTF-8 file, and
`imprint hash pyzor FILE` must print the same digest as `DataDigester(msg).value`. Joining by
newlines does not change Pyzor's digest (it splits each part into lines and drops empty ones).

Messages Pyzor itself cannot digest (it raises, e.g. on message/rfc822 parts) and parts whose
text cannot be written as UTF-8 (lone surrogates from undecodable 8-bit headers) are counted
separately, not as disagreements.

Usage: pip install pyzor; swift build -c release
       scripts/crosscheck_pyzor.py [--imprint .build/release/imprint] [--corpus DIR] [--limit N]
"""
import argparse
import email
import os
import subprocess
import sys
import tempfile

import pyzor.digest


def messages(corpus):
    labels = os.path.join(corpus, "labels.tsv")
    with open(labels, encoding="utf-8") as index:
        for line in index:
            if line.startswith("#") or not line.strip():
                continue
            yield os.path.join(corpus, line.split("\t")[0])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imprint", default=os.path.join(here, "..", ".build", "release", "imprint"))
    parser.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpora", "spamassassin_public"))
    parser.add_argument("--limit", type=int, default=0, help="stop after N messages (0: all)")
    parser.add_argument("--batch", type=int, default=400, help="files per imprint invocation")
    parser.add_argument("--show", type=int, default=5, help="print this many disagreements")
    args = parser.parse_args()

    expected = {}
    pyzor_failed = unwritable = 0
    with tempfile.TemporaryDirectory() as scratch:
        for number, path in enumerate(messages(args.corpus)):
            if args.limit and number >= args.limit:
                break
            with open(path, "rb") as handle:
                msg = email.message_from_bytes(handle.read())
            try:
                parts = list(pyzor.digest.DataDigester.digest_payloads(msg))
                value = pyzor.digest.DataDigester(msg).value
                text = "\n".join(parts)
            except Exception:
                pyzor_failed += 1
                continue
            body = os.path.join(scratch, "%06d.txt" % number)
            try:
                with open(body, "w", encoding="utf-8", newline="") as out:
                    out.write(text)
            except UnicodeEncodeError:
                unwritable += 1
                continue
            expected[body] = (value, path)

        actual = {}
        files = sorted(expected)
        for start in range(0, len(files), args.batch):
            batch = files[start:start + args.batch]
            run = subprocess.run([args.imprint, "hash", "pyzor", *batch], capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit("imprint failed: " + run.stderr.strip())
            for line in run.stdout.splitlines():
                digest, name = line.split("  ", 1)
                actual[name] = digest

    agree = sum(1 for body, (value, _) in expected.items() if actual.get(body) == value)
    disagreements = [(expected[b][1], expected[b][0], actual.get(b)) for b in files if actual.get(b) != expected[b][0]]
    for source, want, got in disagreements[:args.show]:
        print("DIFF %s pyzor=%s imprint=%s" % (source, want, got))
    compared = len(expected)
    rate = agree / compared if compared else 0.0
    print("compared %d messages: %d agree (%.4f); pyzor raised on %d; not UTF-8 writable %d"
          % (compared, agree, rate, pyzor_failed, unwritable))
    sys.exit(0 if agree == compared else 1)


if __name__ == "__main__":
    main()
