#!/usr/bin/env bash
# The main job: replay the embedded default corpus (corpora/, chronological) through the engine
# with the online protocol, and write reports/replay.{json,md,html}.
set -euo pipefail
cd "$(dirname "$0")/.."
imprint=${IMPRINT:-.build/release/imprint}
"$imprint" replay "$@"
