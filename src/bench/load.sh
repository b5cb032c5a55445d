#!/usr/bin/env bash
# The [9/9] load figures: the packaged service (embedded H2, the shipped corpus) under wrk at 64 connections, on a
# timeline page, a notice page, a search, a feed and an API list, and nginx serving saved copies of the same bytes in
# the same run, as the ceiling. Prints a Markdown table: requests/s, p50, p99, the service's CPU and resident memory.
#
#   ./mvnw -DskipTests package && src/bench/load.sh [seconds per path, default 10]
#
# Environment: CONNECTIONS (64), THREADS (2), PORT (18080), NGINX_PORT (18081), JAVA_OPTS (the README's, by default),
# ARCHIVE (the README's -XX:SharedArchiveFile=target/quarkus-app/app.jsa by default; empty for none),
# DATA_DIR (a data directory to serve instead of a fresh one with the shipped corpus, e.g. the 100,000 notices
# src/bench/pages.sh leaves), FLOOD_SECONDS (60: about 600 browser requests, so that the p99 is not one pause).
# Rate limits are off for the throughput run (one loopback client is the whole load); then the service starts again with
# the shipped limits for the flood: one client at ten times the sustainable rate while another browses at half of it,
# told apart by X-Forwarded-For (loopback trusted as the proxy, as a load balancer would be). Talks to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-10}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
port=${PORT:-18080}
nginx_port=${NGINX_PORT:-18081}
java_opts=${JAVA_OPTS-$(sed -n "s/.*JDK_JAVA_OPTIONS='\([^']*\)'.*/\1/p" README.md | head -1)}
jar=target/quarkus-app/quarkus-run.jar
# The README's class archive (trained by `package`): its mapped pages count in the resident memory measured here.
archive=${ARCHIVE--XX:SharedArchiveFile=target/quarkus-app/app.jsa}
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -DskipTests package first" >&2; exit 2; }
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null; }
fi

