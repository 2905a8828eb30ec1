#!/usr/bin/env bash
# Soak: measures the cluster's peak for one scenario, then holds it at a share of
# that peak for a long while, and reports errors, latency and the nodes' memory.
# Not part of CI. Start the cluster first (deploy/cluster.sh start).
#
#   deploy/soak.sh                      10 minutes at 70 % of the measured peak
#   SOAK_DURATION=3m deploy/soak.sh     shorter, e.g. on a busy machine
#
# Settings (environment):
#   SOAK_DURATION     default 10m          SOAK_SHARE        default 0.7
#   SOAK_SCENARIO     default client_credentials (a bench scenario, see bench/README.md)
#   SOAK_CONCURRENCY  default 16
#   LATCHKEY_CLUSTER_DIR, LATCHKEY_PORT, LATCHKEY_DB_URL, LATCHKEY_DB_USER as for cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_DIR="${LATCHKEY_CLUSTER_DIR:-$PWD/cluster-run}"
PORT="${LATCHKEY_PORT:-8080}"
DURATION="${SOAK_DURATION:-10m}"
SHARE="${SOAK_SHARE:-0.7}"
SCENARIO="${SOAK_SCENARIO:-client_credentials}"
CONCURRENCY="${SOAK_CONCURRENCY:-16}"
DB_URL="${LATCHKEY_DB_URL:-jdbc:postgresql://127.0.0.1:5432/latchkey}"
DB_USER="${LATCHKEY_DB_USER:-postgres}"
BENCH=bench/target/latchkey-bench.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
REPORT="$RUN_DIR/soak-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$REPORT"

[ -f "$BENCH" ] || ./mvnw -B -q -DskipTests package
for name in node1 node2; do
  [ -f "$RUN_DIR/$name.pid" ] && kill -0 "$(cat "$RUN_DIR/$name.pid")" \
    || { echo "$name is not running: deploy/cluster.sh start" >&2; exit 1; }
done
export BENCH_CLIENT_SECRET BENCH_PASSWORD
BENCH_CLIENT_SECRET="$(cat "$RUN_DIR/admin-client-secret")"
BENCH_PASSWORD="$(cat "$RUN_DIR/admin-password")"

rss() { # kB of each node
  for name in node1 node2; do
    printf '%s=%s ' "$name" "$(ps -o rss= -p "$(cat "$RUN_DIR/$name.pid")" | tr -d ' ')"
  done
}

# CPU seconds used so far by the PostgreSQL backends serving the cluster's
# database: only when PostgreSQL runs on this machine; WAL writer and
# checkpointer are not counted.
pg_cpu() {
  local rest="${DB_URL#jdbc:postgresql://}" hostport db pids ticks=0
  hostport="${rest%%/*}"
  db="${rest#*/}"
  db="${db%%\?*}"
  pids="$(psql -h "${hostport%%:*}" -p "${hostport##*:}" -U "$DB_USER" -d postgres -tAc \
    "SELECT pid FROM pg_stat_activity WHERE datname = '$db'" 2>/dev/null)" || { echo 0; return; }
  for pid in $pids; do
    [ -r "/proc/$pid/stat" ] && ticks=$(( ticks + $(awk '{ print $14 + $15 }' "/proc/$pid/stat") ))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}

per_pg_second() { # requests, cpu before, cpu after
  awk -v r="$1" -v a="$2" -v b="$3" 'BEGIN { if (b > a) printf "%.0f", r / (b - a); else print "?" }'
}

# Live heap (MB) of each node after a full collection: what RSS cannot tell
# apart from a heap that merely grew to its working size.
live_heap() {
  local jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" pid
  command -v "$jcmd" >/dev/null || { echo "(no jcmd)"; return; }
  for name in node1 node2; do
    pid="$(cat "$RUN_DIR/$name.pid")"
    "$jcmd" "$pid" GC.run >/dev/null
    printf '%s=%s ' "$name" "$("$jcmd" "$pid" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1 | awk '{ print int($1 / 1024) }')"
  done
}

# One row of the Markdown table: requests errors req/s p50 p99.
row() {
  awk -F'|' -v s="$SCENARIO" '$2 ~ "^ *"s" *$" { gsub(/ /, ""); print $4, $5, $6, $7, $8 }' "$1"
}

bench() { # output file, extra options...
  local out="$1"; shift
  "$JAVA" -jar "$BENCH" --issuer "http://localhost:$PORT" --scenarios "$SCENARIO" \
    --concurrency "$CONCURRENCY" --markdown "$@" > "$out" 2> "$out.log"
}

echo "peak: $SCENARIO, concurrency $CONCURRENCY, 20 s after a 10 s warm-up"
PG_BEFORE="$(pg_cpu)"
bench "$REPORT/peak.md" --warm-up 10s --duration 20s
PG_AFTER="$(pg_cpu)"
read -r PEAK_REQUESTS _ PEAK _ _ <<< "$(row "$REPORT/peak.md")"
# The warm-up's requests are not in the table; its CPU is: an underestimate.
PEAK_PER_PG="$(per_pg_second "$PEAK_REQUESTS" "$PG_BEFORE" "$PG_AFTER")"
RATE="$(awk -v p="$PEAK" -v s="$SHARE" 'BEGIN { printf "%.1f", p * s }')"
echo "peak $PEAK req/s; soaking at $RATE req/s for $DURATION"

RSS_START="$(rss)"
HEAP_START="$(live_heap)"
( while sleep 60; do echo "$(date -u +%H:%M:%S) $(rss)"; done ) > "$REPORT/rss.txt" &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true' EXIT
LOAD_START="$(cut -d' ' -f1 /proc/loadavg)"
PG_BEFORE="$(pg_cpu)"
bench "$REPORT/soak.md" --warm-up 30s --duration "$DURATION" --rate "$RATE"
PG_AFTER="$(pg_cpu)"
LOAD_END="$(cut -d' ' -f1 /proc/loadavg)"
RSS_END="$(rss)"
HEAP_END="$(live_heap)"
read -r REQUESTS ERRORS ACHIEVED P50 P99 <<< "$(row "$REPORT/soak.md")"
SOAK_PER_PG="$(per_pg_second "$REQUESTS" "$PG_BEFORE" "$PG_AFTER")"

{
  echo "scenario $SCENARIO, concurrency $CONCURRENCY, $(nproc) cores, load average $LOAD_START at start, $LOAD_END at end"
  echo "peak $PEAK req/s; target $RATE req/s ($SHARE of peak) for $DURATION"
  echo "achieved $ACHIEVED req/s, $REQUESTS requests, $ERRORS errors, p50 $P50 ms, p99 $P99 ms"
  echo "requests per CPU second of the cluster's PostgreSQL backends: peak $PEAK_PER_PG, soak $SOAK_PER_PG"
  echo "RSS kB at start: $RSS_START"
  echo "RSS kB at end:   $RSS_END"
  echo "live heap MB after a full GC, start: $HEAP_START end: $HEAP_END"
  echo "RSS every minute: $REPORT/rss.txt; error kinds: $REPORT/soak.md.log"
} | tee "$REPORT/summary.txt"
[ "$ERRORS" = "0" ]
