#!/usr/bin/env bash
# What an intake's event and audit rows cost PostgreSQL, side by side in one sitting: the outbox row marked published
# and deleted days later (before V0_3) against deleted once Kafka has it, and the audit row in a commit of its own
# against in the intake's transaction. Each variant runs the statements the services send, on the platform's own
# table definitions (db/platform), in its own scratch schema of database alongside_writes_bench (dropped and
# recreated); rounds take turns, so the machine's load falls on all alike. Per referral it reports transactions/s,
# PostgreSQL's CPU (all its processes, from /proc) and WAL bytes, beside pgbench's simple-update of the same sitting.
# Usage: bench/intake-writes.sh [rounds] [seconds] [clients]   (figures: docs/performance.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}" seconds="${2:-15}" clients="${3:-4}"
db=alongside_writes_bench
user="${ALONGSIDE_DB_USER:-postgres}"
export PGHOST=127.0.0.1 PGUSER="$user"
migrations="$root/platform/src/main/resources/db/platform"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql() { command psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
for variant in marked deleted; do
    psql -c "CREATE SCHEMA $variant; SET search_path = $variant" -f "$migrations/V0_1__outbox_and_inbox.sql" \
        -f "$migrations/V0_2__audit_trail.sql"
done
psql -c "SET search_path = deleted" -f "$migrations/V0_3__outbox_rows_deleted_once_published.sql"
pgbench -i -q -s 10 "$db" >/dev/null 2>&1 # pgbench_* tables for the simple-update reference

# An event as the outbox holds it (a CloudEvent of about 700 bytes) and the audit row of a referrer's POST.
event="'{\"specversion\":\"1.0\",\"id\":\"' || gen_random_uuid() || '\",\"source\":\"/referral-service\",\"type\":\"referral.received\",\"subject\":\"' || gen_random_uuid() || '\",\"time\":\"2026-12-06T18:00:00Z\",\"datacontenttype\":\"application/json\",\"dataschema\":\"https://alongside.example/events/referral.received/1.json\",\"data\":{\"referralId\":\"4b1f8a7e-1e0b-4a52-9b5b-1e2f3a4b5c6d\",\"receivedAt\":\"2026-12-06T18:00:00Z\",\"referrerType\":\"GP_PRACTICE\",\"referrerOdsCode\":\"A81001\",\"referrerOrganisationName\":\"The Village Practice\",\"conditions\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"44054006\"}],\"urgency\":\"ROUTINE\",\"ageBand\":\"45-54\",\"gender\":\"female\",\"ethnicity\":\"A\",\"imdDecile\":3,\"supportWanted\":[\"EMOTIONAL_SUPPORT\"]}}'"
insert_event="INSERT INTO %s.outbox (id, topic, message_key, event_type, payload)
    VALUES (gen_random_uuid(), 'alongside.referrals.v1', gen_random_uuid()::text, 'referral.received', ($event)::jsonb)
    RETURNING seq \\gset"
insert_audit="INSERT INTO %s.audit_event (actor, roles, action, operation, record_ids, referral_id, status, client)
    VALUES ('A81001', 'referrer', 'CHANGE', 'POST ReferralResource.create', '{}', gen_random_uuid(), 201, '127.0.0.1');"
# today: the intake commits its event, the audit filter commits its row, the relay marks the event published
{ printf "$insert_event\n" marked; printf "$insert_audit\n" marked
  echo "UPDATE marked.outbox SET published_at = now() WHERE seq = :seq;"; } >"$work/marked.sql"
# V0_3: the relay deletes the event once Kafka has it
{ printf "$insert_event\n" deleted; printf "$insert_audit\n" deleted
  echo "DELETE FROM deleted.outbox WHERE seq = :seq;"; } >"$work/deleted.sql"
# and the audit row in the intake's own transaction: one commit before the relay's
{ echo "BEGIN;"; printf "$insert_event\n" deleted; printf "$insert_audit\n" deleted; echo "COMMIT;"
  echo "DELETE FROM deleted.outbox WHERE seq = :seq;"; } >"$work/one-commit.sql"

postgres_cpu_ticks() { # user + system ticks of PostgreSQL: the postmaster with its reaped backends, and the live ones
    local postmaster total pid
    postmaster=$(pgrep -o -x postgres)
    total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
    for pid in $(pgrep -P "$postmaster"); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
wal_lsn() { psql -tAc "SELECT pg_current_wal_lsn()"; }
hz=$(getconf CLK_TCK)

run() { # label, clients, pgbench arguments...
    local label="$1" n_clients="$2"; shift 2
    local cpu0 lsn0 out tps txns cpu1 lsn1 wal
    cpu0=$(postgres_cpu_ticks); lsn0=$(wal_lsn)
    out=$(pgbench -n -c "$n_clients" -j 2 -T "$seconds" "$@" "$db" 2>&1)
    if [ "$label" = marked ]; then # the service deletes published rows days later: that cost belongs to the variant
        psql -c "DELETE FROM marked.outbox WHERE published_at IS NOT NULL"
    fi
    cpu1=$(postgres_cpu_ticks); lsn1=$(wal_lsn)
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | head -n 1)
    txns=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<<"$out")
    wal=$(psql -tAc "SELECT pg_wal_lsn_diff('$lsn1', '$lsn0')")
    awk -v l="$label" -v t="$tps" -v n="$txns" -v c="$((cpu1 - cpu0))" -v hz="$hz" -v w="$wal" \
        'BEGIN { printf "%-14s %10.0f %12.3f %12.0f\n", l, t, (c * 1000 / hz) / n, w / n }'
}

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "postgres: $(psql -tAc 'SHOW server_version'); $clients clients, $seconds s a round, $rounds rounds"
printf "%-14s %10s %12s %12s\n" variant "per s" "pg CPU ms" "WAL bytes" # per transaction or referral
for round in $(seq "$rounds"); do
    echo "round $round"
    run simple-update 8 -N # the reference: pgbench -N -c 8 -j 2, scale 10
    run marked "$clients" -f "$work/marked.sql"
    run deleted "$clients" -f "$work/deleted.sql"
    run one-commit "$clients" -f "$work/one-commit.sql"
done
command psql -X -q -d postgres -c "DROP DATABASE $db"