work=$(mktemp -d /tmp/noticeline-load.XXXXXX)
chmod 755 "$work"  # nginx workers run as nobody and read the saved copies
cleanup() {
  [ -n "${service:-}" ] && kill "$service" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# Starts the service on the data directory with the given extra options and waits until it is ready, its search index
# has caught up, and it is idle.
start_service() {
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX=2 java $java_opts $archive -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
    -Dnoticeline.data-dir="${DATA_DIR:-$work/data}" "$@" -jar "$jar" >>"$work/service.log" 2>&1 &
  service=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  # The search index is opened (or rebuilt) in the background; search answers 503 until it has caught up.
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/search?q=risk")" = 200 ] && break
    sleep 1
  done
  # Start-up work that runs in the background (the relinker's scan, at 100,000 notices a minute of one core) would be
  # measured as the first path's: wait, up to 3 minutes, until the service is idle (under 5% CPU for 2 s).
  for _ in $(seq 1 90); do
    before=$(cpu_ticks); sleep 2
    [ $(( ($(cpu_ticks) - before) * 100 / hz / 2 )) -lt 5 ] && break
  done
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$service/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$service/status"; }
hz=$(getconf CLK_TCK)

# Rate limits are off for the throughput run: one loopback client is the whole load.
start_service -Dnoticeline.rate-limits.enabled=false

notice=$(curl -sf "http://127.0.0.1:$port/api/notices?limit=1" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
paths=("/platforms/x" "/notices/$notice" "/search?q=risk+assessment" "/feeds/notices.atom" "/api/notices?platform=x")

mkdir -p "$work/www"
{
  echo "worker_processes 2; pid $work/nginx.pid; error_log $work/nginx.err; daemon on;"
  echo "events { worker_connections 1024; }"
  echo "http { access_log off; client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;"
  echo "  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;"
  echo "  server { listen 127.0.0.1:$nginx_port; default_type text/html;"
  i=0
  for path in "${paths[@]}"; do
    curl -sf "http://127.0.0.1:$port$path" -o "$work/www/$i"
    echo "    location = ${path%%\?*} { alias $work/www/$i; }"
    i=$((i + 1))
  done
  echo "  }"
  echo "}"
} >"$work/nginx.conf"
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf" -p "$work"

# wrk's latency distribution in milliseconds, whatever unit it printed.
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else if (v ~ /s$/) print v * 1000; else print v }'; }
# Two seconds first, not counted: the first answers of a path are renders (and JIT), the figures are for the day after.
measure() {
  local out rps p50 p99
  wrk -t"$threads" -c"$connections" -d2s "$1" >/dev/null
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$1")
  rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  echo "$rps $p50 $p99"
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2 / 1048576}' /proc/meminfo); $(date -u +%Y-%m-%d); $connections connections, ${seconds}s per path; JAVA_OPTS='${java_opts}'"
echo "Corpus: ${DATA_DIR:-notices/ (the shipped one)}; start-up RSS $(rss_mb) MB"
echo
echo "| path | service req/s | p50 ms | p99 ms | CPU % | RSS MB | nginx req/s | nginx p99 ms | ratio |"
echo "|---|---|---|---|---|---|---|---|---|"
for path in "${paths[@]}"; do
  before=$(cpu_ticks)
  read -r rps p50 p99 < <(measure "http://127.0.0.1:$port$path")
  cpu=$(( ($(cpu_ticks) - before) * 100 / hz / seconds ))
  read -r nrps _ np99 < <(measure "http://127.0.0.1:$nginx_port${path%%\?*}")
  ratio=$(awk -v a="$rps" -v b="$nrps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  echo "| \`$path\` | $rps | $p50 | $p99 | $cpu | $(rss_mb) | $nrps | $np99 | $ratio |"
done

# The flood. The shipped general limit is 1,200 a minute (20/s) with a burst of 200 per client: the flooder asks 200/s
# (4 connections, 20 ms between answers and the next request), the browser 10/s over the timeline, notice, search, feed
# and API pages (2 connections, 200 ms apart), both for FLOOD_SECONDS; health is asked every 100 ms meanwhile.
flood_seconds=${FLOOD_SECONDS:-60}
kill "$service"; wait "$service" 2>/dev/null || true
start_service -Dnoticeline.rate-limits.enabled=true -Dnoticeline.rate-limits.trusted-proxies=127.0.0.1
browsed=("/platforms/x" "/notices/$notice" "/" "/search?q=risk+assessment" "/feeds/notices.atom" "/api/notices?platform=x")
cat >"$work/flooder.lua" <<'LUA'
wrk.headers["X-Forwarded-For"] = "198.51.100.66"
function delay() return 20 end
LUA
{
  echo 'wrk.headers["X-Forwarded-For"] = "198.51.100.77"'
  printf 'local paths = {'
  for path in "${browsed[@]}"; do
    printf '"%s", ' "$path"
  done
  echo '}'
  echo 'local i = 0'
  echo 'function request() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
  echo 'function delay() return 200 end'
} >"$work/browser.lua"
# The browser's pages were cached, and the code answering them compiled, before the restart: a flood on a running
# service meets neither the renders nor the interpreter. So a third client asks each 30 times first (180 requests,
# within its burst of 200).
for _ in $(seq 1 30); do
  for path in "${browsed[@]}"; do
    curl -s -o /dev/null -H 'X-Forwarded-For: 198.51.100.55' "http://127.0.0.1:$port$path"
  done
done
(
  bad=0
  end=$(( $(date +%s) + flood_seconds ))
  while [ "$(date +%s)" -lt "$end" ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-For: 198.51.100.66' "http://127.0.0.1:$port/q/health/ready")" = 200 ] || bad=$((bad + 1))
    sleep 0.1
  done
  echo "$bad" >"$work/health.bad"
) &
health=$!
wrk -t1 -c4 -d"${flood_seconds}s" -s "$work/flooder.lua" "http://127.0.0.1:$port/api/notices?limit=1" >"$work/flooder.out" &
flooder=$!
wrk -t1 -c2 -d"${flood_seconds}s" --latency -s "$work/browser.lua" "http://127.0.0.1:$port/" >"$work/browser.out"
wait "$flooder" "$health"
requests() { awk '/requests in/ {print $1}' "$1"; }
refused() { awk '/Non-2xx or 3xx responses/ {n = $NF} END {print n + 0}' "$1"; }
echo
echo "Flood, ${flood_seconds}s, rate limits as shipped: flooder $(requests "$work/flooder.out") requests ($(refused "$work/flooder.out") refused);" \
  "browser $(requests "$work/browser.out") requests ($(refused "$work/browser.out") not 2xx), p50 $(ms "$(awk '$1 == "50%" {print $2}' "$work/browser.out")") ms," \
  "p99 $(ms "$(awk '$1 == "99%" {print $2}' "$work/browser.out")") ms; health not ready $(cat "$work/health.bad") times; RSS $(rss_mb) MB"
