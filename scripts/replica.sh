#!/usr/bin/env bash
# A controller replica. Usage: scripts/replica.sh --id ID [--port 7101] [--view-service URL] ... (--help)
source "$(dirname "$0")/lib.sh"
ensure_built
run_java primary-backup org.paternoster.replica.ReplicaMain "$@"
