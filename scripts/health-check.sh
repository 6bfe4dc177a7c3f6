#!/usr/bin/env bash
# The runbook's health check: every service of an Atomic platform answers /health with its real
# state (database, Temporal, a live worker on its task queue); exit 1 when one cannot serve.
#
#   scripts/health-check.sh [BASE_URL]     default http://localhost: ports 8080 and 3001-3005
#   ATOMIC_HEALTH_PORTS="443" scripts/health-check.sh https://atomic.example.com
set -uo pipefail
base="${1:-http://localhost}"
base="${base%/}"
ports="${ATOMIC_HEALTH_PORTS:-8080 3001 3002 3003 3004 3005}"
failed=0
for port in $ports; do
  url="$base:$port/health"
  [[ "$port" == "443" || "$port" == "80" ]] && url="$base/health"
  body="$(curl -sS -m 5 -w $'\n%{http_code}' "$url" 2>&1)"
  status="${body##*$'\n'}"
  body="${body%$'\n'*}"
  if [[ "$status" == "200" ]]; then
    printf 'ok    %s  %s\n' "$url" "$body"
  else
    printf 'FAIL  %s  (%s) %s\n' "$url" "$status" "$body"
    failed=1
  fi
done
exit "$failed"
