#!/usr/bin/env bash
# The floor under the commit path: Vert.x HTTP/1.1 on this machine with servers that do no work.
# 1 hop: load -> server. 2 hops: load -> relay -> server -> relay -> load, the commit path's shape
# without its group commit (one forward per request). Each role is a process of its own on the
# replicas' JVM options; the load is bench-commit's (closed loop, a connection per client).
# One JSON line per level, with each process's CPU per operation.
# Usage: scripts/bench-http-floor.sh [--clients 1,16,64] [--seconds 8] [--hops 1,2]
source "$(dirname "$0")/lib.sh"
clients=1,16,64; seconds=8; hops=1,2
while [ $# -gt 0 ]; do
  case "$1" in
    --clients|--seconds|--hops) [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; } ;;&
    --clients) clients=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --hops) hops=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "--seconds must be a whole number >= 1" >&2; exit 2; }
[[ "$clients" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "--clients must be a comma-separated list of counts, e.g. 1,16,64" >&2; exit 2; }
[[ "$hops" =~ ^[12](,[12])?$ ]] || { echo "--hops must be 1, 2 or 1,2" >&2; exit 2; }
build_once
start_scratch
cp="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"
server_opts=(-Xms512m -Xmx512m -XX:+UseSerialGC "$LOG_OPTS" -cp "$cp" org.paternoster.bench.HttpFloorBench)

java "${server_opts[@]}" --serve 7951 >"$work/server.log" 2>&1 & pids+=($!); server=$!
java "${server_opts[@]}" --relay 7952 --to http://127.0.0.1:7951 >"$work/relay.log" 2>&1 & pids+=($!); relay=$!
for port in 7951 7952; do
  for _ in $(seq 100); do curl -s -o /dev/null -X POST "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
for hop in ${hops//,/ }; do
  if [ "$hop" = 1 ]; then target=(--load http://127.0.0.1:7951 --pid "server=$server")
  else target=(--load http://127.0.0.1:7952 --pid "relay=$relay" --pid "server=$server"); fi
  java -Xmx512m -XX:+UseSerialGC "$LOG_OPTS" -cp "$cp" org.paternoster.bench.HttpFloorBench \
    "${target[@]}" --hops "$hop" --clients "$clients" --seconds "$seconds"
done
