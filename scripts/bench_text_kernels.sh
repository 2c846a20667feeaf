#!/bin/sh
# Text-kernel throughput on real mail. Usage: scripts/bench_text_kernels.sh [CORPUS_DIR] [extra swiftc flags]
# e.g. scripts/bench_text_kernels.sh ../shared/corpora/spamassassin_public -Xcc -march=x86-64-v3
# (the flag only affects this driver; rebuild the package with -Xcc -march=x86-64-v3 to test that build).
set -e
cd "$(dirname "$0")/.."
swift build -c release --product imprint >/dev/null
corpus=${1:-../shared/corpora/spamassassin_public}
[ $# -gt 0 ] && shift
swiftc -O -I .build/release/Modules scripts/bench_text_kernels.swift .build/release/ImprintHashing.build/*.o \
    -o .build/bench_text_kernels "$@"
.build/bench_text_kernels "$corpus"
