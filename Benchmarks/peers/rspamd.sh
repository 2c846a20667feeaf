#!/usr/bin/env bash
# rspamd's full-scan messages/s on the same messages EngineThroughput scores: the scoring half
# (odd positions of the labels.tsv order) of a labelled corpus, for compare-references.py.
#
# Starts rspamd (Debian's `rspamd`, its stock /etc/rspamd configuration) in the foreground on
# 127.0.0.1 only, with a throwaway LOCAL_CONFDIR, RUNDIR, DBDIR and LOGDIR under a temporary
# folder: normal worker on 127.0.0.1:11333 (WORKERS processes, default all cores), controller
# on 127.0.0.1:11334, proxy on 127.0.0.1:11332, no fuzzy worker, and no redis (the modules that
# need it, Bayes among them, disable themselves). DNS goes to 127.0.0.1:53, where nothing
# listens, so DNS-based rules (RBLs, SPF, DKIM keys) fail at once instead of waiting on a
# network this machine does not have. Then `rspamc` scans every message (PARALLEL requests in
# flight, default 64, so DNS failures overlap) and the script prints one JSON line: messages, seconds, messages/s.
#
# Usage: Benchmarks/peers/rspamd.sh [CORPUS_DIR_WITH_LABELS_TSV]   (needs: apt-get install -y rspamd)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-$here/../../../shared/corpora/spamassassin_public}
corpus=$(cd "$corpus" && pwd)
workers=${WORKERS:-$(nproc)}
parallel=${PARALLEL:-64}
command -v rspamd >/dev/null || { echo "needs rspamd: apt-get install -y rspamd" >&2; exit 1; }

work=$(mktemp -d)
mkdir -p "$work/local/local.d" "$work/run" "$work/db" "$work/log"
cat > "$work/local/local.d/worker-normal.inc" <<CONF
bind_socket = "127.0.0.1:11333";
count = $workers;
CONF
echo 'bind_socket = "127.0.0.1:11334";' > "$work/local/local.d/worker-controller.inc"
echo 'bind_socket = "127.0.0.1:11332";' > "$work/local/local.d/worker-proxy.inc"
cat > "$work/local/local.d/options.inc" <<'CONF'
dns { nameserver = ["127.0.0.1:53"]; timeout = 0.2s; retransmits = 1; }
CONF
chown -R _rspamd:_rspamd "$work" 2>/dev/null || true
chmod 755 "$work"

rspamd -f -u _rspamd -g _rspamd -c /etc/rspamd/rspamd.conf \
    --var="LOCAL_CONFDIR=$work/local" --var="RUNDIR=$work/run" --var="DBDIR=$work/db" --var="LOGDIR=$work/log" \
    > "$work/stdout.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
    rspamc -h 127.0.0.1:11333 stat >/dev/null 2>&1 && break
    rspamc -h 127.0.0.1:11333 symbols < /dev/null >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "rspamd exited:" >&2; tail -20 "$work/stdout.log" "$work/log/rspamd.log" >&2 || true; exit 1; }
    sleep 0.5
done

grep -v '^#' "$corpus/labels.tsv" | awk -F'\t' -v dir="$corpus" 'NR % 2 == 0 { print dir "/" $1 }' > "$work/files.txt"
count=$(wc -l < "$work/files.txt")
# One warm-up message (rspamd compiles its regular expressions on first use).
rspamc -h 127.0.0.1:11333 "$(head -1 "$work/files.txt")" > /dev/null
# CPU seconds of rspamd's processes (main and its workers), from /proc in clock ticks: `ps -o
# times` counts whole seconds, which moved the per-CPU rate by 4% (13 or 14 s a run).
ticks=$(getconf CLK_TCK)
cpu() {
    for process in "$pid" $(pgrep -P "$pid"); do
        # utime and stime are fields 14 and 15, counted after the ") " that closes the command name.
        sed 's/.*) //' "/proc/$process/stat" 2>/dev/null | awk '{ print $12 + $13 }'
    done | awk -v ticks="$ticks" '{ s += $1 } END { printf "%.2f\n", s / ticks }'
}
cpu_start=$(cpu)
start=$(date +%s.%N)
xargs -d '\n' -a "$work/files.txt" rspamc -h 127.0.0.1:11333 -n "$parallel" > "$work/results.txt"
end=$(date +%s.%N)
cpu_end=$(cpu)
scanned=$(grep -c '^Action:' "$work/results.txt" || true)
spam=$(grep -c '^Spam: true' "$work/results.txt" || true)
python3 -c "import json,sys; m,s,e,sp,w,c=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]),int(sys.argv[5]),float(sys.argv[7])-float(sys.argv[6]); print(json.dumps({'peer':'rspamd','messages':m,'spam':sp,'workers':w,'seconds':e-s,'messages_per_s':m/(e-s),'cpu_seconds':c,'messages_per_cpu_s':m/c if c else None}))" \
    "$scanned" "$start" "$end" "$spam" "$workers" "$cpu_start" "$cpu_end"
[ "$scanned" -eq "$count" ] || echo "rspamd scanned $scanned of $count messages" >&2
