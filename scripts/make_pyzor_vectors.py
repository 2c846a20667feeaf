#!/usr/bin/env python3
"""Writes Tests/Fixtures/pyzor/vectors.jsonl: Pyzor body digests of crafted text parts.

Each line is {"parts": [text, ...], "digest": hex}, the digest computed by the real Pyzor
(PyPI `pyzor`, `pyzor.digest.DataDigester`) over those already-decoded parts. The inputs are
hand-made edge cases (Unicode whitespace and line breaks, NULs, e-mail and URL shapes, the
case-insensitive letters Python's `[a-z]` matches, the 8-character line limit, short and long
messages) plus seeded random texts over an alphabet of those characters.

Usage: pip install pyzor; scripts/make_pyzor_vectors.py > Tests/Fixtures/pyzor/vectors.jsonl
"""
import json
import random

import pyzor
import pyzor.digest


class PartsDigester(pyzor.digest.DataDigester):
    """Pyzor's digester over a list of decoded parts instead of a MIME message."""
    __slots__ = []

    @classmethod
    def digest_payloads(cls, msg):
        return iter(msg)


HAND_MADE = [
    [],
    [""],
    ["short"],
    ["exactly8"],
    ["seven77"],
    ["Hello there, this is a line\nanother line of text here\n"],
    ["one line only with words"],
    ["a b c d e f g h i j k l m n o p"],
    ["Contact me at someone@example.com today please\nThanks a lot friend"],
    ["@start and end@ and mid@dle and x@y and @@ stays?\nline two is long enough"],
    ["Visit http://example.com/path now!\nOr HTTPS://EXAMPLE.ORG ok\nmailto:me@x.org right"],
    ["Colons: a:b c: :d 12:30 ab1:c x:y:z (see:this) foo:\nnext line here okay"],
    ["Supercalifragilistic word and 123456789 and 1234567890 here\nmore text follows now"],
    ["nul\x00inside\x00 words and a l\x00ong\x00\x00 run of stuff\x00\x00\x00\x00\x00\x00\x00x"],
    ["non\u00a0breaking\u3000ideographic\u2009thin\u200bzero width\u202fnarrow\u205fmath"],
    ["line\u2028separator and\u2029paragraph\x85next\x0bvtab\x0cformfeed\x1cfs\x1dgs\x1ers\x1fus here"],
    ["windows\r\nline endings\r\nare here\r\nand more\r\nand more\r\nstill more\r\nlast one"],
    ["old mac\rline endings\rare here too\rand more lines\rhere"],
    ["\u0130stanbul:x \u0131i:y \u017fs:z \u212aelvin:k and caf\u00e9:au lait \u00e9t\u00e9:x done"],
    ["Gr\u00fc\u00dfe aus K\u00f6ln, sch\u00f6ne Gr\u00fc\u00dfe\n\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3067\u3059\u3088\u306d\n\U0001F600 emoji \U0001F600 line here"],
    ["first part line one\nfirst part line two", "second part line one\nsecond part line two",
     "third part line one"],
]


def long_message(rng, lines):
    words = ["free", "offer", "click", "here", "now", "money", "viagra", "you", "win", "the", "a",
             "x@y.z", "http://t.co/abc", "averyveryverylongword", "ok:go", "caf\u00e9", "\u00a0"]
    return "\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(0, 9))) for _ in range(lines))


ALPHABET = (list("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789@:./-_!?") + [" "] * 12 + ["\n"] * 4 +
            ["\t", "\r", "\r\n", "\x00", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028",
             "\u3000", "\u200b", "\u0130", "\u0131", "\u017f", "\u212a", "\u00e9", "\u4e2d", "\U0001F600"])


def random_text(rng):
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 400)))


def main():
    rng = random.Random(20261121)
    cases = list(HAND_MADE)
    for lines in (5, 6, 7, 9, 10, 13, 20, 33, 100, 250):
        cases.append([long_message(rng, lines)])
    for _ in range(300):
        cases.append([random_text(rng) for _ in range(rng.randint(1, 3))])
    print(json.dumps({"pyzor_version": pyzor.__version__, "digester": "pyzor.digest.DataDigester"}))
    for parts in cases:
        print(json.dumps({"parts": parts, "digest": PartsDigester(parts).value}))


if __name__ == "__main__":
    main()
