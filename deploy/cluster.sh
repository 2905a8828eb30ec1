#!/usr/bin/env bash
# Two Latchkey nodes and nginx in front of them, all on loopback, sharing one
# PostgreSQL database. See docs/cluster.md.
#
#   deploy/cluster.sh start     build if needed, start node 1, node 2, nginx
#   deploy/cluster.sh stop      stop all three
#   deploy/cluster.sh status    readiness of each node and of the balancer
#
# Settings (environment):
#   LATCHKEY_CLUSTER_DIR   run directory: logs, pid files, secrets (default ./cluster-run)
#   LATCHKEY_DB_URL        default jdbc:postgresql://127.0.0.1:5432/latchkey (created if missing)
#   LATCHKEY_DB_USER       default postgres (empty password: trust or .pgpass)
#   LATCHKEY_PORT          the balancer's port, default 8080; nodes use 9101 and 9102
#   JAVA_HOME              a JDK 21 or newer
set -euo pipefail
cd "$(dirname "$0")/.."

ROOT="$PWD"
RUN_DIR="${LATCHKEY_CLUSTER_DIR:-$ROOT/cluster-run}"
DB_URL="${LATCHKEY_DB_URL:-jdbc:postgresql://127.0.0.1:5432/latchkey}"
DB_USER="${LATCHKEY_DB_USER:-postgres}"
PORT="${LATCHKEY_PORT:-8080}"
NODE_PORTS=(9101 9102)
JAR=server/target/latchkey-server.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

wait_ready() { # url, seconds
  for _ in $(seq 1 "$2"); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 1
  done
  echo "not ready: $1" >&2
  return 1
}

ensure_nginx() {
  if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    echo "Installing Debian's nginx"
    sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq nginx >/dev/null
  fi
  NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
}

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_database() {
  local rest="${DB_URL#jdbc:postgresql://}" hostport name
  hostport="${rest%%/*}"
  name="${rest#*/}"
  name="${name%%\?*}"
  if command -v psql >/dev/null; then
    psql -h "${hostport%%:*}" -p "${hostport##*:}" -U "$DB_USER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
      || psql -h "${hostport%%:*}" -p "${hostport##*:}" -U "$DB_USER" -d postgres -qc "CREATE DATABASE \"$name\""
  fi
}

# Every node needs the same master key; the first start generates the
# bootstrap secrets. Kept owner-only in the run directory.
ensure_secrets() {
  mkdir -p "$RUN_DIR"
  chmod 700 "$RUN_DIR"
  umask 077
  [ -f "$RUN_DIR/master.key" ] || openssl rand -base64 32 > "$RUN_DIR/master.key"
  [ -f "$RUN_DIR/admin-client-secret" ] || openssl rand -base64 36 | tr '+/' '-_' > "$RUN_DIR/admin-client-secret"
  [ -f "$RUN_DIR/admin-password" ] || openssl rand -base64 18 | tr '+/' '-_' > "$RUN_DIR/admin-password"
}

start_node() { # index
  local port="${NODE_PORTS[$1]}" name="node$(( $1 + 1 ))"
  if [ -f "$RUN_DIR/$name.pid" ] && kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
    echo "$name already running"
    return
  fi
  mkdir -p "$RUN_DIR/$name"
  (
    cd "$RUN_DIR/$name"
    SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME="$DB_USER" SPRING_DATASOURCE_PASSWORD="" \
    LATCHKEY_MASTER_KEY="$(cat "$RUN_DIR/master.key")" \
    LATCHKEY_BOOTSTRAP_ADMIN_CLIENT_SECRET="$(cat "$RUN_DIR/admin-client-secret")" \
    LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$RUN_DIR/admin-password")" \
    LATCHKEY_BOOTSTRAP_DEMO_CLIENT="${LATCHKEY_BOOTSTRAP_DEMO_CLIENT:-true}" \
    LATCHKEY_ISSUER="http://localhost:$PORT" \
    LATCHKEY_WEB_TRUSTED_PROXIES="127.0.0.1/32,::1/128" \
    SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$port" \
      nohup "$JAVA" ${LATCHKEY_JAVA_OPTS:-} -jar "$ROOT/$JAR" > "$RUN_DIR/$name.log" 2>&1 &
    echo $! > "$RUN_DIR/$name.pid"
  )
  wait_ready "http://127.0.0.1:$port/actuator/health/readiness" 120
  echo "$name ready on 127.0.0.1:$port (pid $(cat "$RUN_DIR/$name.pid"))"
}

start_nginx() {
  ensure_nginx
  if [ -f "$RUN_DIR/nginx/nginx.pid" ] && kill -0 "$(cat "$RUN_DIR/nginx/nginx.pid")" 2>/dev/null; then
    echo "nginx already running"
    return
  fi
  mkdir -p "$RUN_DIR/nginx/logs" "$RUN_DIR/nginx/temp"
  sed -e "s/\${LATCHKEY_LISTEN}/127.0.0.1:$PORT/" \
      -e "s/\${LATCHKEY_NODE_1}/127.0.0.1:${NODE_PORTS[0]}/" \
      -e "s/\${LATCHKEY_NODE_2}/127.0.0.1:${NODE_PORTS[1]}/" \
      deploy/nginx/latchkey.conf.template > "$RUN_DIR/nginx/latchkey.conf"
  # A main configuration of its own, so nginx runs as this user without
  # touching /etc/nginx or the system's nginx.
  cat > "$RUN_DIR/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $RUN_DIR/nginx/nginx.pid;
error_log $RUN_DIR/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log $RUN_DIR/nginx/logs/access.log;
    client_body_temp_path $RUN_DIR/nginx/temp/body;
    proxy_temp_path $RUN_DIR/nginx/temp/proxy;
    fastcgi_temp_path $RUN_DIR/nginx/temp/fastcgi;
    uwsgi_temp_path $RUN_DIR/nginx/temp/uwsgi;
    scgi_temp_path $RUN_DIR/nginx/temp/scgi;
    include $RUN_DIR/nginx/latchkey.conf;
}
EOF
  "$NGINX" -p "$RUN_DIR/nginx" -c "$RUN_DIR/nginx/nginx.conf" -t -q
  "$NGINX" -p "$RUN_DIR/nginx" -c "$RUN_DIR/nginx/nginx.conf"
  wait_ready "http://127.0.0.1:$PORT/actuator/health/readiness" 30
  echo "nginx ready on http://127.0.0.1:$PORT"
}

stop_all() {
  if [ -f "$RUN_DIR/nginx/nginx.pid" ]; then
    "$(command -v nginx || echo /usr/sbin/nginx)" -p "$RUN_DIR/nginx" -c "$RUN_DIR/nginx/nginx.conf" -s quit || true
  fi
  for name in node1 node2; do
    if [ -f "$RUN_DIR/$name.pid" ]; then
      kill "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null || true
      rm -f "$RUN_DIR/$name.pid"
    fi
  done
}

case "${1:-start}" in
  start)
    [ -f "$JAR" ] || ./mvnw -B -q -DskipTests package
    ensure_database
    ensure_secrets
    # One after the other: the first start on an empty database bootstraps it.
    start_node 0
    start_node 1
    start_nginx
    echo "admin client secret: $RUN_DIR/admin-client-secret, admin password: $RUN_DIR/admin-password"
    ;;
  stop) stop_all ;;
  status)
    for port in "${NODE_PORTS[@]}" "$PORT"; do
      printf '%s: ' "$port"
      curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/actuator/health/readiness" || echo down
    done
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
