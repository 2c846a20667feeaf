#!/usr/bin/env python3
"""Measure the tracking-token rule of Sources/Imprint/Text/TrackingTokens.swift on corpus text.

Walks a corpus of RFC 5322 messages (default: the SpamAssassin public corpus beside the
checkout), takes the text/* parts (transfer encoding decoded, tags crudely removed, lower-cased),
splits them into tokens (ASCII letters and digits, with - and _ inside), and prints how many
tokens each clause of the rule masks, with a seeded sample of the matches to read by hand.

    python3 scripts/measure_tracking_tokens.py [corpus-dir]
"""
import collections
import email
import os
import random
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                           "corpora", "spamassassin_public")
TOKEN = re.compile(r"[a-z0-9]+(?:[-_]+[a-z0-9]+)*")


def clause(token):
    """The clause of the rule a token matches ('A', 'B', 'C'), or None (mirrors the Swift code)."""
    core = token.replace("-", "").replace("_", "")
    n = len(core)
    digits = sum(c.isdigit() for c in core)
    letters = n - digits
    vowels = sum(c in "aeiouy" for c in core)
    transitions = sum(1 for a, b in zip(core, core[1:]) if a.isdigit() != b.isdigit())
    if n >= 10 and digits >= 2 and letters >= 1 and transitions >= 3 and (vowels * 100 < 45 * letters or letters < 8):
        return "A"
    if n >= 16 and digits >= 1 and transitions >= 2 and vowels * 100 < 25 * letters:
        return "B"
    if n >= 24 and digits == 0 and vowels * 100 < 25 * letters:
        return "C"
    return None


def main():
    tokens = 0
    hits = collections.Counter()
    for directory, _, files in os.walk(ROOT):
        for name in files:
            if name.endswith((".tsv", ".md")):
                continue
            with open(os.path.join(directory, name), "rb") as handle:
                message = email.message_from_bytes(handle.read())
            for part in message.walk():
                if part.get_content_maintype() != "text":
                    continue
                payload = part.get_payload(decode=True)
                if not payload:
                    continue
                text = re.sub(r"<[^>]*>", " ", payload.decode("latin-1")).lower()
                for token in TOKEN.findall(text):
                    tokens += 1
                    matched = clause(token)
                    if matched:
                        hits[(matched, token)] += 1
    print("tokens %d, masked %d (%.2f%%)" % (tokens, sum(hits.values()), 100.0 * sum(hits.values()) / max(tokens, 1)))
    random.seed(1)
    for name in "ABC":
        matched = [token for (kind, token) in hits if kind == name]
        print("clause %s: %d distinct, %d occurrences" % (name, len(matched), sum(c for (k, _), c in hits.items() if k == name)))
        print("  sample:", ", ".join(random.sample(matched, min(25, len(matched)))))


if __name__ == "__main__":
    main()
