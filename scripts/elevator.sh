#!/usr/bin/env bash
# An elevator node. Usage: scripts/elevator.sh --id ID [--floors 4] [--hardware HOST:PORT | --simulate]
#   [--port 7201] [--view-service URL] [--data-dir DIR] [--discovery hazelcast|none]   (--help for all)
source "$(dirname "$0")/lib.sh"
ensure_built
run_java elevator-node org.paternoster.elevator.node.NodeMain "$@"
