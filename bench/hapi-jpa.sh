#!/usr/bin/env bash
# HAPI FHIR's JPA server 8.8.0 for R4 (bench/hapi-jpa) on http://127.0.0.1:8090/fhir, storing in its own PostgreSQL
# database hapi_bench: the generic FHIR server that bench/IntakeBench.java measures Alongside's intake against
# (bench/README.md). It runs on the JVM's defaults (full JIT); it takes over 1 GB of memory, so stop it when done.
# Usage: bench/hapi-jpa.sh start|stop
#   start  builds bench/hapi-jpa when its sources changed, creates the database (HAPI creates its tables), starts the
#          server in the background (pid and log in bench/hapi-jpa/target) and waits until GET /fhir/metadata answers
#   stop   ends it: SIGTERM, SIGKILL after 20 s
# HAPI_PORT moves it (8090); HAPI_JAVA_OPTS adds JVM options; HAPI_TIMEOUT is how long start waits (300 s).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/bench/hapi-jpa"
target="$project/target"
jar="$target/hapi-jpa.jar"
pidfile="$target/hapi-jpa.pid"
log="$target/hapi-jpa.log"
port="${HAPI_PORT:-8090}"
timeout="${HAPI_TIMEOUT:-300}"

say() { echo "hapi-jpa: $*"; }
die() { echo "hapi-jpa: $*" >&2; exit 1; }

# shellcheck source=lib/background.sh
source "$root/bench/lib/background.sh"
running_pid() { background_pid "$pidfile" hapi-jpa.jar; }

# The first answer builds HAPI's capability statement, which takes a few seconds on a cold JVM.
metadata_status() { curl -s -o /dev/null -m 30 -w '%{http_code}' "http://127.0.0.1:$port/fhir/metadata" || true; }

start() {
  local pid started
  if pid="$(running_pid)"; then
    say "already running (pid $pid) at http://127.0.0.1:$port/fhir"
    return
  fi
  command -v curl >/dev/null || die "needs curl (apt-get install -y curl)"
  # shellcheck source=../deploy/local/lib/java.sh
  source "$root/deploy/local/lib/java.sh"
  # shellcheck source=../deploy/local/lib/postgres.sh
  source "$root/deploy/local/lib/postgres.sh"
  alongside_use_jdk
  alongside_ensure_postgres
  alongside_ensure_database hapi_bench
  if [[ ! -f "$jar" || -n "$(find "$project/pom.xml" "$project/src" -newer "$jar" -print -quit)" ]]; then
    say "building $project"
    mvn -B -q -f "$project/pom.xml" package
  fi
  started="$(date +%s)"
  # shellcheck disable=SC2086 # HAPI_JAVA_OPTS is a list of options
  background_start "$pidfile" "$log" "$project" java ${HAPI_JAVA_OPTS:-} -Dhapi.port="$port" -jar "$jar"
  say "starting (pid $(<"$pidfile"), log $log)"
  until [[ "$(metadata_status)" == 200 ]]; do
    if ! running_pid >/dev/null; then
      tail -n 40 "$log" >&2
      die "the server exited during start-up; its log: $log"
    fi
    (($(date +%s) - started < timeout)) || die "not answering GET /fhir/metadata after $timeout s; its log: $log"
    sleep 1
  done
  say "ready after $(($(date +%s) - started)) s at http://127.0.0.1:$port/fhir (pid $(<"$pidfile"))"
  say "measure it: java -Dpeer=http://127.0.0.1:$port/fhir -Donly=peer bench/IntakeBench.java; stop it: bench/hapi-jpa.sh stop"
}

stop() { background_stop "$pidfile" hapi-jpa.jar; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "Usage: bench/hapi-jpa.sh start|stop" >&2; exit 2 ;;
esac
