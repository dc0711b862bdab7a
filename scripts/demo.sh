#!/usr/bin/env bash
# The whole system on this machine: the view service, controller replicas, elevator nodes on the
# built-in simulator and the dashboard. Prints what runs where; Ctrl-C stops everything.
# Usage: scripts/demo.sh [--replicas 3] [--elevators 3] [--floors 4] [--traffic] [--time-scale 1]
#                        [--base-port 7000] [--dashboard-port 8080] [--netns] [--view-service-members 1|3|5]
# Every process runs the shipped defaults: pings every 25 ms; a crashed process is declared dead 100 ms
# after its connection closes, a silent one after 200-800 ms (scripts/bench-failover.sh, docs/BENCHMARKS.md).
# Each start is a fresh demo: the previous demo's views and elevator state under run/demo are removed.
# --netns (root): every process in its own network namespace (scripts/netns.sh: view service
# 10.77.0.10, rN 10.77.1.N, eN 10.77.2.N), so scripts/partition.sh and scripts/packet-loss.sh can
# cut or degrade any one of them by name; the dashboard stays here, on 127.0.0.1.
# --view-service-members 3: a replicated view service of 3 members (ports BASE, BASE+2, BASE+4,
# consensus on the next port each); kill -9 the leader's process to watch the view service fail over.
source "$(dirname "$0")/lib.sh"

replicas=3; elevators=3; floors=4; traffic=no; scale=1; base=7000; dash=8080; netns=no; members=1
usage() { sed -n '4,5p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas=$2; shift 2 ;;
    --elevators) elevators=$2; shift 2 ;;
    --floors) floors=$2; shift 2 ;;
    --traffic) traffic=yes; shift ;;
    --time-scale) scale=$2; shift 2 ;;
    --base-port) base=$2; shift 2 ;;
    --dashboard-port) dash=$2; shift 2 ;;
    --netns) netns=yes; shift ;;
    --view-service-members) members=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$members" in 1|3|5) ;; *) echo "--view-service-members must be 1, 3 or 5" >&2; usage >&2; exit 2 ;; esac
[ "$members" = 1 ] || [ "$netns" = no ] || { echo "--view-service-members with --netns is not supported; see README \"Three lab machines\"" >&2; exit 2; }
for n in "$replicas" "$elevators" "$floors" "$base" "$dash"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a number: $n" >&2; usage >&2; exit 2; }
done
if [ "$netns" = yes ]; then
  why=$("$SCRIPTS/netns.sh" check) || { echo "demo.sh --netns: $why" >&2; exit 1; }
  [ "$replicas" -le 250 ] && [ "$elevators" -le 250 ] || { echo "demo.sh --netns: at most 250 replicas and 250 elevators" >&2; exit 2; }
fi

build_once
RUN="$ROOT/run/demo"
rm -rf "$RUN"/view-service* "$RUN/elevators"
mkdir -p "$RUN"
# The dashboard's controls need a token (printed below in the dashboard's address). With --netns
# the processes listen on namespace addresses, so they need a cluster secret too: one of this run's own.
PATERNOSTER_CONTROL_TOKEN=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
export PATERNOSTER_CONTROL_TOKEN
if [ "$netns" = yes ]; then
  PATERNOSTER_CLUSTER_SECRET=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  export PATERNOSTER_CLUSTER_SECRET
fi
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "stopping ..."
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "$netns" = no ] || "$SCRIPTS/netns.sh" down
}
trap cleanup INT TERM EXIT

# host NAME: where NAME listens (its own namespace's address with --netns, else 127.0.0.1).
host() { if [ "$netns" = yes ] && [ "$1" != dashboard ]; then "$SCRIPTS/netns.sh" addr "$1"; else echo 127.0.0.1; fi; }

start() { # start NAME SCRIPT ARGS...: in NAME's own namespace with --netns
  local name=$1 script=$2
  shift 2
  local enter=()
  [ "$netns" = no ] || [ "$name" = dashboard ] || enter=("$SCRIPTS/netns.sh" exec "$name")
  "${enter[@]}" "$SCRIPTS/$script" --host "$(host "$name")" "$@" >"$RUN/$name.log" 2>&1 &
  pids+=($!)
  started+=("$name")
}

# port_free NAME PORT: exits with a clear message when something already listens on PORT here.
port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then
    local who
    who=$(ss -ltnpH "sport = :$2" 2>/dev/null | grep -o 'users:(("[^"]*",pid=[0-9]*' | sed 's/users:(("//; s/",pid=/, pid /' | head -1)
    echo "demo.sh: port $2 (for $1) is taken${who:+ by $who}; stop it or pick other ports with --base-port / --dashboard-port" >&2
    exit 1
  fi
}

# await_up NAME URL: waits until URL answers (every process has GET /health), or its process exits.
await_up() {
  local name=$1 url=$2 pid=$3
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null --max-time 1 "$url" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "demo.sh: $name exited while starting; its log ($RUN/$name.log) ends:" >&2; tail -5 "$RUN/$name.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "demo.sh: $name did not answer $url within 2 minutes; see $RUN/$name.log" >&2
  exit 1
}

