#!/usr/bin/env bash
# Start-up time to ready and resident memory of each service, idle: starts each packaged service alone (the
# broker and databases from deploy/local/up must be running; the services must not), then stops it.
# usage: bench/startup-and-memory.sh [runs]   (default 3; prints the median)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
declare -A ports=([referral-service]=8081 [matching-service]=8082 [session-service]=8083 [outcomes-service]=8084)
printf '| service | ready after (ms, median of %s) | RSS idle (MB) |\n|---|---|---|\n' "$runs"
for service in referral-service matching-service session-service outcomes-service; do
  port=${ports[$service]}
  if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
    echo "$service is already running on $port: stop the services first (deploy/local/down, then up --only broker)" >&2
    exit 1
  fi
  times=()
  rss=0
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    QUARKUS_PROFILE=local ALONGSIDE_KAFKA=127.0.0.1:9092 java -Xmx256m -XX:+UseSerialGC \
      -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar" > "/tmp/bench-$service.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do sleep 0.02; done
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
    sleep 5
    rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '| %s | %s | %s |\n' "$service" "$median" "$rss"
done
