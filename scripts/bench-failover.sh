#!/usr/bin/env bash
# Failover benchmark: view service + 3 replicas as real processes, clients committing orders;
# kill -9 the primary, time until a new order is committed by the new primary; N rounds.
# Usage: scripts/bench-failover.sh [--rounds 20] [--ping-interval-ms 25] [--dead-pings 8] [--detector adaptive|fixed] [--soak-s 600]
source "$(dirname "$0")/lib.sh"
build_once
java -Xmx512m "$LOG_OPTS" -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" org.paternoster.bench.FailoverBench --root "$ROOT" "$@"
