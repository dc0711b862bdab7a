#!/usr/bin/env bash
# Assigner scale benchmark (docs/DISPATCH.md, "Scale"): times the primary's assigners on a big group,
# by default 64 cars in random states, 100 floors, 500 pending calls (every hall button lit, the rest
# cab calls). One JSON line per dispatcher with p50 / p99 / max milliseconds.
# Usage: scripts/bench-assign.sh [--elevators 64] [--floors 100] [--calls 500] [--rounds 1000]
#                                [--dispatcher time-to-idle,paternoster] [--seed 1]
source "$(dirname "$0")/lib.sh"
build_once
require_java java
exec java ${JAVA_OPTS:--Xms64m -Xmx1g -XX:+UseSerialGC} "$LOG_OPTS" \
  -cp "$ROOT/traffic/target/classes:$ROOT/traffic/target/lib/*" org.paternoster.traffic.bench.AssignScaleBench "$@"
