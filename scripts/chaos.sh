#!/usr/bin/env bash
# Chaos run: the whole system (view service, 3 replicas, 3 simulated elevators) as real processes on
# their own loopback addresses, random passengers, and a seeded schedule of faults (kill -9 and
# restart, SIGSTOP/SIGCONT, iptables partitions and packet loss, motor cuts, obstructions); then
# heal, drain and check the history. The last stdout line is a one-line JSON summary; the timeline
# (timeline.html) and every process's log land in the out dir. Exit 0: every property held.
# Usage: scripts/chaos.sh [--duration 120s] [--seed N] [--faults kill,pause,partition,loss,motor,obstruction,dup-reorder,power-loss]
#                         [--out DIR] [--time-scale 4] [--drain-max 60s] [--max-concurrent-faults 2] [--durable-books]
#                         [--on-total-loss wait|rebuild] (--help for all; power-loss needs --durable-books)
#        scripts/chaos.sh --recheck DIR   check a finished run's history again (after a checker change)
# Network faults need root and iptables; without them they are skipped and the summary says why.
# docs/CHAOS.md explains what is checked and how.
source "$(dirname "$0")/lib.sh"
for a in "$@"; do
  case "$a" in -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; echo; break ;; esac
done
build_once
exec java ${CHAOS_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC} "$LOG_OPTS" -cp "$ROOT/system-test/target/classes:$ROOT/system-test/target/lib/*" \
  org.paternoster.system.chaos.ChaosMain --root "$ROOT" "$@"
