#!/usr/bin/env bash
# The [9/9] page bounds: every kind of public page rendered uncached (page cache off) on a record of COUNT synthetic
# notices (100,000 by default) plus the shipped corpus, each asked ROUNDS times after a warm-up; prints a Markdown
# table of the size in KB and p50/p95 of the time to the last byte, in ms; then, as "after a change", the median of
# CHANGES renders each right after a new notice (on X, under DSA:34, by the Commission) has reached the page through
# the change log, when nothing a page memoizes is current. The targets: under 300 KB, under 50 ms.
#
#   ./mvnw -DskipTests package && src/bench/pages.sh
#
# Environment: COUNT (100000), ROUNDS (20), CHANGES (3), PORT (18090), JAVA_OPTS (the README's, by default), ARCHIVE
# (the README's class archive option by default; empty for none), DATA_DIR (a data directory a previous run left,
# printed at its end: its notices are kept and none are added). Talks to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."

count=${COUNT:-100000}
rounds=${ROUNDS:-20}
changes=${CHANGES:-3}
port=${PORT:-18090}
java_opts=${JAVA_OPTS-$(sed -n "s/.*JDK_JAVA_OPTIONS='\([^']*\)'.*/\1/p" README.md | head -1)}
archive=${ARCHIVE--XX:SharedArchiveFile=target/quarkus-app/app.jsa}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -DskipTests package first" >&2; exit 2; }

work=$(mktemp -d /tmp/noticeline-pages.XXXXXX)
data=${DATA_DIR:-$work/data}
cleanup() { [ -n "${service:-}" ] && kill "$service" 2>/dev/null || true; }
trap cleanup EXIT

# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 java $java_opts $archive -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -Dnoticeline.data-dir="$data" \
  -Dnoticeline.rate-limits.enabled=false -Dnoticeline.page-cache.enabled=false -Dnoticeline.admin-token=bench-pages-secret \
  -Dnoticeline.subscriptions.enabled=false -jar "$jar" >"$work/service.log" 2>&1 &
service=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -sf "$base/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
started=$(date +%s)
[ -n "${DATA_DIR:-}" ] || curl -sf -X POST -H 'Authorization: Bearer bench-pages-secret' "$base/api/admin/synthetic-notices?count=$count&seed=1" -o "$work/load.json" --max-time 1800
[ -n "${DATA_DIR:-}" ] || echo "loaded $count synthetic notices in $(( $(date +%s) - started )) s: $(cat "$work/load.json")" >&2
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/search?q=risk")" = 200 ] && break
  sleep 1
done

notice=$(curl -sf "$base/api/notices?platform=x&limit=1" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
proceeding=$(curl -sf "$base/api/proceedings" | sed -E 's/^[^{]*\{"id":"([^"]+)".*/\1/')
paths=("/" "/platforms" "/platforms/x" "/rules" "/rules/DSA" "/rules/DSA/34" "/authorities/european-commission"
  "/proceedings" "/proceedings/$proceeding" "/notices/$notice" "/search?q=risk+assessment" "/research/matrix"
  "/api/notices?platform=x" "/api/search?q=risk" "/feeds/notices.atom?platform=x")

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2 / 1048576}' /proc/meminfo); $(date -u +%Y-%m-%d); $count synthetic notices + notices/; page cache off; JAVA_OPTS='${java_opts}'"
echo
echo "| page | KB | p50 ms | p95 ms | after a change ms |"
echo "|---|---|---|---|---|"
written=0
# A new notice, then the 2 s the change log takes to reach every reader.
change() {
  written=$((written + 1))
  curl -sf -o /dev/null -H 'Authorization: Bearer bench-pages-secret' -H 'Content-Type: application/json' "$base/api/notices" -d '{
    "title": "Bench change '"$written $started"'", "date": "2025-06-0'"$(( written % 9 + 1 ))"'", "type": "request-for-information",
    "authority": "european-commission", "jurisdiction": "EU", "platforms": ["x"], "rules": ["DSA:34"],
    "sources": ["https://example.org/bench"], "body": "A notice the page benchmark writes to measure the render after a change."}'
  sleep 2.2
}
for path in "${paths[@]}"; do
  for _ in 1 2 3; do curl -s -o /dev/null "$base$path"; done
  times=$(for _ in $(seq 1 "$rounds"); do curl -s -o /dev/null -w '%{time_total}\n' "$base$path"; done | sort -n)
  size=$(curl -s -o /dev/null -w '%{size_download}' "$base$path")
  p50=$(awk -v n="$rounds" 'NR == int((n + 1) / 2) {printf "%.1f", $1 * 1000}' <<<"$times")
  p95=$(awk -v n="$rounds" 'NR == int(n * 0.95 + 0.999) {printf "%.1f", $1 * 1000}' <<<"$times")
  after=$(for _ in $(seq 1 "$changes"); do change; curl -s -o /dev/null -w '%{time_total}\n' "$base$path"; done | sort -n \
    | awk -v n="$changes" 'NR == int((n + 1) / 2) {printf "%.1f", $1 * 1000}')
  echo "| \`$path\` | $(awk -v b="$size" 'BEGIN {printf "%.0f", b / 1024}') | $p50 | $p95 | $after |"
done
echo >&2; echo "data directory: $data (DATA_DIR=$data $0 measures it again)" >&2
