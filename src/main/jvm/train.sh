#!/usr/bin/env bash
# Writes a class archive for the packaged service in target/quarkus-app (the aot-jar layout: every class on the class
# path, where the JVM can archive it) from a training run: the service starts on a new data directory, every kind of
# public page and API is asked a few times, and it stops; the JVM writes the archive at exit. A start with the archive
# maps its classes already parsed, verified and linked instead of loading them one by one, which is most of a start's
# work. Figures: src/main/docs/performance.md, "Start-up".
#
#   src/main/jvm/train.sh cds   app.jsa (JDK 17 or newer, -XX:ArchiveClassesAtExit), started with
#                               java -XX:SharedArchiveFile=target/quarkus-app/app.jsa -jar target/quarkus-app/quarkus-run.jar
#                               `./mvnw package` runs this mode after building the jar (skip: -Dnoticeline.train.skip)
#   src/main/jvm/train.sh aot   app.aot (JDK 25 or newer, JEP 483/514/515: also method profiles and compiled code), started
#                               from target/quarkus-app with java -XX:AOTCache=app.aot -jar quarkus-run.jar (the image)
#
# An archive is only taken by the JDK build that wrote it and only with the same jar files (paths, sizes and times);
# otherwise the JVM says so in one warning and starts without it, at the old speed. A cds archive names the jar by its
# absolute path, so the service may be started from any directory; the aot cache names it as started here, relative
# to the application's directory. Environment: APP (target/quarkus-app), JAVA (java), CORPUS (notices), and for the
# PostgreSQL flavour QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD of a
# database it may write the corpus into. JDK_JAVA_OPTIONS are the production run's (an AOT cache keeps the GC it was
# written with). The service listens on a free loopback port; the script talks to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../../.."

mode=${1:-cds}
app=$(cd "${APP:-target/quarkus-app}" && pwd)
corpus=$(cd "${CORPUS:-notices}" && pwd)
java=${JAVA:-java}
[ -f "$app/quarkus-run.jar" ] || { echo "no $app/quarkus-run.jar: package first" >&2; exit 2; }
case $mode in
  cds) archive=app.jsa; record=(-XX:ArchiveClassesAtExit="$app/$archive" -Xlog:cds=error -Xlog:cds+dynamic=error)
       jar="$app/quarkus-run.jar"
       # Without curl nothing can train it; the service still runs, only slower to start.
       command -v curl >/dev/null || { echo "train.sh: no curl, so no class archive (the service starts without)"; exit 0; } ;;
  aot) archive=app.aot; record=(-XX:AOTCacheOutput="$archive" -Xlog:aot=error --enable-native-access=ALL-UNNAMED)
       jar=quarkus-run.jar
       "$java" -XX:AOTMode=off -version >/dev/null 2>&1 || { echo "$java has no AOT cache: JDK 25 or newer is needed" >&2; exit 2; } ;;
  *) echo "usage: $0 [cds|aot]" >&2; exit 2 ;;
esac

data=$(mktemp -d /tmp/noticeline-train.XXXXXX)
service=
cleanup() { [ -n "$service" ] && kill "$service" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
rm -f "$app/$archive"

# The metaspace cap is lifted for this run only: the archive is assembled in metaspace (the JVM that writes it at exit
# is given JDK_JAVA_OPTIONS, not this command line).
export JDK_JAVA_OPTIONS="$(sed -E 's/-XX:MaxMetaspaceSize=[^ ]+//' <<<"${JDK_JAVA_OPTIONS:-}")"
(cd "$app" && NOTICELINE_CORPUS_DIR="$corpus" exec "$java" "${record[@]}" \
  -Dquarkus.http.port=0 -Dquarkus.http.host=127.0.0.1 -Dnoticeline.data-dir="$data" \
  -Dnoticeline.feeds.enabled=false -Dnoticeline.rate-limits.enabled=false -jar "$jar") >"$data/training.log" 2>&1 &
service=$!
port=
for _ in $(seq 1 600); do
  port=$(sed -nE 's|.*Listening on: http://127\.0\.0\.1:([0-9]+).*|\1|p' "$data/training.log" | head -1)
  [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { cat "$data/training.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$port" ] || { tail -20 "$data/training.log" >&2; echo "the training run did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"
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
[ -s "$app/$archive" ] || { tail -20 "$data/training.log" >&2; echo "no $archive written" >&2; exit 1; }
echo "wrote $app/$archive ($(du -m "$app/$archive" | cut -f1) MB)"
