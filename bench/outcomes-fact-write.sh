#!/usr/bin/env bash
# What writing one referral fact costs PostgreSQL in outcomes-service's schema, triggers included: this checkout's
# migrations against another checkout's, side by side. Each schema is built with psql from the checkout's Flyway
# migrations into a database of its own (alongside_outcomes_factbench_a / _b, dropped and recreated); then pgbench
# (one client, prepared statements) runs bench/outcomes-fact-write.sql against each in turn, and the backend's CPU
# per transaction is read from /proc between 1 s in and the end of each round.
#
# usage: bench/outcomes-fact-write.sh OTHER_CHECKOUT [rounds] [seconds]     (defaults: 5 rounds of 10 s)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
other="$(cd "${1:?usage: bench/outcomes-fact-write.sh OTHER_CHECKOUT [rounds] [seconds]}" && pwd)"
rounds="${2:-5}" seconds="${3:-10}"
(( seconds >= 4 )) || { echo "rounds of at least 4 s" >&2; exit 2; }
psql=(psql -X -q -h 127.0.0.1 -U "${ALONGSIDE_DB_USER:-postgres}")
declare -A checkouts=([alongside_outcomes_factbench_a]="$root" [alongside_outcomes_factbench_b]="$other")
for db in "${!checkouts[@]}"; do
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  for migration in $(ls "${checkouts[$db]}"/outcomes-service/src/main/resources/db/migration/V*.sql | sort -V); do
    "${psql[@]}" -d "$db" -v ON_ERROR_STOP=1 -1 -f "$migration" > /dev/null
  done
done
echo "machine: $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); a: $root, b: $other"
hz=$(getconf CLK_TCK)
value() { "${psql[@]}" -d "$1" -Atc "$2"; }
for ((round = 1; round <= rounds; round++)); do
  for db in alongside_outcomes_factbench_a alongside_outcomes_factbench_b; do
    out="$(mktemp)"
    pgbench -h 127.0.0.1 -U "${ALONGSIDE_DB_USER:-postgres}" -n -M prepared -c 1 -T "$seconds" \
      -f "$root/bench/outcomes-fact-write.sql" "$db" > "$out" 2>&1 &
    bench=$!
    sleep 1
    backend=$(value "$db" "SELECT pid FROM pg_stat_activity WHERE application_name = 'pgbench' AND datname = '$db'")
    facts0=$(value "$db" "SELECT count(*) FROM referral_fact")
    cpu0=$(awk '{ print $14 + $15 }' "/proc/$backend/stat")
    sleep $((seconds - 2))
    cpu1=$(awk '{ print $14 + $15 }' "/proc/$backend/stat")
    facts1=$(value "$db" "SELECT count(*) FROM referral_fact")
    wait "$bench"
    awk -v round="$round" -v db="${db##*_}" -v tps="$(grep -oP 'tps = \K[0-9.]+' "$out")" -v ticks=$((cpu1 - cpu0)) \
      -v facts=$((facts1 - facts0)) -v hz="$hz" 'BEGIN { printf "round %d  %s  %7.1f facts/s  %.3f ms of the backend'"'"'s CPU a fact\n", round, db, tps, ticks * 1000 / hz / facts }'
    rm -f "$out"
  done
done
