#!/usr/bin/env bash
# Runs the view service. Flags: --host --port --ping-interval-ms --dead-pings --data-dir
# --discovery hazelcast|none --hz-members HOST:PORT,...   (--help for details)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_built
run_java view-service org.paternoster.view.ViewServiceMain "$@"
