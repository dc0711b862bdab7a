#!/usr/bin/env bash
# Records the classes the processes on the lamp's path load (view service, replicas, an elevator
# node on the built-in simulator) while scripts/bench-light.sh presses buttons, into
# scripts/cds/MODULE.classlist, then rebuilds the class-data archives from them (scripts/lib.sh).
# Run it after a change that loads many new classes (a new library); a list that lacks a class
# only means that class loads the slow way.
# Usage: scripts/cds-classlists.sh [--presses 60]
source "$(dirname "$0")/lib.sh"
presses=60
while [ $# -gt 0 ]; do
  case "$1" in
    --presses) presses=${2:?--presses needs a number}; shift 2 ;;
    -h|--help) sed -n '2,/^[^#]/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
build_once
train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
PATERNOSTER_CDS_TRAIN=$train "$SCRIPTS/bench-light.sh" --presses "$presses" --warmup 20 >/dev/null
mkdir -p "$SCRIPTS/cds"
for m in $CDS_MODULES; do
  list="$train/$m.classlist"
  [ -s "$list" ] || { echo "no classes recorded for $m" >&2; exit 1; }
  # A process killed before it closed its list may leave a cut last line: keep whole lines only.
  { [ -z "$(tail -c 1 "$list")" ] && cat "$list" || sed '$d' "$list"; } >"$SCRIPTS/cds/$m.classlist"
  echo "$m: $(grep -vc '^#' "$SCRIPTS/cds/$m.classlist") classes" >&2
done
build_cds_archives
