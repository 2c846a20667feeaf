#!/usr/bin/env python3
"""Cross-check for Imprint's MIME parser: MIME part and attachment counts from Python's `email`.

For each message, prints `path<TAB>parts<TAB>leaves<TAB>attachments` where
  parts       = nodes of msg.walk() (the message itself, multiparts, message/rfc822 containers
                and their embedded messages, leaves): Imprint's `Message.parts.count`;
  leaves      = walk() nodes that are not multipart: `Message.leaves.count`;
  attachments = leaves with Content-Disposition `attachment` or a file name
                (`get_filename()`): `Message.attachments.count`.

Usage:
  scripts/mime_counts.py FILE...                 # one line per file (a message each)
  scripts/mime_counts.py --mbox FILE.mbox        # one line per message, path#index (0-based)
  scripts/mime_counts.py --root DIR FILE...      # print paths relative to DIR

Messages whose tree contains message/delivery-status are marked `skip` in the parts column:
Python parses each status block of such a part as a message, Imprint keeps it a leaf.
"""
import email
import email.policy
import mailbox
import os
import sys


def counts(message):
    parts = leaves = attachments = 0
    for part in message.walk():
        if part.get_content_type() == "message/delivery-status":
            return None
        parts += 1
        if part.is_multipart():
            continue
        leaves += 1
        if part.get_content_disposition() == "attachment" or part.get_filename() is not None:
            attachments += 1
    return parts, leaves, attachments


def emit(name, message):
    result = counts(message)
    if result is None:
        print(f"{name}\tskip")
    else:
        print(f"{name}\t{result[0]}\t{result[1]}\t{result[2]}")


def main(argv):
    root = None
    mbox = False
    files = []
    index = 0
    while index < len(argv):
        if argv[index] == "--root":
            root = argv[index + 1]
            index += 2
            continue
        if argv[index] == "--mbox":
            mbox = True
        else:
            files.append(argv[index])
        index += 1
    for path in files:
        name = os.path.relpath(path, root) if root else path
        if mbox:
            for number, message in enumerate(mailbox.mbox(path, create=False)):
                emit(f"{name}#{number}", message)
        else:
            with open(path, "rb") as handle:
                emit(name, email.message_from_binary_file(handle, policy=email.policy.compat32))


if __name__ == "__main__":
    main(sys.argv[1:])
