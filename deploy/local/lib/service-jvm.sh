# JVM settings for the four services, shared by deploy/local/up, bench/startup-and-memory.sh, the journey tests'
# packaged services and the AOT cache's training runs (platform's ServiceJvm) and the images (deploy/images/pom.xml);
# the last two read the ALONGSIDE_SERVICE_*_FLAGS lines below, so keep each on one line in double quotes.
# Measured in docs/performance.md.
#   Min/MaxHeapFreeRatio: give heap back after a collection, instead of holding the peak;
#   SerialGC: one collector thread, no per-thread GC structures (the JVM picks it anyway in a 1-CPU pod);
#   MALLOC_ARENA_MAX=2: glibc otherwise keeps a malloc arena per thread that ever allocated natively;
#   TrimNativeHeapInterval: every 5 s, hand back to the OS the native memory glibc keeps after start-up frees it
#     (17-25 MB a service idle; about 0.3% of a busy service's CPU).
# A service's AOT cache (target/quarkus-app/app.aot) is trained with these and only used by a JVM started with them.
# Compact object headers (JEP 519) were measured and left out: with the AOT cache they started no faster and used
# 10-16 MB more memory idle (docs/performance.md).
# shellcheck shell=bash disable=SC2034 # read by the scripts that source this file
ALONGSIDE_SERVICE_JVM_FLAGS="-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000"
# The heap of a service on a developer's machine: start small (-Xms32m) rather than sized for the machine. The images
# size it from the pod's memory limit instead (-XX:MaxRAMPercentage=50).
ALONGSIDE_SERVICE_HEAP_FLAGS="-Xms32m -Xmx256m"
# C1 only: with the AOT cache about 40% less CPU to start and 20-40 MB less memory, at a fraction of C2's throughput. The local default,
# for a laptop running five JVMs; `up --full-jit` (benchmarks) and the images use the full JIT.
ALONGSIDE_SERVICE_QUICK_START_FLAGS="-XX:TieredStopAtLevel=1"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
