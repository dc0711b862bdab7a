#!/usr/bin/env bash
# Sourced by every start script. Finds the checkout, builds it once when sources are newer than
# the last build, and runs a module's main class from target/classes + target/lib (no network).
set -euo pipefail
SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPTS/.." && pwd)
STAMP="$ROOT/target/.built"
# Unpacked from paternoster-<version>.tar.gz: bin/ (these scripts) and lib/ (every jar), no
# sources to build, only Java 17 needed.
DIST=; [ -d "$ROOT/lib" ] && [ ! -f "$ROOT/pom.xml" ] && DIST=1

# Build the whole reactor (skipping tests) unless the last build is newer than every source.
# Scripts that start other scripts build once and export PATERNOSTER_NO_BUILD=1, so a process
# restarted later (kill/restart tests, benchmarks) never triggers a rebuild under its siblings.
ensure_built() {
  [ -n "${PATERNOSTER_NO_BUILD:-}" ] || [ -n "$DIST" ] && return 0
  if [ -f "$STAMP" ] && [ -z "$(find "$ROOT" -path "$ROOT/target" -prune -o \
        \( -path '*/src/*' -o -name pom.xml \) -newer "$STAMP" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  command -v mvn >/dev/null || { echo "Maven (mvn) is required: apt-get install maven" >&2; exit 1; }
  echo "building Paternoster (mvn package -DskipTests) ..." >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package) >&2
  mkdir -p "$ROOT/target" && touch "$STAMP"
}

# Build now, and keep every child script from building again.
build_once() {
  ensure_built
  export PATERNOSTER_NO_BUILD=1
}

# run_java MODULE MAIN_CLASS ARGS... : exec the JVM (so kill -9 of the script's PID hits the JVM).
run_java() {
  local module=$1 main=$2 cp
  shift 2
  cp="$ROOT/$module/target/classes:$ROOT/$module/target/lib/*"
  [ -z "$DIST" ] || cp="$ROOT/lib/*"
  command -v java >/dev/null || { echo "Java 17 (java) is required: apt-get install openjdk-17-jre-headless" >&2; exit 1; }
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC} \
    -Dhazelcast.logging.type=slf4j -Dhazelcast.phone.home.enabled=false \
    -cp "$cp" "$main" "$@"
}
