#!/usr/bin/env bash
# A CPU flame graph of a running Paternoster process (any JVM), by async-profiler attached for a while:
#   scripts/profile.sh --pid PID [--seconds 10] [--event cpu|itimer|wall] --out OUT [--title TEXT]
# -> OUT.html (search and zoom in a browser) and OUT.png (with chromium). Unlike a JFR recording it
# sees every thread, the JIT compiler's and the kernel's time (syscalls, loopback TCP) included.
# event cpu needs perf events (kernel.perf_event_paranoid <= 2); itimer works everywhere.
source "$(dirname "$0")/lib.sh"
usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; }
pid=; seconds=10; event=cpu; out=; title=
while [ $# -gt 0 ]; do
  case "$1" in
    --pid|--seconds|--event|--out|--title) [ $# -ge 2 ] || { usage >&2; exit 2; } ;;&
    --pid) pid=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --event) event=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --title) title=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$pid" =~ ^[0-9]+$ ]] && [ -n "$out" ] || { usage >&2; exit 2; }
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -ge 1 ] || { echo "profile.sh: --seconds must be a whole number >= 1" >&2; exit 2; }
case "$event" in cpu|itimer|wall) ;; *) echo "profile.sh: --event must be cpu, itimer or wall" >&2; exit 2 ;; esac
kill -0 "$pid" 2>/dev/null || { echo "profile.sh: no process $pid" >&2; exit 2; }
build_once
case "$(uname -m)" in x86_64) arch=linux-x64 ;; aarch64) arch=linux-arm64 ;; *) echo "profile.sh: no async-profiler for $(uname -m)" >&2; exit 1 ;; esac
lib="$ROOT/target/async-profiler/$arch/libasyncProfiler.so"
if [ ! -f "$lib" ]; then
  jar=$(ls "$ROOT"/bench/target/lib/async-profiler-*.jar | head -1)
  mkdir -p "$ROOT/target/async-profiler"
  (cd "$ROOT/target/async-profiler" && jar xf "$jar" "$arch/libasyncProfiler.so")
fi
html=$(realpath -m "$out.html")
title=${title:-process $pid} # the agent's options are comma-separated: a comma in the title becomes a space
# jcmd splits its arguments at '=': the agent's options go through as one quoted word.
jcmd "$pid" "JVMTI.agent_load $lib \"start,event=$event,interval=1ms,file=$html,timeout=$seconds,title=${title//,/ }\"" >/dev/null
for _ in $(seq $((seconds * 10 + 100))); do [ -s "$html" ] && break; sleep 0.1; done
[ -s "$html" ] || { echo "profile.sh: no profile written to $html (see the process's log)" >&2; exit 1; }
sleep 0.5 # the file is written in one go; let it finish
# Tall: a commit's stacks are about 150 frames deep.
if screenshot "$html" "$out.png" 1400,3200; then echo "$html $out.png"; else echo "$html"; fi
