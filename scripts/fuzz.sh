#!/usr/bin/env bash
# Builds and runs one libFuzzer target.
#   scripts/fuzz.sh TARGET [SECONDS]      # SECONDS defaults to 600; 0 builds and seeds only
#   scripts/fuzz.sh --list
# TARGET: mime jpeg gif png bmp cartridge microupdate config whitelist categories analysis-header
#
# Each target is scripts/fuzz/<Name>FuzzEntry.swift (`@_cdecl("LLVMFuzzerTestOneInput")`), which
# calls `FuzzTarget.<target>.run` in the Imprint library (Sources/Imprint/Fuzz/): the same
# readers the engine uses, from bytes in memory. The library is compiled with swiftc, without
# SwiftPM, with `-sanitize=fuzzer,address`: Sources/ImprintHashing as one static module, then
# Sources/Imprint as another, leaving out the folders that need swift-crypto (Fingerprints,
# Features, Scoring, Build, Engine except AnalysisHeader.swift), which no target reaches.
# Both are rebuilt only when a source is newer than the archive.
#
# Seeds: the fixtures of the target's kind (Tests/Fixtures/images, pdq, imagehash, the bundled
# corpus, Tests/Fixtures/fuzz-seeds/<target>/) and Tests/Fixtures/crashers/<target>/.
# Output in .build/fuzz-<target>/: the corpus, fuzz.log, any crash-*/timeout-*/oom-*/leak-*,
# and one summary line, also appended to .build/fuzz-summary.tsv:
#   fuzz <target>: <seconds> s, <executions> executions, <exec/s> exec/s, <n> findings
# A finding goes into Tests/Fixtures/crashers/<target>/ once fixed; CrasherReplayTests replays it.
set -euo pipefail
shopt -s nullglob

