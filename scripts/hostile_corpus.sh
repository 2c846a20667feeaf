#!/usr/bin/env bash
# The hostile-corpus run of issue 10 at scale: N seeded mutants of the bundled corpus (default
# 100,000) through the whole engine on the default cartridge (release build), plus the gzip'd
# mailbox cases (a 2 GiB gzip bomb, truncated and bit-flipped mailboxes). Prints the mutants,
# verdicts, typed errors by kind, the largest time and memory growth per message, the peak
# RSS and the bound violations.
#
# A crash kills the process, so the run goes in a loop: `imprint hostile --trace FILE` rewrites
# FILE with the mutant it is about to score; when the tool dies of a signal, the script reports
# the crash with that mutant (rebuild it: `imprint hostile --seed S --only N`) and resumes after it.
# Usage: scripts/hostile_corpus.sh [N] [SEED] [FIRST]    (exit status 1 on any crash or violation)
# FIRST (default 0) is the first mutant's number: `scripts/hostile_corpus.sh 50000 1 50000` runs
# mutants 50000..<100000, so a run can be split over processes (the mailbox cases run with FIRST 0).
set -uo pipefail
cd "$(dirname "$0")/.."
total="${1:-100000}"
seed="${2:-1}"
swift build -c release --product imprint >&2 || exit 1
tool=.build/release/imprint
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
first="${3:-0}"
start="$first"
total=$((first + total))
segment=0
crashes=0
status=0
mailboxes=()
while (( start < total )); do
    segment=$((segment + 1))
    "$tool" hostile --mutants $((total - start)) --start "$start" --seed "$seed" --trace "$scratch/trace" \
        "${mailboxes[@]}" > "$scratch/out.$segment"
    code=$?
    cat "$scratch/out.$segment"
    if (( code > 128 )); then
        crashes=$((crashes + 1))
        last="$(tr -s ' ' < "$scratch/trace")"
        echo "CRASH (signal $((code - 128))) at: $last"
        if [[ "$last" == mutant* ]]; then
            start=$(( $(echo "$last" | awk '{print $2}') + 1 ))
        elif (( ${#mailboxes[@]} > 0 )); then
            echo "the tool died before its first mutant; giving up"
            status=1
            break
        fi
        mailboxes=(--no-mailboxes)
        continue
    fi
    (( code != 0 )) && status=1
    break
done
echo "crashes: $crashes"
(( crashes > 0 )) && status=1
exit $status
