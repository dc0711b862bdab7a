#!/usr/bin/env bash
# Runs the view service, or one member of a replicated one (--members HOST:PORT,HOST:PORT,HOST:PORT).
# Flags: --host --port --advertise --members --consensus-port --data-dir --ping-interval-ms --dead-pings
# --on-total-loss --discovery hazelcast|none --hz-members HOST:PORT,...   (--help for details)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_built
run_java view-service org.paternoster.view.ViewServiceMain "$@"
