#!/usr/bin/env bash
# `imprint replay` with heap allocations counted, for the wire-versus-rendered table:
#   scripts/alloccount/replay.sh [imprint replay arguments]
# Builds the LD_PRELOAD counter (alloccount.c) and runs the release `imprint` with it.
set -eu
cd "$(dirname "$0")/../.."
mkdir -p .build
gcc -O2 -shared -fPIC scripts/alloccount/alloccount.c -o .build/liballoccount.so
LD_PRELOAD="$PWD/.build/liballoccount.so" .build/release/imprint replay "$@"
