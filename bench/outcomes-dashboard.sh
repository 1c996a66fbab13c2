#!/usr/bin/env bash
# Times outcomes-service's dashboard summary over a year of a large ICB's facts (100,000 referrals, 1,000,000
# sessions, 300,000 outcome measurements), bulk-loaded with SQL into its own database (alongside_outcomes_bench,
# dropped and recreated). Each summary goes through the query layer, disclosure control and JSON, as the
# endpoint serves it. Usage: bench/outcomes-dashboard.sh [repeats] [referrals]   (figures: docs/performance.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$root/outcomes-service"
# shellcheck source=../deploy/local/lib/java.sh
source "$root/deploy/local/lib/java.sh"
alongside_use_jdk
cd "$root"
mvn -B -q -pl outcomes-service -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench.classpath"
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "postgres: $(psql -X -h 127.0.0.1 -U "${ALONGSIDE_DB_USER:-postgres}" -d postgres -tAc 'SHOW server_version')"
exec java -Xmx1g -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    org.alongside.outcomes.dashboard.DashboardBenchmark "$@"
