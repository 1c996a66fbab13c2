# shellcheck shell=bash
# Makes sure commands the tests run are installed: Debian packages, installed with apt-get (as root) when missing.
# Sourced by .ci/run and browser.sh (the caller sets `set -euo pipefail`); defines functions only.

# Public entry point: each argument is COMMAND:PACKAGE; installs the packages of the commands not on the PATH.
alongside_ensure_commands() {
  local pair missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  [[ ${#missing[@]} == 0 ]] && return 0
  if [[ "$(id -u)" != 0 ]]; then
    echo "packages: missing ${missing[*]}. Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "packages: installing ${missing[*]} with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || { echo "packages: installed, but ${pair%%:*} is not on the PATH" >&2; exit 1; }
  done
}
