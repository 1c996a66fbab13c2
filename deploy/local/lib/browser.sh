# shellcheck shell=bash
# Makes sure headless Chromium and its WebDriver are installed, for the tests that open pages in a real browser
# (outcomes-service's dashboard). Sourced by .ci/run (the caller sets `set -euo pipefail`); defines functions only.
# Debian's packages put the browser at /usr/bin/chromium and the driver at /usr/bin/chromedriver.

_browser_say() { echo "browser: $*"; }
_browser_die() { echo "browser: $*" >&2; exit 1; }

# Public entry point: chromium and chromium-driver present, installed with apt-get (as root) when missing.
alongside_ensure_browser() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    return 0
  fi
  if [[ "$(id -u)" != 0 ]]; then
    _browser_die "Chromium is not installed. Run: sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
  fi
  _browser_say "installing chromium and chromium-driver with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
  command -v chromedriver >/dev/null || _browser_die "installed, but chromedriver is not on the PATH"
}
