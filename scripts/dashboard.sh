#!/usr/bin/env bash
# The live web dashboard. Usage: scripts/dashboard.sh [--port 8080] [--host 127.0.0.1] [--view-service URL]
#   [--discovery hazelcast|none] [--hz-members HOST:PORT,...] [--control]   (--help for all)
# --control enables the demo actions (elevator buttons, faults, kill the primary); off by default.
source "$(dirname "$0")/lib.sh"
ensure_built
# paternoster.home: the kill-primary button runs $ROOT/scripts/kill-primary.sh.
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC} -Dpaternoster.home=$ROOT"
run_java web-dashboard org.paternoster.dashboard.DashboardMain "$@"
