#!/usr/bin/env bash
# Benchmark: forecast latency on a generated 2,000-file Java tree, first forecast (every file
# read and counted) and the following ones (counts found by path, size and modification time).
# Not part of `verify`.
#
#   bench/finops-forecast.sh [files] [runs]     # defaults 2000 and 50
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${ATOMIC_BENCH_DIR:-${TMPDIR:-/tmp}/atomic-bench-forecast}"
rm -rf "$WORK" && mkdir -p "$WORK"

cd "$ROOT"
./mvnw -B -q -pl activities test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test
java -cp "activities/target/test-classes:activities/target/classes:$(cat "$WORK/classpath.txt")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.atomic.finops.ForecastBenchmark "${1:-2000}" "${2:-50}" "$WORK/tree"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
