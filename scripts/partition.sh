#!/usr/bin/env bash
# Cuts processes off from each other by address, with iptables, and undoes it. Every rule lives in
# one dedicated chain (default PATERNOSTER, jumped to from INPUT and FORWARD), so `heal` removes
# exactly what this script added and nothing else on the machine is touched. Needs root and iptables.
# Usage: scripts/partition.sh [--chain NAME] cut A B [C ...]   drop all traffic between A and each of B, C, ...
#        scripts/partition.sh [--chain NAME] isolate A [--except ADDR]...   drop all traffic to and from A
#        scripts/partition.sh [--chain NAME] heal      remove every rule of the chain, and the chain
#        scripts/partition.sh [--chain NAME] list      show the rules in force
#        scripts/partition.sh [--chain NAME] drop MATCH...   add a DROP rule with any iptables match
#        scripts/partition.sh check    exit 0 when iptables is usable here, else say why and exit 1
# A or B is an address (what the process was started with, --host) or a process name of the
# network-namespace demo (view-service, r1, e2, ...: scripts/netns.sh addr NAME). In namespaces
# (scripts/demo.sh --netns, scripts/chaos.sh as root) traffic between processes is routed through
# FORWARD; on loopback addresses (127.0.0.x, chaos without namespaces) it passes INPUT.
set -euo pipefail

chain=PATERNOSTER
usage() { sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "partition.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --chain) [ $# -ge 2 ] || { usage >&2; exit 2; }; chain=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { usage >&2; exit 2; }
command=$1
shift
[[ "$chain" =~ ^[A-Za-z0-9_-]{1,28}$ ]] || fail "chain name must be 1-28 of [A-Za-z0-9_-]: $chain"

# Why iptables cannot be used here, or nothing when it can.
unusable() {
  command -v iptables >/dev/null 2>&1 || { echo "iptables is not installed (apt-get install iptables)"; return; }
  [ "$(id -u)" = 0 ] || { echo "not root: iptables needs root (run with sudo)"; return; }
  iptables -w -L INPUT -n >/dev/null 2>&1 || echo "iptables does not work here: $(iptables -w -L INPUT -n 2>&1 | head -1)"
}

require_iptables() {
  local why
  why=$(unusable)
  [ -z "$why" ] || fail "$why"
}

ipt() { iptables -w "$@"; }

# The chain exists and INPUT (local delivery, loopback) and FORWARD (between namespaces) jump to it, once.
ensure_chain() {
  ipt -N "$chain" 2>/dev/null || true
  for hook in INPUT FORWARD; do
    ipt -C "$hook" -j "$chain" 2>/dev/null || ipt -I "$hook" -j "$chain"
  done
}

# An IPv4 address, or a process name resolved by scripts/netns.sh; prints the address.
resolve() {
  "$(dirname "$0")/netns.sh" resolve "$1" 2>/dev/null || fail "not an IPv4 address nor a process name: $1"
}

case "$command" in
  check)
    why=$(unusable)
    [ -z "$why" ] || { echo "$why"; exit 1; }
    echo "iptables usable"
    ;;
  cut)
    [ $# -ge 2 ] || { usage >&2; exit 2; }
    addrs=()
    for a in "$@"; do addrs+=("$(resolve "$a")"); done
    require_iptables
    ensure_chain
    a=${addrs[0]}
    for b in "${addrs[@]:1}"; do
      ipt -A "$chain" -s "$a" -d "$b" -j DROP
      ipt -A "$chain" -s "$b" -d "$a" -j DROP
    done
    ;;
  isolate)
    [ $# -ge 1 ] || { usage >&2; exit 2; }
    a=$(resolve "$1")
    shift
    except=()
    while [ $# -gt 0 ]; do
      case "$1" in
        --except) [ $# -ge 2 ] || { usage >&2; exit 2; }; except+=("$(resolve "$2")"); shift 2 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
      esac
    done
    require_iptables
    ensure_chain
    # RETURN, not ACCEPT: an exempted packet leaves this chain and meets the rest of INPUT as before.
    for e in "${except[@]}"; do
      ipt -I "$chain" -s "$e" -d "$a" -j RETURN
      ipt -I "$chain" -s "$a" -d "$e" -j RETURN
    done
    ipt -A "$chain" -s "$a" ! -d "$a" -j DROP
    ipt -A "$chain" -d "$a" ! -s "$a" -j DROP
    ;;
  drop)
    [ $# -ge 1 ] || { usage >&2; exit 2; }
    require_iptables
    ensure_chain
    ipt -A "$chain" "$@" -j DROP
    ;;
  heal)
    require_iptables
    for hook in INPUT FORWARD; do
      while ipt -D "$hook" -j "$chain" 2>/dev/null; do :; done
    done
    ipt -F "$chain" 2>/dev/null || true
    ipt -X "$chain" 2>/dev/null || true
    ;;
  list)
    require_iptables
    ipt -S "$chain" 2>/dev/null || echo "no chain $chain: nothing in force"
    ;;
  *)
    echo "unknown command: $command" >&2
    usage >&2
    exit 2
    ;;
esac
