#!/bin/sh
# Demo: prints made-up recent log lines of a service.
set -eu
service=$1 lines=${2:-10}
i=1
while [ "$i" -le "$lines" ]; do
  printf '2026-11-26T10:%02d:%02dZ %s level=info msg="request served" status=200 duration=%dms\n' \
    $((i / 60 % 60)) $((i % 60)) "$service" $((i * 7 % 300))
  i=$((i + 1))
done
