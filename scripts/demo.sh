#!/usr/bin/env bash
# The whole system on this machine: the view service, 3 controller replicas (and, as they arrive,
# simulated elevators and the dashboard). Prints what runs where; Ctrl-C stops everything.
# Usage: scripts/demo.sh [--replicas 3] [--base-port 7000]
source "$(dirname "$0")/lib.sh"

replicas=3
base=7000
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas=$2; shift 2 ;;
    --base-port) base=$2; shift 2 ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; sed -n '4p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done

build_once
RUN="$ROOT/run/demo"
mkdir -p "$RUN"
rm -f "$RUN"/*.pid
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo "stopping ..."
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

start() { # start NAME SCRIPT ARGS...
  local name=$1 script=$2
  shift 2
  "$ROOT/scripts/$script" "$@" >"$RUN/$name.log" 2>&1 &
  pids+=($!)
  echo $! >"$RUN/$name.pid"
}

vs="http://127.0.0.1:$base"
start view-service view-service.sh --port "$base" --discovery none --data-dir "$RUN/view-service"
for i in $(seq 1 "$replicas"); do
  start "r$i" replica.sh --id "r$i" --port $((base + 100 + i)) --view-service "$vs" --discovery none
done

echo "Paternoster demo (logs and pids in $RUN)"
echo "  view service   $vs/view   $vs/views"
for i in $(seq 1 "$replicas"); do echo "  replica r$i     http://127.0.0.1:$((base + 100 + i))/state"; done
echo "  kill the primary: scripts/kill-primary.sh --view-service $vs"
echo "Ctrl-C stops everything."
wait
