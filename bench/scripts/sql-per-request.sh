#!/usr/bin/env bash
# SQL statements per request, read from PostgreSQL's statement log: starts the server jar on a
# fresh database, logs every statement of that database only (no parameter values), sends N
# sequential requests per scenario and counts the statements each one cost.
#
#   bench/scripts/sql-per-request.sh [server jar] [requests per scenario]
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth for postgres), read access to its log,
# curl and jq. Prints one line per scenario: statements per request, by kind.
set -euo pipefail
JAR=$(realpath "${1:-server/target/latchkey-server.jar}")
N=${2:-200}
DB=latchkey_sql_count
PORT=${PORT:-9300}
URL=http://127.0.0.1:$PORT
LOG=$(ls -t /var/log/postgresql/postgresql-*-main.log | head -1)
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
WORK=$(mktemp -d)
pg() { psql -h 127.0.0.1 -U postgres -qtAc "$1"; }
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  pg "ALTER DATABASE $DB RESET ALL" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

pg "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
pg "CREATE DATABASE $DB" >/dev/null
ADMIN_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=')
(cd "$WORK" && LATCHKEY_BOOTSTRAP_ADMIN_CLIENT_SECRET=$ADMIN_SECRET LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_SECRET \
  exec "$JAVA" -Xmx512m -jar "$JAR" --server.port=$PORT --server.address=127.0.0.1 \
  --latchkey.issuer=$URL --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  --spring.datasource.username=postgres >"$WORK/server.log" 2>&1) &
PID=$!
for _ in $(seq 1 240); do curl -sf "$URL/.well-known/openid-configuration" >/dev/null && break; sleep 0.5; done
curl -sf "$URL/.well-known/openid-configuration" >/dev/null || { tail -20 "$WORK/server.log"; exit 1; }
ADMIN=$(curl -sf "$URL/oauth2/token" -u "latchkey-admin:$ADMIN_SECRET" -d grant_type=client_credentials \
  -d scope=latchkey:admin | jq -r .access_token)
SECRET=$(curl -sf "$URL/api/admin/clients" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"client_id":"count-confidential","client_name":"Count","type":"confidential","grant_types":["client_credentials"],"scopes":[],"token_endpoint_auth_method":"client_secret_post"}' \
  | jq -r .client_secret)
curl -sf "$URL/api/admin/clients" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"client_id":"count-device","client_name":"Count device","type":"public","redirect_uris":["http://127.0.0.1/callback"],"grant_types":["authorization_code","refresh_token","urn:ietf:params:oauth:grant-type:device_code"],"scopes":["offline_access"]}' >/dev/null

cc() { curl -sf "$URL/oauth2/token" -d grant_type=client_credentials -d client_id=count-confidential \
  --data-urlencode "client_secret=$SECRET" >/dev/null; }
TOKEN=$(curl -sf "$URL/oauth2/token" -d grant_type=client_credentials -d client_id=count-confidential \
  --data-urlencode "client_secret=$SECRET" | jq -r .access_token)
introspect() { curl -sf "$URL/oauth2/introspect" -d client_id=count-confidential --data-urlencode "client_secret=$SECRET" \
  --data-urlencode "token=$TOKEN" >/dev/null; }
device() { curl -sf "$URL/oauth2/device_authorization" -d client_id=count-device -d scope=offline_access >/dev/null; }

# A refresh-token family through an invitation link (no browser needed).
curl -sf "$URL/api/admin/users" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"username":"count-person","password":"a long patient password","roles":["patient"]}' >/dev/null
LINK=$(curl -sf "$URL/api/admin/invitations" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"client_id":"count-device","subject":"count-person"}' | jq -r .link)
REDEEMED=$(curl -sf "$URL/api/invitation" -H 'Content-Type: application/json' \
  -d "$(jq -n --arg s "${LINK#*link=}" '{secret: $s}')")
RT=$(curl -sf "$URL/oauth2/token" -d grant_type=authorization_code -d client_id=count-device \
  --data-urlencode "code=$(jq -r .code <<<"$REDEEMED")" --data-urlencode "redirect_uri=$(jq -r .redirect_uri <<<"$REDEEMED")" \
  --data-urlencode "code_verifier=$(jq -r .code_verifier <<<"$REDEEMED")" | jq -r .refresh_token)
refresh() { RT=$(curl -sf "$URL/oauth2/token" -d grant_type=refresh_token -d client_id=count-device \
  --data-urlencode "refresh_token=$RT" | jq -r .refresh_token); }

pg "ALTER DATABASE $DB SET log_min_duration_statement = 0" >/dev/null
pg "ALTER DATABASE $DB SET log_parameter_max_length = 0" >/dev/null
pg "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '$DB' AND pid <> pg_backend_pid()" >/dev/null
for _ in $(seq 1 50); do cc || sleep 0.2; done   # the pool reconnects with the setting

count() {   # scenario function: statements per request, by first word
  local from to
  sleep 1; from=$(stat -c %s "$LOG")
  for _ in $(seq 1 "$N"); do "$1"; done
  sleep 1; to=$(stat -c %s "$LOG")
  dd if="$LOG" iflag=skip_bytes,count_bytes skip="$from" count="$((to - from))" bs=1M status=none \
    | awk -v db="@$DB " 'index($0, db) && match($0, /duration: [0-9.]+ ms +(execute [^:]*|statement): /) {
        s = substr($0, RSTART + RLENGTH); split(s, w, " "); k = toupper(w[1]); c[k]++; t++ }
      END { printf "%-28s %5.2f statements per request:", name, t / n; for (k in c) printf " %s %.2f", k, c[k] / n; print "" }' \
      name="$1" n="$N"
  if [ -n "${SHOW:-}" ]; then
    dd if="$LOG" iflag=skip_bytes,count_bytes skip="$from" count="$((to - from))" bs=1M status=none \
      | awk -v db="@$DB " 'index($0, db) && match($0, /duration: [0-9.]+ ms +(execute [^:]*|statement): /) {
          print substr($0, RSTART + RLENGTH) }' | cut -c1-150 | sort | uniq -c | sort -rn | head -12
  fi
}
echo "$(basename "$JAR"), $N sequential requests per scenario"
count cc
count introspect
count refresh
count device
