#!/bin/sh
# Demo: pretends to scale a service, one replica step at a time.
set -eu
service=$1 replicas=$2
echo "scaling $service to $replicas replicas"
sleep 2
echo "$service now runs $replicas replicas"
