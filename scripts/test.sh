#!/usr/bin/env bash
# The README's test command. On a bare Debian machine it installs what the tests need (as root),
# then runs every test of every module. Extra arguments go to Maven (e.g. -Dtest=ReplicaTest).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v java >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)
command -v curl >/dev/null || need+=(curl)
# The dashboard's browser tests (skipped with a message where these are absent).
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
# Network faults of the chaos run (partitions, packet loss) and its network namespaces (skipped where not root).
command -v iptables >/dev/null || need+=(iptables)
command -v ip >/dev/null || need+=(iproute2)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  elif ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
    echo "missing: ${need[*]}; install them (apt-get install ${need[*]}) or run as root" >&2
    exit 1
  else
    echo "not installing (not root): ${need[*]}; the tests that need them skip and say so" >&2
  fi
fi

exec mvn -B -ntp verify "$@"
