#!/usr/bin/env bash
# Waits until a service's AOT cache is written, and fails when its training run left none. Run by the build after the
# integration tests (root pom): Quarkus's launcher starts the JVM that assembles the cache from the training run
# (-XX:AOTMode=create) but waits only 20 s for it and leaves it running, while on a busy 2-core machine it takes
# minutes; without this a service could start before its cache is whole.
# usage: await-aot-cache.sh QUARKUS_APP_DIR   (no training run in this build: returns at once)
set -euo pipefail
app="$1"
cache="$app/app.aot"
timeout="${ALONGSIDE_AOT_CREATE_TIMEOUT:-900}"
[[ -e "$cache" || -e "$app/app.aotconf" ]] || exit 0

# A JVM still assembling this cache: its command line names both the mode and this cache's path.
writing() {
  local cmdline
  for cmdline in /proc/[0-9]*/cmdline; do
    if grep -qaF -- "-XX:AOTMode=create" "$cmdline" 2>/dev/null &&
       grep -qaF -- "-XX:AOTCache=$cache" "$cmdline" 2>/dev/null; then
      return 0
    fi
  done
  return 1
}

start=$SECONDS
while writing; do
  if ((SECONDS - start > timeout)); then
    echo "await-aot-cache: $cache still being written after $timeout s (ALONGSIDE_AOT_CREATE_TIMEOUT)" >&2
    exit 1
  fi
  sleep 1
done
if [[ ! -s "$cache" ]]; then
  echo "await-aot-cache: the training run wrote no AOT cache at $cache; see target/quarkus.log" >&2
  exit 1
fi
echo "await-aot-cache: $cache written ($(( $(stat -c %s "$cache") / 1048576 )) MB, waited $((SECONDS - start)) s)"
