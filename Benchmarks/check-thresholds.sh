#!/usr/bin/env bash
# The benchmark gate: runs the benchmarks and checks them against the thresholds committed for
# this Swift version (Thresholds/swift-X.Y/, one `Target.Benchmark.p90.json` per benchmark, as
# ordo-one/benchmark's `thresholds update` writes them). mallocCountTotal must match exactly;
# time metrics have loose tolerances (BenchmarkSupport/BenchMetrics.swift).
#
# `swift package benchmark thresholds check` (the plugin's replacement for the deprecated
# `baseline check --check-absolute-path`) exits non-zero on improvements as well as
# regressions, so this script fails only when the output says WORSE (or the run itself failed).
#
# Usage (from anywhere):
#   Benchmarks/check-thresholds.sh [benchmark options]          check, e.g. --target MessageBenchmarks
#   Benchmarks/check-thresholds.sh update [benchmark options]   rewrite this Swift version's thresholds
# Benchmark names must not contain `_` (see the lookup below). The 10M index sets are skipped unless IMPRINT_BENCH_10M=1 (they need ~2 GiB and minutes each).
set -uo pipefail
cd "$(dirname "$0")"
version=$(swift --version 2>&1 | sed -n 's/.*Swift version \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -1)
dir="Thresholds/swift-$version"
export IMPRINT_BENCH_10M="${IMPRINT_BENCH_10M:-0}"
export SWIFT_DETERMINISTIC_HASHING=1

if [ "${1:-}" = update ]; then
    shift
    mkdir -p "$dir"
    exec swift package --allow-writing-to-package-directory benchmark thresholds update --path "$dir" --no-progress "$@"
fi
if [ ! -d "$dir" ]; then
    echo "no thresholds for Swift $version ($dir): run '$0 update' and commit them" >&2
    exit 1
fi
log=$(mktemp)
lookup=$(mktemp -d)
trap 'rm -rf "$log" "$lookup"' EXIT
# benchmark 1.38.1 writes `Target.Name.p90.json` with spaces and slashes made underscores but
# reads `Target.Name.p90.json` with the name as registered, so a name with a space is never
# found. Link each file under its registered name (benchmark names here contain no `_`).
for file in "$dir"/*.p90.json; do
    base=$(basename "$file")
    target=${base%%.*}
    name=${base#*.}
    name=${name%.p90.json}
    ln -s "$PWD/$file" "$lookup/$target.${name//_/ }.p90.json"
done
swift package benchmark thresholds check --path "$lookup" --no-progress "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if grep -q "WORSE" "$log"; then
    echo "check-thresholds: regression against $dir" >&2
    exit 1
fi
if [ "$status" -ne 0 ] && ! grep -q -e "BETTER" -e "EQUAL" "$log"; then
    echo "check-thresholds: the benchmark run failed (exit $status)" >&2
    exit "$status"
fi
echo "check-thresholds: no regression against $dir"
