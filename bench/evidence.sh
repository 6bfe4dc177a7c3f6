#!/usr/bin/env bash
# Benchmark: evidence append rate with chaining on PostgreSQL (8 writers on distinct missions) and
# the export of a mission with 10,000 events (REST, PostgreSQL), with offline verification of the
# pack. Prints the figures (also written to cli/target/evidence-bench.txt). Not part of `verify`.
#
#   bench/evidence.sh            # BENCH_SECONDS (20) of appends; BENCH_MISSION_EVENTS (10000)
#
# Needs PostgreSQL at ATOMIC_TEST_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/test,
# user postgres, trust auth); each part runs in a fresh schema that is dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl cli -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=EvidenceBench -Dfailsafe.failIfNoSpecifiedTests=false
cat cli/target/evidence-bench.txt
