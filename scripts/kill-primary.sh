#!/usr/bin/env bash
# Asks the view service who is primary and kill -9s that replica (found by its --id on this machine).
# Usage: scripts/kill-primary.sh [--view-service URL[,URL...]]   (default http://127.0.0.1:7000; any member answers)
set -euo pipefail
vs=http://127.0.0.1:7000
while [ $# -gt 0 ]; do
  case "$1" in
    --view-service) vs=$2; shift 2 ;;
    -h|--help) sed -n '2,3p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; sed -n '3p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
view=
for url in ${vs//,/ }; do
  view=$(curl -fsS --max-time 2 "$url/view") && break || view=
done
[ -n "$view" ] || { echo "no view service member at $vs is answering" >&2; exit 1; }
primary=$(printf '%s' "$view" | sed -n 's/.*"primary":"\([^"]*\)".*/\1/p')
[ -n "$primary" ] || { echo "no primary in $view" >&2; exit 1; }
pid=$(pgrep -f "org.paternoster.replica.ReplicaMain .*--id $primary( |\$)" | head -1 || true)
[ -n "$pid" ] || { echo "primary $primary is not running on this machine" >&2; exit 1; }
kill -9 "$pid"
echo "killed primary $primary (pid $pid) of view $(printf '%s' "$view" | sed -n 's/.*"viewnum":\([0-9]*\).*/\1/p')"
