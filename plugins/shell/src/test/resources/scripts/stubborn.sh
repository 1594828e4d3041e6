#!/bin/sh
# Ignores SIGTERM (and so does its child, which inherits the ignored signal): only SIGKILL stops it.
trap '' TERM
sleep 600 &
echo "child $!"
wait
