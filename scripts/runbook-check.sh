#!/usr/bin/env bash
# Runs every `bash` block of docs/operations.md, in order, against a running Atomic platform,
# in a scratch directory; a block preceded by a `runbook-check: skip (…)` comment is left out.
# Exit 0 when every block exits 0; else the first failing block and its output, and exit 1.
#
#   scripts/runbook-check.sh M-…            against ./atomic dev (ports 8080 and 3001-3005)
#   scripts/runbook-check.sh --print M-…    print each block as it would run, run none
#
# M-… is a governed mission waiting at finalize (./atomic demo --no-finalize, or a mission
# created with a repository and a ChangeSpec); it stands in for the runbook's M-123.
#   ATOMIC_RUNBOOK_PORTS="8080=18080 3001=13001 …"  where the platform listens instead
#   ATOMIC_RUNBOOK_CLI="java -cp … dev.atomic.cli.Main"  the `atomic` the blocks call
#   ATOMIC_RUNBOOK_WORK=DIR                       the scratch directory (default: a new one)
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
doc="$root/docs/operations.md"
print=false
if [[ "${1:-}" == "--print" ]]; then print=true; shift; fi
mission="${1:?usage: scripts/runbook-check.sh [--print] MISSION_ID (a governed mission waiting at finalize)}"
[[ "$mission" =~ ^M-[A-Za-z0-9_-]{1,60}$ ]] || { echo "error: '$mission' is not a mission id" >&2; exit 2; }
work="${ATOMIC_RUNBOOK_WORK:-$(mktemp -d)}"
mkdir -p "$work/bin" "$work/blocks"

declare -A port
for p in 8080 3001 3002 3003 3004 3005; do port[$p]=$p; done
for pair in ${ATOMIC_RUNBOOK_PORTS:-}; do
  [[ "$pair" =~ ^([0-9]+)=([0-9]+)$ ]] || { echo "error: bad ATOMIC_RUNBOOK_PORTS entry '$pair'" >&2; exit 2; }
  port[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
done

# What the blocks expect beside them: the examples, the scripts, .env.template, a git tree.
ln -sfn "$root/examples" "$work/examples"
ln -sfn "$root/scripts" "$work/scripts"
cp "$root/.env.template" "$work/.env.template"
git -C "$work" init -q 2>/dev/null || true
if [[ -n "${ATOMIC_RUNBOOK_CLI:-}" ]]; then
  printf '#!/usr/bin/env bash\nexec %s "$@"\n' "$ATOMIC_RUNBOOK_CLI" > "$work/bin/atomic"
else
  ln -sfn "$root/atomic" "$work/bin/atomic"
fi
chmod +x "$work/bin/atomic" 2>/dev/null || true

# Split the document into blocks: block-NN.sh, or block-NN.skip for the skipped ones.
awk -v dir="$work/blocks" '
  /<!-- runbook-check: skip/ { skip = 1; next }
  /^```bash$/ { n++; file = sprintf("%s/block-%02d.%s", dir, n, skip ? "skip" : "sh"); inblock = 1; skip = 0; next }
  /^```/ && inblock { inblock = 0; close(file); next }
  inblock { print > file; next }
  /^[^[:space:]]/ { skip = 0 }
' "$doc"

ran=0
skipped=0
for block in "$work"/blocks/block-*; do
  if [[ "$block" == *.skip ]]; then
    skipped=$((skipped + 1))
    continue
  fi
  script="$(cat "$block")"
  # two passes, so that a port written in the first can never be matched again by the second
  for p in "${!port[@]}"; do script="${script//localhost:$p/localhost:@port-$p@}"; done
  for p in "${!port[@]}"; do script="${script//localhost:@port-$p@/localhost:${port[$p]}}"; done
  script="${script//M-123/$mission}"
  printf '%s\n' "$script" > "$block.run"
  if $print; then
    echo "# $(basename "$block")"
    cat "$block.run"
    ran=$((ran + 1))
    continue
  fi
  if ! (cd "$work" && PATH="$work/bin:$PATH" ATOMIC_URL="http://localhost:${port[8080]}" \
      ATOMIC_HEALTH_PORTS="${port[8080]} ${port[3001]} ${port[3002]} ${port[3003]} ${port[3004]} ${port[3005]}" \
      ATOMIC_HOME="$work/home" bash -euo pipefail "$block.run") > "$block.out" 2>&1; then
    echo "FAIL  $(basename "$block"):" >&2
    sed 's/^/    /' "$block.run" >&2
    echo "  output:" >&2
    tail -n 40 "$block.out" | sed 's/^/    /' >&2
    exit 1
  fi
  ran=$((ran + 1))
  echo "ok    $(basename "$block") ($(grep -cv '^\s*\(#\|$\)' "$block") command lines)"
done
$print && { echo "runbook check: $ran block(s) printed, $skipped skipped, in $work"; exit 0; }
echo "runbook check: $ran block(s) ran, $skipped skipped, in $work"
