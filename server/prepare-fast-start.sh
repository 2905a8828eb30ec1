#!/usr/bin/env bash
# Prepares the fast start: extracts the built jar (one jar per library, which the JVM
# can map) and records a JDK AOT cache (JEP 483/514/515: classes loaded and linked,
# method profiles) in a training start that issues a few tokens and stops.
#
#   ./mvnw -q -DskipTests package && server/prepare-fast-start.sh [directory]
#   java -XX:AOTCache=server/target/fast-start/latchkey.aot -jar server/target/fast-start/latchkey-server.jar
#
# Needs JDK 25 or newer, the same JDK and the same directory at run time (the cache
# names the class path; a cache that does not match is ignored with a warning, and
# the server starts the slow way). The training start runs on a throwaway H2
# database with throwaway secrets and touches nothing of yours. Java options for the
# real start that change the heap or GC (e.g. -XX:+UseSerialGC) must be given to
# the training start too: put them in LATCHKEY_JAVA_OPTIONS for both.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${LATCHKEY_SERVER_JAR:-$here/target/latchkey-server.jar}
out=${1:-$here/target/fast-start}
read -r -a options <<<"${LATCHKEY_JAVA_OPTIONS:-}"

java -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' || {
	echo "the AOT cache needs JDK 25 or newer" >&2
	exit 2
}
[ -f "$jar" ] || {
	echo "build the server first: ./mvnw -q -DskipTests package" >&2
	exit 2
}
rm -rf "$out"
java -Djarmode=tools -jar "$jar" extract --destination "$out" --application-filename latchkey-server.jar

training=$(mktemp -d)
port=${LATCHKEY_TRAINING_PORT:-$((20000 + RANDOM % 20000))}
secret=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')
(
	cd "$training"
	LATCHKEY_DATA_DIR=$training LATCHKEY_ISSUER=http://localhost:$port SERVER_PORT=$port \
		SPRING_DATASOURCE_URL="jdbc:h2:file:$training/latchkey;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
		LATCHKEY_BOOTSTRAP_ADMIN_CLIENT_SECRET=$secret LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD=$secret \
		exec java "${options[@]}" -XX:AOTCacheOutput="$out/latchkey.aot" -jar "$out/latchkey-server.jar"
) >"$out/training.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$training"' EXIT

tokens=0
for _ in $(seq 1 3000); do
	if curl -sf -o /dev/null -u "latchkey-admin:$secret" -d grant_type=client_credentials \
		-d scope=latchkey:admin "http://localhost:$port/oauth2/token"; then
		tokens=$((tokens + 1))
		[ $tokens -ge 20 ] && break
	elif ! kill -0 $pid 2>/dev/null; then
		echo "the training start failed; see $out/training.log" >&2
		exit 1
	else
		sleep 0.1
	fi
done
curl -sf -o /dev/null "http://localhost:$port/oauth2/jwks" || true
curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness" || true
# A stop by SIGTERM ends the JVM normally: it writes the cache on its way out.
kill $pid
wait $pid || true
[ -s "$out/latchkey.aot" ] || {
	echo "no cache written; see $out/training.log" >&2
	exit 1
}
echo "fast start ready: java ${options[*]} -XX:AOTCache=$out/latchkey.aot -jar $out/latchkey-server.jar"
