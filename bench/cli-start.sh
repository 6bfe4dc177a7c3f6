#!/usr/bin/env bash
# Benchmark: wall time of the REST commands through the `atomic` launcher (`mission list`,
# `mission status`, `evidence events`, `mission approve`), RUNS times each (default 11), with the
# launcher's class-data archive and without it (ATOMIC_CDS=false), runs of the two alternating;
# with a Temporal address also `mission approve --temporal` (the signal path). As an anchor, the
# same for `java -cp DIR Hello` (a class that prints one line) with the launcher's JVM flags.
# Prints the median, min and max of each and the ratio of each median to the anchor's.
# It starts nothing: run it against a platform that is up. Not part of `verify`.
#
#   ./atomic dev --port 8181 &            # any running platform; ATOMIC_HOME as for the CLI
#   bench/cli-start.sh http://localhost:8181 [127.0.0.1:7233]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
URL="${1:?usage: bench/cli-start.sh URL [TEMPORAL_HOST:PORT]}"
TEMPORAL="${2:-}"
RUNS="${RUNS:-11}"
ATOMIC="$ROOT/atomic"
export ATOMIC_URL="$URL"
unset TEMPORAL_ADDRESS

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Build, extract and write the class-data archive once, outside the timings.
"$ATOMIC" --version >/dev/null
"$ATOMIC" mission list --limit 1 >/dev/null

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "$(java -version 2>&1 | head -n 1); $(date -u +%Y-%m-%d); load average $(cut -d' ' -f1-3 /proc/loadavg)"

cat >"$TMP/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
javac -d "$TMP" "$TMP/Hello.java"

# Missions whose plan waits for a human: one per approval run.
missions() {
  for _ in $(seq 1 "$1"); do
    "$ATOMIC" mission create --title "cli start benchmark" --risk medium --output json \
      | sed -n 's/^  "missionId" : "\(.*\)",$/\1/p'
  done
}
mapfile -t approvals < <(missions $((2 * RUNS)))
signals=()
if [ -n "$TEMPORAL" ]; then
  mapfile -t signals < <(missions $((2 * RUNS)))
fi
mission="${approvals[0]}"
sleep 2 # let the missions reach their plan checkpoint

# elapsed COMMAND...: the command's wall time in seconds; a failing command stops the benchmark.
elapsed() {
  local start end
  start=$(date +%s%N)
  if ! "$@" >/dev/null 2>"$TMP/err"; then
    echo "failed: $*" >&2
    cat "$TMP/err" >&2
    exit 1
  fi
  end=$(date +%s%N)
  awk -v ns="$((end - start))" 'BEGIN {printf "%.3f\n", ns / 1e9}'
}

summary() { # median min max of the numbers on stdin
  sort -n | awk '{a[NR] = $1} END {printf "%.2f %.2f %.2f\n", a[int((NR + 1) / 2)], a[1], a[NR]}'
}

JVM="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"
: >"$TMP/anchor"
for _ in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  elapsed java $JVM -cp "$TMP" Hello >>"$TMP/anchor"
done
read -r anchor amin amax < <(summary <"$TMP/anchor")
printf '%-44s %s s median (min %s, max %s)\n' "anchor: java -cp DIR Hello" "$anchor" "$amin" "$amax"
printf '%-44s %-26s %-26s %s\n' "command ($RUNS runs each)" "with archive: median (min-max)" \
  "ATOMIC_CDS=false" "medians / anchor"

# bench LABEL ARGS...: ARGS may contain {M}, replaced by the next mission of the queue named by
# QUEUE (approvals or signals), or by the shared mission.
bench() {
  local label="$1"
  shift
  : >"$TMP/cds"
  : >"$TMP/nocds"
  local run
  for run in $(seq 0 $((RUNS - 1))); do
    local variant offset=0
    for variant in cds nocds; do
      local id="$mission"
      case "${QUEUE:-}" in
        approvals) id="${approvals[$((2 * run + offset))]}" ;;
        signals) id="${signals[$((2 * run + offset))]}" ;;
      esac
      offset=1
      local args=("${@//\{M\}/$id}")
      if [ "$variant" = cds ]; then
        elapsed "$ATOMIC" "${args[@]}" >>"$TMP/cds"
      else
        ATOMIC_CDS=false elapsed "$ATOMIC" "${args[@]}" >>"$TMP/nocds"
      fi
    done
  done
  read -r m1 n1 x1 < <(summary <"$TMP/cds")
  read -r m2 n2 x2 < <(summary <"$TMP/nocds")
  printf '%-44s %-26s %-26s %s / %s\n' "$label" "$m1 s ($n1-$x1)" "$m2 s ($n2-$x2)" \
    "$(awk -v a="$m1" -v b="$anchor" 'BEGIN {printf "%.1fx", a / b}')" \
    "$(awk -v a="$m2" -v b="$anchor" 'BEGIN {printf "%.1fx", a / b}')"
}

bench "atomic mission list" mission list
bench "atomic mission status --mission M" mission status --mission '{M}'
bench "atomic evidence events --mission M" evidence events --mission '{M}'
QUEUE=approvals bench "atomic mission approve (REST)" \
  mission approve --mission '{M}' --checkpoint plan
if [ -n "$TEMPORAL" ]; then
  QUEUE=signals bench "atomic mission approve --temporal (signal)" \
    mission approve --mission '{M}' --checkpoint plan --temporal "$TEMPORAL"
fi
