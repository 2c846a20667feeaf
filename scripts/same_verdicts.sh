#!/usr/bin/env bash
# Proves a speed change kept every verdict: two imprint binaries build a cartridge from the even
# positions of a labelled corpus (sorted by path, as Benchmarks/peers/bogofilter.sh splits it),
# score the odd positions, and the JSON lines (score, probability, category, rescan, analysis header)
# must be byte-identical but for `elapsed_us`.
#
# Usage: scripts/same_verdicts.sh OLD_IMPRINT NEW_IMPRINT [CORPUS_DIR]   (default ../shared/corpora/spamassassin_public)
set -euo pipefail
old=$1 new=$2
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${3:-$root/../shared/corpora/spamassassin_public}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/train"
grep -v '^#' "$corpus/labels.tsv" | LC_ALL=C sort -k1,1 | awk -F'\t' -v dir="$corpus" -v out="$work" '
    { if ((NR - 1) % 2 == 0) print dir "/" $1 "\t" $2 > (out "/train/labels.tsv"); else print dir "/" $1 > (out "/test.txt") }'
for side in old new; do
    binary=${!side}
    "$binary" cartridge build --corpus "$work/train" --out "$work/$side.cartridge" >/dev/null
    # Everything but the time it took.
    "$binary" score --cartridge "$work/$side.cartridge" --files-from "$work/test.txt" | sed -E 's/"elapsed_us":[0-9]+,//' > "$work/$side.jsonl"
done
if cmp -s "$work/old.jsonl" "$work/new.jsonl"; then
    echo "same verdicts: $(wc -l < "$work/new.jsonl") messages of $corpus"
else
    echo "verdicts differ ($(diff "$work/old.jsonl" "$work/new.jsonl" | grep -c '^>') lines):" >&2
    diff "$work/old.jsonl" "$work/new.jsonl" | head -6 >&2
    exit 1
fi
