#!/usr/bin/env bash
# Cuts processes off from each other by address, with iptables, and undoes it. Every rule lives in
# one dedicated chain (default PATERNOSTER, jumped to from INPUT), so `heal` removes exactly what this
# script added and nothing else on the machine is touched. Needs root and iptables.
# Usage: scripts/partition.sh [--chain NAME] cut A B [C ...]   drop all traffic between A and each of B, C, ...
#        scripts/partition.sh [--chain NAME] isolate A [--except ADDR]...   drop all traffic to and from A
#        scripts/partition.sh [--chain NAME] heal      remove every rule of the chain, and the chain
#        scripts/partition.sh [--chain NAME] list      show the rules in force
#        scripts/partition.sh [--chain NAME] drop MATCH...   add a DROP rule with any iptables match
#        scripts/partition.sh check    exit 0 when iptables is usable here, else say why and exit 1
# Addresses are what each process was started with (--host): scripts/chaos.sh gives every process
# its own loopback address (127.0.0.10 view service, .11-.13 replicas, .21-.23 elevators), so that
# a cut between two of them is one rule each way. docs/CHAOS.md has the details.
set -euo pipefail

chain=PATERNOSTER
usage() { sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "partition.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --chain) [ $# -ge 2 ] || { usage >&2; exit 2; }; chain=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# The chain exists and INPUT jumps to it (once).
ensure_chain() {
  ipt -N "$chain" 2>/dev/null || true
  ipt -C INPUT -j "$chain" 2>/dev/null || ipt -I INPUT -j "$chain"
}

address() {
  [[ "$1" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] || fail "not an IPv4 address: $1"
}

case "$command" in
  check)
    why=$(unusable)
    [ -z "$why" ] || { echo "$why"; exit 1; }
    echo "iptables usable"
    ;;
  cut)
    [ $# -ge 2 ] || { usage >&2; exit 2; }
    for a in "$@"; do address "$a"; done
    require_iptables
    ensure_chain
    a=$1
    shift
    for b in "$@"; do
      ipt -A "$chain" -s "$a" -d "$b" -j DROP
      ipt -A "$chain" -s "$b" -d "$a" -j DROP
    done
    ;;
  isolate)
    [ $# -ge 1 ] || { usage >&2; exit 2; }
    a=$1
    shift
    address "$a"
    except=()
    while [ $# -gt 0 ]; do
      case "$1" in
        --except) [ $# -ge 2 ] || { usage >&2; exit 2; }; address "$2"; except+=("$2"); shift 2 ;;
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
    while ipt -D INPUT -j "$chain" 2>/dev/null; do :; done
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
