#!/usr/bin/env bash
# False failovers at start-up (issue 12): starts scripts/demo.sh (shipped defaults) N times, watches
# the view service's history for W seconds each and counts view changes other than "first primary"
# and "backup joined". One JSON line per round, then a summary; exit status 1 if any were counted.
# Usage: scripts/bench-demo-start.sh [--rounds 5] [--watch-s 60] [--base-port 7600] [--traffic] [--view-service-members 1|3]
source "$(dirname "$0")/lib.sh"
build_once
java -Xmx256m "$LOG_OPTS" -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" org.paternoster.bench.DemoStartBench --root "$ROOT" "$@"
