# shellcheck shell=bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 and that we can log in as the services do.
# Sourced by deploy/local/up and .ci/run (the caller sets `set -euo pipefail`); defines functions only.
#
# Honours ALONGSIDE_DB_USER (default postgres) and ALONGSIDE_DB_PASSWORD (default empty), the same
# variables the services and tests read.

ALONGSIDE_PG_HOST=127.0.0.1
ALONGSIDE_PG_PORT=5432

_pg_say() { echo "postgres: $*"; }
_pg_die() { echo "postgres: $*" >&2; exit 1; }

_pg_ready() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$ALONGSIDE_PG_HOST" -p "$ALONGSIDE_PG_PORT"
  else
    # No client tools yet: a TCP connect is the best we can do.
    timeout 2 bash -c "exec 3<>/dev/tcp/$ALONGSIDE_PG_HOST/$ALONGSIDE_PG_PORT" 2>/dev/null
  fi
}

_pg_wait_ready() {
  local i
  for ((i = 0; i < 60; i++)); do
    _pg_ready && return 0
    sleep 0.5
  done
  return 1
}

# "VERSION NAME" of the installed cluster on our port (Debian's pg_lsclusters), empty if none.
_pg_cluster() {
  command -v pg_lsclusters >/dev/null || return 0
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$ALONGSIDE_PG_PORT" '$3 == port { print $1, $2; exit }'
}

# A fresh Debian install only accepts passwords over TCP, and the postgres role has none. The services
# and tests log in without a password, so a server this script installs trusts loopback connections.
_pg_trust_loopback() {
  local version="$1" name="$2" hba
  hba="$(pg_conftool -s "$version" "$name" show hba_file 2>/dev/null || echo "/etc/postgresql/$version/$name/pg_hba.conf")"
  grep -q 'alongside local stack' "$hba" && return 0
  _pg_say "trusting loopback connections in $hba (local development only)"
  { printf '# alongside local stack: passwordless logins from this machine\n'
    printf 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n'
    cat "$hba"; } >"$hba.new"
  cat "$hba.new" >"$hba" && rm -f "$hba.new"
}

_pg_start_cluster() {
  local version="$1" name="$2"
  _pg_say "starting cluster $version/$name"
  if ! pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start; then
    # Already running (e.g. on another address) counts as started; anything else needs the owner or root.
    pg_ctlcluster "$version" "$name" status >/dev/null 2>&1 ||
      _pg_die "could not start it; run: sudo pg_ctlcluster --skip-systemctl-redirect $version $name start"
  fi
}

_pg_install() {
  if [[ "$(id -u)" != 0 ]]; then
    _pg_die "PostgreSQL is not installed. Run: sudo apt-get update && sudo apt-get install -y postgresql   (then run this again)"
  fi
  _pg_say "installing PostgreSQL with apt-get"
  # Without systemd the package's own start attempt may fail; we start the cluster ourselves below.
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  local cluster version
  cluster="$(_pg_cluster)"
  if [[ -z "$cluster" ]]; then
    # shellcheck disable=SC2012 # version directories: plain names
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    pg_createcluster --port "$ALONGSIDE_PG_PORT" "$version" main
    cluster="$version main"
  fi
  # shellcheck disable=SC2086 # "VERSION NAME" splits into two arguments on purpose
  _pg_trust_loopback $cluster
  # The package may have started the server before we changed pg_hba.conf; reload picks it up.
  # shellcheck disable=SC2086
  pg_ctlcluster --skip-systemctl-redirect $cluster reload >/dev/null 2>&1 || true
}

# Public entry point: PostgreSQL up on 127.0.0.1:5432, installed and started if need be.
alongside_ensure_postgres() {
  if ! _pg_ready; then
    local cluster
    cluster="$(_pg_cluster)"
    if [[ -z "$cluster" ]]; then
      if command -v pg_lsclusters >/dev/null && [[ -n "$(pg_lsclusters --no-header 2>/dev/null)" ]]; then
        _pg_die "no PostgreSQL cluster uses port $ALONGSIDE_PG_PORT; clusters found:
$(pg_lsclusters)"
      fi
      _pg_install
      cluster="$(_pg_cluster)"
    fi
    [[ -n "$cluster" ]] || _pg_die "installed, but found no cluster on port $ALONGSIDE_PG_PORT (pg_lsclusters)"
    # shellcheck disable=SC2086 # "VERSION NAME" splits into two arguments on purpose
    _pg_ready || _pg_start_cluster $cluster
    _pg_wait_ready || _pg_die "not accepting connections on $ALONGSIDE_PG_HOST:$ALONGSIDE_PG_PORT; see /var/log/postgresql/"
  fi
  if ! command -v psql >/dev/null; then
    [[ "$(id -u)" == 0 ]] || _pg_die "psql is missing. Run: sudo apt-get install -y postgresql-client"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-client
  fi
  # Log in the way the services will, so a wrong pg_hba.conf fails here with a clear message.
  alongside_psql -c 'SELECT 1' >/dev/null ||
    _pg_die "cannot log in as ${ALONGSIDE_DB_USER:-postgres} on $ALONGSIDE_PG_HOST:$ALONGSIDE_PG_PORT. The stack expects
  trust auth for loopback (pg_hba.conf: 'host all all 127.0.0.1/32 trust') or ALONGSIDE_DB_PASSWORD set."
}

alongside_psql() {
  PGPASSWORD="${ALONGSIDE_DB_PASSWORD:-}" psql -X -q -w -v ON_ERROR_STOP=1 \
    -h "$ALONGSIDE_PG_HOST" -p "$ALONGSIDE_PG_PORT" -U "${ALONGSIDE_DB_USER:-postgres}" -d postgres "$@"
}

# Creates a database unless it exists (names are ours: lower-case identifiers only).
alongside_ensure_database() {
  local db="$1"
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || _pg_die "unexpected database name $db"
  if [[ "$(alongside_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]]; then
    _pg_say "creating database $db"
    alongside_psql -c "CREATE DATABASE $db"
  fi
}
