# JVM settings for the four services, shared by deploy/local/up and bench/startup-and-memory.sh (the container
# images set the same in deploy/images/pom.xml). Measured in docs/performance.md: with these, each service idles
# under 250 MB RSS; without them (the JVM's defaults for a 24 GB machine) it idles at 260-285 MB.
#   -Xms32m, Min/MaxHeapFreeRatio: start small and give heap back after a collection, instead of holding the peak;
#   SerialGC: one collector thread, no per-thread GC structures (the JVM picks it anyway in a 1-CPU pod);
#   MALLOC_ARENA_MAX=2: glibc otherwise keeps a malloc arena per thread that ever allocated natively.
# shellcheck shell=bash disable=SC2034 # read by the scripts that source this file
ALONGSIDE_SERVICE_JVM_FLAGS="-Xms32m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
# C1 only: starts up to a quarter faster and uses about 25 MB less, at a fraction of C2's throughput. The local default,
# for a laptop running five JVMs; `up --full-jit` (benchmarks) and the images use the full JIT.
ALONGSIDE_SERVICE_QUICK_START_FLAGS="-XX:TieredStopAtLevel=1"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
