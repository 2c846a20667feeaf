#!/usr/bin/env bash
# Runs COMMAND with allocations recorded by call stack (allocsites.c), the table written to
# $ALLOCSITES_OUT (default .build/allocsites.txt); rank it with allocsites.py:
#   scripts/alloccount/allocsites.sh .build/release/imprint score --cartridge DIR --files-from LIST >/dev/null
#   scripts/alloccount/allocsites.py .build/allocsites.txt --messages N
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$root/.build"
gcc -O2 -shared -fPIC "$root/scripts/alloccount/allocsites.c" -o "$root/.build/liballocsites.so" -lpthread -ldl
ALLOCSITES_OUT=${ALLOCSITES_OUT:-$root/.build/allocsites.txt} LD_PRELOAD="$root/.build/liballocsites.so" "$@"
