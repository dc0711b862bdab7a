#!/usr/bin/env bash
# The README's test command. On a bare Debian or Ubuntu machine it installs what the tests need (as
# root): first what every test needs (a JDK 17, Maven, curl), then, best effort, what some tests use
# (chromium for the dashboard's browser tests, iptables and iproute2 for network faults); the tests
# whose tools are missing skip and say so. Then it runs every test of every module. Extra arguments
# go to Maven (e.g. -Dtest=ReplicaTest). Run through sudo, the build output is handed back to the
# invoking user afterwards (no root-owned target/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh # java_major

# first_available PACKAGE...: the first of these names the package manager knows (Debian vs Ubuntu).
first_available() {
  for p in "$@"; do
    if apt-cache show "$p" >/dev/null 2>&1; then echo "$p"; return; fi
  done
}

required=()
[ "$(java_major javac)" -ge 17 ] 2>/dev/null || required+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || required+=(maven)
command -v curl >/dev/null || required+=(curl)
optional=()
[ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || optional+=("chromium chromium-browser")
[ -x /usr/bin/chromedriver ] || optional+=("chromium-driver chromium-chromedriver")
command -v iptables >/dev/null || optional+=(iptables)
command -v ip >/dev/null || optional+=(iproute2)

if [ ${#required[@]} -gt 0 ] || [ ${#optional[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    if [ ${#required[@]} -gt 0 ]; then
      echo "installing: ${required[*]}"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${required[@]}"
    fi
    for names in "${optional[@]}"; do
      # shellcheck disable=SC2086
      pkg=$(first_available $names)
      if [ -z "$pkg" ]; then
        echo "optional: none of ($names) is available here; the tests that need it skip and say so" >&2
      elif ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg"; then
        echo "optional: could not install $pkg; the tests that need it skip and say so" >&2
      fi
    done
  elif [ ${#required[@]} -gt 0 ]; then
    echo "missing: ${required[*]}; install them (apt-get install ${required[*]}) or run as root" >&2
    exit 1
  else
    echo "not installing (not root): ${optional[*]}; the tests that need them skip and say so" >&2
  fi
fi

status=0
mvn -B -ntp verify "$@" || status=$?
if [ "$(id -u)" = 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
  # Give what the build wrote back to the person who ran sudo.
  find . -maxdepth 2 \( -name target -o -name run \) -type d -exec chown -R "$SUDO_USER": {} + 2>/dev/null || true
fi
exit "$status"
