#!/usr/bin/env bash
# A controller replica. Usage: scripts/replica.sh --id ID [--port 7101] [--view-service URL] ... (--help)
source "$(dirname "$0")/lib.sh"
ensure_built
# The commit path allocates per request. A heap committed whole gives the serial collector a young
# generation of about 170 MB instead of about 21 MB (-Xms64m), so it collects about an eighth as
# often; with -Xms64m its collections took 10-18 % of a loaded primary's CPU (docs/BENCHMARKS.md).
# JAVA_OPTS overrides.
JAVA_OPTS="${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseSerialGC}"
run_java primary-backup org.paternoster.replica.ReplicaMain "$@"
