#!/usr/bin/env bash
# Puts Paternoster processes in their own network namespaces, so that a cut or a loss rule hits
# exactly one process (scripts/partition.sh, scripts/packet-loss.sh). Each process NAME gets the
# namespace pn-NAME, joined to this (root) namespace by a veth pair and ROUTED through it: every
# packet between two processes crosses this namespace's FORWARD chain, where the cuts live.
# Usage: scripts/netns.sh up NAME...      create the namespaces (idempotent), print "NAME ADDR" lines
#        scripts/netns.sh down [NAME...]  remove the named namespaces (default: every pn-* one this script made)
#        scripts/netns.sh unplug NAME     pull NAME's cable: its link goes down, nothing gets in or out
#        scripts/netns.sh plug NAME       put the cable back (link up, routes restored)
#        scripts/netns.sh addr NAME       the address of NAME (works without root)
#        scripts/netns.sh resolve X       X itself when it is an IPv4 address, else addr X
#        scripts/netns.sh exec NAME CMD...   run CMD inside NAME's namespace (exec: same PID)
#        scripts/netns.sh list            the namespaces in place
#        scripts/netns.sh check           exit 0 when namespaces can be made here, else say why
# Names and addresses (a test network of our own, 10.77.0.0/16):
#   view-service 10.77.0.10, rN 10.77.1.N, eN 10.77.2.N, lab machine mN 10.77.3.N (a member, a
#   replica and an elevator node in one namespace),
#   this namespace (chaos observer, dashboard, your curl) 10.77.0.1.  N is 1..250.
set -euo pipefail

GATEWAY=10.77.0.1
usage() { sed -n '6,14p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "netns.sh: $*" >&2; exit 1; }

addr_of() {
  case "$1" in
    view-service) echo 10.77.0.10 ;;
    root|observer) echo "$GATEWAY" ;;
    r[0-9]*|e[0-9]*|m[0-9]*)
      local n=${1:1}
      [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 250 ] || fail "bad process name: $1 (rN, eN or mN, N in 1..250)"
      case "${1:0:1}" in
        r) echo "10.77.1.$n" ;;
        e) echo "10.77.2.$n" ;;
        m) echo "10.77.3.$n" ;;
      esac
      ;;
    *) fail "unknown process name: $1 (view-service, rN, eN, mN)" ;;
  esac
}

unusable() {
  command -v ip >/dev/null 2>&1 || { echo "iproute2 (ip) is not installed (apt-get install iproute2)"; return; }
  [ "$(id -u)" = 0 ] || { echo "not root: network namespaces need root (run with sudo)"; return; }
  if ! ip netns add pn-probe-$$ >/dev/null 2>&1; then
    echo "cannot create network namespaces here: $(ip netns add pn-probe-$$ 2>&1 | head -1)"
    return
  fi
  ip netns del pn-probe-$$ >/dev/null 2>&1 || true
}

require() {
  local why
  why=$(unusable)
  [ -z "$why" ] || fail "$why"
}

# veth names are at most 15 characters: pn-view-service is exactly 15.
up_one() {
  local name=$1 ns="pn-$1" addr
  addr=$(addr_of "$name")
  if ! ip netns list | grep -qw "$ns"; then
    ip netns add "$ns"
  fi
  if ! ip link show "$ns" >/dev/null 2>&1; then
    ip link add "$ns" type veth peer name eth0 netns "$ns"
  fi
  ip netns exec "$ns" ip link set lo up
  ip netns exec "$ns" ip addr replace "$addr/32" dev eth0
  ip netns exec "$ns" ip link set eth0 up
  ip netns exec "$ns" ip route replace "$GATEWAY/32" dev eth0
  ip netns exec "$ns" ip route replace default via "$GATEWAY" dev eth0 onlink
  ip addr replace "$GATEWAY/32" dev "$ns"
  ip link set "$ns" up
  ip route replace "$addr/32" dev "$ns"
  echo "$name $addr"
}

case "${1:-}" in
  addr)
    [ $# -eq 2 ] || { usage >&2; exit 2; }
    addr_of "$2"
    ;;
  resolve)
    [ $# -eq 2 ] || { usage >&2; exit 2; }
    if [[ "$2" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]]; then echo "$2"; else addr_of "$2"; fi
    ;;
  check)
    why=$(unusable)
    [ -z "$why" ] || { echo "$why"; exit 1; }
    echo "network namespaces usable"
    ;;
  up)
    shift
    [ $# -ge 1 ] || { usage >&2; exit 2; }
    for n in "$@"; do addr_of "$n" >/dev/null; done
    require
    # Routing between the namespaces happens here; remember the old setting so `down` restores it.
    state=/run/paternoster-netns.ip_forward
    [ -f "$state" ] || cat /proc/sys/net/ipv4/ip_forward > "$state"
    echo 1 > /proc/sys/net/ipv4/ip_forward
    for n in "$@"; do up_one "$n"; done
    ;;
  down)
    require
    if [ $# -ge 2 ]; then
      shift
      for n in "$@"; do
        addr_of "$n" >/dev/null
        for pid in $(ip netns pids "pn-$n" 2>/dev/null || true); do kill -9 "$pid" 2>/dev/null || true; done
        ip link del "pn-$n" 2>/dev/null || true
        ip netns del "pn-$n" 2>/dev/null || true
      done
      # The last one out restores forwarding as it was before the first `up`.
      ip netns list | awk '{print $1}' | grep -q '^pn-' && exit 0
    fi
    for ns in $(ip netns list | awk '{print $1}' | grep '^pn-' || true); do
      # Killing what still runs inside keeps a stale process from holding an address we reuse.
      for pid in $(ip netns pids "$ns" 2>/dev/null || true); do kill -9 "$pid" 2>/dev/null || true; done
      ip link del "$ns" 2>/dev/null || true
      ip netns del "$ns" 2>/dev/null || true
    done
    state=/run/paternoster-netns.ip_forward
    if [ -f "$state" ]; then cat "$state" > /proc/sys/net/ipv4/ip_forward; rm -f "$state"; fi
    ;;
  unplug)
    [ $# -eq 2 ] || { usage >&2; exit 2; }
    addr_of "$2" >/dev/null
    require
    ip link set "pn-$2" down
    ;;
  plug)
    [ $# -eq 2 ] || { usage >&2; exit 2; }
    require
    ip link set "pn-$2" up
    up_one "$2" >/dev/null # the route to it went with the link
    ;;
  exec)
    [ $# -ge 3 ] || { usage >&2; exit 2; }
    addr_of "$2" >/dev/null
    ns="pn-$2"
    shift 2
    exec ip netns exec "$ns" "$@"
    ;;
  list)
    ip netns list | grep '^pn-' || echo "no Paternoster namespaces"
    ;;
  -h|--help)
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac
