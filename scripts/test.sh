#!/usr/bin/env bash
# The README's test command. On a bare Debian machine it installs what the tests need (as root),
# then runs every test of every module. Extra arguments go to Maven (e.g. -Dtest=ReplicaTest).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  else
    echo "missing: ${need[*]}; install them (apt-get install ${need[*]}) or run as root" >&2
    exit 1
  fi
fi

exec mvn -B -ntp verify "$@"
