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

# The processes' log format: scripts/logback.xml (readable lines), or with PATERNOSTER_LOG_FORMAT=json
# scripts/logback-json.xml (one JSON object per event). Library jars carry no logging configuration.
case "${PATERNOSTER_LOG_FORMAT:-text}" in
  text) LOG_OPTS="-Dlogback.configurationFile=$SCRIPTS/logback.xml" ;;
  json) LOG_OPTS="-Dlogback.configurationFile=$SCRIPTS/logback-json.xml" ;;
  *) echo "PATERNOSTER_LOG_FORMAT must be text or json, got: $PATERNOSTER_LOG_FORMAT" >&2; exit 2 ;;
esac

# The calling script's own arguments (lib.sh is sourced, so "$@" is theirs): --help must answer
# from whatever build exists, never start one.
WANTS_HELP=
for arg in "$@"; do case "$arg" in -h|--help) WANTS_HELP=1 ;; esac; done

# java_major TOOL: the major version of TOOL (java or javac), 0 when it is missing. Read from the
# JDK's `release` file (no JVM started: every process start asks), else parsed from `TOOL -version`
# ("openjdk version "17.0.15" ...", "javac 17.0.15", "java version "1.8.0_412"").
java_major() {
  command -v "$1" >/dev/null || { echo 0; return; }
  local version home
  home=$(dirname "$(dirname "$(readlink -f "$(command -v "$1")")")")
  version=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$home/release" 2>/dev/null || true)
  [ -n "$version" ] || version=$("$1" -version 2>&1 | head -1 | grep -oE '[0-9]+(\.[0-9]+)*' | head -1)
  case "$version" in 1.*) version=${version#1.} ;; esac
  echo "${version%%.*}"
}

# require_java TOOL: TOOL (java or javac) of version 17 or later, or a clear message and exit 1.
require_java() {
  local tool=$1 version
  command -v "$tool" >/dev/null || { echo "Java 17 ($tool) is required: apt-get install openjdk-17-jdk-headless" >&2; exit 1; }
  [ -z "${PATERNOSTER_JAVA_OK:-}" ] || return 0
  version=$(java_major "$tool")
  if [ -z "$version" ] || [ "$version" -lt 17 ]; then
    echo "Java 17 or later is required, but $tool is version ${version:-unknown} ($(command -v "$tool"))" >&2
    exit 1
  fi
  [ "$tool" = javac ] || export PATERNOSTER_JAVA_OK=1
}

# Build the whole reactor (skipping tests) unless the last build is newer than every source.
# Scripts that start other scripts build once and export PATERNOSTER_NO_BUILD=1, so a process
# restarted later (kill/restart tests, benchmarks) never triggers a rebuild under its siblings.
# Builds are serialised by a lock (scripts started in parallel wait for one build, then find it
# fresh), and the stamp is dated from before the build, so a source edited during it is newer.
ensure_built() {
  [ -n "${PATERNOSTER_NO_BUILD:-}" ] || [ -n "$DIST" ] && return 0
  if [ -n "$WANTS_HELP" ] && [ -f "$STAMP" ]; then return 0; fi
  if [ -n "$WANTS_HELP" ]; then # nothing built yet: the script's own header is its usage
    sed -n '2,/^[^#]/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    exit 0
  fi
  mkdir -p "$ROOT/target"
  exec 9>"$ROOT/target/.build.lock"
  command -v flock >/dev/null && flock 9
  if [ -f "$STAMP" ] && [ -z "$(find "$ROOT" -path "$ROOT/target" -prune -o \
        \( -path '*/src/*' -o -name pom.xml \) -newer "$STAMP" -print -quit 2>/dev/null)" ]; then
    build_cds_archives # jars repackaged since (mvn verify), or a new class list
    exec 9>&-
    return 0
  fi
  command -v mvn >/dev/null || { echo "Maven (mvn) is required: apt-get install maven" >&2; exit 1; }
  require_java javac
  echo "building Paternoster (mvn package -DskipTests) ..." >&2
  touch "$STAMP.next"
  (cd "$ROOT" && mvn -q -B -DskipTests package) >&2
  build_cds_archives
  mv "$STAMP.next" "$STAMP"
  exec 9>&-
}

# start_scratch: a scratch directory $work and an array $pids of background processes, killed and
# removed when the script exits (also on Ctrl-C).
start_scratch() {
  work=$(mktemp -d); pids=()
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT INT TERM
}

# Build now, and keep every child script from building again.
build_once() {
  ensure_built
  export PATERNOSTER_NO_BUILD=1
}

