#!/usr/bin/env bash
# Throwaway throughput and allocation figures for the message parser, until the Benchmarks/
# package measures them (ordo-one/benchmark).
#   scripts/bench/message_throughput.sh [CORPUS_DIR]   # default ../shared/corpora/spamassassin_public
# Prints MB/s (thread CPU time, best of 5) for parse only and parse + decode every part, in
# rendered and wire form, then allocations per message (malloc/calloc/realloc counted by an
# LD_PRELOAD shim) and the allocations for one 10 KB and one 10 MB wire message: the same
# count and bytes for both show that the wire path copies no body.
set -eu
cd "$(dirname "$0")/../.."
corpus="${1:-../shared/corpora/spamassassin_public}"
out=.build/bench-message
mkdir -p "$out"
swiftc -O -wmo -parse-as-library -module-name MessageBench \
    Sources/Imprint/Message/*.swift Sources/Imprint/Text/*.swift \
    Sources/Imprint/Support/FileBytes.swift Sources/Imprint/Support/FileReadError.swift \
    scripts/bench/MessageThroughput.swift -o "$out/bench"
gcc -O2 -shared -fPIC scripts/bench/alloccount.c -o "$out/liballoccount.so" -ldl
"$out/bench" "$corpus"
LD_PRELOAD="$out/liballoccount.so" "$out/bench" "$corpus" | grep -E "alloc"
