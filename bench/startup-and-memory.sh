#!/usr/bin/env bash
# Start-up time to ready and resident memory of each service, idle: starts each packaged service alone (the
# broker must be running, e.g. deploy/local/up --only broker; the services must not), then stops it.
# usage: bench/startup-and-memory.sh [runs]   (default 3; prints the median)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
# shellcheck source=../deploy/local/lib/postgres.sh
source "$ROOT/deploy/local/lib/postgres.sh"
# shellcheck source=../deploy/local/lib/service-jvm.sh
source "$ROOT/deploy/local/lib/service-jvm.sh"
alongside_ensure_postgres
for db in alongside_referral alongside_matching alongside_session alongside_outcomes; do alongside_ensure_database "$db"; done
declare -A ports=([referral-service]=8081 [matching-service]=8082 [session-service]=8083 [outcomes-service]=8084)
# name and JVM options of each configuration measured: the images' full JIT, and deploy/local/up's default
declare -A configs=([full-jit]="$ALONGSIDE_SERVICE_JVM_FLAGS"
                    [c1-only]="$ALONGSIDE_SERVICE_JVM_FLAGS $ALONGSIDE_SERVICE_QUICK_START_FLAGS")
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
printf '| service | JIT | ready after (ms, median of %s) | CPU used to ready (s) | RSS idle (MB) |\n' "$runs"
printf '|---|---|---:|---:|---:|\n'
for service in referral-service matching-service session-service outcomes-service; do
  port=${ports[$service]}
  if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
    echo "$service is already running on $port: stop the services first (deploy/local/down, then up --only broker)" >&2
    exit 1
  fi
  for config in full-jit c1-only; do
    times=() cpus=() rsss=()
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      # shellcheck disable=SC2086 # JVM options are a word list
      QUARKUS_PROFILE=local ALONGSIDE_KAFKA=127.0.0.1:9092 java ${configs[$config]} \
        -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar" > "/tmp/bench-$service.log" 2>&1 &
      pid=$!
      until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do sleep 0.02; done
      times+=($(( ($(date +%s%N) - start) / 1000000 )))
      cpus+=("$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat")")
      sleep 10 # idle: after start-up's garbage is collected and the consumers have settled
      rsss+=($(( $(ps -o rss= -p "$pid") / 1024 )))
      kill "$pid"; wait "$pid" 2>/dev/null || true
    done
    printf '| %s | %s | %s | %s | %s |\n' "$service" "$config" "$(printf '%s\n' "${times[@]}" | median)" \
      "$(printf '%s\n' "${cpus[@]}" | median)" "$(printf '%s\n' "${rsss[@]}" | median)"
  done
done