# Class-data sharing (AppCDS): the processes on the lamp's path start from an archive of the
# classes they load (parsed, verified, laid out), dumped per module after each build from one
# class list, scripts/cds.classlist (scripts/cds-classlists.sh records it; a module's dump skips
# the classes its classpath lacks). A replica answers /health after about 1.8 s instead of 2.8 s,
# with a fifth less CPU in its first seconds (docs/BENCHMARKS.md). Best effort: without an
# archive, or with PATERNOSTER_CDS=off, a process starts as before.
CDS_MODULES="view-service primary-backup elevator-node"
CDS_LIST="$SCRIPTS/cds.classlist"

# module_jar MODULE: the module's jar built by mvn package (empty when there is none).
module_jar() {
  local jar
  for jar in "$ROOT/$1/target/$1"-*.jar; do
    case "$jar" in *-sources.jar|*-tests.jar|*'*'*) ;; *) [ -f "$jar" ] && { echo "$jar"; return; } ;; esac
  done
}

# jar_classpath MODULE: the classpath of a process with class-data sharing, the same at dump and
# at run time (the JVM refuses an archive made for another). CDS reads classes from jars only, so
# the module's jar stands in for target/classes.
jar_classpath() {
  echo "$(module_jar "$1"):$ROOT/$1/target/lib/*"
}

# cds_current FILE MODULE: FILE was made after MODULE's jar and the class list (so it is for them).
cds_current() {
  [ "$1" -nt "$(module_jar "$2")" ] && [ "$1" -nt "$CDS_LIST" ]
}

# build_cds_archives: MODULE/target/cds/MODULE.jsa for every module, unless current. Written to
# a temporary name and renamed, so a process never maps half an archive. A failed dump (a JDK
# that reads the list differently) leaves no archive, says so, and is not retried until the jar
# or the list changes.
build_cds_archives() {
  [ "${PATERNOSTER_CDS:-on}" != off ] && [ -z "$DIST" ] && [ -f "$CDS_LIST" ] && command -v java >/dev/null || return 0
  local m dir
  for m in $CDS_MODULES; do
    dir="$ROOT/$m/target/cds"
    [ -n "$(module_jar "$m")" ] || continue
    if cds_current "$dir/$m.jsa" "$m" || cds_current "$dir/failed" "$m"; then continue; fi
    mkdir -p "$dir"
    rm -f "$dir/failed"
    echo "sharing $m's classes (class-data archive) ..." >&2
    if java -Xshare:dump -XX:SharedClassListFile="$CDS_LIST" -XX:SharedArchiveFile="$dir/$m.jsa.tmp" \
        -cp "$(jar_classpath "$m")" >"$dir/dump.log" 2>&1; then
      mv "$dir/$m.jsa.tmp" "$dir/$m.jsa"
    else
      rm -f "$dir/$m.jsa.tmp" "$dir/$m.jsa"
      touch "$dir/failed"
      echo "no class-data archive for $m (see $dir/dump.log): it starts without one" >&2
    fi
  done
}

# run_java MODULE MAIN_CLASS ARGS... : exec the JVM (so kill -9 of the script's PID hits the JVM).
# With PATERNOSTER_CDS_TRAIN=DIR, the first process of each module records the classes it loads
# in DIR/MODULE.classlist (claimed atomically: two replicas starting together never share it).
run_java() {
  local module=$1 main=$2 cp cds=() archive
  shift 2
  cp="$ROOT/$module/target/classes:$ROOT/$module/target/lib/*"
  [ -z "$DIST" ] || cp="$ROOT/lib/*"
  archive="$ROOT/$module/target/cds/$module.jsa"
  if [ -z "$DIST" ] && [ "${PATERNOSTER_CDS:-on}" != off ] && [ -n "$(module_jar "$module")" ]; then
    if [ -n "${PATERNOSTER_CDS_TRAIN:-}" ]; then
      if (set -C; : >"$PATERNOSTER_CDS_TRAIN/$module.classlist") 2>/dev/null; then
        cds=(-XX:DumpLoadedClassList="$PATERNOSTER_CDS_TRAIN/$module.classlist")
      fi
    elif cds_current "$archive" "$module"; then
      cds=(-XX:SharedArchiveFile="$archive" -Xshare:auto)
    fi
  fi
  [ ${#cds[@]} -eq 0 ] || cp=$(jar_classpath "$module")
  require_java java
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC} "${cds[@]}" \
    -Dhazelcast.logging.type=slf4j -Dhazelcast.phone.home.enabled=false "$LOG_OPTS" \
    -cp "$cp" "$main" "$@"
}

# screenshot PAGE.html PICTURE.png [W,H]: a picture of a local page with headless chromium (1400,900);
# says so and returns 1 when there is no chromium here.
screenshot() {
  local browser
  browser=$(command -v chromium || command -v chromium-browser || true)
  if [ -z "$browser" ]; then echo "no chromium here: no picture of $1" >&2; return 1; fi
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="${3:-1400,900}" \
    --screenshot="$(realpath -m "$2")" "file://$(realpath "$1")" >/dev/null 2>&1
}
