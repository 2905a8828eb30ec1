#!/usr/bin/env bash
# Faults against the loopback cluster of deploy/cluster.sh, under load through nginx.
# Not part of CI (the cluster suite's NodeLossTests and ClusterTests prove the same
# properties there). See docs/cluster.md.
#
#   deploy/faults.sh kill-node     kill -9 node 2 mid-load, then start it again
#   deploy/faults.sh db-outage     stop PostgreSQL for 10 s mid-load, then start it
#                                  (only on a machine whose PostgreSQL nobody else uses)
#
# Prints the bench's table and error kinds: requests that were in flight on the
# killed node come back as 502 from nginx (it never replays a POST elsewhere), and
# during an outage the nodes answer 503 with Retry-After; afterwards both serve again.
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_DIR="${LATCHKEY_CLUSTER_DIR:-$PWD/cluster-run}"
PORT="${LATCHKEY_PORT:-8080}"
BENCH=bench/target/latchkey-bench.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

[ -f "$BENCH" ] || ./mvnw -B -q -DskipTests package
export BENCH_CLIENT_SECRET BENCH_PASSWORD
BENCH_CLIENT_SECRET="$(cat "$RUN_DIR/admin-client-secret")"
BENCH_PASSWORD="$(cat "$RUN_DIR/admin-password")"

load() { # seconds
  "$JAVA" -jar "$BENCH" --issuer "http://localhost:$PORT" --scenarios client_credentials \
    --concurrency 8 --warm-up 0s --duration "${1}s" --timeout 15s
}

ready() {
  for port in 9101 9102; do
    printf 'node on %s: %s\n' "$port" \
      "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" || echo down)"
  done
}

case "${1:-}" in
  kill-node)
    load 20 &
    LOAD=$!
    sleep 5
    echo "killing node 2 (pid $(cat "$RUN_DIR/node2.pid"))"
    kill -9 "$(cat "$RUN_DIR/node2.pid")"
    rm -f "$RUN_DIR/node2.pid"
    wait $LOAD || true
    deploy/cluster.sh start >/dev/null
    ready
    ;;
  db-outage)
    cluster="$(ls /etc/postgresql | head -1)"
    load 40 &
    LOAD=$!
    sleep 10
    echo "stopping PostgreSQL for 10 s"
    pg_ctlcluster --skip-systemctl-redirect "$cluster" main stop -m fast
    sleep 10
    pg_ctlcluster --skip-systemctl-redirect "$cluster" main start
    wait $LOAD || true
    ready
    ;;
  *) echo "usage: $0 kill-node|db-outage" >&2; exit 2 ;;
esac
