# A server a bench script starts in the background and stops again, known by a pid file; sourced by
# bench/hapi-jpa.sh and bench/referral-peer.sh. Each defines say() and die() before sourcing it.
# shellcheck shell=bash

# The pid in PIDFILE, if that process is alive and its command line still contains MARKER (pids get reused).
background_pid() {
  local pidfile="$1" marker="$2" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(<"$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
    [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)" == *"$marker"* ]] && echo "$pid"
}

# Runs COMMAND... in DIR in a session of its own (closing the terminal leaves it running), appending to LOG; the
# inner shell writes its pid to PIDFILE, which the command inherits by exec. Returns once the pid file is written.
background_start() {
  local pidfile="$1" log="$2" dir="$3" i
  shift 3
  mkdir -p "${pidfile%/*}" "${log%/*}"
  echo "---- $(date '+%F %T') starting: $*" >>"$log"
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  (cd "$dir" && exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$log" 2>&1) &
  for ((i = 0; i < 50; i++)); do [[ -s "$pidfile" ]] && return 0; sleep 0.1; done
  die "did not start; see $log"
}

# Ends the process of PIDFILE (see background_pid): SIGTERM, then SIGKILL if it is still running after 20 s.
background_stop() {
  local pidfile="$1" marker="$2" pid i
  if ! pid="$(background_pid "$pidfile" "$marker")"; then
    rm -f "$pidfile"
    say "not running"
    return
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 200; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after 20 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  say "stopped (pid $pid)"
}
