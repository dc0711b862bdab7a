#!/usr/bin/env bash
# The whole system on this machine: the view service, controller replicas, elevator nodes on the
# built-in simulator and the dashboard. Prints what runs where; Ctrl-C stops everything.
# Usage: scripts/demo.sh [--replicas 3] [--elevators 3] [--floors 4] [--traffic] [--time-scale 1]
#                        [--base-port 7000] [--dashboard-port 8080]
# Timing profile: replicas ping every 25 ms and are declared dead after 6 missed pings (150 ms),
# the profile measured by scripts/bench-failover.sh (docs/BENCHMARKS.md).
source "$(dirname "$0")/lib.sh"

replicas=3; elevators=3; floors=4; traffic=no; scale=1; base=7000; dash=8080
usage() { sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas=$2; shift 2 ;;
    --elevators) elevators=$2; shift 2 ;;
    --floors) floors=$2; shift 2 ;;
    --traffic) traffic=yes; shift ;;
    --time-scale) scale=$2; shift 2 ;;
    --base-port) base=$2; shift 2 ;;
    --dashboard-port) dash=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
for n in "$replicas" "$elevators" "$floors" "$base" "$dash"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a number: $n" >&2; usage >&2; exit 2; }
done

build_once
RUN="$ROOT/run/demo"
mkdir -p "$RUN"
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "stopping ..."
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

start() { # start NAME SCRIPT ARGS...
  local name=$1 script=$2
  shift 2
  "$ROOT/scripts/$script" "$@" >"$RUN/$name.log" 2>&1 &
  pids+=($!)
}

vs="http://127.0.0.1:$base"
timing=(--ping-interval-ms 25)
start view-service view-service.sh --port "$base" --discovery none --data-dir "$RUN/view-service" "${timing[@]}" --dead-pings 6
for i in $(seq 1 "$replicas"); do
  start "r$i" replica.sh --id "r$i" --port $((base + 100 + i)) --view-service "$vs" --discovery none --floors "$floors" "${timing[@]}"
done
for i in $(seq 1 "$elevators"); do
  start "e$i" elevator.sh --id "e$i" --port $((base + 200 + i)) --view-service "$vs" --discovery none --floors "$floors" \
    --simulate --time-scale "$scale" --data-dir "$RUN/elevators"
done
if [ -d "$ROOT/web-dashboard" ] && [ -x "$ROOT/scripts/dashboard.sh" ]; then
  start dashboard dashboard.sh --port "$dash" --view-service "$vs" --discovery none --control
fi

echo "Paternoster demo (logs in $RUN)"
echo "  view service   $vs/view    history: $vs/views"
for i in $(seq 1 "$replicas"); do echo "  replica r$i     http://127.0.0.1:$((base + 100 + i))/state"; done
for i in $(seq 1 "$elevators"); do echo "  elevator e$i    http://127.0.0.1:$((base + 200 + i))/state   (simulated, $floors floors)"; done
[ -x "$ROOT/scripts/dashboard.sh" ] && echo "  dashboard      http://127.0.0.1:$dash/"
echo "  press a button: curl -XPOST http://127.0.0.1:$((base + 201))/buttons -d '{\"type\":\"hall\",\"floor\":2,\"direction\":\"up\"}'"
echo "  kill the primary: scripts/kill-primary.sh --view-service $vs"
echo "Ctrl-C stops everything."

if [ "$traffic" = yes ]; then
  echo "traffic: a random press every 1-4 s"
  while sleep $((RANDOM % 4 + 1)); do
    e=$((RANDOM % elevators + 1)); f=$((RANDOM % floors))
    case $((RANDOM % 3)) in
      0) body="{\"type\":\"cab\",\"floor\":$f}" ;;
      1) [ "$f" -lt $((floors - 1)) ] && body="{\"type\":\"hall\",\"floor\":$f,\"direction\":\"up\"}" || body="{\"type\":\"hall\",\"floor\":$f,\"direction\":\"down\"}" ;;
      *) [ "$f" -gt 0 ] && body="{\"type\":\"hall\",\"floor\":$f,\"direction\":\"down\"}" || body="{\"type\":\"hall\",\"floor\":$f,\"direction\":\"up\"}" ;;
    esac
    curl -s -o /dev/null -XPOST "http://127.0.0.1:$((base + 200 + e))/buttons" -d "$body" || true
  done &
  pids+=($!)
fi
wait
