#!/usr/bin/env bash
# View-service leader failover benchmark (issue 12): three view-service members, three replicas,
# clients committing; each round kill -9s the leading member and the primary replica together and
# times (a) until a surviving member leads, (b) until an order is committed in a higher view.
# Usage: scripts/bench-vs-failover.sh [--rounds 10] [--sealed] [--ping-interval-ms 25] [--dead-pings 8] [--detector adaptive|fixed]
source "$(dirname "$0")/lib.sh"
build_once
java -Xmx512m "$LOG_OPTS" -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" org.paternoster.bench.ViewLeaderFailoverBench --root "$ROOT" "$@"
