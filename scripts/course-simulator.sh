#!/usr/bin/env bash
# Builds the course's own elevator simulator (TTK4145 Simulator-v2, public domain, written in D),
# for `scripts/bench-light.sh --course-simulator BINARY` and for driving a node by hand:
#   target/course-simulator/SimElevatorServer --port 15657      (in a terminal of its own)
#   scripts/elevator.sh --id e1 --hardware 127.0.0.1:15657
# Usage: scripts/course-simulator.sh [--src DIR] [--out FILE]
#   --src DIR   a checkout of https://github.com/TTK4145/Simulator-v2 (default: cloned into target/)
#   --out FILE  the binary to write (default: target/course-simulator/SimElevatorServer)
# Needs git (without --src) and a D compiler: ldc2 (apt-get install ldc), dmd or gdc.
# Prints the binary's path.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
src=; out="$ROOT/target/course-simulator/SimElevatorServer"
usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --src) [ $# -ge 2 ] || { usage >&2; exit 2; }; src=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || { usage >&2; exit 2; }; out=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -z "$src" ]; then
  src="$ROOT/target/course-simulator/Simulator-v2"
  [ -d "$src/.git" ] || git clone -q https://github.com/TTK4145/Simulator-v2 "$src"
fi
[ -f "$src/src/sim_server.d" ] || { echo "not a Simulator-v2 checkout (no src/sim_server.d): $src" >&2; exit 2; }
mkdir -p "$(dirname "$out")"
if command -v ldc2 >/dev/null; then ldc2 -O -w "$src/src/sim_server.d" "$src/src/timer_event.d" -of="$out" -od="$(dirname "$out")/obj"
elif command -v dmd >/dev/null; then dmd -O -w "$src/src/sim_server.d" "$src/src/timer_event.d" -of"$out" -od"$(dirname "$out")/obj"
elif command -v gdc >/dev/null; then gdc -O2 "$src/src/sim_server.d" "$src/src/timer_event.d" -o "$out"
else echo "a D compiler is needed: apt-get install ldc (or dmd, gdc)" >&2; exit 1
fi
echo "$out"
