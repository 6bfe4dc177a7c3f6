#!/usr/bin/env bash
# The redaction engine's figures in docs/gateway.md and docs/benchmarks.md: precision, recall
# and throughput on the development corpus and on the provider corpus, then single 1 MiB scans
# (development text, and inputs built to make a matcher backtrack). One thread, in-process.
#
#   bench/gateway.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== development corpus (../shared/corpora/redaction-dev.jsonl)"
./atomic gateway bench --corpus ../shared/corpora/redaction-dev.jsonl --runs "$runs" --large
if [[ -f bench/corpora/redaction-providers.jsonl ]]; then
  echo "== provider corpus (bench/corpora/redaction-providers.jsonl)"
  ./atomic gateway bench --corpus bench/corpora/redaction-providers.jsonl --runs "$runs" --secrets-only
fi
