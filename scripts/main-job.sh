#!/usr/bin/env bash
# The main job on the embedded default corpus: every bundled message hashed with XXH3-64,
# written as "<digest>  <path><TAB><label>" lines to reports/corpus-xxh3.txt.
# (The harness issue replaces this with `imprint replay`.)
set -euo pipefail
cd "$(dirname "$0")/.."
imprint=${IMPRINT:-.build/release/imprint}
mkdir -p reports
report=reports/corpus-xxh3.txt
grep -v '^#' corpora/labels.tsv | cut -f1 | sed 's|^|corpora/|' | xargs "$imprint" hash xxh3 > "$report.tmp"
paste "$report.tmp" <(grep -v '^#' corpora/labels.tsv | cut -f2) > "$report"
rm -f "$report.tmp"
count=$(wc -l < "$report")
unique=$(cut -d' ' -f1 "$report" | sort -u | wc -l)
echo "hashed $count bundled messages ($unique distinct digests)"
echo "report: $report"
