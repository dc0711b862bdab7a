#!/usr/bin/env bash
# Button -> light latency through the whole chain: simulated panel press -> node driver poll ->
# primary + backup commit -> lamp lit at the node. Prints one JSON line.
# Usage: scripts/bench-light.sh [--presses 200] [--warmup 100] [--floors 9] [--poll-ms N] [--settle-s S] [--seed 1]
#        [--course-simulator BINARY [--travel-ms 400] [--cars 1..9]]
source "$(dirname "$0")/lib.sh"
build_once
java -Xmx256m "$LOG_OPTS" -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" org.paternoster.bench.LightLatencyBench --root "$ROOT" "$@"
