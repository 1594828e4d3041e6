#!/bin/sh
# Sleeps for $1 seconds after saying so: long enough to be cancelled, timed out or interrupted by a restart.
echo "napping for $1 s"
sleep "$1"
echo "woke up"
