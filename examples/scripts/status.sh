#!/bin/sh
# Demo: prints a made-up health table for all services, or for the one given.
set -eu
services=${1:-}
[ -n "$services" ] || services="web billing search"
printf '%-8s %-8s %-8s %s\n' SERVICE STATE REPLICAS P99
for s in $services; do
  case "$s" in
    web) printf '%-8s %-8s %-8s %s\n' web healthy 4 "120ms" ;;
    billing) printf '%-8s %-8s %-8s %s\n' billing healthy 2 "340ms" ;;
    search) printf '%-8s %-8s %-8s %s\n' search degraded 3 "910ms" ;;
    *) echo "unknown service: $s" >&2; exit 2 ;;
  esac
done
