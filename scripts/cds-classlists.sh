#!/usr/bin/env bash
# Records the classes the processes on the lamp's path load (view service, replicas, an elevator
# node on the built-in simulator) while scripts/bench-light.sh presses buttons, into one list,
# scripts/cds.classlist, then rebuilds the class-data archives from it (scripts/lib.sh).
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
for m in $CDS_MODULES; do
  list="$train/$m.classlist"
  [ -s "$list" ] || { echo "no classes recorded for $m" >&2; exit 1; }
  # A process killed before it closed its list may leave a cut last line: keep whole lines only.
  [ -z "$(tail -c 1 "$list")" ] || sed -i '$d' "$list"
  echo "$m: $(grep -vc '^#' "$list") classes" >&2
done
# One list for every module, each line once, in the order first seen (a class after the ones it needs).
(cd "$train" && awk '!seen[$0]++' $(for m in $CDS_MODULES; do echo "$m.classlist"; done)) >"$CDS_LIST"
echo "in all: $(grep -vc '^#' "$CDS_LIST") classes" >&2
build_cds_archives
