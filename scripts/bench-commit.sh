#!/usr/bin/env bash
# Commit-path benchmark: a view service and two replicas on loopback, closed-loop clients
# (default 1, 16, 64) submitting orders; then the same load against Redis SET + WAIT 1 on a
# primary with one replica (if redis-server is installed). Prints one JSON line per run.
# --durable gives each replica a --data-dir (the book fsynced before every acknowledgement), and
# Redis the same promise: appendonly yes, appendfsync always, on both of its servers.
# The JVMs are first warmed up (--jit-warmup-s, default 20: the replicas' compilers take about that
# long on 2 cores to finish the commit path), and that phase is printed as a line of its own.
# --max-waiting-orders N is passed to the replicas (admission control: beyond N waiting orders the
# primary answers 503 with Retry-After, and the clients wait and resend; counted as pushed_back).
# Usage: scripts/bench-commit.sh [--clients 1,16,64] [--seconds 10] [--jit-warmup-s 20] [--max-waiting-orders N] [--no-redis] [--durable]
source "$(dirname "$0")/lib.sh"
clients=1,16,64; seconds=10; jit_warmup=20; redis=yes; durable=no; admission=()
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --jit-warmup-s) jit_warmup=$2; shift 2 ;;
    --max-waiting-orders) admission=(--max-waiting-orders "$2"); shift 2 ;;
    --no-redis) redis=no; shift ;;
    --durable) durable=yes; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
build_once
start_scratch

"$ROOT/scripts/view-service.sh" --port 7900 --discovery none >"$work/vs.log" 2>&1 & pids+=($!)
cpu_of=(--pid "view-service=$!") # the scripts exec their JVM: the PID is the process to watch
for i in 1 2; do
  disk=(); [ "$durable" = yes ] && disk=(--data-dir "$work/book$i")
  "$ROOT/scripts/replica.sh" --id "b$i" --port $((7900 + i)) --view-service http://127.0.0.1:7900 --discovery none "${disk[@]}" "${admission[@]}" >"$work/r$i.log" 2>&1 & pids+=($!)
  cpu_of+=(--pid "b$i=$!")
done
for _ in $(seq 100); do
  curl -fsS http://127.0.0.1:7900/view 2>/dev/null | grep -q '"backup":"b.*"acked":true' && break; sleep 0.2
done
redis_arg=()
aof=(--appendonly no)
[ "$durable" = yes ] && aof=(--appendonly yes --appendfsync always)
if [ "$redis" = yes ] && command -v redis-server >/dev/null; then
  mkdir -p "$work/redis1" "$work/redis2"
  redis-server --port 7911 --dir "$work/redis1" --save '' "${aof[@]}" --daemonize no >"$work/redis1.log" 2>&1 & pids+=($!)
  redis-server --port 7912 --dir "$work/redis2" --save '' "${aof[@]}" --replicaof 127.0.0.1 7911 --daemonize no >"$work/redis2.log" 2>&1 & pids+=($!)
  cpu_of+=(--pid "redis=${pids[-2]}" --pid "redis-replica=${pids[-1]}")
  for _ in $(seq 50); do redis-cli -p 7911 info replication 2>/dev/null | grep -q 'connected_slaves:1' && break; sleep 0.2; done
  redis_arg=(--redis 127.0.0.1:7911)
elif [ "$redis" = yes ]; then
  echo '{"bench":"commit","note":"redis-server not installed (apt-get install redis-server): Redis baseline skipped"}'
fi
[ "$durable" = yes ] && echo '{"bench":"commit","setting":"durable: each replica --data-dir on this machine'"'"'s disk, fsync before every acknowledgement; Redis appendonly yes, appendfsync always"}'
java -Xmx512m "$LOG_OPTS" -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" org.paternoster.bench.CommitBench \
  --view-service http://127.0.0.1:7900 --clients "$clients" --seconds "$seconds" --jit-warmup-s "$jit_warmup" "${redis_arg[@]}" "${cpu_of[@]}" \
  $([ "$durable" = yes ] && echo --durable)
