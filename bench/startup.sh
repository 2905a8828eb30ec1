#!/usr/bin/env bash
# Time from process start to the first client-credentials token, and the resident
# memory at that moment.
#
#   bench/startup.sh h2|pg [fresh|migrated] [-- java options ...]
#
# fresh     an empty database (H2: a new data directory; PostgreSQL: schema
#           $STARTUP_SCHEMA, default "startup", dropped and created): every migration
#           and the bootstrap run
# migrated  the database the previous run left behind (run "fresh" once first)
#
# Java options after "--" go before "-jar" (e.g. -XX:AOTCache=...); LATCHKEY_JAR
# names another jar or launcher command ("java -jar" is prepended unless it starts
# with "java"); STARTUP_PORT the port (default 9180). Prints one line:
#   h2 fresh 2843 ms cpu 5120 ms rss 291 MB
# and leaves the server's log in $STARTUP_DIR/server.log (default /tmp/latchkey-startup).
# STARTUP_LOAD runs the benchmark jar after the first token and prints the memory after
# it; STARTUP_THREADS=1 prints the CPU time per kind of thread.
set -euo pipefail
db=${1:?usage: startup.sh h2|pg [fresh|migrated] [-- java options]}
shift
state=fresh
if [ $# -gt 0 ] && [ "$1" != "--" ]; then state=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
java_opts=("$@")

root=$(cd "$(dirname "$0")/.." && pwd)
jar=${LATCHKEY_JAR:-$root/server/target/latchkey-server.jar}
port=${STARTUP_PORT:-9180}
dir=${STARTUP_DIR:-/tmp/latchkey-startup}
schema=${STARTUP_SCHEMA:-startup}
secret=startup-benchmark-client-secret-0123456789
mkdir -p "$dir"

export LATCHKEY_BOOTSTRAP_ADMIN_CLIENT_SECRET=$secret
export LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD=startup-benchmark-password
export LATCHKEY_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
export LATCHKEY_ISSUER=http://localhost:$port
export SERVER_PORT=$port
case $db in
h2)
	export LATCHKEY_DATA_DIR=$dir/h2
	export SPRING_DATASOURCE_URL="jdbc:h2:file:$dir/h2/latchkey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
	[ "$state" = fresh ] && rm -rf "$dir/h2"
	;;
pg)
	export LATCHKEY_DATA_DIR=$dir/pg
	export SPRING_DATASOURCE_URL='jdbc:postgresql://127.0.0.1:5432/test?currentSchema='$schema
	export SPRING_DATASOURCE_USERNAME=postgres
	export LATCHKEY_BOOTSTRAP_DEMO_CLIENT=true
	if [ "$state" = fresh ]; then
		psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" 2>/dev/null
	fi
	;;
*)
	echo "unknown database: $db" >&2
	exit 2
	;;
esac

read -r -a launcher <<<"$jar"
if [ "${launcher[0]##*/}" != java ]; then launcher=(java "${java_opts[@]}" -jar "${launcher[@]}"); fi

start=$(date +%s%N)
"${launcher[@]}" >"$dir/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT

deadline=$((start + 300000000000))
until curl -sf -o /dev/null -u "latchkey-admin:$secret" -d grant_type=client_credentials \
	-d scope=latchkey:admin "http://localhost:$port/oauth2/token"; do
	if ! kill -0 $pid 2>/dev/null || [ "$(date +%s%N)" -gt $deadline ]; then
		echo "no token; see $dir/server.log" >&2
		exit 1
	fi
	sleep 0.02
done
end=$(date +%s%N)
rss=$(awk '/VmRSS/ { print int($2 / 1024) }' /proc/$pid/status)
# CPU time (user + system) the server spent until then: a busy machine stretches
# the wall-clock figure, much less this one.
ticks=$(awk '{ print $14 + $15 }' /proc/$pid/stat)
cpu=$((ticks * 1000 / $(getconf CLK_TCK)))
echo "$db $state $(((end - start) / 1000000)) ms cpu $cpu ms rss $rss MB"
if [ -n "${STARTUP_LOAD:-}" ]; then
	# Then the benchmark (e.g. STARTUP_LOAD="--scenarios client_credentials,refresh
	# --duration 15s"), and the memory after it: RSS now and its peak.
	read -r -a load <<<"$STARTUP_LOAD"
	BENCH_CLIENT_SECRET=$secret BENCH_PASSWORD=$LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD java -jar \
		"${BENCH_JAR:-$root/bench/target/latchkey-bench.jar}" --issuer "http://localhost:$port" "${load[@]}" >"$dir/bench.log" 2>&1 ||
		echo "benchmark failed; see $dir/bench.log" >&2
	awk '/VmRSS|VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 } END { print "after the benchmark" }' /proc/$pid/status
	# With -XX:NativeMemoryTracking=summary: where the memory is.
	jcmd $pid VM.native_memory summary scale=MB 2>/dev/null | grep -E '^(Total|-  *[A-Z])' | grep -v '(reserved=0MB' || true
fi
if [ -n "${STARTUP_THREADS:-}" ]; then
	# CPU milliseconds per thread group (main, JIT compilers, GC, ...).
	for task in /proc/$pid/task/*; do
		echo "$(tr -d '\n' <"$task/comm" | sed 's/[0-9#-]*$//; s/ /_/g') $(awk '{ print $14 + $15 }' "$task/stat")"
	done | awk -v hz="$(getconf CLK_TCK)" '{ cpu[$1] += $2 } END { for (t in cpu) if (cpu[t] > 0) printf "  %-24s %6d ms\n", t, cpu[t] * 1000 / hz }' | sort -k2 -nr
fi
