#!/usr/bin/env bash
# Start-up and idle memory of each service: time from `java -jar` to /q/health/ready answering 200, the CPU the JVM
# used to get there, and its resident memory 10 s later: all of it (RSS), and the part that is the process's own
# (RssAnon: heap, metaspace, code, threads, malloc), without the mapped files (jars, the JDK, the AOT cache), which
# the kernel can drop and reread and which JVMs using the same files share. Starts each packaged service alone (the broker must be
# running, e.g. deploy/local/up --only broker; the services must not), then stops it. Where the local stack's ports
# are someone else's: ALONGSIDE_KAFKA (broker, default 127.0.0.1:9092), ALONGSIDE_BENCH_FIRST_PORT (referral-service's
# port, the others follow; default 8081), ALONGSIDE_BENCH_DB_SUFFIX (appended to the databases' names);
# ALONGSIDE_BENCH_SERVICES names the services to measure (default all four).
#
# usage: bench/startup-and-memory.sh [runs] [LABEL=JAVA_HOME:CHECKOUT[:JVM_OPTIONS] ...]   (default 3 runs; medians)
#
# Measures this checkout's build on its JDK 25 with the JVM settings of deploy/local/lib/service-jvm.sh and the AOT
# cache its training run wrote (full JIT, as the images run, and C1 only, as deploy/local/up runs by default). Each
# extra LABEL=... is another configuration measured beside them: a JDK, a checkout built for it, and JVM options
# beyond the shared settings, e.g. a build of the same code for Java 17:
#   bench/startup-and-memory.sh 3 jdk17=/usr/lib/jvm/java-17-openjdk-amd64:/tmp/alongside-17
# Configurations take turns within each run, so that a busy machine slows them alike.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
shift || true
# shellcheck source=../deploy/local/lib/postgres.sh
source "$ROOT/deploy/local/lib/postgres.sh"
# shellcheck source=../deploy/local/lib/service-jvm.sh
source "$ROOT/deploy/local/lib/service-jvm.sh"
# shellcheck source=../deploy/local/lib/java.sh
source "$ROOT/deploy/local/lib/java.sh"
alongside_use_jdk
alongside_ensure_postgres
kafka="${ALONGSIDE_KAFKA:-127.0.0.1:9092}"
first_port="${ALONGSIDE_BENCH_FIRST_PORT:-8081}"
db_suffix="${ALONGSIDE_BENCH_DB_SUFFIX:-}"
declare -A ports=([referral-service]=$first_port [matching-service]=$((first_port + 1))
                  [session-service]=$((first_port + 2)) [outcomes-service]=$((first_port + 3)))
for service in "${!ports[@]}"; do alongside_ensure_database "alongside_${service%-service}$db_suffix"; done

# label -> "java home|checkout|JVM options"; the AOT cache is used wherever the checkout's build has one
labels=(jdk25-aot jdk25-aot-c1)
declare -A configs=(
  [jdk25-aot]="$JAVA_HOME|$ROOT|$ALONGSIDE_SERVICE_JVM_FLAGS $ALONGSIDE_SERVICE_HEAP_FLAGS"
  [jdk25-aot-c1]="$JAVA_HOME|$ROOT|$ALONGSIDE_SERVICE_JVM_FLAGS $ALONGSIDE_SERVICE_HEAP_FLAGS $ALONGSIDE_SERVICE_QUICK_START_FLAGS")
for extra in "$@"; do
  label="${extra%%=*}" spec="${extra#*=}"
  IFS=: read -r home checkout options <<<"$spec"
  [[ -x "$home/bin/java" && -d "$checkout" ]] || { echo "bad configuration $extra (want LABEL=JAVA_HOME:CHECKOUT[:OPTIONS])" >&2; exit 2; }
  labels+=("$label")
  configs[$label]="$home|$checkout|${options:-$ALONGSIDE_SERVICE_JVM_FLAGS $ALONGSIDE_SERVICE_HEAP_FLAGS}"
done

read -r -a services <<<"${ALONGSIDE_BENCH_SERVICES:-referral-service matching-service session-service outcomes-service}"
logs="$(mktemp -d "${TMPDIR:-/tmp}/alongside-startup-bench.XXXXXX")"
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
declare -A times cpus rsss anons
echo "machine: $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for service in "${services[@]}"; do
  port=${ports[$service]}
  if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
    echo "something answers on $port: stop the services first (deploy/local/down, then up --only broker)" >&2
    exit 1
  fi
  for ((run = 1; run <= runs; run++)); do
    for label in "${labels[@]}"; do
      IFS='|' read -r home checkout options <<<"${configs[$label]}"
      app="$checkout/$service/target/quarkus-app"
      aot=()
      [[ -f "$app/app.aot" ]] && aot=("-XX:AOTCache=$app/app.aot")
      start=$(date +%s%N)
      # shellcheck disable=SC2086 # JVM options are a word list
      QUARKUS_PROFILE=local ALONGSIDE_KAFKA="$kafka" ALONGSIDE_DB_NAME="alongside_${service%-service}$db_suffix" \
        "$home/bin/java" $options "${aot[@]}" "-Dquarkus.http.port=$port" \
        -jar "$app/quarkus-run.jar" > "$logs/$service-$label.log" 2>&1 &
      pid=$!
      until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
        kill -0 "$pid" 2>/dev/null || { echo "$service ($label) exited; see $logs/$service-$label.log" >&2; exit 1; }
        sleep 0.02
      done
      times[$service/$label]+="$(( ($(date +%s%N) - start) / 1000000 )) "
      cpus[$service/$label]+="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat") "
      sleep 10 # idle: after start-up's garbage is collected and the consumers have settled
      rsss[$service/$label]+="$(( $(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status") / 1024 )) "
      anons[$service/$label]+="$(( $(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status") / 1024 )) "
      kill "$pid"; wait "$pid" 2>/dev/null || true
    done
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

printf '| service | configuration | ready after (ms, median of %s) | CPU used to ready (s) | RSS idle (MB) | of which anonymous (MB) |\n' "$runs"
printf '|---|---|---:|---:|---:|---:|\n'
for service in "${services[@]}"; do
  for label in "${labels[@]}"; do
    # shellcheck disable=SC2086 # space-separated samples
    printf '| %s | %s | %s | %s | %s | %s |\n' "$service" "$label" \
      "$(printf '%s\n' ${times[$service/$label]} | median)" "$(printf '%s\n' ${cpus[$service/$label]} | median)" \
      "$(printf '%s\n' ${rsss[$service/$label]} | median)" "$(printf '%s\n' ${anons[$service/$label]} | median)"
  done
done
