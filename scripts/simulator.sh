#!/usr/bin/env bash
# A simulated elevator speaking the TTK4145 elevator-server protocol, with an HTTP control port.
#   scripts/simulator.sh [--port 15657] [--floors 4] [--http-port 0] [--seed N] [--start-floor F]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_built
run_java elevator-node org.paternoster.elevator.sim.SimulatorMain "$@"
