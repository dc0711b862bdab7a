#!/usr/bin/env bash
# Many chaos runs (scripts/chaos.sh) with consecutive seeds: one JSON summary line per run, then an
# aggregate line (schedules, lost calls, violations, worst service time, faults by kind).
# Usage: scripts/bench-chaos.sh [--runs 10] [--duration 60s] [--first-seed 1] [--faults all] [--durable-books] [--on-total-loss wait|rebuild] [--out DIR]
# Each run's progress and logs are under the out dir (default run/bench-chaos/seed-N/).
source "$(dirname "$0")/lib.sh"
build_once
exec java -Xmx256m "$LOG_OPTS" -XX:+UseSerialGC -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" \
  org.paternoster.bench.ChaosBench --root "$ROOT" "$@"
