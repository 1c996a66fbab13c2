#!/usr/bin/env bash
# Creates the four service databases the first time the PostgreSQL container starts (docker-entrypoint-initdb.d),
# with the same function deploy/local/up uses (deploy/local/lib/postgres.sh, mounted beside this script).
set -euo pipefail
# shellcheck source=../../local/lib/postgres.sh
source /alongside/postgres.sh
# While the image initialises the cluster, the server listens only on its Unix socket.
ALONGSIDE_PG_HOST=/var/run/postgresql
for db in alongside_referral alongside_matching alongside_session alongside_outcomes; do
  alongside_ensure_database "$db"
done
