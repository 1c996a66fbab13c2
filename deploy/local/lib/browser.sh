# shellcheck shell=bash
# Makes sure headless Chromium and its WebDriver are installed, for the tests that open pages in a real browser
# (the console, outcomes-service's dashboard). Sourced by .ci/run (the caller sets `set -euo pipefail`); defines
# functions only. Debian's packages put the browser at /usr/bin/chromium and the driver at /usr/bin/chromedriver.

# shellcheck source-path=SCRIPTDIR source=packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

# Public entry point: chromium and chromium-driver present, installed with apt-get (as root) when missing.
alongside_ensure_browser() {
  alongside_ensure_commands chromium:chromium chromedriver:chromium-driver
}
