#!/usr/bin/env bash
# Benchmark: wall time of `./atomic demo` (embedded platform start, a governed CS-003 mission
# through every checkpoint, audit pack verified offline, platform stop), RUNS times (default 3),
# after the build. Prints each run's wall time, the mission's own time as the demo reports it,
# and the median. Not part of `verify`.
#
#   bench/demo.sh            # needs ports 8080 free and no `atomic dev` on this .atomic home
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-3}"
export ATOMIC_HOME="${ATOMIC_BENCH_HOME:-${TMPDIR:-/tmp}/atomic-bench-demo}"
rm -rf "$ATOMIC_HOME" && mkdir -p "$ATOMIC_HOME"
"$ROOT/atomic" --version >/dev/null # builds once if needed, outside the timings

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -n 1)"
walls=()
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  if ! (cd "$ROOT" && ./atomic demo --home "$ATOMIC_HOME") > "$ATOMIC_HOME/demo-$run.log" 2>&1; then
    echo "run $run failed; see $ATOMIC_HOME/demo-$run.log" >&2
    exit 1
  fi
  wall=$(awk -v ns="$(( $(date +%s%N) - start ))" 'BEGIN {printf "%.1f", ns / 1e9}')
  mission=$(grep -o 'completed in [0-9.]* s' "$ATOMIC_HOME/demo-$run.log" | grep -o '[0-9.]*')
  started=$(grep -o 'started in [0-9.]* s' "$ATOMIC_HOME/demo-$run.log" | grep -o '[0-9.]*' || echo -)
  printf 'run %d: %.1f s wall (platform start %s s, mission done %s s after launch)\n' "$run" "$wall" "$started" "$mission"
  walls+=("$wall")
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median wall: %.1f s over %d run(s)\n' "$median" "$RUNS"
