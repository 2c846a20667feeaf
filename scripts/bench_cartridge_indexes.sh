#!/usr/bin/env bash
# Cartridge index benchmarks on synthetic data (random fingerprints plus near-duplicate
# clusters), release build: exact lookups over 1M entries, PDQ radius 31 and SimHash radius 3
# over 10M codes, TLSH within 70 over 1M digests (with recall against brute force), MinHash.
# Usage: scripts/bench_cartridge_indexes.sh [extra bench-indexes options]
# Needs about 1.3 GB of memory at the default sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product imprint
.build/release/imprint cartridge bench-indexes "$@"
