#!/usr/bin/env bash
# Builds and runs the libFuzzer target for the message parser.
#   scripts/fuzz/fuzz_mime.sh [SECONDS]          # default 600
# The target is compiled with swiftc straight from the message sources (one module, no SwiftPM
# target needed), with -sanitize=fuzzer,address. Seeds: the bundled corpus and the past crashers
# in Tests/Fixtures/crashers/mime/. A crash leaves crash-* in .build/fuzz-mime/: copy it into
# Tests/Fixtures/crashers/mime/ so MessageCrasherTests replays it.
set -eu
cd "$(dirname "$0")/../.."
seconds="${1:-600}"
out=.build/fuzz-mime
mkdir -p "$out/corpus"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name MIMEFuzz \
    Sources/Imprint/Message/*.swift Sources/Imprint/Text/*.swift scripts/fuzz/MIMEFuzzEntry.swift \
    -o "$out/mime-fuzzer"
# Seeds: a sample of the bundled corpus (small files first) and every past crasher.
find corpora -type f ! -name '*.tsv' ! -name '*.md' -size -20k | sort | head -300 | while read -r file; do
    cp "$file" "$out/corpus/$(echo "$file" | tr '/' '_')"
done
cp Tests/Fixtures/crashers/mime/* "$out/corpus/" 2>/dev/null || true
cd "$out"
./mime-fuzzer -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 corpus
