#!/usr/bin/env bash
# A real peer on the engine issue's split, measured side by side with Imprint in one run.
#
# Split: the messages of a labelled corpus sorted by path; even positions (0, 2, …) train,
# odd positions are scored. Bogofilter (Debian's `bogofilter`) is trained on the training half
# and scores the other; Imprint builds a cartridge from the same half and scores the same messages
# when `imprint cartridge build` is available. Metrics come from peer_metrics.py (scikit-learn AUC).
#
# Usage: Benchmarks/peers/bogofilter.sh [CORPUS_DIR_WITH_LABELS_TSV]   (default ../shared/corpora/spamassassin_public)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${1:-$root/../shared/corpora/spamassassin_public}
corpus=$(cd "$corpus" && pwd)
command -v bogofilter >/dev/null || { echo "needs bogofilter: apt-get install -y bogofilter" >&2; exit 1; }
python3 -c "import sklearn" 2>/dev/null || { echo "needs scikit-learn: pip install scikit-learn" >&2; exit 1; }

work=$(mktemp -d)
[ -n "${KEEP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
echo "work: $work"
grep -v '^#' "$corpus/labels.tsv" | LC_ALL=C sort -k1,1 | awk -F'\t' -v dir="$corpus" -v out="$work" '
    { line = dir "/" $1 "\t" $2; if ((NR - 1) % 2 == 0) print line > (out "/train.tsv"); else print line > (out "/test.tsv") }'
echo "corpus: $corpus"
echo "train: $(wc -l < "$work/train.tsv") messages, test: $(wc -l < "$work/test.tsv") messages"

# Bogofilter: register the training half, then classify the test half.
db="$work/bogofilter"
mkdir -p "$db"
start=$(date +%s.%N)
awk -F'\t' '$2 == "ham" { print $1 }' "$work/train.tsv" | xargs -d '\n' bogofilter -d "$db" -n -B
awk -F'\t' '$2 != "ham" { print $1 }' "$work/train.tsv" | xargs -d '\n' bogofilter -d "$db" -s -B
trained=$(date +%s.%N)
cut -f1 "$work/test.tsv" | xargs -d '\n' bogofilter -d "$db" -T -B > "$work/bogofilter.out" || true
scored=$(date +%s.%N)
# "path X score": bogofilter's spamicity; its own verdict S is spam_cutoff 0.99 by default.
awk 'NR == FNR { label[$1] = $2; next } { print label[$1] "\t" $3 "\t" ($2 == "S" ? 1 : 0) }' \
    FS='\t' "$work/test.tsv" FS=' ' "$work/bogofilter.out" > "$work/bogofilter.scores"
python3 "$here/peer_metrics.py" bogofilter "$work/bogofilter.scores" \
    "$(echo "$trained - $start" | bc)" "$(echo "$scored - $trained" | bc)"

# Imprint, when the cartridge builder exists.
imprint=${IMPRINT:-$root/.build/release/imprint}
if [ -x "$imprint" ] && "$imprint" cartridge build --help 2>&1 | grep -q -- "--corpus"; then
    mkdir -p "$work/train" "$work/test"
    awk -F'\t' '{ print $1 "\t" $2 }' "$work/train.tsv" > "$work/train/labels.tsv"
    awk -F'\t' '{ print $1 "\t" $2 }' "$work/test.tsv" > "$work/test/labels.tsv"
    start=$(date +%s.%N)
    "$imprint" cartridge build --corpus "$work/train" --out "$work/cartridge" >/dev/null
    trained=$(date +%s.%N)
    cut -f1 "$work/test.tsv" | "$imprint" score --cartridge "$work/cartridge" --files-from - > "$work/imprint.jsonl"
    scored=$(date +%s.%N)
    python3 - "$work/test.tsv" "$work/imprint.jsonl" > "$work/imprint.scores" <<'PY'
import json, sys
labels = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[1]))
for line in open(sys.argv[2]):
    record = json.loads(line)
    print(f"{labels[record['path']]}\t{record['probability']}\t{1 if record['is_spam'] else 0}")
PY
    python3 "$here/peer_metrics.py" imprint "$work/imprint.scores" \
        "$(echo "$trained - $start" | bc)" "$(echo "$scored - $trained" | bc)"
else
    echo "imprint: no 'cartridge build' in $imprint yet; only the peer was measured"
fi
