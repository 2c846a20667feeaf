#!/bin/sh
# Text-kernel throughput on real mail.
# Usage: scripts/bench_text_kernels.sh [CORPUS_DIR] [extra swiftc flags]
# The driver alone: .build/bench_text_kernels CORPUS_DIR [KERNEL-NAME-PREFIX]
# Links the release objects of the current ImprintHashing sources into a small driver
# (scripts/bench_text_kernels.swift). For the x86-64-v3 build, build the package with
# `swift build -c release -Xcc -march=x86-64-v3` first and pass `-Xcc -march=x86-64-v3` here too.
set -e
cd "$(dirname "$0")/.."
swift build -c release --product imprint >/dev/null 2>&1
corpus=${1:-../shared/corpora/spamassassin_public}
[ $# -gt 0 ] && shift
objects=$(find Sources/ImprintHashing -name '*.swift' -exec basename {} \; | sed 's|^|.build/release/ImprintHashing.build/|; s|$|.o|')
# shellcheck disable=SC2086
swiftc -O -I .build/release/Modules scripts/bench_text_kernels.swift $objects -o .build/bench_text_kernels "$@"
.build/bench_text_kernels "$corpus"
