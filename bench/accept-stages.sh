#!/usr/bin/env bash
# Where the time from a referral's acceptance to its proposals goes, stage by stage (bench/AcceptStages.java), for the
# last referrals accepted on the running stack, e.g. right after `java bench/IntakeBench.java`.
# Usage: bench/accept-stages.sh [how many, default 200]
# Needs the stack's build (deploy/local/up): Kafka's client from the broker's jars, PostgreSQL's driver from a service.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=../deploy/local/lib/java.sh
source "$root/deploy/local/lib/java.sh"
alongside_use_jdk
driver="$(compgen -G "$root/matching-service/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar" | head -n 1)" ||
  { echo "accept-stages: no PostgreSQL driver in matching-service/target; build the stack first" >&2; exit 1; }
compgen -G "$root/deploy/broker/target/lib/kafka-clients-*.jar" >/dev/null ||
  { echo "accept-stages: no Kafka client in deploy/broker/target/lib; build the stack first" >&2; exit 1; }
exec java --enable-native-access=ALL-UNNAMED -cp "$root/deploy/broker/target/lib/*:$driver" "$root/bench/AcceptStages.java" "${1:-200}"
