#!/usr/bin/env bash
# Drops a share of the packets a process receives, with the iptables statistic match (as the
# course's own packet-loss tool does), and undoes it. The rules live in their own chain
# (default PATERNOSTER-LOSS), kept apart from scripts/partition.sh's cuts. Needs root and iptables.
# Usage: scripts/packet-loss.sh --target ADDR --rate 0.3 [--except ADDR] [--chain NAME]
#        scripts/packet-loss.sh --off [--chain NAME]      remove every loss rule
# ADDR is the process's own --host address or a process name of the namespace demo (r1, e2, ...;
# see scripts/partition.sh); --except spares packets from one address (say the one your curl or an
# observer uses). Rates from 0 to 1. The rule matches in INPUT and FORWARD, so it works on loopback
# addresses and between network namespaces alike.
set -euo pipefail

chain=PATERNOSTER-LOSS
target=; rate=; except=; off=no
usage() { sed -n '5,6p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --target) [ $# -ge 2 ] || { usage >&2; exit 2; }; target=$2; shift 2 ;;
    --rate) [ $# -ge 2 ] || { usage >&2; exit 2; }; rate=$2; shift 2 ;;
    --except) [ $# -ge 2 ] || { usage >&2; exit 2; }; except=$2; shift 2 ;;
    --chain) [ $# -ge 2 ] || { usage >&2; exit 2; }; chain=$2; shift 2 ;;
    --off) off=yes; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

# partition.sh owns the chain plumbing and the root/iptables checks.
partition=("$(dirname "$0")/partition.sh" --chain "$chain")

if [ "$off" = yes ]; then
  exec "${partition[@]}" heal
fi
[ -n "$target" ] && [ -n "$rate" ] || { usage >&2; exit 2; }
[[ "$rate" =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]] || { echo "packet-loss.sh: --rate must be a number from 0 to 1: $rate" >&2; exit 2; }
addr() { # an address, or a process name resolved by scripts/netns.sh
  "$(dirname "$0")/netns.sh" resolve "$1" 2>/dev/null || { echo "packet-loss.sh: not an IPv4 address nor a process name: $1" >&2; exit 2; }
}
match=(-d "$(addr "$target")")
[ -z "$except" ] || match+=(! -s "$(addr "$except")")
exec "${partition[@]}" drop "${match[@]}" -m statistic --mode random --probability "$rate"
