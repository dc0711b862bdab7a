#!/usr/bin/env bash
# Dispatch benchmark (docs/DISPATCH.md): the deterministic traffic simulator runs passenger traces
# through each dispatcher; one JSON line per run, then a summary per scenario (mean ± 95 % interval
# over seeds, paired differences against each baseline).
# Usage: scripts/bench-dispatch.sh [--building MID16|LOW10|FILE.json] [--scenario UP12[,LUNCH13...]]
#          [--seeds 1-5] [--traces DIR | --generate] [--dispatcher NAME[,NAME]|all] [--out FILE.jsonl]
#          [--assigner-cmd 'PROGRAM ARGS'] [--plot FILE.html] [--replot FILE.jsonl --plot FILE.html]
# Traces are read as DIR/<building name>_<scenario>_s<seed>.csv; DIR defaults to ../shared/bench/traces
# beside the checkout.
source "$(dirname "$0")/lib.sh"
build_once
require_java java
exec java ${JAVA_OPTS:--Xms64m -Xmx1g -XX:+UseSerialGC} "$LOG_OPTS" \
  -cp "$ROOT/traffic/target/classes:$ROOT/traffic/target/lib/*" org.paternoster.traffic.bench.DispatchBench --root "$ROOT" "$@"
