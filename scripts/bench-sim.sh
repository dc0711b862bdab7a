#!/usr/bin/env bash
# Many seeded simulated schedules of the real view-service and replica cores: one JSON
# line per failing seed (shrunk, with its violations), then a summary line with schedules per
# second, what was found and the faults injected by kind. Exit status 3 when a schedule failed.
# Usage: scripts/bench-sim.sh [--schedules 100000] [--first-seed 1] [--threads N] [--no-shrink]
# Replay one seed as a test: mvn -pl primary-backup test -Dtest=SimulationTest -Dsim.seed=N [-Dsim.trace=true]
source "$(dirname "$0")/lib.sh"
build_once
# The simulator runs the real view service, a test-only dependency of the replica module.
exec java -Xmx2g "$LOG_OPTS" -cp "$ROOT/primary-backup/target/test-classes:$ROOT/primary-backup/target/classes:$ROOT/primary-backup/target/lib/*:$ROOT/view-service/target/classes:$ROOT/view-service/target/lib/*" \
  org.paternoster.replica.sim.SimulationMain "$@"
