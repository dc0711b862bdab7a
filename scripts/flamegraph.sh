#!/usr/bin/env bash
# A flame graph of a JDK Flight Recorder file, as a page to explore and a picture for docs/:
#   scripts/flamegraph.sh RECORDING.jfr OUT [--title TEXT]   -> OUT.html (and OUT.png with chromium)
# Record with e.g. JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/r-%p.jfr,settings=profile"
# in front of any script that starts a JVM. CPU samples only (jdk.ExecutionSample); converted by
# async-profiler's jfr-converter (a Maven dependency of the bench module).
source "$(dirname "$0")/lib.sh"
usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; }
[ $# -ge 2 ] || { usage >&2; exit 2; }
jfr=$1; out=$2; shift 2
title=$(basename "$jfr")
while [ $# -gt 0 ]; do
  case "$1" in
    --title) [ $# -ge 2 ] || { usage >&2; exit 2; }; title=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[ -r "$jfr" ] || { echo "flamegraph.sh: cannot read $jfr" >&2; exit 2; }
build_once
require_java java
java -cp "$ROOT/bench/target/lib/*" Main --simple --title "$title" "$jfr" "$out.html" >&2
if screenshot "$out.html" "$out.png"; then echo "$out.html $out.png"; else echo "$out.html"; fi
