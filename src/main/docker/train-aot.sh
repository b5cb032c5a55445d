#!/usr/bin/env bash
# Writes the AOT cache of JDK 25 or newer (JEP 483, 514, 515: classes loaded and linked, method profiles, compiled
# code) for the aot-jar build in target/quarkus-app: a training run starts the service, asks every kind of public
# page and the API a few times, and stops; at exit the JVM writes app.aot beside quarkus-run.jar. A start with
# `java -XX:AOTCache=app.aot -jar quarkus-run.jar` (from that directory, with the same JDK build) then loads its
# classes from the cache. Figures: src/main/docs/performance.md, "Start-up".
#
#   ./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar && src/main/docker/train-aot.sh
#
# The cache is only taken by the JDK build that wrote it, so the image writes its own (src/main/docker/Dockerfile.jvm).
# Environment: APP (target/quarkus-app), JAVA (java), PORT (18095), CORPUS (notices), and for the PostgreSQL flavour
# QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD of a database it may
# write the corpus into. JDK_JAVA_OPTIONS are the production run's (the cache keeps the GC it was written with).
# Talks to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../../.."

app=$(cd "${APP:-target/quarkus-app}" && pwd)
corpus=$(cd "${CORPUS:-notices}" && pwd)
java=${JAVA:-java}
port=${PORT:-18095}
[ -f "$app/quarkus-run.jar" ] || { echo "no $app/quarkus-run.jar: package with -Dquarkus.package.jar.type=aot-jar first" >&2; exit 2; }
"$java" -XX:AOTMode=off -version >/dev/null 2>&1 || { echo "$java has no AOT cache: JDK 25 or newer is needed" >&2; exit 2; }

data=$(mktemp -d /tmp/noticeline-aot.XXXXXX)
service=
cleanup() { [ -n "$service" ] && kill "$service" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
rm -f "$app/app.aot"

# The metaspace cap is lifted for this run only: the cache is assembled in metaspace (the JVM that writes it at exit
# is given JDK_JAVA_OPTIONS, not this command line).
export JDK_JAVA_OPTIONS="$(sed -E 's/-XX:MaxMetaspaceSize=[^ ]+//' <<<"${JDK_JAVA_OPTIONS:-}")"
(cd "$app" && NOTICELINE_CORPUS_DIR="$corpus" exec "$java" -XX:AOTCacheOutput=app.aot -Xlog:aot=error \
  --enable-native-access=ALL-UNNAMED -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
  -Dnoticeline.data-dir="$data" -Dnoticeline.feeds.enabled=false -Dnoticeline.rate-limits.enabled=false \
  -jar quarkus-run.jar) >"$data/training.log" 2>&1 &
service=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do
  curl -sf "$base/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { cat "$data/training.log" >&2; exit 1; }
  sleep 0.2
done
for _ in $(seq 1 300); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/search?q=risk")" = 200 ] && break
  sleep 0.2
done
notice=$(curl -sf "$base/api/notices?limit=1" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
paths=("/" "/platforms" "/platforms/x" "/rules" "/rules/DSA" "/rules/DSA/34" "/authorities/european-commission"
  "/proceedings" "/notices/$notice" "/search?q=risk+assessment" "/research/matrix" "/subscribe" "/api/notices?platform=x"
  "/api/search?q=risk" "/api/notices/$notice" "/feeds/notices.atom" "/feeds/notices.rss" "/api/changes" "/q/health/live"
  "/q/metrics" "/q/openapi")
for _ in 1 2 3; do
  for path in "${paths[@]}"; do curl -s -o /dev/null --compressed "$base$path"; curl -s -o /dev/null "$base$path"; done
done
kill "$service"
wait "$service" || true
service=
[ -s "$app/app.aot" ] || { tail -20 "$data/training.log" >&2; echo "no AOT cache written" >&2; exit 1; }
echo "wrote $app/app.aot ($(du -m "$app/app.aot" | cut -f1) MB)"
