#!/usr/bin/env bash
# Another build of referral-service beside the running stack (deploy/local/up --full-jit), on its own port, sharing
# the stack's database and broker: the peer that bench/IntakeBench.java measures this build against, round by round,
# when a change to referral-service is to be weighed in one sitting on a machine too noisy for separate runs.
# Usage: bench/referral-peer.sh start CHECKOUT | stop
#   start  runs CHECKOUT's packaged referral-service (built there with
#          mvn -Dalongside.skip-unit-tests=true verify, which also trains its AOT cache) with the stack's settings and
#          the full JIT on 127.0.0.1:$PEER_PORT (9081), and waits until it is ready; then
#          java -Dpeer=http://127.0.0.1:9081/fhir -Drounds=3 bench/IntakeBench.java
#   stop   ends it: SIGTERM, SIGKILL after 20 s
# PEER_PORT (default 9081) names the peer: several can run at once, each started and stopped with its own port, and
# settings in the environment reach the peer's JVM, e.g. two peers of one build with a setting on and off:
#   bench/referral-peer.sh start . && PEER_PORT=9082 ALONGSIDE_GROUP_COMMIT_MAX_UNITS=1 bench/referral-peer.sh start .
# Both builds must share the database's schema (the same migrations). The stack's instance runs the outbox relay for
# both (one relay per database), so the peer's events are relayed by the stack's process, not counted as its own.
# ALONGSIDE_DB_NAME gives the peer a database of its own (created if missing, migrated by the peer): its own schema,
# outbox and relay, whose work then counts as the peer's; two builds whose outboxes differ are weighed that way.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${PEER_PORT:-9081}"
pidfile="$root/bench/target/referral-peer-$port.pid"
log="$root/bench/target/referral-peer-$port.log"

say() { echo "referral-peer: $*"; }
die() { echo "referral-peer: $*" >&2; exit 1; }

# shellcheck source=lib/background.sh
source "$root/bench/lib/background.sh"
running_pid() { background_pid "$pidfile" quarkus-run.jar; }

start() {
  local checkout app pid i
  checkout="$(cd "${1:?usage: bench/referral-peer.sh start CHECKOUT}" && pwd)"
  app="$checkout/referral-service/target/quarkus-app"
  [[ -f "$app/quarkus-run.jar" && -f "$app/app.aot" ]] ||
    die "no packaged referral-service with its AOT cache in $checkout: mvn -Dalongside.skip-unit-tests=true verify there"
  if pid="$(running_pid)"; then
    die "already running (pid $pid); stop it first"
  fi
  # shellcheck source=../deploy/local/lib/java.sh
  source "$root/deploy/local/lib/java.sh"
  # shellcheck source=../deploy/local/lib/service-jvm.sh
  source "$root/deploy/local/lib/service-jvm.sh"
  alongside_use_jdk
  if [[ -n "${ALONGSIDE_DB_NAME:-}" ]]; then
    # shellcheck source=../deploy/local/lib/postgres.sh
    source "$root/deploy/local/lib/postgres.sh"
    alongside_ensure_database "$ALONGSIDE_DB_NAME"
  fi
  # shellcheck disable=SC2086 # the JVM flags are word lists
  QUARKUS_PROFILE=local QUARKUS_HTTP_PORT="$port" ALONGSIDE_KAFKA=127.0.0.1:9092 ALONGSIDE_DB_HOST=127.0.0.1 \
    ALONGSIDE_SERVICE_IDENTITY_DEV_KEY_DIRECTORY="$root/deploy/local/dev-keys" \
    background_start "$pidfile" "$log" "$checkout/referral-service" java $ALONGSIDE_SERVICE_JVM_FLAGS \
    $ALONGSIDE_SERVICE_HEAP_FLAGS -XX:AOTCache="$app/app.aot" -jar "$app/quarkus-run.jar"
  for ((i = 0; i < 120; i++)); do
    if [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" || true)" == 200 ]]; then
      say "ready at http://127.0.0.1:$port/fhir (pid $(<"$pidfile"))"
      return
    fi
    sleep 1
  done
  tail -n 20 "$log" >&2
  die "not ready after 120 s; see $log"
}

stop() { background_stop "$pidfile" quarkus-run.jar; }

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop ;;
  *) die "usage: bench/referral-peer.sh start CHECKOUT | stop" ;;
esac