# The whole script is one function, read before it runs, so editing this file during a run is safe.
main() {
    cd "$(dirname "$0")/.."

    targets="mime jpeg gif png bmp cartridge microupdate config whitelist categories analysis-header"
    if [[ "${1:-}" == "--list" ]]; then echo "$targets"; exit 0; fi
    target="${1:?usage: scripts/fuzz.sh TARGET [SECONDS] (scripts/fuzz.sh --list)}"
    seconds="${2:-600}"
    case "$target" in
        mime) entry=MIME ;; jpeg) entry=JPEG ;; gif) entry=GIF ;; png) entry=PNG ;; bmp) entry=BMP ;;
        cartridge) entry=Cartridge ;; microupdate) entry=MicroUpdate ;; config) entry=Config ;;
        whitelist) entry=Whitelist ;; categories) entry=Categories ;; analysis-header) entry=AnalysisHeader ;;
        *) echo "fuzz.sh: unknown target '$target' (known: $targets)" >&2; exit 2 ;;
    esac

    lib=.build/fuzz-lib
    out=.build/fuzz-$target
    mkdir -p "$lib" "$out/corpus"
    flags=(-O -sanitize=fuzzer,address -parse-as-library -I "$lib"
           -I Sources/CZlib -I Sources/CJPEG -I Sources/CGIF -I Sources/CPCRE2)

    # One build at a time (the archives are shared by every target).
    exec 9> "$lib/.lock"
    flock 9
    # 1. The two library modules, rebuilt when stale, from a copy of the sources taken first (so
    #    that editing the tree while the compiler runs does not break the build).
    stale() { [[ ! -f "$1" ]] || [[ -n "$(find "${@:2}" -newer "$1" -print -quit)" ]]; }
    copy() { rm -rf "$lib/src/$1" && mkdir -p "$lib/src/$1" && cp -R "Sources/$1/." "$lib/src/$1/"; }
    module() { # module NAME SOURCES...: a static library and its module, whole-module optimized
        local name=$1
        shift
        echo "fuzz.sh: compiling $name" >&2
        swiftc "${flags[@]}" -wmo -num-threads 2 -module-name "$name" -emit-library -static -emit-module \
            -emit-module-path "$lib/$name.swiftmodule" "$@" -o "$lib/lib$name.a.part"
        mv "$lib/lib$name.a.part" "$lib/lib$name.a"
    }
    if stale "$lib/libImprintHashing.a" Sources/ImprintHashing; then
        touch "$lib/.hashing-start"
        copy ImprintHashing
        mapfile -t sources < <(find "$lib/src/ImprintHashing" -name '*.swift' | sort)
        module ImprintHashing "${sources[@]}"
        touch -r "$lib/.hashing-start" "$lib/libImprintHashing.a"
        rm -f "$lib/libImprint.a"
    fi
    if stale "$lib/libImprint.a" Sources/Imprint Sources/CZlib Sources/CJPEG Sources/CGIF Sources/CPCRE2; then
        touch "$lib/.imprint-start"
        copy Imprint
        mapfile -t sources < <( (find "$lib/src/Imprint" -name '*.swift' | grep -v -E '/src/Imprint/(Fingerprints|Features|Scoring|Build|Engine)/'
                                 echo "$lib/src/Imprint/Engine/AnalysisHeader.swift") | sort)
        module Imprint "${sources[@]}"
        # Stamped with the copy's time: an edit made during the compile makes it stale again.
        touch -r "$lib/.imprint-start" "$lib/libImprint.a"
    fi

    # 2. The target: its entry file against the two archives and the system libraries.
    binary="$out/$target-fuzzer"
    if stale "$binary" "scripts/fuzz/${entry}FuzzEntry.swift" "$lib/libImprint.a"; then
        swiftc "${flags[@]}" -module-name "${entry}Fuzz" "scripts/fuzz/${entry}FuzzEntry.swift" \
            -L "$lib" -lImprint -lImprintHashing -ljpeg -lgif -lz -lpcre2-8 -o "$binary" 2>&1 |
            { grep -v "warning: Cannot export local symbol '__asan" || true; } >&2
    fi

    flock -u 9
    # 3. Seeds (copied each run; libFuzzer keeps what it finds in the same folder).
    seed() { # seed FILE [PREFIX-BYTE-OCTAL]: copies FILE into the corpus, optionally behind one byte
        local name
        name="$out/corpus/seed-$(echo "$1" | tr '/' '_')${2:+-m$2}"
        if [[ -n "${2:-}" ]]; then { printf "\\$2"; cat "$1"; } > "$name"; else cp "$1" "$name"; fi
    }
    images() { # images EXT...: image fixtures under 64 KiB with these extensions
        local names=() ext
        for ext in "$@"; do names+=(${names[0]+-o} -iname "*.$ext"); done
        find Tests/Fixtures/images Tests/Fixtures/pdq Tests/Fixtures/imagehash -type f -size -64k \( "${names[@]}" \) | sort
    }
    case "$target" in
        mime) find corpora -type f ! -name '*.tsv' ! -name '*.md' -size -20k | sort | awk 'NR <= 300' | while read -r f; do seed "$f"; done ;;
        jpeg) images jpg jpeg | while read -r f; do seed "$f"; done ;;
        gif) images gif | while read -r f; do seed "$f"; done ;;
        png) images png | while read -r f; do seed "$f"; done ;;
        bmp) images bmp | while read -r f; do seed "$f"; done ;;
        cartridge|microupdate)
            # Sealed files behind mode byte 0, their records form (*.records) as they are.
            for f in Tests/Fixtures/fuzz-seeds/"$target"/*; do
                case "$f" in *.records) seed "$f" ;; *) seed "$f" 000 ;; esac
            done ;;
        *) for f in Tests/Fixtures/fuzz-seeds/"$target"/*; do seed "$f"; done ;;
    esac
    for f in Tests/Fixtures/crashers/"$target"/*; do
        if [[ -f "$f" && "$(basename "$f")" != README.md && "$(basename "$f")" != .gitkeep ]]; then cp "$f" "$out/corpus/"; fi
    done

    # 4. The run (none for SECONDS 0: build and seed only), then its summary from libFuzzer's final stats.
    if [[ "$seconds" == 0 ]]; then echo "fuzz.sh: built $binary" >&2; exit 0; fi
    echo "fuzz.sh: $target for $seconds s ($(find "$out/corpus" -type f | wc -l) inputs in the corpus)" >&2
    status=0
    touch "$out/.run-start"
    local started=$SECONDS
    # SWIFT_BACKTRACE: the Swift runtime's own crash handler would read memory ASan then reports.
    SWIFT_BACKTRACE=enable=no "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$out/" "$out/corpus" > "$out/fuzz.log" 2>&1 || status=$?
    stat() { sed -n "s/^stat::$1: *//p" "$out/fuzz.log" | tail -1; }
    executions=$(stat number_of_executed_units)
    per_second=$(stat average_exec_per_sec)
    elapsed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$out/fuzz.log" | tail -1)
    elapsed=${elapsed:-$((SECONDS - started))}  # a run stopped by a finding prints no "Done" line
    findings=$(grep -c -E '^(==[0-9]+==ERROR|SUMMARY: libFuzzer|Fatal error|.*Assertion failed)' "$out/fuzz.log" || true)
    artifacts=$(find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) -newer "$out/.run-start" | sort)
    line="fuzz $target: ${elapsed:-?} s, ${executions:-?} executions, ${per_second:-?} exec/s, $(echo "$artifacts" | grep -c . || true) findings"
    echo "$line"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "${elapsed:-}" "${executions:-}" "${per_second:-}" \
        "$(echo "$artifacts" | tr '\n' ' ')" >> .build/fuzz-summary.tsv
    if [[ -n "$artifacts" ]]; then
        echo "$artifacts" | sed 's/^/  finding: /'
        grep -m 20 -E 'ERROR|Fatal error|SUMMARY|#[0-9]+ 0x' "$out/fuzz.log" | head -20 | sed 's/^/  /'
    fi
    [[ $findings -eq 0 || -n "$artifacts" ]] || echo "  (the log reports an error without an artifact: see $out/fuzz.log)"
    exit "$status"
}

main "$@"; exit $?
