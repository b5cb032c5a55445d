#!/usr/bin/env bash
# The [9/9] start-up figure: the packaged service started again and again on an existing data directory with an
# unchanged corpus (the target's case: a restart, or a new replica on a database that is already filled). Prints, per
# start, the seconds from the launch to the first 200 of /q/health/ready (polled every 50 ms), Quarkus's own
# `started in`, and the CPU seconds the process spent until ready; then the median of each.
#
#   ./mvnw -DskipTests package && src/bench/startup.sh [starts, default 5]
#
# Environment: JAVA (java), JAVA_OPTS (the README's, by default), ARCHIVE (the class archive option, by default the
# README's -XX:SharedArchiveFile=<app>/app.jsa that `package` trains; empty for none), EXTRA (more JVM or -D options,
# e.g. -Dquarkus.debug.print-startup-times=true), DATA_DIR (the data directory; by default a new one, filled by a first
# start that is not counted), APP (target/quarkus-app), PORT (18090). The image's way, JDK 25 with its AOT cache:
# JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java ARCHIVE=-XX:AOTCache=app.aot (after src/main/jvm/train.sh aot).
# The service is started from the application's directory (an AOT cache names the jar relative to it). Talks to
# 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

starts=${1:-5}
java=${JAVA:-java}
port=${PORT:-18090}
app=$(cd "${APP:-target/quarkus-app}" && pwd)
archive=${ARCHIVE--XX:SharedArchiveFile=$app/app.jsa}
java_opts=${JAVA_OPTS-$(sed -n "s/.*JDK_JAVA_OPTIONS='\([^']*\)'.*/\1/p" README.md | head -1)}
[ -f "$app/quarkus-run.jar" ] || { echo "no $app/quarkus-run.jar: run ./mvnw -DskipTests package first" >&2; exit 2; }
hz=$(getconf CLK_TCK)

work=$(mktemp -d /tmp/noticeline-startup.XXXXXX)
data=${DATA_DIR:-$work/data}
service=
cleanup() { [ -n "$service" ] && kill "$service" 2>/dev/null || true; }
trap cleanup EXIT

# Starts the service, waits for ready, prints "ready_s started_s cpu_s", stops it and waits for its exit (a stop
# commits the search index; the next start must find it whole).
start_once() {
  local log=$1 t0 ready cpu
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$app" && MALLOC_ARENA_MAX=2 NOTICELINE_CORPUS_DIR="$root/notices" exec "$java" $java_opts $archive ${EXTRA:-} \
    -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -Dnoticeline.data-dir="$data" -jar quarkus-run.jar) \
    >"$log" 2>&1 &
  service=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
    kill -0 "$service" 2>/dev/null || { tail -20 "$log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(( $(date +%s%N) - t0 ))
  read -r -a stat <"/proc/$service/stat"
  cpu=$(( stat[13] + stat[14] ))
  kill "$service"; wait "$service" || true; service=
  printf '%d.%03d %s %d.%02d\n' $((ready / 1000000000)) $((ready / 1000000 % 1000)) \
    "$(sed -nE 's/.* started in ([0-9.]+)s.*/\1/p' "$log" | head -1)" $((cpu / hz)) $((cpu * 100 / hz % 100))
}

if [ -z "${DATA_DIR:-}" ]; then
  echo "filling a new data directory with the shipped corpus (not counted)" >&2
  start_once "$work/first.log" >/dev/null
  # The first start's background work (search index, tally, relinker) finishes before the stop commits it; one more
  # start on the filled directory lets the record settle (milestones, fingerprint) before the counted starts.
  start_once "$work/second.log" >/dev/null
fi

echo "| start | ready s | started in s | CPU s to ready |"
echo "|---|---|---|---|"
results=()
for i in $(seq 1 "$starts"); do
  line=$(start_once "$work/start-$i.log")
  results+=("$line")
  read -r r s c <<<"$line"
  echo "| $i | $r | $s | $c |"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '| median | %s | %s | %s |\n' \
  "$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)" \
  "$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)" \
  "$(printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median)"
echo "logs: $work" >&2
