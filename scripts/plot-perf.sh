#!/usr/bin/env bash
# The performance figure (issue 16): scripts/plot-perf.sh FILE.jsonl... --out PAGE.html
# Draws the JSON lines of bench-commit.sh, bench-light.sh and bench-scale.sh as one page, and
# PAGE.png beside it when chromium is here (docs/perf.png is made so).
source "$(dirname "$0")/lib.sh"
build_once
require_java java
java -Xmx256m "$LOG_OPTS" -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" org.paternoster.bench.PerfPlot "$@" || exit $?
out=""
while [ $# -gt 0 ]; do [ "$1" = --out ] && out=$2; shift; done
[ -n "$out" ] && screenshot "$out" "${out%.html}.png" && echo "$out ${out%.html}.png"
exit 0
