#!/usr/bin/env bash
# Crash test of cartridge micro-updates with N SIGKILLs (default 200):
# a child `imprint cartridge crash-test-apply` applies updates in a loop and is killed at
# seeded random times; every restart must load a verified state that lost no applied update.
# Usage: scripts/crash_test.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-200}"
swift build --build-tests
IMPRINT_CRASH_KILLS="$kills" swift test --skip-build --filter CartridgeCrashTests 2>&1 | tee /dev/stderr | grep -q "passed after"
