#!/usr/bin/env bash
# kill -9s one Paternoster process on this machine and starts it again with exactly the same
# command line, working directory and log file: a crash followed by a restart, by hand.
# Usage: scripts/restart.sh NAME [--down SECONDS] [--pid PID]
#   NAME   r1, e2, ... (the process started with --id NAME) or view-service
#   --down how long it stays dead before the restart (default 0)
#   --pid  which process, when several match (e.g. a demo and a chaos run at once)
# Works on anything started through scripts/ (demo.sh, chaos.sh, replica.sh ...): the command line
# comes from /proc/PID/cmdline and the log from /proc/PID/fd/1, so no state file is needed; a
# process in a network namespace (demo.sh --netns) is restarted in that namespace.
set -euo pipefail
usage() { sed -n '4,7p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "restart.sh: $*" >&2; exit 1; }

name=; down=0; pid=
while [ $# -gt 0 ]; do
  case "$1" in
    --down) [ $# -ge 2 ] || { usage >&2; exit 2; }; down=$2; shift 2 ;;
    --pid) [ $# -ge 2 ] || { usage >&2; exit 2; }; pid=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$name" ] || { echo "one NAME only" >&2; usage >&2; exit 2; }; name=$1; shift ;;
  esac
done
[ -n "$name" ] || { usage >&2; exit 2; }
[[ "$name" =~ ^[A-Za-z0-9._-]{1,64}$ ]] || fail "not a process name: $name"
[[ "$down" =~ ^[0-9]+(\.[0-9]+)?$ ]] || fail "--down must be a number of seconds: $down"

if [ -z "$pid" ]; then
  if [ "$name" = view-service ]; then
    pattern='org\.paternoster\.view\.ViewServiceMain( |$)'
  else
    pattern="org\.paternoster\.(replica\.ReplicaMain|elevator\.node\.NodeMain) .*--id $name( |\$)"
  fi
  mapfile -t pids < <(pgrep -f "$pattern" || true)
  [ ${#pids[@]} -gt 0 ] || fail "no running process named $name on this machine"
  if [ ${#pids[@]} -gt 1 ]; then
    echo "restart.sh: ${#pids[@]} processes are named $name; pick one with --pid:" >&2
    for p in "${pids[@]}"; do echo "  $p  $(tr '\0' ' ' <"/proc/$p/cmdline" | cut -c1-160)" >&2; done
    exit 1
  fi
  pid=${pids[0]}
fi
[ -r "/proc/$pid/cmdline" ] || fail "no process $pid"

mapfile -d '' -t argv <"/proc/$pid/cmdline"
[ ${#argv[@]} -gt 0 ] || fail "cannot read the command line of $pid"
cwd=$(readlink "/proc/$pid/cwd")
log=$(readlink "/proc/$pid/fd/1" || true)
# Only append to a regular file; a terminal or pipe of the old process is not ours to reuse.
[ -n "$log" ] && [ -f "$log" ] || log=/dev/null

# A process in a network namespace (demo.sh --netns, chaos.sh) comes back in the same one.
netns=$(ip netns identify "$pid" 2>/dev/null || true)
[ -z "$netns" ] || argv=(ip netns exec "$netns" "${argv[@]}")

kill -9 "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
echo "killed $name (pid $pid)"
sleep "$down"
cd "$cwd"
echo "---- restart.sh: restarting $name" >>"$log"
setsid nohup "${argv[@]}" >>"$log" 2>&1 </dev/null &
echo "restarted $name as pid $! (log: $log)"
