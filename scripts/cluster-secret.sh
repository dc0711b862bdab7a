#!/usr/bin/env bash
# Writes a new random cluster secret to PATH (mode 0600), to copy to every machine of one cluster
# and give each process as --cluster-secret-file PATH (or in PATERNOSTER_CLUSTER_SECRET).
# Usage: scripts/cluster-secret.sh PATH
set -euo pipefail
if [ $# -ne 1 ] || [ "$1" = --help ] || [ "$1" = -h ]; then
  echo "usage: scripts/cluster-secret.sh PATH   (writes a new random secret; refuses to overwrite one)" >&2
  [ $# -eq 1 ] && exit 0 || exit 2
fi
[ ! -e "$1" ] || { echo "cluster-secret.sh: $1 exists; remove it first if you mean to replace the cluster's secret" >&2; exit 1; }
umask 077
head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$1"
echo >> "$1"
echo "wrote a new cluster secret to $1 (copy it to every machine; keep it private)"
