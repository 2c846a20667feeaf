#!/usr/bin/env python3
"""Ranks the allocation sites recorded by allocsites.c.

Symbolizes every frame with the toolchain's llvm-symbolizer (inlined frames included, so a
generic specialization inlined into Imprint's code still names the Imprint line that asked for
it), keeps the stacks that pass through --within (a regex on demangled function names, default
Imprint's Engine.evaluate) and not through --exclude (default: one-time initializers), and attributes each stack to its first frame in Imprint's own
sources (a path with /Sources/ in it, or --site-path). Prints allocations per message
(--messages N) by site line and by function, the biggest first.

    scripts/alloccount/allocsites.py allocsites.txt --messages 3023 [--within REGEX] [--top 60]
"""
import argparse
import collections
import os
import re
import shutil
import subprocess


def symbolizer():
    swift = shutil.which("swift")
    if swift:
        candidate = os.path.join(os.path.dirname(os.path.realpath(swift)), "llvm-symbolizer")
        if os.path.exists(candidate):
            return candidate
    return "llvm-symbolizer"


def symbolize(module, offsets):
    """{offset: [(function, file:line), ...]} innermost inlined frame first."""
    if module == "?" or not os.path.exists(module):
        return {offset: [("?", "?")] for offset in offsets}
    text = subprocess.run([symbolizer(), "--obj=" + module, "--functions=linkage", "--inlines", "--relative-address"],
                          input="\n".join(offsets) + "\n", capture_output=True, text=True).stdout
    blocks = text.strip("\n").split("\n\n")
    result = {}
    for offset, block in zip(offsets, blocks):
        lines = block.split("\n")
        result[offset] = [(lines[i], lines[i + 1] if i + 1 < len(lines) else "?") for i in range(0, len(lines) - 1, 2)]
    return result


def demangle(names):
    names = sorted(set(names))
    text = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names) + "\n",
                          capture_output=True, text=True).stdout.split("\n")
    return dict(zip(names, text))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dump")
    parser.add_argument("--messages", type=int, default=1)
    parser.add_argument("--within", default=r"Engine\.(evaluate|score)")
    parser.add_argument("--exclude", default=r"once_slow|one-time initialization",
                        help="drop the stacks through this regex (default: one-time initializers)")
    parser.add_argument("--site-path", default="/Sources/")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--stacks", type=int, default=0, help="also print the N biggest whole stacks")
    parser.add_argument("--focus", default="", help="with --stacks: only stacks whose site matches this regex")
    args = parser.parse_args()

    stacks = []
    header = ""
    with open(args.dump) as dump:
        for line in dump:
            if line.startswith("#"):
                header = line.strip()
                continue
            fields = line.rstrip("\n").split("\t")
            stacks.append((int(fields[0]), [tuple(frame.rsplit("+", 1)) for frame in fields[1:]]))
    by_module = collections.defaultdict(set)
    for _, frames in stacks:
        for module, offset in frames:
            by_module[module].add(offset)
    frames_of = {}
    for module, offsets in by_module.items():
        for offset, inlined in symbolize(module, sorted(offsets)).items():
            frames_of[(module, offset)] = inlined
    names = demangle(name for inlined in frames_of.values() for name, _ in inlined)

    within = re.compile(args.within)
    exclude = re.compile(args.exclude) if args.exclude else None
    by_site = collections.Counter()
    by_function = collections.Counter()
    whole = collections.Counter()
    kept = 0
    for count, frames in stacks:
        expanded = [(names.get(name, name), place) for frame in frames for name, place in frames_of[frame]]
        if not any(within.search(name) for name, _ in expanded):
            continue
        if exclude and any(exclude.search(name) for name, _ in expanded):
            continue
        kept += count
        site = next(((name, place) for name, place in expanded if args.site_path in place), ("(outside the sources)", "?"))
        place = re.sub(r".*" + re.escape(args.site_path), "", site[1])
        by_site[(site[0], place)] += count
        by_function[site[0]] += count
        if args.stacks and (not args.focus or re.search(args.focus, f"{site[0]} {place}")):
            whole[tuple(f"{name}  {re.sub(r'.*/', '', place)}" for name, place in expanded[:14])] += count

    per = args.messages
    print(f"{header}; kept {kept} within /{args.within}/ = {kept / per:.1f} per message over {per}")
    print("\n== by function ==")
    for function, count in by_function.most_common(args.top):
        print(f"{count / per:8.2f}  {function[:160]}")
    print("\n== by line ==")
    for (function, place), count in by_site.most_common(args.top):
        print(f"{count / per:8.2f}  {place}  {function[:110]}")
    for stack, count in whole.most_common(args.stacks):
        print(f"\n{count / per:8.2f}")
        for frame in stack:
            print("      " + frame[:200])


if __name__ == "__main__":
    main()
