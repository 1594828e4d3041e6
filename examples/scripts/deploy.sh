#!/bin/sh
# Demo: a staged deploy that takes about ten seconds and prints its progress, so the chat shows it streaming.
set -eu
service=$1 version=$2 env=$3
step() { echo "[$(date +%H:%M:%S)] $*"; }
step "deploying $service $version to $env"
for stage in "pulling image $service:$version" "running database migrations" "draining old pods" \
             "starting new pods (1/3)" "starting new pods (2/3)" "starting new pods (3/3)" "running smoke tests"; do
  sleep 1.3
  step "$stage"
done
step "done: $service $version is live in $env"