# The processes of this demo and the port each listens on (members' consensus on the next port).
names=()
if [ "$members" = 1 ]; then names+=(view-service); else for k in $(seq 1 "$members"); do names+=("view-service-m$k"); done; fi
for i in $(seq 1 "$replicas"); do names+=("r$i"); done
for i in $(seq 1 "$elevators"); do names+=("e$i"); done
[ -x "$SCRIPTS/dashboard.sh" ] && names+=(dashboard)
port_of() {
  case "$1" in
    view-service) echo "$base" ;;
    view-service-m*) echo $((base + 2 * (${1#view-service-m} - 1))) ;;
    r*) echo $((base + 100 + ${1#r})) ;;
    e*) echo $((base + 200 + ${1#e})) ;;
    dashboard) echo "$dash" ;;
  esac
}
url_of() { echo "http://$(host "$1"):$(port_of "$1")"; }

if [ "$netns" = yes ]; then
  "$SCRIPTS/netns.sh" down
  namespaces=(); for n in "${names[@]}"; do [ "$n" = dashboard ] || namespaces+=("$n"); done
  "$SCRIPTS/netns.sh" up "${namespaces[@]}" >/dev/null
else
  for n in "${names[@]}"; do
    port_free "$n" "$(port_of "$n")"
    case "$n" in view-service-m*) port_free "$n (consensus)" $(($(port_of "$n") + 1)) ;; esac
  done
fi
started=()
if [ "$members" = 1 ]; then
  vs=$(url_of view-service)
  start view-service view-service.sh --port "$base" --discovery none --data-dir "$RUN/view-service"
else
  list=; vs=
  for k in $(seq 1 "$members"); do list="$list${list:+,}127.0.0.1:$(port_of "view-service-m$k")"; done
  for k in $(seq 1 "$members"); do
    vs="$vs${vs:+,}$(url_of "view-service-m$k")"
    start "view-service-m$k" view-service.sh --port "$(port_of "view-service-m$k")" --members "$list" --discovery none \
      --data-dir "$RUN/view-service-m$k"
  done
fi
for i in $(seq 1 "$replicas"); do
  start "r$i" replica.sh --id "r$i" --port "$(port_of "r$i")" --view-service "$vs" --discovery none --floors "$floors"
done
for i in $(seq 1 "$elevators"); do
  start "e$i" elevator.sh --id "e$i" --port "$(port_of "e$i")" --view-service "$vs" --discovery none --floors "$floors" \
    --simulate --time-scale "$scale" --data-dir "$RUN/elevators"
done
if [ -x "$SCRIPTS/dashboard.sh" ]; then
  # The dashboard runs here (never in a namespace), on 127.0.0.1, and reaches the others by route.
  start dashboard dashboard.sh --port "$dash" --view-service "$vs" --discovery none --control
fi

# Wait until every process answers before saying where things are.
for k in "${!started[@]}"; do
  name=${started[$k]}
  path=/health; [ "$name" = dashboard ] && path=/
  await_up "$name" "$(url_of "$name")$path" "${pids[$k]}"
done
echo "Paternoster demo (logs in $RUN)$([ "$netns" = yes ] && echo ', each process in its own network namespace')"
if [ "$members" = 1 ]; then
  echo "  view service   $vs/view    history: $vs/views"
else
  for u in ${vs//,/ }; do echo "  view service   $u/view   (member of $members; GET /view names the leader)"; done
fi
for i in $(seq 1 "$replicas"); do echo "  replica r$i     $(url_of "r$i")/state"; done
for i in $(seq 1 "$elevators"); do echo "  elevator e$i    $(url_of "e$i")/state   (simulated, $floors floors)"; done
[ -x "$SCRIPTS/dashboard.sh" ] && echo "  dashboard      http://127.0.0.1:$dash/#token=$PATERNOSTER_CONTROL_TOKEN"
if [ "$netns" = no ]; then
  echo "  press a button: curl -XPOST $(url_of e1)/buttons -d '{\"type\":\"hall\",\"floor\":2,\"direction\":\"up\"}'"
else
  echo "  press a button: the dashboard (the processes take only messages signed with this run's cluster secret)"
fi
echo "  kill the primary: $(basename "$SCRIPTS")/kill-primary.sh --view-service $vs"
if [ "$netns" = yes ]; then
  echo "  cut r1 off:     scripts/partition.sh cut r1 view-service r2 r3   (undo: scripts/partition.sh heal)"
  echo "  lose packets:   scripts/packet-loss.sh --target e1 --rate 0.4    (undo: scripts/packet-loss.sh --off)"
fi
echo "Ctrl-C stops everything."

if [ "$traffic" = yes ]; then
  echo "traffic: a random press every 1-4 s"
  while sleep $((RANDOM % 4 + 1)); do
    e=$((RANDOM % elevators + 1)); f=$((RANDOM % floors))
    case $((RANDOM % 3)) in
      0) body="{\"type\":\"cab\",\"floor\":$f}" ;;
      1) [ "$f" -lt $((floors - 1)) ] && body="{\"type\":\"hall\",\"floor\":$f,\"direction\":\"up\"}" || body="{\"type\":\"hall\",\"floor\":$f,\"direction\":\"down\"}" ;;
      *) [ "$f" -gt 0 ] && body="{\"type\":\"hall\",\"floor\":$f,\"direction\":\"down\"}" || body="{\"type\":\"hall\",\"floor\":$f,\"direction\":\"up\"}" ;;
    esac
    # through the dashboard's control API: it signs for the cluster when there is a secret
    curl -s -o /dev/null -XPOST "http://127.0.0.1:$dash/api/elevators/e$e/buttons" -H 'content-type: application/json' \
      -H "authorization: Bearer $PATERNOSTER_CONTROL_TOKEN" -d "$body" || true
  done &
  pids+=($!)
fi
wait
