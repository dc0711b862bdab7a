#!/usr/bin/env bash
# Button -> light and the primary's CPU with many elevators on one primary/backup pair (issue 16):
#   scripts/bench-scale.sh [--elevators 3,16,64] [--presses 200] [--floors 9] [--idle-s 5]
# A view service and two replicas as processes, the N simulated elevator nodes in the benchmark's
# JVM. One JSON line per N. Needs an otherwise idle machine; see docs/BENCHMARKS.md.
source "$(dirname "$0")/lib.sh"
build_once
exec java -Xmx1g "$LOG_OPTS" -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" org.paternoster.bench.ScaleBench --root "$ROOT" "$@"
