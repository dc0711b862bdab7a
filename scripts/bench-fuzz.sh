#!/usr/bin/env bash
# Long fuzz: a view service, two replicas and a simulator as real processes on loopback, every POST
# endpoint fed hostile bodies by the tests' seeded generators (org.paternoster.testing.fuzz). One
# JSON line per endpoint, a total, then whether every process survived. Exit 1 on any failure.
# Usage: scripts/bench-fuzz.sh [--inputs 20000] [--seed 14]
source "$(dirname "$0")/lib.sh"
inputs=20000; seed=14
while [ $# -gt 0 ]; do
  case "$1" in
    --inputs) inputs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
build_once
start_scratch

"$ROOT/scripts/view-service.sh" --port 7970 --discovery none >"$work/vs.log" 2>&1 & pids+=($!)
for i in 1 2; do
  "$ROOT/scripts/replica.sh" --id "f$i" --port $((7970 + i)) --view-service http://127.0.0.1:7970 --discovery none >"$work/r$i.log" 2>&1 & pids+=($!)
done
"$ROOT/scripts/simulator.sh" --port 7975 --http-port 7976 --start-floor 2 --seed 1 >"$work/sim.log" 2>&1 & pids+=($!)
for _ in $(seq 100); do
  curl -fsS http://127.0.0.1:7970/view 2>/dev/null | grep -q '"backup":"f.*"acked":true' && curl -fsS http://127.0.0.1:7976/state >/dev/null 2>&1 && break; sleep 0.2
done
status=0
java -Xmx512m "$LOG_OPTS" -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" org.paternoster.bench.FuzzBench \
  --view-service http://127.0.0.1:7970 --simulator http://127.0.0.1:7976 --inputs "$inputs" --seed "$seed" || status=$?
alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=$((alive + 1)); done
echo "{\"fuzz\":\"processes\",\"alive\":$alive,\"started\":${#pids[@]}}"
[ "$alive" -eq "${#pids[@]}" ] || status=1
exit "$status"
