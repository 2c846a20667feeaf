#!/bin/sh
# Cost of applying micro-updates to a cartridge directory (release build): a synthetic
# 200,000-entry cartridge, 400 updates of 50 operations by default; prints apply latency
# percentiles, reopen time and query latency (scripts/bench_cartridge_apply.swift).
# Usage: scripts/bench_cartridge_apply.sh [--entries N] [--updates U] [--operations K] [--root DIR]
# Links the release objects of Imprint and its dependencies into a small driver.
set -e
cd "$(dirname "$0")/.."
swift build -c release --product imprint >/dev/null
release=$(swift build -c release --show-bin-path)
grep -v -e '/ArgumentParser' -e '/ImprintHarness.build/' -e '/imprint.build/' "$release/imprint.product/Objects.LinkFileList" \
    > .build/bench_cartridge_apply.objects
swiftc -O -I "$release/Modules" -Xcc -fmodule-map-file=Sources/CJPEG/module.modulemap -Xcc -fmodule-map-file=Sources/CGIF/module.modulemap \
    -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap -Xcc -fmodule-map-file=Sources/CPCRE2/module.modulemap scripts/bench_cartridge_apply.swift @.build/bench_cartridge_apply.objects \
    -lz -lpcre2-8 -lstdc++ -o .build/bench_cartridge_apply
.build/bench_cartridge_apply "$@"
