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
#   SOAK_CONCURRENCY  default 16           LATCHKEY_CLUSTER_DIR, LATCHKEY_PORT as for cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_DIR="${LATCHKEY_CLUSTER_DIR:-$PWD/cluster-run}"
PORT="${LATCHKEY_PORT:-8080}"
DURATION="${SOAK_DURATION:-10m}"
SHARE="${SOAK_SHARE:-0.7}"
SCENARIO="${SOAK_SCENARIO:-client_credentials}"
CONCURRENCY="${SOAK_CONCURRENCY:-16}"
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
bench "$REPORT/peak.md" --warm-up 10s --duration 20s
read -r _ _ PEAK _ _ <<< "$(row "$REPORT/peak.md")"
RATE="$(awk -v p="$PEAK" -v s="$SHARE" 'BEGIN { printf "%.1f", p * s }')"
echo "peak $PEAK req/s; soaking at $RATE req/s for $DURATION"

RSS_START="$(rss)"
( while sleep 60; do echo "$(date -u +%H:%M:%S) $(rss)"; done ) > "$REPORT/rss.txt" &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true' EXIT
LOAD_START="$(cut -d' ' -f1 /proc/loadavg)"
bench "$REPORT/soak.md" --warm-up 30s --duration "$DURATION" --rate "$RATE"
LOAD_END="$(cut -d' ' -f1 /proc/loadavg)"
RSS_END="$(rss)"
read -r REQUESTS ERRORS ACHIEVED P50 P99 <<< "$(row "$REPORT/soak.md")"

{
  echo "scenario $SCENARIO, concurrency $CONCURRENCY, $(nproc) cores, load average $LOAD_START at start, $LOAD_END at end"
  echo "peak $PEAK req/s; target $RATE req/s ($SHARE of peak) for $DURATION"
  echo "achieved $ACHIEVED req/s, $REQUESTS requests, $ERRORS errors, p50 $P50 ms, p99 $P99 ms"
  echo "RSS kB at start: $RSS_START"
  echo "RSS kB at end:   $RSS_END"
  echo "RSS every minute: $REPORT/rss.txt; error kinds: $REPORT/soak.md.log"
} | tee "$REPORT/summary.txt"
[ "$ERRORS" = "0" ]
