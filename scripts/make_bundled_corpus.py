#!/usr/bin/env python3
"""Builds corpora/, the embedded default corpus, from ../shared/corpora (reproducible, deterministic).

Selection: every Nth file, by sorted name, of each SpamAssassin public set; the labelled
SpamAssassin test-suite messages; every Nth message of the Nazario phishing mboxes; one
message carrying the EICAR antivirus test file. Messages are copied byte for byte.

Usage: python3 scripts/make_bundled_corpus.py [SHARED_CORPORA] [OUT]
"""
import base64
import email.parser
import email.utils
import os
import shutil
import sys

here = os.path.dirname(os.path.abspath(__file__))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "corpora")
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "corpora")

# (set, label, take every Nth file by sorted name)
PUBLIC_SETS = [
    ("easy_ham", "ham", 8),
    ("easy_ham_2", "ham", 8),
    ("hard_ham", "ham", 3),
    ("spam", "spam", 3),
    ("spam_2", "spam", 6),
]
PHISHING_EVERY = 20
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"

labels = []


def copy(src, rel, label):
    dst = os.path.join(out, rel)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(src, dst)
    labels.append((rel, label))


def split_mbox(path):
    """Messages of an mbox, each starting with its 'From ' line."""
    messages, current = [], []
    with open(path, "rb") as f:
        for line in f:
            if line.startswith(b"From ") and current:
                messages.append(b"".join(current))
                current = []
            current.append(line)
    if current:
        messages.append(b"".join(current))
    return messages


def eicar_message():
    body = base64.encodebytes(EICAR).decode("ascii")
    return (
        "From: Antivirus Test <av-test@example.org>\r\n"
        "To: recipient@example.com\r\n"
        "Subject: EICAR antivirus test file\r\n"
        "Date: Sat, 21 Nov 2026 12:00:00 +0000\r\n"
        "Message-ID: <eicar-test-1@example.org>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="imprint-eicar-boundary"\r\n'
        "\r\n"
        "This is a multi-part message in MIME format.\r\n"
        "\r\n"
        "--imprint-eicar-boundary\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n"
        "Content-Transfer-Encoding: 7bit\r\n"
        "\r\n"
        "The attached file is the EICAR standard antivirus test file. It is harmless.\r\n"
        "\r\n"
        "--imprint-eicar-boundary\r\n"
        'Content-Type: application/octet-stream; name="eicar.com"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        'Content-Disposition: attachment; filename="eicar.com"\r\n'
        "\r\n" + body.replace("\n", "\r\n") + "\r\n"
        "--imprint-eicar-boundary--\r\n"
    ).encode("ascii")


def main():
    if os.path.isdir(out):
        for name in os.listdir(out):
            if name not in ("NOTICE.md",):
                p = os.path.join(out, name)
                shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    for name, label, every in PUBLIC_SETS:
        folder = os.path.join(shared, "spamassassin_public", name)
        for i, file in enumerate(sorted(os.listdir(folder))):
            if i % every == 0:
                copy(os.path.join(folder, file), f"spamassassin_public/{name}/{file}", label)

    suite = os.path.join(shared, "spamassassin_testsuite")
    with open(os.path.join(suite, "labels.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rel, label = line.rstrip("\n").split("\t")
            copy(os.path.join(suite, rel), f"spamassassin_testsuite/{rel}", label)
    for notice in ("LICENSE", "NOTICE"):
        shutil.copyfile(os.path.join(suite, notice), os.path.join(out, "spamassassin_testsuite", notice))

    index = 0
    for mbox in sorted(os.listdir(os.path.join(shared, "nazario_phishing"))):
        for message in split_mbox(os.path.join(shared, "nazario_phishing", mbox)):
            if index % PHISHING_EVERY == 0:
                rel = f"nazario_phishing/{index:05d}.eml"
                os.makedirs(os.path.join(out, "nazario_phishing"), exist_ok=True)
                with open(os.path.join(out, rel), "wb") as f:
                    f.write(message)
                labels.append((rel, "phishing"))
            index += 1

    os.makedirs(os.path.join(out, "virus"), exist_ok=True)
    with open(os.path.join(out, "virus", "eicar-attachment.eml"), "wb") as f:
        f.write(eicar_message())
    labels.append(("virus/eicar-attachment.eml", "virus"))

    # Chronological order, as a TREC index is: by each message's Date header (messages without
    # a parseable one keep their place relative to each other, after the dated ones).
    def sent(item):
        with open(os.path.join(out, item[1][0]), "rb") as f:
            header = email.parser.BytesHeaderParser().parse(f)
        try:
            when = email.utils.parsedate_to_datetime(header.get("Date", ""))
            return (0, when.timestamp(), item[0])
        except (TypeError, ValueError, IndexError, OverflowError):
            return (1, 0, item[0])
    ordered = [item for _, item in sorted(enumerate(labels), key=sent)]
    with open(os.path.join(out, "labels.tsv"), "w") as f:
        f.write("# path\tlabel   (made by scripts/make_bundled_corpus.py; see NOTICE.md; in Date order)\n")
        for rel, label in ordered:
            f.write(f"{rel}\t{label}\n")

    counts = {}
    for _, label in labels:
        counts[label] = counts.get(label, 0) + 1
    print(counts, sum(counts.values()), "messages")


if __name__ == "__main__":
    main()
