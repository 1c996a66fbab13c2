#!/usr/bin/env bash
# Benchmarks matching-service's batch assignment against OR-Tools' min-cost flow and greedy.
# Usage: bench/matching-assignment.sh [sparse|dense|all] [repeats] [seed]   (figures: docs/matching-assignment.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$root/matching-service"
# shellcheck source=../deploy/local/lib/java.sh
source "$root/deploy/local/lib/java.sh"
alongside_use_jdk
cd "$root"
mvn -B -q -pl matching-service -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench.classpath"
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xms4g -Xmx8g -XX:+UseParallelGC \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    org.alongside.matching.assignment.AssignmentBenchmark "$@"
