#!/usr/bin/env bash
# The test suite under AddressSanitizer (issue 10), in its own build folder (.build/asan) so the
# normal debug build is not rebuilt. Extra arguments go to `swift test` (e.g. --filter Engine).
# LeakSanitizer runs too, with XCTest's own exit-time leaks suppressed (scripts/lsan.supp).
# Usage: scripts/asan_test.sh [swift test arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
swift test --sanitize=address --scratch-path .build/asan "$@"
